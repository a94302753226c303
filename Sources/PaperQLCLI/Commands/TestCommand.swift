// `paperql test FILE...`: query files that carry their expected results, run as tests. After a
// statement, comment lines state what it must yield:
//
//     papers where topic = "moe" select id
//     -- expect: 3 rows
//     -- expect csv:
//     -- id
//     -- sample-045
//
//     count papers where has code
//     -- expect: count 104
//
//     papers where parms > 1
//     -- expect error: unknown field
//
// Each mismatch is reported with file:line and a diff; the exit status is 1 if any fails.

import ArgumentParser
import Foundation
import PaperQL

struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run query files with `-- expect:` comments and report every mismatch.",
        discussion: """
            Expectations follow the statement they check: `-- expect: N rows`, `-- expect: count N`, \
            `-- expect error: TEXT`, or `-- expect csv:` followed by the rows as `-- ` comment lines. \
            Exit status: 0 when all hold, 1 when any fails (or a file cannot be read).
            """)

    @OptionGroup var input: CorpusOptions

    @Argument(help: "Query files with expectations.")
    var files: [String]

    func run() throws {
        let engine = try input.makeEngine()
        var failed = 0
        var checked = 0
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.error("paperql: \(file): cannot read the file")
                throw ExitStatus.inputError
            }
            let outcome = ExpectationRunner(engine: engine, origin: file).run(String(decoding: data, as: UTF8.self))
            failed += outcome.failures.count
            checked += outcome.checked
            for failure in outcome.failures { Output.line(failure) }
        }
        Output.line("\(checked - failed) of \(checked) expectation\(checked == 1 ? "" : "s") held" + (failed > 0 ? "; \(failed) failed" : ""))
        if failed > 0 { throw ExitStatus.expectationFailed }
    }
}

/// What a statement is expected to yield.
enum Expectation {
    case rows(Int)
    case count(Int)
    case error(String)
    case csv([String])
}

struct ExpectationRunner {
    let engine: Engine
    let origin: String

    /// Expectations by the line they are written on.
    static func parse(_ text: String) -> [(line: Int, expectation: Expectation)] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: .whitespaces) }
        var found: [(Int, Expectation)] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            guard line.hasPrefix("-- expect") else { i += 1; continue }
            let body = line.dropFirst("-- expect".count).trimmingCharacters(in: .whitespaces)
            if body.hasPrefix("csv:") {
                var rows: [String] = []
                var j = i + 1
                while j < lines.count, lines[j].hasPrefix("--"), !lines[j].hasPrefix("-- expect") {
                    var row = String(lines[j].dropFirst(2))
                    if row.hasPrefix(" ") { row.removeFirst() }
                    rows.append(row)
                    j += 1
                }
                while rows.last?.isEmpty == true { rows.removeLast() }
                found.append((i + 1, .csv(rows)))
                i = j
                continue
            }
            if body.hasPrefix("error:") {
                found.append((i + 1, .error(body.dropFirst("error:".count).trimmingCharacters(in: .whitespaces))))
            } else if body.hasPrefix(":") {
                let words = body.dropFirst().split(separator: " ").map(String.init)
                if words.count == 2, words[0] == "count", let n = Int(words[1]) {
                    found.append((i + 1, .count(n)))
                } else if let first = words.first, let n = Int(first) {
                    found.append((i + 1, .rows(n)))
                }
            }
            i += 1
        }
        return found
    }

    func run(_ text: String) -> (checked: Int, failures: [String]) {
        let script = Script(text)
        let expectations = ExpectationRunner.parse(text)
        var session = Session(engine: engine)
        var failures: [String] = []
        // Each expectation belongs to the last statement that ends before it.
        var byStatement: [Int: [(Int, Expectation)]] = [:]
        for (line, expectation) in expectations {
            if let index = script.statements.lastIndex(where: { $0.range.end.line < line }) {
                byStatement[index, default: []].append((line, expectation))
            } else {
                failures.append("\(origin):\(line): expectation has no statement before it")
            }
        }
        for diagnostic in script.diagnostics {
            failures.append("\(origin):\(diagnostic.range.start.line):\(diagnostic.range.start.column): \(diagnostic.message)")
        }
        let printer = ResultPrinter(format: .csv, engine: engine)
        for (index, statement) in script.statements.enumerated() {
            var result: QueryResult?
            var errorText: String?
            do {
                result = try session.run(session.prepare(statement, in: script))
            } catch let error as QueryError {
                errorText = error.diagnostics.map { $0.message + ($0.suggestion.map { "; " + $0 } ?? "") }.joined(separator: "\n")
            } catch {
                errorText = "\(error)"
            }
            let place = "\(origin):\(statement.range.start.line)"
            for (line, expectation) in byStatement[index] ?? [] {
                let at = "\(origin):\(line)"
                switch expectation {
                case .error(let needle):
                    if let errorText {
                        if !errorText.contains(needle) { failures.append("\(at): expected an error containing \"\(needle)\", got: \(errorText)") }
                    } else {
                        failures.append("\(at): expected an error containing \"\(needle)\", but the statement at \(place) succeeded")
                    }
                    continue
                default:
                    break
                }
                guard let result else {
                    failures.append("\(at): the statement at \(place) failed: \(errorText ?? "")")
                    continue
                }
                switch expectation {
                case .rows(let n):
                    if result.rows.count != n { failures.append("\(at): expected \(n) rows, got \(result.rows.count)") }
                case .count(let n):
                    if result.count != n { failures.append("\(at): expected count \(n), got \(result.count.map(String.init) ?? "no count")") }
                case .csv(let expected):
                    let actual = printer.csv(result).split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty }
                    if actual != expected {
                        failures.append("\(at): rows differ from the expectation\n" + LineDiff.unified(expected: expected, actual: actual))
                    }
                case .error:
                    break
                }
            }
        }
        return (expectations.count, failures)
    }
}

/// A minimal line diff for test reports: `-` expected, `+` actual, ` ` both.
enum LineDiff {
    static func unified(expected: [String], actual: [String]) -> String {
        // Longest common subsequence, fine for the small tables tests hold.
        let n = expected.count, m = actual.count
        var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = expected[i] == actual[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, expected[i] == actual[j] {
                out.append("    " + expected[i]); i += 1; j += 1
            } else if j < m, i == n || table[i][j + 1] >= table[i + 1][j] {
                out.append("  + " + actual[j]); j += 1
            } else {
                out.append("  - " + expected[i]); i += 1
            }
        }
        return out.joined(separator: "\n")
    }
}
