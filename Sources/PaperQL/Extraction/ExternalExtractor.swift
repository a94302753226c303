// An extractor that is another program, in any language, speaking the JSON-lines protocol of
// PluginProtocol.swift. The program is started once per load: PaperQL sends a describe request,
// then streams every paper on its stdin while a second thread reads answers from its stdout, so
// many papers are in flight. A program that crashes, stops answering, prints something that is
// not JSON, or answers for a paper it was not sent is stopped; its fields stay empty for that
// load, the problem is reported, and every other field is unaffected. Answers are cached on
// disk by (plugin, version, text), so loading the same papers again does not run it.

import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// An external extractor program.
public final class ExternalExtractor: CorpusExtractor, @unchecked Sendable {
    public let name: String
    public let version: String
    public let fields: [FieldDescriptor]
    public let executable: URL
    /// Seconds without any output, while answers are due, after which the program is stopped.
    public let timeout: Double
    private let arguments: [String]
    private let cache: PluginCache?
    private let running = Mutex<RunningPlugin?>(nil)

    /// Starts `executable` (unless its description is cached) and asks it what it provides.
    ///
    /// - Parameter cacheDirectory: where answers are kept between loads; nil for no cache.
    /// - Throws: ``PluginError`` when the program cannot be started or does not describe itself.
    public init(executable: URL, arguments: [String] = [], timeout: Double = 30, cacheDirectory: URL? = nil) throws(PluginError) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        let descriptionKey = PluginCache.descriptionKey(for: executable, arguments: arguments)
        var description = cacheDirectory.flatMap { PluginCache.cachedDescription(in: $0, key: descriptionKey) }
        if description == nil {
            let plugin: RunningPlugin
            do {
                plugin = try RunningPlugin.start(executable: executable, arguments: arguments, timeout: timeout)
            } catch {
                throw PluginError(plugin: executable.lastPathComponent, message: error.description)
            }
            description = plugin.description
            running.withLock { $0 = plugin }
            if let cacheDirectory, let description { PluginCache.storeDescription(description, in: cacheDirectory, key: descriptionKey) }
        }
        let described = description!
        name = described.name
        version = described.version
        fields = described.fields.map { FieldDescriptor(name: $0.name, type: $0.type, summary: $0.summary) }
        cache = cacheDirectory.map { PluginCache(directory: $0, plugin: described.name, version: described.version) }
    }

    deinit {
        running.withLock { $0?.stop() }
    }

    /// Not used: the engine calls ``extractCorpus(_:)`` for whole-corpus extractors.
    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {}

    func extractCorpus(_ corpus: ExtractionCorpus) -> ([ExtractedRow], [LoadDiagnostic]) {
        let origin = "plugin \(name)"
        var rows = [ExtractedRow](repeating: ExtractedRow(values: fields.map { _ in [] }, evidence: fields.map { _ in [] }), count: corpus.rowCount)
        var titles: [String] = []
        var abstracts: [String] = []
        titles.reserveCapacity(corpus.rowCount)
        abstracts.reserveCapacity(corpus.rowCount)
        for row in 0..<corpus.rowCount {
            titles.append(corpus.text("title", row: row))
            abstracts.append(corpus.text("abstract", row: row))
        }
        // Answers from earlier loads.
        var keys: [String] = []
        var pending: [Int] = []
        let cached = cache?.load() ?? [:]
        for row in 0..<corpus.rowCount {
            let key = PluginCache.key(title: titles[row], abstract: abstracts[row])
            keys.append(key)
            if let answer = cached[key] {
                rows[row] = decode(answer, title: titles[row], abstract: abstracts[row])
            } else {
                pending.append(row)
            }
        }
        running.withLock { plugin in
            if pending.isEmpty { plugin?.stop(); plugin = nil }
        }
        guard !pending.isEmpty else { return (rows, []) }

        // Run the program for the rest.
        let plugin: RunningPlugin
        do {
            plugin = try running.withLock { current throws(PluginFailure) -> RunningPlugin in
                if let current { return current }
                return try RunningPlugin.start(executable: executable, arguments: arguments, timeout: timeout)
            }
        } catch {
            return (rows, [LoadDiagnostic(.error, origin: origin, message: "\(error.description); its fields are empty")])
        }
        running.withLock { $0 = nil }
        let outcome = plugin.run(papers: pending.map { row in
            JSONValue.object([("type", .string("paper")), ("id", .string(String(row))), ("title", .string(titles[row])),
                              ("abstract", .string(abstracts[row]))]).jsonText
        }, ids: Set(pending.map(String.init)))
        switch outcome {
        case .failure(let failure, let stderr):
            var message = "\(failure.description); its fields are empty for this load"
            if !stderr.isEmpty { message += " (its last error output: \(stderr.suffix(200).replacingOccurrences(of: "\n", with: " ")))" }
            // Keep only what came from the cache: nothing from a run that went wrong.
            for row in pending { rows[row] = ExtractedRow(values: fields.map { _ in [] }, evidence: fields.map { _ in [] }) }
            return (rows, [LoadDiagnostic(.error, origin: origin, message: message)])
        case .success(let answers):
            var newEntries: [(String, JSONValue)] = []
            var diagnostics: [LoadDiagnostic] = []
            for row in pending {
                guard let answer = answers[String(row)] else { continue }
                rows[row] = decode(answer, title: titles[row], abstract: abstracts[row])
                newEntries.append((keys[row], answer))
            }
            let unanswered = pending.count - newEntries.count
            if unanswered > 0 {
                diagnostics.append(LoadDiagnostic(.warning, origin: origin, message: "no answer for \(unanswered) paper\(unanswered == 1 ? "" : "s")"))
            }
            cache?.append(newEntries)
            return (rows, diagnostics)
        }
    }

    /// The values of one answer (`{"field": [value or {value, field, start, end}], ...}`).
    private func decode(_ answer: JSONValue, title: String, abstract: String) -> ExtractedRow {
        var row = ExtractedRow(values: fields.map { _ in [] }, evidence: fields.map { _ in [] })
        guard case .object(let members) = answer else { return row }
        for (key, raw) in members {
            guard let index = fields.firstIndex(where: { $0.name == key }) else { continue }
            let items: [JSONValue]
            if case .array(let list) = raw { items = list } else { items = [raw] }
            for item in items {
                var valueJSON = item
                var evidence: Evidence?
                if case .object = item, let inner = item["value"] {
                    valueJSON = inner
                    if case .string(let field)? = item["field"], case .number(let start)? = item["start"], case .number(let end)? = item["end"] {
                        let text = field == "title" ? title : abstract
                        if let range = ExternalExtractor.utf8Range(scalars: Int(start)..<Int(end), in: text) {
                            evidence = Evidence(field: field, utf8Range: range)
                        }
                    }
                }
                guard let value = ExternalExtractor.value(valueJSON, as: fields[index].type.scalar) else { continue }
                row.values[index].append(value)
                row.evidence[index].append(evidence)
            }
        }
        return row
    }

    static func value(_ json: JSONValue, as scalar: FieldType.Scalar) -> Value? {
        switch (scalar, json) {
        case (.number, .number(let n)): return .number(n)
        case (.number, .string(let s)): return RegexFieldExtractor.number(s).map(Value.number)
        case (.string, .string(let s)): return .string(s)
        case (.string, .number(let n)): return .string(NumberFormatting.plain(n))
        case (.bool, .bool(let b)): return .bool(b)
        case (.date, .string(let s)): return CalendarDate(iso: s).map(Value.date)
        default: return nil
        }
    }

    /// Unicode-scalar offsets (as Python counts) to UTF-8 offsets.
    static func utf8Range(scalars: Range<Int>, in text: String) -> Range<Int>? {
        let view = text.unicodeScalars
        guard scalars.lowerBound >= 0, scalars.upperBound <= view.count else { return nil }
        let lo = view.index(view.startIndex, offsetBy: scalars.lowerBound)
        let hi = view.index(view.startIndex, offsetBy: scalars.upperBound)
        return text.utf8.distance(from: text.startIndex, to: lo)..<text.utf8.distance(from: text.startIndex, to: hi)
    }
}

