// Indexes are an optimisation only: every query the test suite runs (the language reference's
// examples and the example query files) must give the same answer, rows and order, whether the
// planner uses indexes or scans.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors

@Suite struct IndexEquivalenceTests {
    struct QueryFile: CustomStringConvertible, Sendable {
        let name: String
        let source: String
        let onSample: Bool
        var description: String { name }
    }

    static let files: [QueryFile] = {
        var files = DocumentationTests.examples.map {
            QueryFile(name: "LANGUAGE.md:\($0.line)", source: $0.query, onSample: false)
        }
        for url in TestSupport.exampleQueryFiles {
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            files.append(QueryFile(name: url.lastPathComponent, source: text, onSample: true))
        }
        // Grouping every paper takes another path with indexes (posting-list sizes).
        files.append(QueryFile(name: "whole-corpus groups", source: """
            papers group by topic
            papers group by categories limit 5
            papers group by models
            papers group by topic sort by count asc
            papers where has code group by topic
            """, onSample: true))
        return files
    }()

    static func engines(onSample: Bool) throws -> (indexed: Engine, scanned: Engine) {
        let corpus = onSample ? Corpus.sample : try Corpus(contentsOf: TestSupport.docsCorpusURL)
        return (try Engine(corpus: corpus, extractors: StandardExtractors.all, options: .init(useIndexes: true)),
                try Engine(corpus: corpus, extractors: StandardExtractors.all, options: .init(useIndexes: false)))
    }

    @Test func everyExampleFileIsCovered() {
        #expect(Self.files.filter(\.onSample).count >= 7)
        #expect(Self.files.count >= 36)
    }

    @Test(arguments: files)
    func indexesDoNotChangeResults(_ file: QueryFile) throws {
        let (indexed, scanned) = try Self.engines(onSample: file.onSample)
        var withIndexes = Session(engine: indexed)
        var withoutIndexes = Session(engine: scanned)
        let script = Script(file.source)
        var compared = 0
        for statement in script.statements {
            let a = Result { try withIndexes.run(withIndexes.prepare(statement, in: script)) }
            let b = Result { try withoutIndexes.run(withoutIndexes.prepare(statement, in: script)) }
            let text = script.text(of: statement)
            switch (a, b) {
            case (.success(let x), .success(let y)):
                #expect(x.columns == y.columns, "columns differ for `\(text)`")
                #expect(x.rows == y.rows, "rows differ for `\(text)`")
                #expect(x.paperIndexes == y.paperIndexes, "papers differ for `\(text)`")
                #expect(x.totalCount == y.totalCount, "totals differ for `\(text)`")
                compared += 1
            case (.failure(let x), .failure(let y)):
                #expect("\(x)" == "\(y)", "errors differ for `\(text)`")
            default:
                Issue.record("`\(text)` succeeded one way and failed the other: \(a) / \(b)")
            }
        }
        if file.onSample { #expect(compared >= 5, "too few statements ran in \(file.name)") }
    }
}
