// Query semantics on a corpus with hand-set fields: existential lists, three-valued logic for
// missing values, units, case-insensitive strings, group/count/sort/limit, and `let`. Every
// query runs twice, with and without indexes, and must give the same rows both ways.

import Testing
@testable import PaperQL

@Suite struct EvaluationTests {
    let indexed = TestSupport.handEngine(useIndexes: true)
    let scanned = TestSupport.handEngine(useIndexes: false)

    /// The ids a query returns, checked to be the same with and without indexes.
    func ids(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String] {
        let a = try TestSupport.ids(query, indexed)
        let b = try TestSupport.ids(query, scanned)
        #expect(a == b, "indexes changed the result of `\(query)`", sourceLocation: sourceLocation)
        return a
    }

    @Test func listsCompareExistentially() throws {
        #expect(try ids("papers where params < 10B") == ["h1", "h2"])
        #expect(try ids("papers where params > 10B") == ["h1", "h4"])
        #expect(try ids("papers where params = 13B") == ["h1"])
        #expect(try ids("papers where max(params) < 10B") == ["h2"])
        #expect(try ids("papers where min(params) >= 7B") == ["h1", "h4"])
        #expect(try ids("papers where count(params) = 2") == ["h1"])
        #expect(try ids("papers where topic = \"llm\"") == ["h1", "h4"])
        #expect(try ids("papers where topic in (\"moe\", \"vision\")") == ["h2", "h4"])
        #expect(try ids("papers where params between 20M and 7B") == ["h1", "h2"])
    }

    @Test func missingValuesFollowThreeValuedLogic() throws {
        // h3 and h5 have no params: both the condition and its negation leave them out.
        #expect(try ids("papers where params < 10B or not (params < 10B)") == ["h1", "h2", "h4"])
        #expect(try ids("papers where not (params < 10B)") == ["h4"])
        #expect(try ids("papers where params is missing") == ["h3", "h5"])
        #expect(try ids("papers where has params") == ["h1", "h2", "h4"])
        #expect(try ids("papers where not has params") == ["h3", "h5"])
        #expect(try ids("papers where params is not missing and not has date") == [])
        // unknown or true is true; unknown and false is false.
        #expect(try ids("papers where params > 1T or year = 2024") == ["h4", "h5"])
        #expect(try ids("papers where not (params > 1T and year = 2021)") == ["h1", "h2", "h3", "h4", "h5"])
        #expect(try ids("papers where not (params > 1T or year = 2021)") == ["h1"])
        // A list with no values is missing: h5 has no topic.
        #expect(try ids("papers where topic != \"llm\"") == ["h2", "h3"])
        #expect(try ids("papers where topic not in (\"llm\")") == ["h2", "h3"])
        // Empty abstract: an empty string is a value, not missing.
        #expect(try ids("papers where abstract = \"\"") == ["h5"])
    }

    @Test func unitsAndLiterals() throws {
        #expect(try ids("papers where params >= 1.5T") == ["h4"])
        #expect(try ids("papers where params >= 1500b") == ["h4"])
        #expect(try ids("papers where params = 25m") == ["h2"])
        #expect(try ids("papers where params = 25000k") == ["h2"])
        #expect(try ids("papers where date >= 2023-01-01") == ["h1", "h4"])
        #expect(try ids("papers where date < \"2022-01-01\"") == ["h2"])
        #expect(try ids("papers where open = true") == ["h1", "h4"])
        #expect(try ids("papers where open != true") == ["h2"])
        #expect(try ids("papers where year(date) = 2024") == ["h4"])
    }

    @Test func stringsIgnoreCase() throws {
        #expect(try ids("papers where venue = \"neurips\"") == ["h1", "h3"])
        #expect(try ids("papers where title contains \"SPARSE\"") == ["h1"])
        #expect(try ids("papers where text contains \"pruning\"") == ["h2"])
        #expect(try ids("papers where abstract contains \"sizes\"") == ["h3"])
        #expect(try ids("papers where title matches /^(alpha|beta)/i") == ["h1", "h2"])
        #expect(try ids("papers where title matches /^(alpha|beta)/") == [])
        #expect(try ids("papers where lower(title) = \"beta pruning\"") == ["h2"])
    }

    @Test func sortingUsesLargestDescSmallestAscMissingLast() throws {
        #expect(try ids("papers sort by params desc") == ["h4", "h1", "h2", "h3", "h5"])
        #expect(try ids("papers sort by params asc") == ["h2", "h1", "h4", "h3", "h5"])
        #expect(try ids("papers sort by year desc, title asc") == ["h4", "h5", "h1", "h3", "h2"])
        #expect(try ids("papers sort by params desc limit 2") == ["h4", "h1"])
        #expect(try ids("papers sort by params desc limit 2 offset 1") == ["h1", "h2"])
        #expect(try ids("papers limit 0") == [])
        #expect(try ids("papers where has params") == ["h1", "h2", "h4"])  // corpus order without sort
    }