/// A plugin that could not be set up.
public struct PluginError: Error, Sendable, CustomStringConvertible {
    public let plugin: String
    public let message: String
    public var description: String { "plugin \(plugin): \(message)" }
}

/// One running plugin process and the pipes to it.
final class RunningPlugin: @unchecked Sendable {
    let process: Process
    let input: FileHandle
    let output: FileHandle
    let errorOutput: Pipe
    let description: PluginDescription
    let timeout: Double
    private var leftover: [UInt8] = []
    private var linesRead = 0

    enum Outcome {
        case success([String: JSONValue])
        case failure(PluginFailure, stderr: String)
    }

    private init(process: Process, input: FileHandle, output: FileHandle, errorOutput: Pipe, description: PluginDescription, timeout: Double,
                 leftover: [UInt8], linesRead: Int) {
        self.process = process
        self.input = input
        self.output = output
        self.errorOutput = errorOutput
        self.description = description
        self.timeout = timeout
        self.leftover = leftover
        self.linesRead = linesRead
    }

    static func start(executable: URL, arguments: [String], timeout: Double) throws(PluginFailure) -> RunningPlugin {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw .cannotStart("\(executable.path) is not an executable file")
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        do {
            try process.run()
        } catch {
            throw .cannotStart(error.localizedDescription)
        }
        // SIGPIPE must not kill PaperQL when the plugin dies with papers still unsent.
        signal(SIGPIPE, SIG_IGN)
        let request = JSONValue.object([("type", .string("describe")), ("protocol", .number(Double(PluginProtocol.version)))]).jsonText + "\n"
        stdin.fileHandleForWriting.write(Data(request.utf8))
        var buffer: [UInt8] = []
        var lines = 0
        let deadline = Watchdog(seconds: timeout) { RunningPlugin.kill(process) }
        defer { deadline.cancel() }
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                lines += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                guard let json = RunningPlugin.parse(line) else {
                    RunningPlugin.kill(process)
                    throw .garbage(line: lines, text: String(decoding: line, as: UTF8.self))
                }
                switch PluginDescription.parse(json) {
                case .success(let description):
                    return RunningPlugin(process: process, input: stdin.fileHandleForWriting, output: stdout.fileHandleForReading,
                                         errorOutput: stderr, description: description, timeout: timeout, leftover: buffer, linesRead: lines)
                case .failure(let failure):
                    RunningPlugin.kill(process)
                    throw failure
                }
            }
            guard let chunk = RunningPlugin.read(stdout.fileHandleForReading, until: { deadline.fired }) else {
                RunningPlugin.kill(process)
                throw .timedOut(timeout)
            }
            if chunk.isEmpty {
                process.waitUntilExit()
                throw .protocolError("the program exited (status \(process.terminationStatus)) without describing itself")
            }
            buffer.append(contentsOf: chunk)
            deadline.reset()
        }
    }

    static func parse(_ line: [UInt8]) -> JSONValue? {
        line.withUnsafeBufferPointer { bytes -> JSONValue? in
            var scanner = JSONScanner(bytes)
            guard scanner.peek() == UInt8(ascii: "{"), let value = try? scanner.readValue(), scanner.peek() == nil else { return nil }
            return value
        }
    }

    /// Streams `papers` (JSON lines) and collects one answer per id.
    func run(papers: [String], ids: Set<String>) -> Outcome {
        let failure = Mutex<PluginFailure?>(nil)
        let input = self.input
        let writer = Thread {
            var batch = Data()
            for paper in papers {
                batch.append(contentsOf: paper.utf8)
                batch.append(0x0A)
                if batch.count >= 64 << 10 {
                    if !RunningPlugin.write(batch, to: input) { break }
                    batch.removeAll(keepingCapacity: true)
                }
            }
            _ = RunningPlugin.write(batch, to: input)
            try? input.close()
        }
        writer.start()
        let errorTail = Mutex("")
        let errorHandle = errorOutput.fileHandleForReading
        let errorReader = Thread {
            while true {
                let chunk = errorHandle.availableData
                if chunk.isEmpty { return }
                errorTail.withLock { tail in
                    tail += String(decoding: chunk, as: UTF8.self)
                    if tail.count > 2000 { tail = String(tail.suffix(1000)) }
                }
            }
        }
        errorReader.start()

        var answers: [String: JSONValue] = [:]
        let process = self.process
        let watchdog = Watchdog(seconds: timeout) {
            failure.withLock { if $0 == nil { $0 = .timedOut(self.timeout) } }
            RunningPlugin.kill(process)
        }
        var buffer = leftover
        reading: while true {
            while let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                linesRead += 1
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) { continue }
                guard let json = RunningPlugin.parse(line), case .string(let type)? = json["type"] else {
                    failure.withLock { if $0 == nil { $0 = .garbage(line: linesRead, text: String(decoding: line, as: UTF8.self)) } }
                    RunningPlugin.kill(process)
                    break reading
                }
                guard type == "values" else { continue }  // other messages are ignored, for future versions
                guard case .string(let id)? = json["id"], ids.contains(id) else {
                    let id: String
                    if case .string(let s)? = json["id"] { id = s } else { id = json["id"]?.jsonText ?? "none" }
                    failure.withLock { if $0 == nil { $0 = .unknownPaper(id) } }
                    RunningPlugin.kill(process)
                    break reading
                }
                answers[id] = json["values"] ?? .object([])
            }
            // Wait for output in short slices, so that a stopped plugin whose children still hold
            // the pipe open cannot keep us waiting.
            guard let chunk = RunningPlugin.read(output, until: { failure.withLock { $0 != nil } }) else { break }
            if chunk.isEmpty { break }
            buffer.append(contentsOf: chunk)
            watchdog.reset()
        }
        watchdog.cancel()
        if failure.withLock({ $0 != nil }) {
            RunningPlugin.kill(process)
            let stderr = errorTail.withLock { $0 }
            return .failure(failure.withLock { $0! }, stderr: stderr)
        }
        process.waitUntilExit()
        let stderr = errorTail.withLock { $0 }
        if let failed = failure.withLock({ $0 }) { return .failure(failed, stderr: stderr) }
        if process.terminationStatus != 0 || process.terminationReason == .uncaughtSignal {
            return .failure(.exited(process.terminationStatus), stderr: stderr)
        }
        return .success(answers)
    }

    /// The next bytes from `handle`: empty at end of file, nil when `stop` says to give up.
    static func read(_ handle: FileHandle, until stop: () -> Bool) -> [UInt8]? {
        let fd = handle.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if stop() { return nil }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready < 0, errno == EINTR { continue }
            if ready <= 0 { continue }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR || errno == EAGAIN { continue }
            return n <= 0 ? [] : Array(buffer[0..<n])
        }
    }

    private static func write(_ data: Data, to handle: FileHandle) -> Bool {
        do {
            try handle.write(contentsOf: data)
            return true
        } catch {
            return false
        }
    }

    func stop() {
        try? input.close()
        if process.isRunning { RunningPlugin.kill(process) }
    }

    /// SIGKILL rather than SIGTERM: a child started from one of our threads may inherit a
    /// signal mask that blocks SIGTERM, and a plugin that hangs must not outlive the load.
    static func kill(_ process: Process) {
        guard process.isRunning else { return }
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
    }
}

