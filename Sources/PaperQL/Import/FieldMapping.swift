// How keys of structured records (JSON, CSV headers, BibTeX fields) become PaperQL fields:
// names are normalised to snake_case, well-known keys of arXiv and Hugging Face records map to
// typed fields, and everything else is typed by its value. Shared by every structured importer
// so that `authors` means the same thing whichever file it came from.

enum FieldMapping {
    /// `journal-ref` -> `journal_ref`, `publishedAt` -> `published_at`; lowercase ASCII keys
    /// without separators (the common case) are returned as they are.
    static func normalizedKey(_ key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || $0 == UInt8(ascii: "_") || ($0 >= 48 && $0 <= 57) }),
           let first = key.utf8.first, first >= 97, first <= 122, !key.hasSuffix("_") {
            return key
        }
        var out = ""
        var previousWasLower = false
        for scalar in key.unicodeScalars {
            if scalar.properties.isUppercase {
                if previousWasLower { out.append("_") }
                out.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                previousWasLower = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
                previousWasLower = true
            } else {
                if !out.isEmpty, !out.hasSuffix("_") { out.append("_") }
                previousWasLower = false
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { out = "f_" + out }
        return out.isEmpty ? "field" : out
    }

    /// Keys whose value is the paper's date.
    static let dateKeys: Set<String> = ["date", "update_date", "published", "published_at", "publication_date", "submitted_on_daily_at", "created"]

    /// Adds `value` under `key` to the current record.
    static func add(key rawKey: String, value: JSONValue, to builder: inout CorpusBuilder) {
        let key = normalizedKey(rawKey)
        switch (key, value) {
        case (_, .null):
            return
        case ("title", _), ("abstract", _), ("summary", _):
            let field = key == "title" ? "title" : "abstract"
            if !builder.has(field) {
                let normal = TextNormalizer.normalized(text(of: value))
                if !normal.isEmpty { builder.add(field, string: normal) }
            }
        case ("id", _):
            guard !builder.has("id") else { return }
            let id = text(of: value).trimmingSpaces
            guard !id.isEmpty else { return }
            builder.add("id", string: id)
            if looksLikeArxivID(id), !builder.has("arxiv") { builder.add("arxiv", string: id) }
        case ("authors", _), ("author", _):
            addAuthors(value, to: &builder)
        case ("authors_parsed", _):
            return  // the same names as `authors`, split into parts
        case ("categories", .string(let s)), ("keywords", .string(let s)), ("tags", .string(let s)):
            builder.markList(key)
            let separators: Set<Character> = key == "categories" ? [" "] : [",", ";"]
            for item in s.split(whereSeparator: { separators.contains($0) }) {
                let trimmed = String(item).trimmingSpaces
                if !trimmed.isEmpty { builder.add(key, string: trimmed) }
            }
        case ("versions", .array(let items)):
            builder.add("versions", number: Double(items.count))
        case (_, .string(let s)) where dateKeys.contains(key):
            if let date = CalendarDate(iso: s.trimmingSpaces) ?? parseLooseDate(s) {
                if !builder.has("date") { builder.add("date", date: date) }
                if key != "date" { builder.add(key, date: date) }
            } else {
                builder.add(key, string: s)
            }
        case ("year", .string(let s)):
            if let n = Double(s.trimmingSpaces) { builder.add("year", number: n) } else { builder.add("year", string: s) }
        default:
            addGeneric(key, value, to: &builder)
        }
    }

    static func addGeneric(_ key: String, _ value: JSONValue, to builder: inout CorpusBuilder) {
        switch value {
        case .null: return
        case .bool(let b): builder.add(key, bool: b)
        case .number(let n): builder.add(key, number: n)
        case .string(let s):
            if key.hasSuffix("_date") || key.hasSuffix("_at"), let date = CalendarDate(iso: s) {
                builder.add(key, date: date)
            } else {
                builder.add(key, string: s)
            }
        case .array(let items):
            builder.markList(key)
            for item in items {
                switch item {
                case .null: continue
                case .array, .object: builder.add(key, string: item.jsonText)
                default: addGeneric(key, item, to: &builder)
                }
            }
        case .object:
            builder.add(key, string: value.jsonText)
        }
    }

    private static func addAuthors(_ value: JSONValue, to builder: inout CorpusBuilder) {
        guard !builder.has("authors") else { return }
        builder.markList("authors")
        switch value {
        case .string(let s):
            for name in splitAuthors(s) { builder.add("authors", string: name) }
        case .array(let items):
            for item in items {
                switch item {
                case .string(let s): builder.add("authors", string: TextNormalizer.normalized(s))
                case .object:
                    if case .string(let name)? = item["name"] { builder.add("authors", string: TextNormalizer.normalized(name)) }
                default: continue
                }
            }
        default:
            builder.add("authors", string: text(of: value))
        }
    }

    /// "A. Smith, B. Jones and C. Wu" -> three names; "; " and " and " separate names too. A
    /// comma separates names only when the parts look like whole names (several words or an
    /// initial): "Quill, Ada" is one person written last name first.
    static func splitAuthors(_ s: String) -> [String] {
        let normal = TextNormalizer.normalized(s)
        var names: [String] = []
        for group in normal.components(separatedBy: ";") {
            for part in group.components(separatedBy: " and ") {
                let pieces = part.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
                let wholeNames = pieces.count > 1 && pieces.allSatisfy { $0.contains(" ") || $0.contains(".") }
                if pieces.count == 2, !wholeNames {
                    names.append(pieces[1] + " " + pieces[0])
                } else {
                    names.append(contentsOf: pieces)
                }
            }
        }
        return names
    }

    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let n): return NumberFormatting.plain(n)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        default: return value.jsonText
        }
    }

    /// `2401.01234`, `2401.01234v2`, `hep-th/9901001`.
    static func looksLikeArxivID(_ s: String) -> Bool {
        let u = Array(s.utf8)
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { $0 < u.count && u[$0] >= 48 && u[$0] <= 57 } }
        if u.count >= 9, digits(0..<4), u[4] == UInt8(ascii: "."), digits(5..<9) { return true }
        if let slash = u.firstIndex(of: UInt8(ascii: "/")), slash > 0, u.count - slash == 8, digits((slash + 1)..<u.count) { return true }
        return false
    }

    /// Dates such as "Mon, 2 Apr 2007 19:18:42 GMT" or "2 Apr 2007".
    static func parseLooseDate(_ s: String) -> CalendarDate? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let words = s.lowercased().split { !$0.isLetter && !$0.isNumber }
        var day: Int?, month: Int?, year: Int?
        for w in words {
            if let m = months.firstIndex(where: { w.hasPrefix($0) }) { month = m + 1; continue }
            if let n = Int(w) {
                if n > 31 { year = n } else if day == nil { day = n }
            }
        }
        guard let day, let month, let year else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}

extension String {
    /// Without leading and trailing whitespace.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
