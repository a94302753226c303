// docs/LANGUAGE.md is executable: every ```pql block followed by an ```output block is run with
// the built binary against docs/examples/papers.jsonl, and its output must match exactly.

import Foundation
import Testing
@testable import PaperQL

@Suite struct DocumentationTests {
    struct Example: CustomStringConvertible, Sendable {
        let query: String
        let output: String
        let line: Int
        var description: String { "LANGUAGE.md:\(line)" }
    }

    static let examples: [Example] = {
        let url = TestSupport.packageRoot.appendingPathComponent("docs/LANGUAGE.md")
        let lines = (try? String(contentsOf: url, encoding: .utf8))?.components(separatedBy: "\n") ?? []
        var examples: [Example] = []
        var i = 0
        func block(at start: Int, fence: String) -> (String, Int)? {
            guard start < lines.count, lines[start] == fence else { return nil }
            var body: [String] = []
            var j = start + 1
            while j < lines.count, lines[j] != "```" { body.append(lines[j]); j += 1 }
            return (body.joined(separator: "\n") + (body.isEmpty ? "" : "\n"), j + 1)
        }
        while i < lines.count {
            if let (query, next) = block(at: i, fence: "```pql") {
                var k = next
                while k < lines.count, lines[k].isEmpty { k += 1 }
                if let (output, after) = block(at: k, fence: "```output") {
                    examples.append(Example(query: query, output: output, line: i + 1))
                    i = after
                    continue
                }
                i = next
                continue
            }
            i += 1
        }
        return examples
    }()

    @Test func theReferenceHasExamples() {
        #expect(Self.examples.count >= 30)
    }

    @Test(arguments: examples)
    func exampleOutputIsCurrent(_ example: Example) throws {
        let corpus = ["--corpus", "docs/examples/papers.jsonl"]
        let text = example.query.hasSuffix("\n") ? String(example.query.dropLast()) : example.query
        var result = try TestSupport.paperql(["query"] + corpus + [text])
        if result.stderr.contains("expected one statement, found several") {
            result = try TestSupport.paperql(["run"] + corpus + ["-"], input: example.query)
        }
        #expect(result.stdout + result.stderr == example.output)
    }
}
