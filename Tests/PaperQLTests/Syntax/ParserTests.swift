// The parser alone: every construct as a golden S-expression dump, statement boundaries and
// continuation lines, and every syntax error with its message and position. No corpus is read.

import Testing
@testable import PaperQL

@Suite struct ParserTests {
    func dump(_ source: String) throws -> String {
        try Parser.parseStatement(source).dump
    }

    func error(_ source: String) -> Diagnostic? {
        do {
            _ = try Parser.parseStatement(source)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("papers", "(query papers)"),
        ("PAPERS Where params < 10B", "(query papers (where (< params 10000000000#mag)))"),
        ("papers where params < 10B and topic = \"quantization\" sort by params desc limit 10",
         "(query papers (where (and (< params 10000000000#mag) (= topic \"quantization\"))) (sort (params desc)) (limit 10))"),
        ("count papers where has code", "(query count papers (where (has code)))"),
        ("let small = papers where params < 1B", "(let small (query papers (where (< params 1000000000#mag))))"),
        ("small where topic = 'moe'", "(query small (where (= topic \"moe\")))"),
        ("papers where a = 1 or b = 2 and c = 3", "(query papers (where (or (= a 1) (and (= b 2) (= c 3)))))"),
        ("papers where (a = 1 or b = 2) and c = 3", "(query papers (where (and (or (= a 1) (= b 2)) (= c 3))))"),
        ("papers where not a = 1 and b = 2", "(query papers (where (and (not (= a 1)) (= b 2))))"),
        ("papers where not not has x", "(query papers (where (not (not (has x)))))"),
        ("papers where topic in (\"llm\", 'moe')", "(query papers (where (in topic \"llm\" \"moe\")))"),
        ("papers where topic not in (\"llm\")", "(query papers (where (not-in topic \"llm\")))"),
        ("papers where params between 1B and 10B", "(query papers (where (between params 1000000000#mag 10000000000#mag)))"),
        ("papers where params between 1B and 10B and has code", "(query papers (where (and (between params 1000000000#mag 10000000000#mag) (has code))))"),
        ("papers where title contains \"sparse\"", "(query papers (where (contains title \"sparse\")))"),
        ("papers where title matches /sp(a|e)rse\\/x/i", "(query papers (where (matches title /sp(a|e)rse/x/i)))"),
        ("papers where code is missing", "(query papers (where (missing code)))"),
        ("papers where code is not missing", "(query papers (where (present code)))"),
        ("papers where max(params) < 1.5T", "(query papers (where (< (max params) 1500000000000#mag)))"),
        ("papers where acc > 55.8%", "(query papers (where (> acc 0.558#pct)))"),
        ("papers where speedup >= 4.7x", "(query papers (where (>= speedup 4.7#x)))"),
        ("papers where speedup >= 2.5×", "(query papers (where (>= speedup 2.5#x)))"),
        ("papers where date >= 2024-03-11", "(query papers (where (>= date @2024-03-11)))"),
        ("papers where open = true", "(query papers (where (= open true)))"),
        ("papers where n > -3", "(query papers (where (> n -3)))"),
        ("papers where n != 1_000", "(query papers (where (!= n 1000)))"),
        ("papers where n <> 1", "(query papers (where (!= n 1)))"),
        ("papers where 10B > params", "(query papers (where (> 10000000000#mag params)))"),
        ("papers where t = \"a\\\"b\\u{E9}\"", "(query papers (where (= t \"a\"bé\")))"),
        ("papers group by topic", "(query papers (group topic))"),
        ("papers group by topic select topic, count(), avg(params) as mean sort by count desc",
         "(query papers (group topic) (select topic (count) (as (avg params) mean)) (sort (count desc)))"),
        ("papers select *", "(query papers (select *))"),
        ("papers select count(*)", "(query papers (select (count *)))"),
        ("papers sort by year asc, params desc limit 5 offset 10", "(query papers (sort (year asc) (params desc)) (limit 5) (offset 10))"),
        ("papers limit 2K", "(query papers (limit 2000))"),
        ("papers where x = 1 -- a comment", "(query papers (where (= x 1)))"),
        ("papers where x = 1 # another", "(query papers (where (= x 1)))"),
        ("papers where length(title) > 10", "(query papers (where (> (length title) 10)))"),
    ])
    func constructs(source: String, expected: String) throws {
        #expect(try dump(source) == expected)
    }

