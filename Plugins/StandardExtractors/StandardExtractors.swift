// The standard set of extractors the `paperql` command links, and their measured accuracy.
// An embedder may use this list, or import the extractor modules it wants one by one.

import PaperQL
import BitsExtractor
import CodeLinksExtractor
import DatasetsExtractor
import ModelsExtractor
import ParamsExtractor
import SpeedupExtractor
import TopicsExtractor

/// The extractors `paperql` registers by default.
public enum StandardExtractors {
    /// A fresh instance of every standard extractor, in dependency order.
    public static var all: [any Extractor] { all(extraTopics: []) }

    /// The standard set, with the topic taxonomy extended by `extraTopics` (from rule files).
    public static func all(extraTopics: [TopicDefinition]) -> [any Extractor] {
        [ParamsExtractor(), TopicsExtractor(extraTopics: extraTopics, hints: true), CodeLinksExtractor(), ModelsExtractor(),
         DatasetsExtractor(), BitsExtractor(), SpeedupExtractor()]
    }
}

/// Precision and recall measured on the labelled evaluation set (Tests/Labels/eval-set.jsonl).
public struct MeasuredAccuracy: Sendable, Hashable {
    public let precision: Double
    public let recall: Double
}

public enum StandardAccuracy {
    /// By field name. A test (AccuracyTests) recomputes these and fails when they drift from
    /// what the extractors do, so `paperql fields` never shows stale figures.
    public static let figures: [String: MeasuredAccuracy] = [
        "params": MeasuredAccuracy(precision: 1.0, recall: 1.0),
        "topic": MeasuredAccuracy(precision: 0.863, recall: 0.898),
        "code": MeasuredAccuracy(precision: 1.0, recall: 1.0),
        "bits": MeasuredAccuracy(precision: 1.0, recall: 1.0),
        "speedup": MeasuredAccuracy(precision: 1.0, recall: 1.0),
    ]
}
