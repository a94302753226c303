// PLACEHOLDER until the sample corpus lands.
extension SampleCorpus {
    static let jsonLines = #"""
{"id":"sample-001","title":"Placeholder","abstract":"Placeholder abstract."}
"""#
}
