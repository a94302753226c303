// Name resolution and type checking: every error is found before any paper is read, comes with
// a range, and where possible a suggestion that names the provider of a field.

import Testing
@testable import PaperQL
import StandardExtractors

@Suite struct ResolverTests {
    let engine = TestSupport.docsEngine

    func only(_ query: String) -> Diagnostic? {
        let all = TestSupport.diagnostics(query, engine)
        #expect(all.count == 1, "expected one diagnostic for `\(query)`, got \(all)")
        return all.first
    }

    @Test func unknownFieldSuggestsTheNearestWithItsProvider() throws {
        let d = try #require(only("papers where parms < 10B"))
        #expect(d.code == .unknownField)
        #expect(d.message == "unknown field `parms`")
        #expect(d.suggestion == "did you mean `params` (extractor params)?")
        #expect(d.hints.contains("params") && d.hints.contains("title"))
        #expect(d.range.start.column == 14 && d.range.end.column == 19)
        #expect(only("papers where titel contains \"x\"")?.suggestion == "did you mean `title` (builtin)?")
        #expect(only("papers where author = \"x\"")?.suggestion == "did you mean `authors` (document)?")
    }

    @Test func anUnquotedTopicIsExplained() throws {
        #expect(only("papers where quantization")?.code == .syntax)
        let d2 = try #require(only("papers where topic = quantization"))
        #expect(d2.code == .unknownField)
        #expect(d2.suggestion == "did you mean `topic = \"quantization\"`? strings are quoted")
    }

    @Test func unknownTopicsAreErrorsWithSuggestions() throws {
        let d = try #require(only("papers where topic = \"quantizaton\""))
        #expect(d.code == .unknownValue)
        #expect(d.suggestion == "did you mean \"quantization\"?")
        #expect(d.hints.count == 28)
        #expect(only("papers where topic in (\"llm\", \"visoin\")")?.suggestion == "did you mean \"vision\"?")
    }

    @Test(arguments: [
        ("papers where title < 10B", "cannot compare `title` (string) with `10B` (number)"),
        ("papers where params = \"7B\"", "cannot compare `params` (list<number>) with `\"7B\"` (string)"),
        ("papers where date > 5", "cannot compare `date` (date) with `5` (number)"),
        ("papers where params contains \"7B\"", "`contains` needs text; `params` is list<number>"),
        ("papers where params matches /7B/", "`matches` needs text; `params` is list<number>"),
        ("papers where params in (\"a\")", "`\"a\"` is string, but `params` is list<number>"),
        ("papers where params between \"a\" and \"b\"", "`\"a\"` is string, but `params` is list<number>"),
        ("papers where lower(params) = \"x\"", "`lower` takes string, but `params` is list<number>"),
        ("papers where length(authors) > 3", "`length` takes string, but `authors` is list<string>"),
        ("papers where length(title, abstract) > 3", "`length` takes 1 argument, got 2"),
        ("papers where sum(topic) > 3", "`sum` needs numbers; `topic` is list<string>"),
    ])
    func typeErrors(query: String, message: String) throws {
        let d = try #require(only(query))
        #expect(d.code == .typeMismatch)
        #expect(d.message == message)
    }

    @Test func unknownFunctionsAndNames() throws {
        let f = try #require(only("papers where maxx(params) > 1"))
        #expect(f.code == .unknownFunction)
        #expect(f.suggestion == "did you mean `max`?")
        let n = try #require(only("smal where has code"))
        #expect(n.code == .unknownName)
        #expect(n.message == "unknown result set `smal`")
        #expect(only("paper where has code")?.suggestion == "did you mean `papers`?")
    }

    @Test func misplacedAggregatesAndClauses() throws {
        #expect(only("papers select count()")?.message == "`count()` counts papers only with `group by`")
        #expect(only("count papers sort by params")?.message == "`count` yields one number; it cannot take `sort by`")
        #expect(only("count papers group by topic")?.code == .misplacedClause)
        #expect(only("papers group by topic select title")?.message == "`title` is not the group key or an aggregate")
        #expect(only("let x = count papers")?.message == "`let` can only name a list of papers, not a count")
        #expect(only("papers where title matches /(a/")?.code == .badRegex)
    }

    @Test func everyProblemIsReportedNotJustTheFirst() {
        let all = TestSupport.diagnostics("papers where parms < 1 and title > 3 and topic = \"lm\"", engine)
        #expect(all.map(\.code) == [.unknownField, .typeMismatch, .unknownValue])
        #expect(all.map(\.range.start.column) == [14, 28, 50])
    }

    @Test func aliasesResolveToCanonicalTopics() throws {
        let a = try TestSupport.ids("papers where topic = \"mixture-of-experts\"", engine)
        let b = try TestSupport.ids("papers where topic = \"MoE\"", engine)
        let c = try TestSupport.ids("papers where topic = \"lora\"", engine)
        #expect(a == ["d03"])
        #expect(a == b)
        #expect(c == (try TestSupport.ids("papers where topic = \"peft\"", engine)))
    }

    @Test func checkingReadsNoPapers() throws {
        // A fresh engine: preparing a bad query must not run any extractor.
        let fresh = try Engine(corpus: TestSupport.docsEngine.corpus, extractors: StandardExtractors.all)
        _ = TestSupport.diagnostics("papers where parms < 10B", fresh)
        #expect(fresh.extractedFieldCount == 0)
    }
}