    @Test func multiLineStatementsContinueOnClausesAndOpenParentheses() throws {
        let script = Script("""
            papers
              where topic = "llm"
                and has code
              sort by params desc
            count papers where (
              has code or
              has params)
            papers where topic =
              "moe"; papers
            """)
        #expect(script.diagnostics.isEmpty)
        #expect(script.statements.map(\.syntax.dump) == [
            "(query papers (where (and (= topic \"llm\") (has code))) (sort (params desc)))",
            "(query count papers (where (or (has code) (has params))))",
            "(query papers (where (= topic \"moe\")))",
            "(query papers)",
        ])
        #expect(script.statements[1].range.start.line == 5)
        #expect(script.statements[3].range.start.line == 9)
    }

    @Test func needsMoreInputWhileUnfinished() {
        #expect(Script.needsMoreInput("papers where"))
        #expect(Script.needsMoreInput("papers where (a = 1"))
        #expect(Script.needsMoreInput("papers where a = 1 and"))
        #expect(Script.needsMoreInput("papers select id,"))
        #expect(!Script.needsMoreInput("papers where a = 1"))
        #expect(!Script.needsMoreInput("papers where (a = 1;"))
        #expect(!Script.needsMoreInput(""))
    }

    @Test func scriptRecoversAfterABrokenStatement() {
        let script = Script("papers where x =;\npapers limit;\ncount papers\npapers where x = 1 2\npapers")
        #expect(script.statements.map(\.syntax.dump) == ["(query count papers)", "(query papers)"])
        #expect(script.diagnostics.map(\.range.start.line) == [1, 2, 4])
    }

    struct ErrorCase: Sendable, CustomStringConvertible {
        let source: String
        let message: String
        let line: Int
        let column: Int
        var description: String { source }
    }

    @Test(arguments: [
        ErrorCase(source: "", message: "expected a query", line: 1, column: 1),
        ErrorCase(source: "where x = 1", message: "expected `papers` or a `let` name, found `where`", line: 1, column: 1),
        ErrorCase(source: "papers where", message: "expected a condition after `where`, found end of input", line: 1, column: 13),
        ErrorCase(source: "papers where x", message: "expected a comparison after `x`, found end of input", line: 1, column: 15),
        ErrorCase(source: "papers where x = ", message: "expected a field, a value or a function after `=`, found end of input", line: 1, column: 17),
        ErrorCase(source: "papers where (x = 1", message: "expected `)` to close the `(` at 1:14, found end of input", line: 1, column: 20),
        ErrorCase(source: "papers where x = 1)", message: "unbalanced `)`: no `(` is open here", line: 1, column: 19),
        ErrorCase(source: "papers limit 5 where x = 1", message: "misplaced `where`: it must come before `limit`", line: 1, column: 16),
        ErrorCase(source: "papers where x = 1 where y = 2", message: "`where` appears twice", line: 1, column: 20),
        ErrorCase(source: "papers offset 5", message: "`offset` needs a `limit` before it", line: 1, column: 8),
        ErrorCase(source: "papers limit -1", message: "`limit` takes a whole number of papers, 0 or more", line: 1, column: 15),
        ErrorCase(source: "papers limit 1.5", message: "`limit` takes a whole number of papers, 0 or more", line: 1, column: 14),
        ErrorCase(source: "papers limit x", message: "expected a number after `limit`, found `x`", line: 1, column: 14),
        ErrorCase(source: "papers sort params", message: "expected `by` after `sort`, found `params`", line: 1, column: 13),
        ErrorCase(source: "papers group topic", message: "expected `by` after `group`, found `topic`", line: 1, column: 14),
        ErrorCase(source: "papers where x < 10Q", message: "bad number `10Q`", line: 1, column: 18),
        ErrorCase(source: "papers where d = 2024-13-01", message: "`2024-13-01` is not a real date", line: 1, column: 18),
        ErrorCase(source: "papers where t = \"open", message: "unterminated string", line: 1, column: 18),
        ErrorCase(source: "papers where t = \"a\\qb\"", message: "unknown escape `\\q` in string", line: 1, column: 20),
        ErrorCase(source: "papers where t matches /a(b", message: "unterminated regex", line: 1, column: 24),
        ErrorCase(source: "papers where t matches /ab/q", message: "unknown regex flag `q`", line: 1, column: 24),
        ErrorCase(source: "papers where t matches \"ab\"", message: "expected a /regex/ after `matches`, found `\"ab\"`", line: 1, column: 24),
        ErrorCase(source: "papers where t contains 3", message: "expected a string after `contains`, found `3`", line: 1, column: 25),
        ErrorCase(source: "papers where t in 1, 2", message: "expected `(` after `in`, found `1`", line: 1, column: 19),
        ErrorCase(source: "papers where t in (1, 2", message: "expected `,` or `)` in the `in` list, found end of input", line: 1, column: 24),
        ErrorCase(source: "papers where t between 1", message: "expected `and` between the bounds of `between`, found end of input", line: 1, column: 25),
        ErrorCase(source: "papers where t is there", message: "expected `missing` after `is`, found `there`", line: 1, column: 19),
        ErrorCase(source: "papers where t not 3", message: "expected `in` after `not`, found `3`", line: 1, column: 20),
        ErrorCase(source: "papers where x ! 3", message: "unexpected `!`", line: 1, column: 16),
        ErrorCase(source: "papers where x = “a”", message: "unexpected character `“`", line: 1, column: 18),
        ErrorCase(source: "papers where x = 1 order by x", message: "unexpected `order` after the query", line: 1, column: 20),
        ErrorCase(source: "let = papers", message: "expected a name after `let`, found `=`", line: 1, column: 5),
        ErrorCase(source: "let x papers", message: "expected `=` after `let x`, found `papers`", line: 1, column: 7),
        ErrorCase(source: "papers select", message: "expected a field, a value or a function in `select`, found end of input", line: 1, column: 14),
        ErrorCase(source: "papers where f(1", message: "expected `)` to close the `(` at 1:15, found end of input", line: 1, column: 17),
        ErrorCase(source: "papers where x = /re/", message: "a /regex/ can only follow `matches`", line: 1, column: 18),
        ErrorCase(source: "papers where x = 1\n  and", message: "expected a field, a value or a function in the condition, found end of input", line: 2, column: 6),
        ErrorCase(source: "papers where x = 1 .y", message: "unexpected `.`", line: 1, column: 20),
        ErrorCase(source: "count papers\n  .format csv", message: "`.format` is a command of the interactive prompt, not a statement", line: 2, column: 3),
    ])
    func errors(_ c: ErrorCase) throws {
        let diagnostic = try #require(error(c.source))
        #expect(diagnostic.message == c.message)
        #expect(diagnostic.range.start.line == c.line)
        #expect(diagnostic.range.start.column == c.column)
    }

    @Test func suggestionsForCommonMistakes() throws {
        #expect(error("papers where x = 1 order by x")?.suggestion == "did you mean `sort by`?")
        #expect(error("papers where x = 1 limt 3")?.suggestion == "did you mean `limit`?")
        #expect(error("papers where x = “a”")?.suggestion == "use straight quotes \" or '")
        #expect(error("papers where x 3")?.suggestion?.contains("compare with") == true)
        #expect(error("papers where title contain \"x\"")?.suggestion == "did you mean `contains`?")
        #expect(error("papers where x = y z")?.message == "unexpected `z` after the query")
        #expect(error(".timer on")?.suggestion?.contains("paperql run --format csv") == true)
    }

    @Test func deepNestingIsAnErrorNotACrash() throws {
        let deep = "papers where " + String(repeating: "(", count: 10_000) + "x = 1" + String(repeating: ")", count: 10_000)
        let diagnostic = try #require(error(deep))
        #expect(diagnostic.code == .tooDeep)
        let nots = "papers where " + String(repeating: "not ", count: 10_000) + "has x"
        #expect(error(nots)?.code == .tooDeep)
        let fine = "papers where " + String(repeating: "(", count: 100) + "x = 1" + String(repeating: ")", count: 100)
        #expect(error(fine) == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let diagnostic = try #require(error("papers where t = \"é\" and x ! 3"))
        #expect(diagnostic.message == "unexpected `!`")
        #expect(diagnostic.range.start.column == 28)
        #expect(diagnostic.range.start.offset == 28)
        #expect(error("papers where ü = 1")?.message == "unexpected character `ü`")
    }
}