/// Calls `action` when `reset` has not been called for `seconds`.
final class Watchdog: @unchecked Sendable {
    private final class State: @unchecked Sendable {
        let lock = NSLock()
        var deadline: Date
        var cancelled = false
        var fired = false
        init(deadline: Date) { self.deadline = deadline }
        func with<R>(_ body: (State) -> R) -> R {
            lock.lock()
            defer { lock.unlock() }
            return body(self)
        }
    }

    private let state: State
    private let seconds: Double

    init(seconds: Double, action: @escaping @Sendable () -> Void) {
        self.seconds = seconds
        let state = State(deadline: Date().addingTimeInterval(seconds))
        self.state = state
        let thread = Thread {
            while true {
                Thread.sleep(forTimeInterval: 0.05)
                let (fire, done) = state.with { s -> (Bool, Bool) in
                    if s.cancelled { return (false, true) }
                    if Date() >= s.deadline {
                        s.fired = true
                        s.cancelled = true
                        return (true, true)
                    }
                    return (false, false)
                }
                if fire { action() }
                if done { return }
            }
        }
        thread.start()
    }

    func reset() { state.with { $0.deadline = Date().addingTimeInterval(seconds) } }
    func cancel() { state.with { $0.cancelled = true } }
    var fired: Bool { state.with { $0.fired } }
}
