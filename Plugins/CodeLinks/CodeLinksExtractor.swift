// The `code` extractor: links to code, weights, data or project pages. Every URL in the text
// counts (with or without a scheme for the well-known code hosts), except links to papers
// (arXiv, DOIs of publishers, OpenReview, ...). A URL ends at whitespace or at a character URLs
// do not contain, and loses trailing punctuation ("see https://github.com/a/b." is the repo).

import PaperQL

public struct CodeLinksExtractor: Extractor {
    public let name = "code"
    public let version = "1.0"
    public let fields = [
        FieldDescriptor(name: "code", type: .list(.string), summary: "Links to code, weights, data or project pages"),
    ]

    public init() {}

    public func extract(from paper: ExtractionInput, into output: inout ExtractionOutput) {
        paper.forEachText { text in
            for range in LinkScanner.links(in: text.utf8) {
                guard !LinkScanner.isPaperLink(bytes: UnsafeBufferPointer(rebasing: text.utf8[range])) else { continue }
                output.add(.string(TextTools.string(text.utf8, range)), toFieldAt: 0, evidence: text.evidence(range))
            }
        }
    }
}

enum LinkScanner {
    /// Hosts recognised without a scheme.
    static let bareHosts: [StaticString] = ["github.com/", "gitlab.com/", "huggingface.co/", "bitbucket.org/", "www.", "hf.co/"]

    /// Hosts of papers rather than code, lowercase; matched after the scheme and `www.`.
    static let paperHosts: [[UInt8]] = ["arxiv.org", "doi.org", "dx.doi.org", "openreview.net", "aclanthology.org", "aclweb.org",
        "proceedings.neurips.cc", "papers.nips.cc", "ieeexplore.ieee.org", "dl.acm.org", "link.springer.com",
        "sciencedirect.com", "semanticscholar.org", "proceedings.mlr.press", "jmlr.org"].map { Array($0.utf8) }
    static let schemes: [[UInt8]] = ["https://", "http://"].map { Array($0.utf8) }
    static let zenodoDOI = Array("doi.org/10.5281".utf8)

    /// Whether the URL links to a paper rather than to code, case ignored. Zenodo DOIs
    /// (10.5281) are data and code, so they stay.
    static func isPaperLink(bytes url: UnsafeBufferPointer<UInt8>) -> Bool {
        var host = url[...]
        func drop(_ prefix: [UInt8]) -> Bool {
            guard host.count >= prefix.count else { return false }
            for (k, b) in prefix.enumerated() where host[host.startIndex + k] | (TextTools.isLetter(b) ? 0x20 : 0) != b { return false }
            host = host.dropFirst(prefix.count)
            return true
        }
        func startsWith(_ prefix: [UInt8]) -> Bool {
            let saved = host
            defer { host = saved }
            return drop(prefix)
        }
        for scheme in schemes where drop(scheme) { break }
        _ = drop(Array("www.".utf8))
        if startsWith(zenodoDOI) { return false }
        return paperHosts.contains { startsWith($0) }
    }

    /// Byte ranges of the URLs in `text`.
    static func links(in text: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var found: [Range<Int>] = []
        // Every link the scanner accepts holds `://` or a host's `.com/`, `.co/`, `.org/`, or
        // else `www.` or `.github.io`. Most abstracts hold none, and a few fast searches cost
        // less than the scan.
        guard LinkScanner.hasHostSlash(text) || TextTools.containsIgnoringCase(text, literal: "www.")
                || TextTools.containsIgnoringCase(text, literal: ".github.io") else { return found }
        let n = text.count
        // A link starts a run of letters: only those starts are visited.
        var resume = 0
        var starts = RunStarts(text)
        while let i = starts.next() {
            guard i >= resume else { continue }
            let b = text[i] | 0x20
            guard b == UInt8(ascii: "h") || b == UInt8(ascii: "g") || b == UInt8(ascii: "w") || b == UInt8(ascii: "b") else { continue }
            // A URL starts a token (or follows punctuation such as "(" or ":").
            if i > 0, TextTools.isWordByte(text[i - 1]) || text[i - 1] == UInt8(ascii: ".") || text[i - 1] == UInt8(ascii: "/") {
                continue
            }
            var start: Int?
            if has("https://", at: i, in: text) || has("http://", at: i, in: text) {
                start = i
            } else if bareHosts.contains(where: { has($0, at: i, in: text) }) {
                start = i
            } else if let host = githubIOHost(at: i, in: text) {
                start = host
            }
            guard let begin = start else { continue }
            var end = begin
            while end < n, isURLByte(text[end]) { end += 1 }
            end = trimmed(begin, end, in: text)
            if end - begin > 8 { found.append(begin..<end) }
            resume = max(end, i + 1)
        }
        return found
    }

    /// Whether some `/` in `text` follows `:` (a scheme) or `.com`, `.co`, `.org` (a code
    /// host written without one). Prose slashes ("and/or", "tokens/s") are passed by quickly.
    static func hasHostSlash(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var i = 0
        while i < text.count, let hit = memchr(base + i, Int32(UInt8(ascii: "/")), text.count - i) {
            let slash = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if slash > 0, text[slash - 1] == UInt8(ascii: ":") { return true }
            for host in ["com", "co", "org"] as [StaticString] {
                let length = host.utf8CodeUnitCount
                guard slash > length else { continue }
                let matches = host.withUTF8Buffer { u in
                    text[slash - length - 1] == UInt8(ascii: ".") && (0..<length).allSatisfy { text[slash - length + $0] | 0x20 == u[$0] }
                }
                if matches { return true }
            }
            i = slash + 1
        }
        return false
    }

    /// `name.github.io` (a project page) at `i`.
    private static func githubIOHost(at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        var j = i
        while j < text.count, TextTools.isWordByte(text[j]) || text[j] == UInt8(ascii: "-") { j += 1 }
        guard j > i, has(".github.io", at: j, in: text) else { return nil }
        return i
    }

    private static func has(_ s: StaticString, at i: Int, in text: UnsafeBufferPointer<UInt8>) -> Bool {
        s.withUTF8Buffer { u in
            guard i + u.count <= text.count else { return false }
            for k in 0..<u.count where text[i + k] | (TextTools.isLetter(u[k]) ? 0x20 : 0) != u[k] { return false }
            return true
        }
    }

    /// Bytes URLs are made of (RFC 3986 characters, plus `%` escapes and non-ASCII for IRIs).
    private static func isURLByte(_ b: UInt8) -> Bool {
        if b >= 0x80 { return true }
        if TextTools.isDigit(b) || TextTools.isLetter(b) { return true }
        return "-._~:/?#[]@!$&'()*+,;=%".utf8.contains(b)
    }

    /// Drops trailing punctuation, and a closing bracket with no opening one inside the URL.
    private static func trimmed(_ begin: Int, _ end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int {
        var end = end
        while end > begin {
            let last = text[end - 1]
            if ".,;:!?'\"*".utf8.contains(last) {
                end -= 1
                continue
            }
            if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                let open: UInt8 = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                let opens = text[begin..<end].filter { $0 == open }.count
                let closes = text[begin..<end].filter { $0 == last }.count
                if closes > opens {
                    end -= 1
                    continue
                }
            }
            break
        }
        return end
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
