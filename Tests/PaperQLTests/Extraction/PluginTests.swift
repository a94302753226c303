// External plugins over the JSON-lines protocol, and YAML rule files: the good path, evidence
// offsets, the cache, and every way a plugin or a rule can go wrong without taking anything
// else down.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors

@Suite(.serialized) struct PluginTests {
    let documents = [
        Document(id: "a", title: "Échelle Models Run on A100 GPUs", abstract: "We train a 7B model on 64 H100 GPUs."),
        Document(id: "b", title: "Small Things", abstract: "No hardware is named here."),
        Document(id: "c", title: "Third Paper", abstract: "TPU v4 pods and an RTX 3090 card."),
    ]

    var probe: URL { TestSupport.fixture("Plugins/misbehave.py") }

    func temporaryDirectory() throws -> URL { try TestSupport.makeTemporaryDirectory("plugins") }

    @Test func aWellBehavedPluginProvidesFieldsWithEvidence() throws {
        let plugin = try ExternalExtractor(executable: probe, arguments: ["good"])
        let engine = try Engine(corpus: Corpus(documents: documents), extractors: [plugin] + StandardExtractors.all)
        let result = try engine.run("papers select id, letters, first_word, params")
        #expect(result.rows == [["a", 23, "Échelle", .list([7e9])], ["b", 11, "Small", .missing], ["c", 10, "Third", .missing]])
        #expect(engine.schema.field(named: "letters")?.provider == .extractor(name: "probe", version: "1"))
        // Offsets in Unicode scalars from the plugin become UTF-8 offsets: É is two bytes.
        let evidence = try #require(engine.evidence(paper: 0, field: "first_word").first?.evidence)
        #expect(evidence.utf8Range == 0..<8)
        #expect(evidence.excerpt(in: documents[0].title) == "Échelle")
        #expect(engine.diagnostics.isEmpty)
    }

    @Test func thePythonExamplePlugin() throws {
        let script = TestSupport.packageRoot.appendingPathComponent("Examples/plugins/gpu_mentions.py")
        let plugin = try ExternalExtractor(executable: script)
        let engine = try Engine(corpus: Corpus(documents: documents), extractors: [plugin])
        let result = try engine.run("papers where has gpus select id, gpus")
        #expect(result.rows == [["a", .list(["A100", "H100"])], ["c", .list(["TPUv4", "RTX3090"])]])
        let evidence = try #require(engine.evidence(paper: 2, field: "gpus").last?.evidence)
        #expect(evidence.excerpt(in: documents[2].abstract) == "RTX 3090")
    }

    @Test(arguments: [
        ("crash", "exited with status 3"),
        ("garbage", "output line 3 is not a JSON object"),
        ("unknown", "answered for a paper it was not sent"),
        ("hang", "no answer for 1.5 s; stopped"),
    ])
    func aMisbehavingPluginIsStoppedAndEverythingElseLoads(mode: String, problem: String) throws {
        let plugin = try ExternalExtractor(executable: probe, arguments: [mode], timeout: 1.5)
        let engine = try Engine(corpus: Corpus(documents: documents), extractors: StandardExtractors.all + [plugin])
        let result = try engine.run("papers select id, letters, params")
        #expect(result.rows.map { $0[1] } == [.missing, .missing, .missing])
        #expect(result.rows[0][2] == .list([7e9]))
        let diagnostic = try #require(engine.diagnostics.first)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.origin == "plugin probe")
        #expect(diagnostic.message.contains(problem))
        if mode == "crash" { #expect(diagnostic.message.contains("something broke")) }
    }

    @Test func aPluginThatCannotDescribeItselfIsAnError() {
        #expect(throws: PluginError.self) { try ExternalExtractor(executable: probe, arguments: ["oldprotocol"]) }
        #expect(throws: PluginError.self) { try ExternalExtractor(executable: probe, arguments: ["silent"], timeout: 1) }
        #expect(throws: PluginError.self) { try ExternalExtractor(executable: URL(fileURLWithPath: "/nonexistent/plugin")) }
    }

    @Test func answersAreCachedSoASecondLoadDoesNotRunThePlugin() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("log.txt")
        let cache = directory.appendingPathComponent("cache")
        func load() throws -> [[Value]] {
            let plugin = try ExternalExtractor(executable: probe, arguments: ["good", log.path], cacheDirectory: cache)
            let engine = try Engine(corpus: Corpus(documents: documents), extractors: [plugin])
            return Array(try engine.run("papers select letters, first_word").rows)
        }
        let first = try load()
        let linesAfterFirst = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(linesAfterFirst.filter { $0 == "paper" }.count == 3)
        let second = try load()
        #expect(second == first)
        let linesAfterSecond = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(linesAfterSecond == linesAfterFirst)  // not even started
        // A changed paper is sent again; the others come from the cache.
        var changed = documents
        changed[1] = Document(id: "b", title: "Other Things", abstract: "Changed.")
        let plugin = try ExternalExtractor(executable: probe, arguments: ["good", log.path], cacheDirectory: cache)
        let engine = try Engine(corpus: Corpus(documents: changed), extractors: [plugin])
        #expect(try engine.run("papers select first_word").rows == [["Échelle"], ["Other"], ["Third"]])
        let linesAfterThird = try String(contentsOf: log, encoding: .utf8).split(separator: "\n")
        #expect(linesAfterThird.count == linesAfterSecond.count + 2)  // started, one paper
    }

