// The options every command that reads papers shares, and the one place that turns them into
// an engine: the corpus (or the built-in sample), the standard extractors, user rules and
// external plugins. Load problems are reported here, on stderr, as `file:line: reason`.

import ArgumentParser
import Foundation
import PaperQL
import StandardExtractors

struct CorpusOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file or directory of papers (repeatable). Default: the built-in sample corpus.", valueName: "path"))
    var corpus: [String] = []

    @Option(name: .customLong("format-in"), help: ArgumentHelp("Read every corpus file as this format: \(InputFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var formatIn: InputFormatArgument?

    @Flag(name: .shortAndLong, help: "Do not report skipped records and other load problems.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp("A YAML rule file adding topics and regex fields (repeatable). ~/.config/paperql/rules.yaml is read too, when it exists.", valueName: "file"))
    var rules: [String] = []

    @Flag(name: .customLong("no-user-rules"), help: "Do not read ~/.config/paperql/rules.yaml.")
    var noUserRules = false

    @Option(name: .long, help: ArgumentHelp("An external extractor program speaking the JSON-lines protocol (repeatable; see docs/PLUGINS.md).", valueName: "path"))
    var plugin: [String] = []

    @Option(name: .customLong("plugin-timeout"), help: ArgumentHelp("Seconds a plugin may go without answering before it is stopped.", valueName: "seconds"))
    var pluginTimeout: Double = 30

    @Flag(name: .customLong("no-plugin-cache"), help: "Run plugins on every paper, ignoring answers cached from earlier loads.")
    var noPluginCache = false

    /// The corpus, with load problems reported on stderr. With a prefilter, papers that cannot
    /// match its query are read without their abstract (for one query only).
    func loadCorpus(prefilter: QueryPrefilter? = nil) throws -> Corpus {
        guard !corpus.isEmpty else { return Corpus.sample }
        let urls = corpus.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
        let loaded: Corpus
        do {
            loaded = try Corpus(contentsOf: urls, format: formatIn?.format, prefilter: prefilter)
        } catch {
            Output.error("paperql: \(error.path): \(error.reason)")
            throw ExitStatus.inputError
        }
        if !quiet { LoadReport.print(loaded) }
        if loaded.count == 0 {
            Output.error("paperql: no papers could be read from \(corpus.joined(separator: ", "))")
            throw ExitStatus.inputError
        }
        return loaded
    }

    /// An engine over the corpus with the standard extractors, rule files and plugins.
    func makeEngine(useIndexes: Bool = true) throws -> Engine {
        let corpus = try loadCorpus()
        return try makeEngine(corpus: corpus, useIndexes: useIndexes)
    }

    /// An engine for `query` alone: the corpus is read with the query's prefilter.
    func makeEngine(forQuery query: String, useIndexes: Bool = true, prefilter: Bool = true) throws -> Engine {
        let extractors = try loadExtractors()
        // The built-in sample is small and already in memory: building the prefilter's phrase
        // tables would cost more than it saves.
        let corpus = try loadCorpus(prefilter: prefilter && !corpus.isEmpty ? QueryPrefilter(query, extractors: extractors) : nil)
        return try makeEngine(corpus: corpus, extractors: extractors, useIndexes: useIndexes)
    }

    func makeEngine(corpus: Corpus, useIndexes: Bool = true) throws -> Engine {
        try makeEngine(corpus: corpus, extractors: try loadExtractors(), useIndexes: useIndexes)
    }

    private func makeEngine(corpus: Corpus, extractors: [any Extractor], useIndexes: Bool) throws -> Engine {
        do {
            return try Engine(corpus: corpus, extractors: extractors, options: Engine.Options(useIndexes: useIndexes))
        } catch {
            Output.error("paperql: \(error.message)")
            throw ExitStatus.inputError
        }
    }

    /// The rule files to read: the user's default file, then --rules in order.
    var ruleFiles: [URL] {
        var files: [URL] = []
        let home = ProcessInfo.processInfo.environment["XDG_CONFIG_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".config")
        let userFile = home.appendingPathComponent("paperql/rules.yaml")
        if !noUserRules, FileManager.default.fileExists(atPath: userFile.path) { files.append(userFile) }
        files += rules.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
        return files
    }

    static var pluginCacheDirectory: URL {
        let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: NSHomeDirectory()).appendingPathComponent(".cache")
        return base.appendingPathComponent("paperql/plugins")
    }

    /// The standard extractors with rule-file topics, regex fields, and external plugins. A bad
    /// rule or a plugin that cannot start is reported and left out; the rest load.
    func loadExtractors() throws -> [any Extractor] {
        var topics: [TopicDefinition] = []
        var fields: [RegexFieldRule] = []
        for url in ruleFiles {
            let file = RuleFile(contentsOf: url)
            for problem in file.diagnostics { Output.error("paperql: \(problem)") }
            topics += file.topics
            fields += file.fields
        }
        var extractors = StandardExtractors.all(extraTopics: topics)
        let taken = Set(extractors.flatMap { $0.fields.map(\.name) })
        let usable = fields.filter { rule in
            if taken.contains(rule.name) { Output.error("paperql: rule field `\(rule.name)` is already a field of a standard extractor; skipped") }
            return !taken.contains(rule.name)
        }
        if !usable.isEmpty { extractors.append(RegexFieldExtractor(rules: usable)) }
        for path in plugin {
            let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
            do {
                let external = try ExternalExtractor(executable: url, timeout: pluginTimeout,
                                                     cacheDirectory: noPluginCache ? nil : CorpusOptions.pluginCacheDirectory)
                let names = Set(extractors.flatMap { $0.fields.map(\.name) })
                if let clash = external.fields.first(where: { names.contains($0.name) }) {
                    Output.error("paperql: plugin \(external.name): field `\(clash.name)` is already taken; plugin skipped")
                    continue
                }
                extractors.append(external)
            } catch {
                Output.error("paperql: \(error)")
            }
        }
        return extractors
    }
}

struct InputFormatArgument: ExpressibleByArgument {
    let format: InputFormat

    init?(argument: String) {
        guard let format = InputFormat(rawValue: argument.lowercased()) ?? InputFormat(fileExtension: argument) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { InputFormat.allCases.map(\.rawValue) }
}

enum LoadReport {
    /// Every load problem on stderr, then a one-line summary when anything went wrong.
    static func print(_ corpus: Corpus) {
        let problems = corpus.diagnostics
        guard !problems.isEmpty else { return }
        for problem in problems.prefix(50) {
            Output.error("paperql: \(problem.severity == .error ? "skipped" : "note"): \(problem)")
        }
        if problems.count > 50 { Output.error("paperql: … and \(problems.count - 50) more (see `paperql import --check`)") }
        let skipped = problems.filter { $0.severity == .error }.count
        Output.error("paperql: loaded \(corpus.count) paper\(corpus.count == 1 ? "" : "s"); \(skipped) record\(skipped == 1 ? "" : "s") skipped, \(problems.count - skipped) note\(problems.count - skipped == 1 ? "" : "s")")
    }

    /// Engine problems (plugins that failed), on stderr.
    static func print(_ engine: Engine) {
        for problem in engine.diagnostics {
            Output.error("paperql: \(problem.severity == .error ? "error" : "note"): \(problem)")
        }
    }
}
