// Declarative rules: a YAML file that adds topics to the taxonomy and defines new fields by a
// regular expression, without writing Swift. A rule that is wrong (an unknown key, a bad type,
// a regex that does not compile) is reported as file:line and skipped; the other rules, and
// everything else, load as usual.
//
//     topics:
//       - name: federated-learning
//         summary: Training across clients that keep their data
//         phrases: [federated learning, federated averaging, fedavg]
//         weak: [clients]
//         aliases: [fl, federated]
//     fields:
//       - name: gpu
//         type: list<string>
//         summary: GPUs the paper mentions
//         pattern: '\b(A100|H100|V100|RTX ?\d{4})\b'

import Foundation
import Yams

/// A field defined by a regular expression over the title and abstract.
public struct RegexFieldRule: Sendable, Hashable {
    public var name: String
    public var type: FieldType
    public var summary: String
    public var pattern: String
    /// The capture group whose text is the value (0 for the whole match).
    public var capture: Int
    public var ignoreCase: Bool
    /// `title`, `abstract`, or both.
    public var sources: [String]
}

/// The rules of one YAML file.
public struct RuleFile: Sendable {
    public let path: String
    public private(set) var topics: [TopicDefinition] = []
    public private(set) var fields: [RegexFieldRule] = []
    /// Rules that were skipped, as `path:line: problem`.
    public private(set) var diagnostics: [LoadDiagnostic] = []

    /// Reads `url`. Problems are reported in ``diagnostics``, never thrown: a broken rule file
    /// must not stop the corpus from loading.
    public init(contentsOf url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            self.init(yaml: "", path: url.path)
            diagnostics.append(LoadDiagnostic(.error, origin: url.path, message: "cannot read the rule file"))
            return
        }
        self.init(yaml: String(decoding: data, as: UTF8.self), path: url.path)
    }

    public init(yaml: String, path: String) {
        self.path = path
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            diagnostics.append(LoadDiagnostic(.error, origin: path, line: RuleFile.line(of: error), message: "not valid YAML: \(RuleFile.problem(of: error))"))
            return
        } catch {
            diagnostics.append(LoadDiagnostic(.error, origin: path, message: "not valid YAML: \(error)"))
            return
        }
        guard let root else { return }  // an empty file has no rules
        guard let mapping = root.mapping else {
            report(root, "the file must be a mapping with `topics:` and/or `fields:`")
            return
        }
        for (key, value) in mapping {
            switch key.string {
            case "topics":
                for item in sequence(value, of: "topics") { if let topic = topic(item) { topics.append(topic) } }
            case "fields":
                for item in sequence(value, of: "fields") { if let field = field(item) { fields.append(field) } }
            default:
                report(key, "unknown section `\(key.string ?? "?")`; expected `topics` or `fields`")
            }
        }
        var seen = Set<String>()
        fields = fields.filter { seen.insert($0.name).inserted }
    }

    private mutating func report(_ node: Node, _ message: String) {
        diagnostics.append(LoadDiagnostic(.error, origin: path, line: node.mark?.line, message: message))
    }

    private mutating func sequence(_ node: Node, of section: String) -> [Node] {
        guard let items = node.sequence else {
            report(node, "`\(section)` must be a list (items start with `- `)")
            return []
        }
        return Array(items)
    }

    private mutating func strings(_ node: Node, key: String) -> [String]? {
        if let s = node.string, node.scalar != nil { return [s] }
        guard let items = node.sequence else {
            report(node, "`\(key)` must be a list of strings")
            return nil
        }
        var out: [String] = []
        for item in items {
            guard let s = item.string, item.scalar != nil else {
                report(item, "`\(key)` must contain strings")
                return nil
            }
            out.append(s)
        }
        return out
    }

    private mutating func topic(_ node: Node) -> TopicDefinition? {
        guard let mapping = node.mapping else {
            report(node, "a topic must be a mapping with `name` and `phrases`")
            return nil
        }
        var topic = TopicDefinition(name: "", summary: "", phrases: [])
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "name":
                guard let name = value.string, RuleFile.isTopicName(name) else {
                    report(value, "a topic name is lowercase words joined by `-`, such as `federated-learning`")
                    return nil
                }
                topic.name = name
            case "summary": topic.summary = value.string ?? ""
            case "phrases": guard let list = strings(value, key: "phrases") else { return nil }; topic.phrases = list
            case "weak": guard let list = strings(value, key: "weak") else { return nil }; topic.weakPhrases = list
            case "subject": guard let list = strings(value, key: "subject") else { return nil }; topic.subjectPhrases = list
            case "aliases": guard let list = strings(value, key: "aliases") else { return nil }; topic.aliases = list.map { $0.lowercased() }
            default:
                report(key, "unknown key `\(key.string ?? "?")` in a topic; expected name, summary, phrases, weak, subject, aliases")
                return nil
            }
        }
        guard !topic.name.isEmpty else { report(node, "a topic needs a `name`"); return nil }
        guard !(topic.phrases + topic.weakPhrases + topic.subjectPhrases).isEmpty else {
            report(node, "topic `\(topic.name)` needs `phrases`")
            return nil
        }
        if topic.summary.isEmpty { topic.summary = "Defined in \(URL(fileURLWithPath: path).lastPathComponent)" }
        return topic
    }

    private mutating func field(_ node: Node) -> RegexFieldRule? {
        guard let mapping = node.mapping else {
            report(node, "a field must be a mapping with `name`, `type` and `pattern`")
            return nil
        }
        var rule = RegexFieldRule(name: "", type: .list(.string), summary: "", pattern: "", capture: -1, ignoreCase: false,
                                  sources: ["title", "abstract"])
        var patternNode: Node?
        for (key, value) in mapping {
            switch key.string ?? "" {
            case "name":
                guard let name = value.string, RuleFile.isFieldName(name) else {
                    report(value, "a field name is lowercase letters, digits and `_`, starting with a letter")
                    return nil
                }
                rule.name = name
            case "type":
                guard let text = value.string, let type = RuleFile.fieldType(text), type.scalar == .string || type.scalar == .number else {
                    report(value, "`type` is one of string, number, list<string>, list<number>")
                    return nil
                }
                rule.type = type
            case "summary": rule.summary = value.string ?? ""
            case "pattern": rule.pattern = value.string ?? ""; patternNode = value
            case "capture":
                guard let n = value.int, n >= 0 else { report(value, "`capture` is a group number, 0 or more"); return nil }
                rule.capture = n
            case "ignore_case":
                guard let b = value.bool else { report(value, "`ignore_case` is true or false"); return nil }
                rule.ignoreCase = b
            case "in":
                guard let list = strings(value, key: "in"), !list.isEmpty, list.allSatisfy({ $0 == "title" || $0 == "abstract" }) else {
                    report(value, "`in` lists title and/or abstract")
                    return nil
                }
                rule.sources = list
            default:
                report(key, "unknown key `\(key.string ?? "?")` in a field; expected name, type, summary, pattern, capture, ignore_case, in")
                return nil
            }
        }
        guard !rule.name.isEmpty else { report(node, "a field needs a `name`"); return nil }
        guard !rule.pattern.isEmpty, let patternNode else { report(node, "field `\(rule.name)` needs a `pattern`"); return nil }
        let regex: NSRegularExpression
        do {
            regex = try NSRegularExpression(pattern: rule.pattern, options: rule.ignoreCase ? [.caseInsensitive] : [])
        } catch {
            report(patternNode, "the pattern of `\(rule.name)` is not a valid regular expression")
            return nil
        }
        if rule.capture < 0 { rule.capture = regex.numberOfCaptureGroups > 0 ? 1 : 0 }
        guard rule.capture <= regex.numberOfCaptureGroups else {
            report(patternNode, "the pattern of `\(rule.name)` has \(regex.numberOfCaptureGroups) groups, but `capture` is \(rule.capture)")
            return nil
        }
        if rule.summary.isEmpty { rule.summary = "Matches of /\(rule.pattern)/" }
        return rule
    }

    static func isTopicName(_ s: String) -> Bool {
        !s.isEmpty && s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    static func isFieldName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    static func fieldType(_ text: String) -> FieldType? {
        let t = text.replacingOccurrences(of: " ", with: "").lowercased()
        if t.hasPrefix("list<"), t.hasSuffix(">"), let s = FieldType.Scalar(rawValue: String(t.dropFirst(5).dropLast())) { return .list(s) }
        return FieldType.Scalar(rawValue: t).map { FieldType($0) }
    }

    static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return nil
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let duplicates, _): return "duplicate keys \(duplicates.joined(separator: ", "))"
        default: return "\(error)".split(separator: "\n").first.map(String.init) ?? "unreadable"
        }
    }
}

