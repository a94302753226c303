// The regex prefilter may only rule out texts that cannot match: what it requires must be in
// every match, and patterns it does not understand must require nothing.

import Foundation
import Testing
@testable import PaperQL

@Suite struct RegexPrefilterTests {
    func words(_ groups: [[[UInt8]]]) -> [[String]] {
        groups.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func requiredRunsComeFromTheTopLevelOnly() {
        let literals = RegexPrefilter.requiredLiterals(of: "sparse(ly)? mixture").map { String(decoding: $0, as: UTF8.self) }
        #expect(literals == ["sparse", " mixture"])
        #expect(RegexPrefilter.requiredLiterals(of: "sparse|dense").isEmpty)
    }

    @Test func plainAlternativesAreRequiredAsAGroup() {
        #expect(words(RegexPrefilter.requiredAlternatives(of: "(sparse|prun)\\w+")) == [["sparse", "prun"]])
        #expect(words(RegexPrefilter.requiredAlternatives(of: "Sparse|Pruning")) == [["sparse", "pruning"]])
        #expect(words(RegexPrefilter.requiredAlternatives(of: "(?:lora|adapter)s? for (vision|speech)")) == [["lora", "adapter"], ["vision", "speech"]])
    }

    @Test func optionalOrUnclearGroupsRequireNothing() {
        #expect(RegexPrefilter.requiredAlternatives(of: "(sparse|prun)?ing").isEmpty)
        #expect(RegexPrefilter.requiredAlternatives(of: "(sparse|prun)*x").isEmpty)
        #expect(RegexPrefilter.requiredAlternatives(of: "(spar.e|prun)").isEmpty)
        #expect(RegexPrefilter.requiredAlternatives(of: "(ab|prun)").isEmpty)       // too short to search for
        #expect(RegexPrefilter.requiredAlternatives(of: "(sparse|prun)x|y").isEmpty)  // top-level alternation
        #expect(RegexPrefilter.requiredAlternatives(of: "[(]sparse|prun[)]").isEmpty)
    }

    @Test func filteredMatchesEqualUnfilteredOnes() throws {
        let engine = TestSupport.docsEngine
        let indexed = try TestSupport.ids(#"papers where title matches /(sparse|prun)\w+/i"#, engine)
        let all = try TestSupport.ids("papers", engine)
        let titles = all.compactMap { id -> (String, String)? in
            guard let result = try? engine.run("papers where id = \"\(id)\" select title"),
                  case .string(let t)? = result.rows.first?.first else { return nil }
            return (id, t)
        }
        let expected = titles.filter { $0.1.range(of: #"(sparse|prun)\w+"#, options: [.regularExpression, .caseInsensitive]) != nil }.map(\.0)
        #expect(indexed == expected)
        #expect(!expected.isEmpty)
    }
}
