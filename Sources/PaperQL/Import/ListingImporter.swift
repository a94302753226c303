// Hugging Face paper-listing pages saved as text. A page is a run of papers, each a title line
// and an abstract line, with or without blank lines between them, and page chrome ("Subscribe",
// "new", "Mar 11", ...) scattered among them or glued to the first title. Lines are classified
// as chrome, title-like or abstract-like (see `LineShape`), then paired: a title followed by an
// abstract is a paper. Anything that does not pair up is reported, never silently dropped.

enum ListingImporter {
    /// A line longer than this cannot be a title or an abstract.
    static let maximumLineBytes = 1 << 20

    static func importListing(_ bytes: UnsafeBufferPointer<UInt8>, origin: String, into builder: inout CorpusBuilder,
                              report: inout FileReport) {
        var lines: [ContentLine] = []
        var lineNumber = 0
        var start = 0
        let n = bytes.count
        var invalidLines: [Int] = []
        while start < n {
            lineNumber += 1
            var end = start
            while end < n, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            var stop = end
            if stop > start, bytes[stop - 1] == 0x0D { stop -= 1 }
            if stop - start > maximumLineBytes {
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: lineNumber,
                    message: "line of \(ByteCount(stop - start)) is too long to be a title or an abstract; skipped"))
                continue
            }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<stop])
            var text: String
            if let valid = String(validating: raw, as: UTF8.self) {
                text = valid
            } else {
                text = String(decoding: raw, as: UTF8.self)
                invalidLines.append(lineNumber)
            }
            text = TextNormalizer.normalized(text)
            if text.isEmpty { continue }
            if ListingChrome.isChrome(text) { continue }
            text = ListingChrome.strippingGluedPrefix(text)
            lines.append(ContentLine(text: text, number: lineNumber, shape: LineShape(text)))
        }

        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.shape == .abstractLike {
                report.diagnostics.append(LoadDiagnostic(.error, origin: origin, line: line.number,
                    message: "text that looks like an abstract has no title before it; skipped"))
                i += 1
                continue
            }
            let next = i + 1 < lines.count ? lines[i + 1] : nil
            if let next, next.shape == .abstractLike {
                add(title: line, abstract: next, origin: origin, into: &builder, invalid: invalidLines, report: &report)
                i += 2
                continue
            }
            // A title with no abstract after it: a paper listed without one, or leftover chrome.
            if line.text.split(separator: " ").count <= 3 {
                report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: line.number,
                    message: "short line `\(line.text)` is neither a title with an abstract nor known page chrome; skipped"))
            } else {
                add(title: line, abstract: nil, origin: origin, into: &builder, invalid: invalidLines, report: &report)
                report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: line.number,
                    message: "title has no abstract after it; loaded without one"))
            }
            i += 1
        }
    }

    private static func add(title: ContentLine, abstract: ContentLine?, origin: String, into builder: inout CorpusBuilder,
                            invalid: [Int], report: inout FileReport) {
        builder.beginRecord(source: origin, line: title.number)
        builder.add("title", string: title.text)
        if let abstract { builder.add("abstract", string: abstract.text) }
        builder.endRecord()
        report.papers += 1
        for number in [title.number, abstract?.number].compactMap({ $0 }) where invalid.contains(number) {
            report.diagnostics.append(LoadDiagnostic(.warning, origin: origin, line: number, message: "invalid UTF-8 replaced with U+FFFD"))
        }
    }
}

private struct ContentLine {
    let text: String
    let number: Int
    let shape: LineShape
}

/// Titles are one line, mostly short, and rarely contain sentences; abstracts are long lines of
/// several sentences.
enum LineShape: Equatable {
    case titleLike, abstractLike

    init(_ text: String) {
        let length = text.utf8.count
        var sentenceEnds = 0
        let scalars = Array(text.unicodeScalars)
        for i in scalars.indices.dropLast(2) where scalars[i] == "." && scalars[i + 1] == " "
            && scalars[i + 2].properties.isUppercase {
            sentenceEnds += 1
        }
        let endsWithPeriod = text.hasSuffix(".")
        let words = text.split(separator: " ").count
        // Titles rarely end with a period; a long line of many words that does is prose.
        if length >= 250 || (sentenceEnds >= 2 && length >= 100) || (length >= 150 && endsWithPeriod && sentenceEnds >= 1)
            || (endsWithPeriod && words >= 14 && length >= 80) {
            self = .abstractLike
        } else {
            self = .titleLike
        }
    }
}

/// The page furniture of a saved listing page.
enum ListingChrome {
    /// Lines that are chrome in full (compared case-insensitively).
    static let lines: Set<String> = [
        "new", "subscribe", "get trending papers in your email inbox!",
        "get trending papers in your email inbox once a day!", "byak and the research community",
        "daily papers", "trending papers", "upvote", "submit", "submitted by", "papers",
    ]

    /// Chrome that may be glued to the front of the next title ("SubscribeFrom Fog to ...").
    static let gluedPrefixes = ["Get trending papers in your email inbox!", "byAK and the research community", "Subscribe", "new"]

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func isChrome(_ line: String) -> Bool {
        let lower = line.lowercased()
        if lines.contains(lower) { return true }
        if lower.hasSuffix("once a day!") && lower.contains("trending") { return true }
        if lower.allSatisfy({ $0.isNumber }) { return true }  // upvote counts
        for prefix in ["published on ", "submitted on ", "submitted by "] where lower.hasPrefix(prefix) {
            let rest = String(lower.dropFirst(prefix.count))
            if prefix == "submitted by " || isDateLine(rest) { return true }
        }
        return isDateLine(lower)
    }

    /// "Mar 11", "March 11", "Mar 11, 2024".
    static func isDateLine(_ lower: String) -> Bool {
        let words = lower.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        guard words.count == 2 || words.count == 3, let first = words.first,
              months.contains(where: { first.hasPrefix($0) }), first.count <= 9,
              let day = Int(words[1]), (1...31).contains(day) else { return false }
        return words.count == 2 || (Int(words[2]).map { (1900...2100).contains($0) } ?? false)
    }

    /// The line with leading glued chrome removed: only when what follows starts a new word in
    /// capitals, so a title that merely begins with "New" is left alone.
    static func strippingGluedPrefix(_ line: String) -> String {
        var text = Substring(line)
        var changed = true
        while changed {
            changed = false
            for prefix in gluedPrefixes where text.hasPrefix(prefix) {
                let rest = text.dropFirst(prefix.count)
                if let next = rest.first, next.isUppercase || next.isNumber {
                    text = rest
                    changed = true
                }
            }
            // A date glued to the title: "Mar 11One Eye is All You Need".
            let words = text.split(separator: " ", maxSplits: 2)
            if words.count >= 2, months.contains(where: { words[0].lowercased() == $0 }) {
                let digits = words[1].prefix { $0.isNumber }
                if (1...2).contains(digits.count), let next = words[1].dropFirst(digits.count).first, next.isUppercase {
                    text = text[text.index(words[1].startIndex, offsetBy: digits.count)...]
                    changed = true
                }
            }
        }
        return String(text)
    }
}