/// Fields defined by rule files, extracted with their regular expressions.
public struct RegexFieldExtractor: Extractor {
    public let name = "rules"
    public let version: String
    public let fields: [FieldDescriptor]
    private let rules: [RegexFieldRule]
    private let expressions: [CompiledPattern]

    /// The fields of `rules` (in order; a name already taken is skipped by the engine).
    public init(rules: [RegexFieldRule]) {
        self.rules = rules
        fields = rules.map { rule in
            FieldDescriptor(name: rule.name, type: rule.type, summary: rule.summary,
                            numberStyle: rule.type.scalar == .number ? .magnitude : .plain)
        }
        expressions = rules.map { CompiledPattern(pattern: $0.pattern, ignoreCase: $0.ignoreCase) }
        // The version changes with the rules, so cached results of other plugins never mix.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for rule in rules { for b in "\(rule)".utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 } }
        version = String(hash & 0xffff_ffff, radix: 16)
    }

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        for (index, rule) in rules.enumerated() {
            for source in rule.sources {
                let text = paper.text(source)
                guard !text.isEmpty else { continue }
                let string = text.string
                let ns = string as NSString
                for match in expressions[index].regex.matches(in: string, range: NSRange(location: 0, length: ns.length)) {
                    let range = match.range(at: rule.capture)
                    guard range.location != NSNotFound, let swiftRange = Range(range, in: string) else { continue }
                    let captured = String(string[swiftRange])
                    let value: Value
                    if rule.type.scalar == .number {
                        guard let n = RegexFieldExtractor.number(captured) else { continue }
                        value = .number(n)
                    } else {
                        value = .string(captured)
                    }
                    output.add(value, toFieldAt: index, evidence: text.evidence(swiftRange, in: string))
                }
            }
        }
    }

    /// "1.5B", "760M", "1,200", "0.5": a number, with magnitude suffixes.
    static func number(_ text: String) -> Double? {
        var t = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        var scale = 1.0
        if let last = t.last?.lowercased() {
            switch last {
            case "k": scale = 1e3
            case "m": scale = 1e6
            case "b": scale = 1e9
            case "t": scale = 1e12
            default: break
            }
            if scale != 1 { t.removeLast() }
        }
        return Double(t).map { $0 * scale }
    }
}

/// NSRegularExpression is immutable and documented thread-safe.
private final class CompiledPattern: @unchecked Sendable {
    let regex: NSRegularExpression
    init(pattern: String, ignoreCase: Bool) {
        regex = (try? NSRegularExpression(pattern: pattern, options: ignoreCase ? [.caseInsensitive] : []))
            ?? (try! NSRegularExpression(pattern: "(?!)"))
    }
}