    @Test func ruleFilesAddTopicsAndRegexFields() throws {
        let rules = RuleFile(yaml: """
            topics:
              - name: federated-learning
                summary: Training across clients
                phrases: [federated learning, federated averaging]
                aliases: [fl]
              - name: quantization
                phrases: [vector quantization]
            fields:
              - name: gpu
                type: list<string>
                pattern: '\\b(A100|H100|RTX ?\\d{4})\\b'
              - name: gpu_count
                type: list<number>
                pattern: '(\\d+) (?:A100|H100) GPUs'
            """, path: "rules.yaml")
        #expect(rules.diagnostics.isEmpty)
        let docs = documents + [Document(id: "d", title: "Federated Learning at the Edge", abstract: "Clients run federated averaging on 8 A100 GPUs.")]
        let engine = try Engine(corpus: Corpus(documents: docs),
                                extractors: StandardExtractors.all(extraTopics: rules.topics) + [RegexFieldExtractor(rules: rules.fields)])
        #expect(try TestSupport.ids("papers where topic = \"fl\"", engine) == ["d"])
        #expect(try engine.run("papers where has gpu select id, gpu, gpu_count").rows == [
            ["a", .list(["A100", "H100"]), .list([64])], ["c", .list(["RTX 3090"]), .missing], ["d", .list(["A100"]), .list([8])],
        ])
        let evidence = try #require(engine.evidence(paper: 3, field: "gpu_count").first?.evidence)
        #expect(evidence.excerpt(in: docs[3].abstract) == "8")
    }

    @Test func badRulesAreReportedWithTheirLineAndTheRestLoads() {
        let rules = RuleFile(yaml: """
            topics:
              - name: Bad Name
                phrases: [x]
              - name: good-one
                phrases: [good phrase]
              - name: no-phrases
            fields:
              - name: gpu
                type: list<string>
                pattern: '(unclosed'
              - name: fine
                type: number
                pattern: '(\\d+) layers'
              - name: typo
                typ: string
                pattern: 'x'
            extra: 1
            """, path: "rules.yaml")
        #expect(rules.topics.map(\.name) == ["good-one"])
        #expect(rules.fields.map(\.name) == ["fine"])
        #expect(rules.diagnostics.map(\.line) == [2, 6, 10, 15, 17])
        #expect(rules.diagnostics.allSatisfy { $0.origin == "rules.yaml" && $0.severity == .error })
        #expect(rules.diagnostics[2].message == "the pattern of `gpu` is not a valid regular expression")
        let broken = RuleFile(yaml: "topics: [\n  - name: x", path: "broken.yaml")
        #expect(broken.diagnostics.count == 1)
        #expect(broken.diagnostics[0].message.hasPrefix("not valid YAML"))
        #expect(broken.diagnostics[0].line != nil)
    }
}
