// The built `paperql` binary as scripts see it: every output format, every exit code, stdout
// for results only and stderr for diagnostics.

import Foundation
import Testing
@testable import PaperQL

@Suite(.serialized) struct CLITests {
    let corpus = ["--corpus", "docs/examples/papers.jsonl"]

    @Test func tableIsTheDefault() throws {
        let r = try TestSupport.paperql(["query"] + corpus + ["papers where params < 100M select id, params"])
        #expect(r.status == 0)
        #expect(r.stderr.isEmpty)
        #expect(r.stdout == """
             id  │          params
            ─────┼─────────────────
             d02 │             86M
             d04 │ 10M, 300M, 600M
             d09 │         68M, 7B
             d12 │            100K
            (4 papers)

            """)
    }

    @Test func jsonIsTyped() throws {
        let r = try TestSupport.paperql(["query", "--format", "json"] + corpus + ["papers where id in (\"d09\", \"d08\") select id, params, date, topic"])
        #expect(r.status == 0)
        let rows = try #require(JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2)
        #expect(rows[0]["id"] as? String == "d08")
        #expect(rows[0]["params"] is NSNull)
        #expect(rows[1]["params"] as? [Double] == [68e6, 7e9])
        #expect(rows[1]["date"] as? String == "2024-01-09")
        // Keys in column order, numbers as plain JSON numbers.
        #expect(r.stdout.contains("{\"id\":\"d09\",\"params\":[68000000,7000000000],\"date\":\"2024-01-09\""))
        let count = try TestSupport.paperql(["query", "--format", "json"] + corpus + ["count papers where has code"])
        #expect(count.stdout == "{\"count\":2}\n")
        let groups = try TestSupport.paperql(["query", "--format", "json"] + corpus + ["papers where has speedup group by speedup select speedup, count()"])
        #expect(groups.stdout.contains("{\"speedup\":2.8,\"count\":1}"))
    }

    @Test func jsonLinesCsvAndMarkdown() throws {
        let q = "papers where has code select id, code, bits"
        let jsonl = try TestSupport.paperql(["query", "--format", "jsonl"] + corpus + [q])
        #expect(jsonl.stdout == """
            {"id":"d01","code":["https://github.com/example/fourbit"],"bits":[4,16]}
            {"id":"d05","code":["https://huggingface.co/example/lora70b"],"bits":null}

            """)
        let csv = try TestSupport.paperql(["query", "--format", "csv"] + corpus + [q])
        #expect(csv.stdout == "id,code,bits\nd01,https://github.com/example/fourbit,4; 16\nd05,https://huggingface.co/example/lora70b,\n")
        let md = try TestSupport.paperql(["query", "--format", "markdown"] + corpus + [q])
        #expect(md.stdout.hasPrefix("| id | code | bits |\n| --- | --- | ---: |\n| d01 | https://github.com/example/fourbit | 4, 16 |"))
    }

    @Test func evidenceInJSON() throws {
        let r = try TestSupport.paperql(["query", "--format", "json", "--evidence"] + corpus + ["papers where id = \"d01\" select id, params"])
        #expect(r.stdout.contains("\"evidence\":{\"params\":[{\"value\":7000000000,\"field\":\"abstract\",\"start\":"))
        #expect(r.stdout.contains("\"text\":\"7B\""))
    }

    @Test func exitCodes() throws {
        let ok = try TestSupport.paperql(["query"] + corpus + ["papers where params > 100T"])
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("(0 papers)"))
        let queryError = try TestSupport.paperql(["query"] + corpus + ["papers where parms > 1"])
        #expect(queryError.status == 2)
        #expect(queryError.stdout.isEmpty)
        #expect(queryError.stderr.hasPrefix("query:1:14: error: unknown field `parms`; did you mean `params` (extractor params)?\n    papers where parms > 1\n                 ^~~~~"))
        let missingFile = try TestSupport.paperql(["query", "--corpus", "/nonexistent/papers.jsonl", "papers"])
        #expect(missingFile.status == 1)
        #expect(missingFile.stderr.contains("no such file"))
        let usage = try TestSupport.paperql(["query", "--format", "yaml", "papers"])
        #expect(usage.status == 64)
        let unknownOption = try TestSupport.paperql(["query", "--frobnicate", "papers"])
        #expect(unknownOption.status == 64)
    }

    @Test func unreadableRecordsAreReportedButTheRestLoads() throws {
        let directory = try TestSupport.makeTemporaryDirectory("cli")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("mixed.jsonl")
        try """
            {"title": "Good One", "abstract": "Fine."}
            {"title": "Broken
            {"title": "Good Two", "abstract": "Also fine."}

            """.write(to: file, atomically: true, encoding: .utf8)
        let r = try TestSupport.paperql(["query", "--corpus", file.path, "count papers"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("2"))
        #expect(r.stderr.contains("mixed.jsonl:2: bad JSON"))
        #expect(r.stderr.contains("loaded 2 papers; 1 record skipped"))
        let quiet = try TestSupport.paperql(["query", "-q", "--corpus", file.path, "count papers"])
        #expect(quiet.stderr.isEmpty)
    }

    @Test func fieldsListsProvidersAndCoverage() throws {
        let r = try TestSupport.paperql(["fields", "--format", "csv"] + corpus)
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.first == "field,type,provider,coverage,precision,recall,description")
        #expect(lines.contains { $0.hasPrefix("params,list<number>,extractor params 1.0,0.75,") })
        #expect(lines.contains { $0.hasPrefix("title,string,builtin,1,,,") })
    }

    @Test func whyShowsTheSentence() throws {
        let r = try TestSupport.paperql(["why"] + corpus + ["d09", "params"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("params = 68M"))
        #expect(r.stdout.contains("    A [68M] draft model proposes tokens that a 7B target model verifies in parallel"))
        let unknown = try TestSupport.paperql(["why"] + corpus + ["nope", "params"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no paper has id `nope`"))
    }

    @Test func scriptsRunInOrderAndStopAtTheFirstError() throws {
        let script = "let big = papers where params >= 10B\ncount big\npapers where nope = 1\ncount papers\n"
        let stop = try TestSupport.paperql(["run"] + corpus + ["-"], input: script)
        #expect(stop.status == 2)
        #expect(stop.stdout.contains("big: 3 papers saved"))
        #expect(!stop.stdout.contains("    12"))
        #expect(stop.stderr.hasPrefix("stdin:3:14: error: unknown field `nope`"))
        let keepGoing = try TestSupport.paperql(["run", "--keep-going", "--format", "json"] + corpus + ["-"], input: script)
        #expect(keepGoing.status == 2)
        #expect(keepGoing.stdout == "[{\"let\":\"big\",\"count\":3},\n{\"count\":3},\n{\"count\":12}]\n")
        let check = try TestSupport.paperql(["run", "--check"] + corpus + ["-"], input: "papers where params > 1\npapers where x = 1\n")
        #expect(check.status == 2)
        #expect(check.stdout.isEmpty)
        // With stdin not a terminal, `paperql` alone runs the script.
        let piped = try TestSupport.paperql(corpus, input: "count papers where has code\n")
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("2"))
    }

    @Test func longQueriesShowAWindowAroundTheError() throws {
        let query = "papers where " + String(repeating: "title contains \"x\" and ", count: 40) + "parms > 1"
        let r = try TestSupport.paperql(["query", query])
        #expect(r.status == 2)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        try #require(lines.count >= 3)
        #expect(lines[0].hasPrefix("query:1:\(query.count - 8): error: unknown field `parms`"))
        #expect(lines[1].count <= 110 && lines[1].contains("…"))
        let word = try #require(lines[1].range(of: "parms"))
        let caret = try #require(lines[2].firstIndex(of: "^"))
        #expect(lines[1].distance(from: lines[1].startIndex, to: word.lowerBound) == lines[2].distance(from: lines[2].startIndex, to: caret))
    }

    @Test func queryFilesTestThemselves() throws {
        let directory = try TestSupport.makeTemporaryDirectory("test")
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("checks.pql")
        try """
            count papers where has code
            -- expect: count 2
            papers where topic = "moe" select id
            -- expect csv:
            -- id
            -- d04
            papers where nope = 1
            -- expect error: unknown field
            """.write(to: file, atomically: true, encoding: .utf8)
        let r = try TestSupport.paperql(["test"] + corpus + [file.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("checks.pql:4: rows differ from the expectation\n    id\n  + d03\n  - d04"))
        #expect(r.stdout.contains("2 of 3 expectations held; 1 failed"))
    }

    @Test func theExampleQueryFilesHoldTheirExpectations() throws {
        let files = TestSupport.exampleQueryFiles
        #expect(files.count >= 5)
        let r = try TestSupport.paperql(["test"] + files.map(\.path))
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("expectations held") && !r.stdout.contains("failed"))
    }

    @Test func builtInSampleNeedsNoFiles() throws {
        // Copy the binary somewhere else: the sample corpus is inside it.
        let directory = try TestSupport.makeTemporaryDirectory("copy")
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("paperql")
        try FileManager.default.copyItem(at: TestSupport.binary, to: copy)
        let process = Process()
        process.executableURL = copy
        process.arguments = ["query", "count papers"]
        process.currentDirectoryURL = directory
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self).contains(String(Corpus.sample.count)))
    }
}