    @Test func countAndGroups() throws {
        #expect(try indexed.run("count papers where topic = \"llm\"").count == 2)
        #expect(try indexed.run("count papers where params > 100T").count == 0)
        let groups = try indexed.run("papers group by topic")
        #expect(groups.columns.map(\.name) == ["topic", "count"])
        // A paper with several topics counts in each; the missing group has an empty key.
        #expect(groups.rows.first == [.string("llm"), .number(2)])
        #expect(groups.rows.contains([.missing, .number(1)]))
        #expect(groups.rows.reduce(0) { $0 + ($1[1].number ?? 0) } == 8)
        let aggregates = try indexed.run("papers where has params group by topic select topic, count(), max(params) as largest, avg(params) sort by largest desc limit 2")
        #expect(aggregates.columns.map(\.name) == ["topic", "count", "largest", "avg(params)"])
        #expect(aggregates.rows[0][0] == .string("llm") || aggregates.rows[0][0] == .string("moe"))
        #expect(aggregates.rows[0][2] == .number(1.5e12))
        let years = try indexed.run("papers group by year select year, count(title) sort by year asc")
        #expect(years.rows.map { $0[0] } == [2021, 2022, 2023, 2024])
        #expect(years.rows.map { $0[1] } == [1, 1, 1, 2])
    }

    @Test func defaultColumnsAreIdTitleAndMentionedFields() throws {
        let r = try indexed.run("papers where params > 1B and year > 2022 sort by date desc")
        #expect(r.columns.map(\.name) == ["id", "title", "params", "year", "date"])
        #expect(r.rows[0][2] == .list([1.5e12]))
        let s = try indexed.run("papers select id, max(params) as biggest, title")
        #expect(s.columns.map(\.name) == ["id", "biggest", "title"])
        #expect(s.rows[2][1] == .missing)
        let star = try indexed.run("papers select * limit 1")
        #expect(star.columns.map(\.name).contains("venue"))
        #expect(!star.columns.map(\.name).contains("text"))
    }

    @Test func letNamesASetOfPapersInItsOrder() throws {
        var session = Session(engine: indexed)
        let saved = try session.run("let big = papers where has params sort by params desc")
        #expect(saved.binding == "big")
        #expect(try session.run("big where topic = \"llm\"").paperIndexes.count == 2)
        let ordered = try session.run("big select id")
        #expect(ordered.rows.map { $0[0] } == ["h4", "h1", "h2"])
        #expect(try session.run("count big").count == 3)
        #expect(session.names.map(\.name) == ["big"])
        _ = try session.run("let big = papers limit 1")
        #expect(try session.run("count big").count == 1)
    }

    @Test func explainShowsWhatEachClauseKeeps() throws {
        let explanation = try indexed.prepare("papers where topic = \"llm\" and params < 10B and year = 1999").explain()
        #expect(explanation.sourceCount == 5)
        #expect(explanation.steps.map(\.condition) == ["topic = \"llm\"", "params < 10B", "year = 1999"])
        #expect(explanation.steps.map(\.keepsAlone) == [2, 2, 0])
        #expect(explanation.steps.map(\.remainingAfter) == [2, 1, 0])
        #expect(explanation.steps.map(\.usesIndex) == [true, true, true])
    }

    @Test func indexesAreUsedWhereTheyApply() throws {
        let r = try indexed.run("papers where topic = \"llm\" and params < 10B and title contains \"a\"")
        #expect(r.statistics.indexedPredicates == 2)
        #expect(r.statistics.scannedPredicates == 1)
        // The scan only looks at papers the indexes left.
        #expect(r.statistics.rowsScanned == 1)
        let s = try scanned.run("papers where topic = \"llm\" and params < 10B and title contains \"a\"")
        #expect(s.statistics.indexedPredicates == 0)
        #expect(s.paperIndexes == r.paperIndexes)
    }

    @Test func columnSearchGivesTheSameValuesInParallel() {
        // Values of varied length, some holding the needle, one match straddling two values.
        var text: [UInt8] = []
        var bounds = [0]
        var expected: [Int32] = []
        for v in 0..<5000 {
            var value = String(repeating: "words ", count: v % 7) + (v % 13 == 0 ? "Low-Rank adapters" : "dense")
            if v == 2500 { value = "ends with low-" }
            if v == 2501 { value = "rank at the start" }
            text += Array(value.utf8)
            bounds.append(text.count)
            if v % 13 == 0 { expected.append(Int32(v)) }
        }
        let needle = Array("low-rank".utf8)
        #expect(PredicateCompiler.matchingValues(text, bounds, needle, parts: 1) == expected)
        for parts in [2, 3, 8, 64] {
            #expect(PredicateCompiler.matchingValues(text, bounds, needle, parts: parts) == expected, "with \(parts) parts")
        }
    }

    @Test func topRowsFromTheSortedIndexMatchAFullSort() throws {
        // Enough papers for the index path, with list values, ties at the cut and gaps.
        let documents = (0..<6000).map { i -> Document in
            var fields: [String: Value] = ["kind": .string(i % 3 == 0 ? "a" : "b")]
            if i % 5 != 0 { fields["size"] = .list([.number(Double(i % 97)), .number(Double((i * 7) % 89))]) }
            return Document(id: "p\(i)", title: "Paper \(i)", abstract: "Text.", fields: fields)
        }
        let corpus = Corpus(documents: documents)
        let indexed = try Engine(corpus: corpus, options: .init(useIndexes: true))
        let scanned = try Engine(corpus: corpus, options: .init(useIndexes: false))
        for query in ["papers sort by size desc limit 10", "papers sort by size asc limit 25 offset 3",
                      "papers where kind = \"a\" sort by size desc limit 40", "papers where has size sort by size limit 1"] {
            let a = try TestSupport.ids(query, indexed), b = try TestSupport.ids(query, scanned)
            #expect(a == b, "`\(query)`")
            #expect(!a.isEmpty)
        }
    }
}
