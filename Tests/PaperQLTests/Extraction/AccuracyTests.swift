// The standard extractors against the labelled evaluation set (Tests/Labels/eval-set.jsonl),
// with the targets the project committed to, and the figures `paperql fields` shows kept in
// step with what the extractors really do.

import Foundation
import Testing
@testable import PaperQL
import StandardExtractors

@Suite struct AccuracyTests {
    static let scores: [String: FieldScore] = {
        let set = try! LabelledSet(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/Labels/eval-set.jsonl"))
        let engine = try! Engine(corpus: set.embeddedCorpus!, extractors: StandardExtractors.all)
        return Dictionary(uniqueKeysWithValues: set.score(engine).map { ($0.field, $0) })
    }()

    @Test func theEvaluationSetIsLargeEnough() throws {
        let set = try LabelledSet(contentsOf: TestSupport.packageRoot.appendingPathComponent("Tests/Labels/eval-set.jsonl"))
        #expect(set.entries.count >= 80)
    }

    @Test func targetsHold() throws {
        #expect(try #require(Self.scores["params"]).f1 >= 0.97)
        #expect(try #require(Self.scores["topic"]).f1 >= 0.85)
        #expect(try #require(Self.scores["code"]).f1 >= 0.99)
    }

    @Test func publishedFiguresMatchTheExtractors() throws {
        for (field, published) in StandardAccuracy.figures {
            let score = try #require(Self.scores[field])
            #expect(abs(score.precision - published.precision) < 0.0051, "\(field) precision is \(score.precision); update StandardAccuracy")
            #expect(abs(score.recall - published.recall) < 0.0051, "\(field) recall is \(score.recall); update StandardAccuracy")
        }
        #expect(Set(StandardAccuracy.figures.keys) == ["params", "topic", "code", "bits", "speedup"])
    }
}
