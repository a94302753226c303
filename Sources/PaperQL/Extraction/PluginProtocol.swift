// The JSON-lines protocol external extractor programs speak, version 1 (docs/PLUGINS.md is the
// specification). One JSON object per line in each direction:
//
//   PaperQL -> plugin   {"type":"describe","protocol":1}
//   plugin -> PaperQL   {"type":"describe","protocol":1,"name":"gpu","version":"1.0",
//                        "fields":[{"name":"gpu","type":"list<string>","summary":"GPUs mentioned"}]}
//   PaperQL -> plugin   {"type":"paper","id":"p-1","title":"...","abstract":"..."}   (many, streamed)
//   plugin -> PaperQL   {"type":"values","id":"p-1","values":{"gpu":["A100",
//                        {"value":"H100","field":"abstract","start":10,"end":14}]}}
//   PaperQL closes the plugin's stdin when every paper has been sent; the plugin answers the
//   rest and exits.
//
// Values are plain JSON values, or objects with evidence; `start`/`end` count Unicode scalars
// (Python string indices) in the named field.

/// The protocol version this PaperQL speaks.
public enum PluginProtocol {
    public static let version = 1
}

struct PluginFieldDescription: Sendable {
    let name: String
    let type: FieldType
    let summary: String
}

struct PluginDescription: Sendable {
    let name: String
    let version: String
    let fields: [PluginFieldDescription]

    /// Parses a describe answer, or says what is wrong with it.
    static func parse(_ value: JSONValue) -> Result<PluginDescription, PluginFailure> {
        guard case .string("describe")? = value["type"] else {
            return .failure(.protocolError("the first line must be a describe answer ({\"type\":\"describe\",...})"))
        }
        guard case .number(let protocolVersion)? = value["protocol"], Int(protocolVersion) == PluginProtocol.version else {
            return .failure(.protocolError("the plugin speaks protocol \(value["protocol"].map(\.jsonText) ?? "?"); PaperQL speaks \(PluginProtocol.version)"))
        }
        guard case .string(let name)? = value["name"], RuleFile.isFieldName(name.replacingOccurrences(of: "-", with: "_")) else {
            return .failure(.protocolError("the describe answer needs a `name` (lowercase)"))
        }
        let version: String
        switch value["version"] {
        case .string(let v)?: version = v
        case .number(let n)?: version = NumberFormatting.plain(n)
        default: return .failure(.protocolError("the describe answer needs a `version`"))
        }
        guard case .array(let items)? = value["fields"], !items.isEmpty else {
            return .failure(.protocolError("the describe answer needs a non-empty `fields` list"))
        }
        var fields: [PluginFieldDescription] = []
        for item in items {
            guard case .string(let fieldName)? = item["name"], RuleFile.isFieldName(fieldName) else {
                return .failure(.protocolError("every field needs a `name` of lowercase letters, digits and _"))
            }
            guard case .string(let typeText)? = item["type"], let type = RuleFile.fieldType(typeText) else {
                return .failure(.protocolError("field `\(fieldName)` needs a `type`: number, string, date, bool or list<...>"))
            }
            var summary = "From plugin \(name)"
            if case .string(let s)? = item["summary"] { summary = s }
            fields.append(PluginFieldDescription(name: fieldName, type: type, summary: summary))
        }
        return .success(PluginDescription(name: name, version: version, fields: fields))
    }

    var jsonText: String {
        JSONValue.object([
            ("type", .string("describe")), ("protocol", .number(Double(PluginProtocol.version))), ("name", .string(name)),
            ("version", .string(version)),
            ("fields", .array(fields.map { .object([("name", .string($0.name)), ("type", .string($0.type.description)), ("summary", .string($0.summary))]) })),
        ]).jsonText
    }
}

/// Why a plugin was stopped.
enum PluginFailure: Error, Sendable, CustomStringConvertible {
    case cannotStart(String)
    case protocolError(String)
    case garbage(line: Int, text: String)
    case unknownPaper(String)
    case exited(Int32)
    case timedOut(Double)

    var description: String {
        switch self {
        case .cannotStart(let why): return "cannot start: \(why)"
        case .protocolError(let why): return "protocol error: \(why)"
        case .garbage(let line, let text): return "output line \(line) is not a JSON object: \(text.prefix(80))"
        case .unknownPaper(let id): return "answered for a paper it was not sent (`\(id.prefix(60))`)"
        case .exited(let status): return "exited with status \(status) before answering for every paper"
        case .timedOut(let seconds): return "no answer for \(NumberFormatting.compact(seconds)) s; stopped"
        }
    }
}
