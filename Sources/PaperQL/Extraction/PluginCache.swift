// Answers of external plugins, kept on disk between loads: one JSON-lines file per plugin and
// version, keyed by a hash of the paper's title and abstract. A new version, or a changed text,
// simply misses the cache.

import Foundation

struct PluginCache: Sendable {
    let file: URL

    init(directory: URL, plugin: String, version: String) {
        let safe = "\(plugin)-\(version)".map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "_" }
        file = directory.appendingPathComponent(String(safe) + ".jsonl")
    }

    /// A 128-bit hash of the texts, as hex: two FNV-1a passes with different offsets.
    static func key(title: String, abstract: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in title.utf8 { a = (a ^ UInt64(byte)) &* 0x100_0000_01b3; b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 }
        a = (a ^ 0xff) &* 0x100_0000_01b3
        for byte in abstract.utf8 { a = (a ^ UInt64(byte)) &* 0x100_0000_01b3; b = (b ^ UInt64(byte)) &* 0x100_0000_01b3 }
        b = (b ^ UInt64(title.utf8.count)) &* 0x100_0000_01b3
        return String(a, radix: 16) + String(b, radix: 16)
    }

    func load() -> [String: JSONValue] {
        guard let data = FileManager.default.contents(atPath: file.path) else { return [:] }
        var entries: [String: JSONValue] = [:]
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x0A {
                defer { start = i + 1 }
                guard i > start else { continue }
                var scanner = JSONScanner(bytes, from: start, to: i)
                guard let entry = try? scanner.readValue(), case .string(let key)? = entry["k"], let values = entry["v"] else { continue }
                entries[key] = values
            }
        }
        return entries
    }

    func append(_ entries: [(String, JSONValue)]) {
        guard !entries.isEmpty else { return }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        var text = ""
        for (key, values) in entries { text += JSONValue.object([("k", .string(key)), ("v", values)]).jsonText + "\n" }
        if let handle = try? FileHandle(forWritingTo: file) {
            _ = try? handle.seekToEnd()
            try? handle.write(contentsOf: Data(text.utf8))
            try? handle.close()
        } else {
            try? Data(text.utf8).write(to: file)
        }
    }

    // MARK: - Descriptions

    /// The program's path, size and modification time: a changed program describes itself again.
    static func descriptionKey(for executable: URL, arguments: [String]) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: executable.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return key(title: executable.standardizedFileURL.path + " " + arguments.joined(separator: " "), abstract: "\(size) \(modified)")
    }

    static func cachedDescription(in directory: URL, key: String) -> PluginDescription? {
        let file = directory.appendingPathComponent("describe").appendingPathComponent(key + ".json")
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        let value = data.withUnsafeBytes { raw -> JSONValue? in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            return try? scanner.readValue()
        }
        guard let value, case .success(let description) = PluginDescription.parse(value) else { return nil }
        return description
    }

    static func storeDescription(_ description: PluginDescription, in directory: URL, key: String) {
        let folder = directory.appendingPathComponent("describe")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? Data(description.jsonText.utf8).write(to: folder.appendingPathComponent(key + ".json"))
    }
}
