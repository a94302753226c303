// The importers against small hand-written inputs (Fixtures/Import): Hugging Face listing pages
// saved as text, arXiv snapshot and Hugging Face API JSON, plain JSON lines, CSV and TSV, and
// BibTeX, plus the files that go wrong in practice: page chrome, CRLF, bad bytes, malformed and
// truncated records, broken quoting, duplicate ids, empty, binary and enormous files.
//
// Every fixture is invented text; the expected values below are written out in full so that a
// change in normalisation, splitting or typing shows up as a failure here.

import Foundation
import Testing
@testable import PaperQL

@Suite struct ImportTests {
    // MARK: - Helpers

    private static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/Import/\(name)")
    }

    private static func load(_ name: String, format: InputFormat? = nil) throws -> Corpus {
        try Corpus(contentsOf: fixture(name), format: format)
    }

    private static func documents(_ corpus: Corpus) -> [Document] {
        (0..<corpus.count).map { corpus.document(at: $0) }
    }

    private static func titles(_ corpus: Corpus) -> [String] { documents(corpus).map(\.title) }
    private static func ids(_ corpus: Corpus) -> [String] { documents(corpus).map { $0.id ?? "<no id>" } }
    private static func lines(_ corpus: Corpus) -> [Int] {
        documents(corpus).map { document in document["line"].number.map { Int($0) } ?? -1 }
    }

    private static func date(_ iso: String) -> Value { .date(CalendarDate(iso: iso)!) }

    private static func errors(_ corpus: Corpus) -> [LoadDiagnostic] { corpus.diagnostics.filter { $0.severity == .error } }
    private static func warnings(_ corpus: Corpus) -> [LoadDiagnostic] { corpus.diagnostics.filter { $0.severity == .warning } }

    /// `p-` and eight lower-case hex digits: the id derived from a title.
    private static func isDerivedID(_ id: String) -> Bool {
        guard id.hasPrefix("p-"), id.count == 10 else { return false }
        return id.dropFirst(2).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// Page furniture of a saved Hugging Face listing that must never end up in a title.
    private static let chrome = ["Subscribe", "Get trending", "trending papers", "email inbox", "byAK", "research community"]

    private static func expectNoChrome(_ corpus: Corpus, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for document in documents(corpus) {
            for piece in chrome {
                #expect(!document.title.localizedCaseInsensitiveContains(piece),
                        "title `\(document.title)` holds page chrome `\(piece)`", sourceLocation: sourceLocation)
            }
            #expect(!document.title.hasPrefix("new"), "title `\(document.title)` starts with chrome `new`", sourceLocation: sourceLocation)
            #expect(!ListingChrome.isDateLine(document.title.lowercased()), "title `\(document.title)` is a date line",
                    sourceLocation: sourceLocation)
        }
    }

    /// Single-spaced, trimmed, without line breaks, tabs or LaTeX `\\` breaks.
    private static func expectNormalized(_ text: String, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!text.contains("\n") && !text.contains("\r") && !text.contains("\t"), "\(what) keeps a line break or tab: `\(text)`",
                sourceLocation: sourceLocation)
        #expect(!text.contains("  "), "\(what) keeps a run of spaces: `\(text)`", sourceLocation: sourceLocation)
        #expect(!text.contains("\\\\"), "\(what) keeps a LaTeX `\\\\` break: `\(text)`", sourceLocation: sourceLocation)
        #expect(text == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(what) is not trimmed: `\(text)`",
                sourceLocation: sourceLocation)
    }

    /// A fresh temporary directory, removed by the caller.
    private static func temporaryDirectory() throws -> URL { try TestSupport.makeTemporaryDirectory("import") }

    /// Writes `prefix`, then filler text up to `bytes` bytes, then `suffix`, without holding the
    /// whole file in memory. The filler has no line breaks, quotes or backslashes.
    private static func writeLargeFile(_ url: URL, prefix: String, bytes: Int, suffix: String) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(prefix.utf8))
        let chunk = Data(String(repeating: "lorem ipsum dolor sit amet ", count: 160_000).utf8)  // about 4 MB
        var written = 0
        while written < bytes {
            let part = chunk.prefix(bytes - written)
            try handle.write(contentsOf: part)
            written += part.count
        }
        try handle.write(contentsOf: Data(suffix.utf8))
    }

    /// The abstracts of the invented papers, as the fixtures hold them once normalised.
    private enum Abstract {
        static let fog = "Dense fog degrades the cameras of autonomous vehicles long before it degrades their lidar. We introduce a sensor-fusion model that learns when to distrust each modality and trains on 40k synthetic fog scenes. On three driving benchmarks it cuts collision-relevant detection failures by 31% at no extra latency."
        static let lattice = "Predicting the properties of crystals requires reasoning over periodic structures with thousands of atoms. We propose Lattice Whispers, a sparse attention scheme that attends only to symmetry-related neighbours. It matches dense transformers on formation-energy prediction while using 8x less memory and training twice as fast."
        static let tiny = "Small language models often answer multi-step questions in one pass and fail. We show that a 350M-parameter model which drafts an answer, critiques it and then revises it closes half the gap to a 7B model on grade-school arithmetic. The extra pass costs 1.6x compute and needs no additional training data at all."
        static let quiet = "Speech recognisers trained on studio recordings degrade in kitchens, cars and crowded trains. We collect 900 hours of noisy household speech and fine-tune a conformer with a noise-conditioned adapter. Word error rate falls from 18.2% to 11.4% on held-out homes, and the adapter adds only 2% to the parameter count of the model."
        static let ledger = "Auditing the training data of a deployed model is hard when the data are no longer available. We propose Ledger Probes, lightweight classifiers trained on hidden states that estimate whether a document family was seen during pre-training. Across five open models the probes reach 0.81 AUC and flag two undisclosed web crawls in public checkpoints."
        static let river = "Flood forecasting models rarely transfer between river basins because gauges differ in density and quality. We pre-train a graph neural network on 1,200 simulated basins and adapt it with ten days of real gauge data. The adapted model halves the peak-flow error of a basin-specific LSTM and remains stable under missing gauges during storms."
        static let origami = "Folding robots must plan sequences of creases that are physically realisable with two grippers. We cast origami folding as a search over crease graphs guided by a learned value function. Our planner folds 23 of 25 benchmark models on a real dual-arm robot, against 9 for the previous symbolic planner, in under a minute each."
        static let bees = "Honeybee colonies communicate the distance and direction of food through the waggle dance. We train a video transformer to decode dances from hive recordings and compare decoded locations with GPS-tagged foragers. Decoded directions fall within 12 degrees of the true bearing, which allows large-scale mapping of foraging across seasons."
        static let unquoted = "This abstract sits in an unquoted field so it has no commas in it. It is long enough to look like the abstract of a paper and it describes a method that nobody has written yet. The row it belongs to is perfectly well formed and should load."
    }

    private enum Title {
        static let fog = "From Fog to Fusion: Learning When to Distrust Cameras in Autonomous Driving"
        static let lattice = "Lattice Whispers: Sparse Attention for Crystal Property Prediction"
        static let tiny = "Tiny Models Think Twice"
        static let quiet = "Quiet Kitchens: Noise-Conditioned Adapters for Household Speech Recognition"
        static let ledger = "Ledger Probes: Auditing Pre-training Data from Hidden States"
        static let river = "Transferable Flood Forecasting with Graph Networks Pre-trained on Simulated Basins"
        static let origami = "Crease Graph Search for Robotic Origami Folding with Two Grippers"
        static let bees = "Waggle Decoder: Reading Honeybee Dances with Video Transformers"
    }

    // MARK: - Every fixture at a glance

    @Test func everyFixtureReportsItsFormatPapersAndRejections() throws {
        let expectations: [(file: String, format: InputFormat?, papers: Int, rejected: Int)] = [
            ("listing-blank-lines.txt", .listing, 3, 0),
            ("listing-no-blank-lines.txt", .listing, 3, 0),
            ("listing-glued-chrome.txt", .listing, 2, 0),
            ("listing-short-title.txt", .listing, 2, 0),
            ("listing-crlf.txt", .listing, 2, 0),
            ("listing-missing-abstract.txt", .listing, 3, 0),
            ("listing-invalid-utf8.txt", .listing, 1, 0),
            ("empty.txt", .listing, 0, 0),
            ("binary.txt", nil, 0, 1),
            ("arxiv-snapshot.jsonl", .jsonLines, 3, 0),
            ("hf-daily-papers.json", .json, 2, 0),
            ("plain-unknown-keys.jsonl", .jsonLines, 2, 0),
            ("malformed.jsonl", .jsonLines, 4, 2),
            ("duplicates-a.jsonl", .jsonLines, 2, 0),
            ("duplicates-b.jsonl", .jsonLines, 2, 0),
            ("no-title.jsonl", .jsonLines, 2, 2),
            ("papers.csv", .csv, 3, 0),
            ("papers.tsv", .tsv, 2, 0),
            ("broken-quoting.csv", .csv, 3, 1),
            ("unclosed-quote.csv", .csv, 3, 1),
            ("references.bib", .bibtex, 4, 1),
        ]
        for expected in expectations {
            let corpus = try Self.load(expected.file)
            let report = try #require(corpus.files.first, "\(expected.file): no file report")
            #expect(corpus.files.count == 1, "\(expected.file)")
            #expect(report.path == Self.fixture(expected.file).path, "\(expected.file)")
            #expect(report.format == expected.format, "\(expected.file): read as \(String(describing: report.format))")
            #expect(report.papers == expected.papers, "\(expected.file): \(report.papers) papers")
            #expect(corpus.count == expected.papers, "\(expected.file): corpus of \(corpus.count)")
            #expect(report.rejected == expected.rejected, "\(expected.file): \(report.diagnostics)")
            for diagnostic in corpus.diagnostics {
                #expect(diagnostic.origin == report.path, "\(expected.file): diagnostic names `\(diagnostic.origin)`")
            }
            for document in Self.documents(corpus) {
                #expect(!document.title.isEmpty, "\(expected.file): a paper without a title")
                Self.expectNormalized(document.title, "\(expected.file) title")
                Self.expectNormalized(document.abstract, "\(expected.file) abstract")
                #expect(document["source"] == .string(report.path), "\(expected.file): source \(document["source"])")
            }
        }
    }

    // MARK: - Listing pages (.txt)

    @Test func listingWithBlankLinesAndChromeBetweenPapers() throws {
        let corpus = try Self.load("listing-blank-lines.txt")
        #expect(corpus.count == 3)
        #expect(Self.titles(corpus) == [Title.fog, Title.lattice, Title.ledger])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.fog, Abstract.lattice, Abstract.ledger])
        #expect(Self.lines(corpus) == [11, 17, 23])
        // Chrome is recognised, not reported as stray lines.
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        Self.expectNoChrome(corpus)
    }

    @Test func listingWithoutAnyBlankLines() throws {
        let corpus = try Self.load("listing-no-blank-lines.txt")
        #expect(corpus.count == 3)
        #expect(Self.titles(corpus) == [Title.quiet, Title.river, Title.origami])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.quiet, Abstract.river, Abstract.origami])
        #expect(Self.lines(corpus) == [1, 3, 5])
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
    }

    @Test func listingWithChromeGluedToTheTitle() throws {
        let corpus = try Self.load("listing-glued-chrome.txt")
        #expect(corpus.count == 2)
        // "SubscribeWaggle Decoder: ..." and "newLedger Probes: ..." in the file.
        #expect(Self.titles(corpus) == [Title.bees, Title.ledger])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.bees, Abstract.ledger])
        #expect(Self.lines(corpus) == [3, 5])
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        Self.expectNoChrome(corpus)
    }

    @Test func listingWithAFourWordTitle() throws {
        let corpus = try Self.load("listing-short-title.txt")
        #expect(corpus.count == 2)
        #expect(Self.titles(corpus) == [Title.tiny, Title.origami])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.tiny, Abstract.origami])
        #expect(Self.lines(corpus) == [1, 5])
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
    }

    @Test func listingWithCRLFLineEndings() throws {
        let corpus = try Self.load("listing-crlf.txt")
        #expect(corpus.count == 2)
        #expect(Self.titles(corpus) == [Title.quiet, Title.bees])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.quiet, Abstract.bees])
        #expect(Self.lines(corpus) == [3, 7])
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        for document in Self.documents(corpus) {
            #expect(!document.title.contains("\r") && !document.abstract.contains("\r"))
        }
        Self.expectNoChrome(corpus)

        // Naming the format gives the same papers as recognising it.
        let forced = try Self.load("listing-crlf.txt", format: .listing)
        #expect(forced.files.first?.format == .listing)
        #expect(Self.documents(forced) == Self.documents(corpus))
    }

    @Test func listingTitleWithoutAnAbstractIsLoadedAndReported() throws {
        let corpus = try Self.load("listing-missing-abstract.txt")
        #expect(corpus.count == 3)
        #expect(Self.titles(corpus) == [Title.lattice, "Benchmarking Retrieval-Augmented Agents on Long Scientific Workflows", Title.river])
        // The next paper's abstract stays with the next paper.
        let documents = Self.documents(corpus)
        #expect(documents.map(\.abstract) == [Abstract.lattice, "", Abstract.river])
        #expect(documents[1]["abstract"] == .missing)
        #expect(Self.lines(corpus) == [1, 5, 7])
        let warnings = Self.warnings(corpus)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 5)
        #expect(warnings.first?.origin == Self.fixture("listing-missing-abstract.txt").path)
        #expect(Self.errors(corpus).isEmpty)
    }

    @Test func listingInvalidUTF8IsReplacedAndReported() throws {
        let corpus = try Self.load("listing-invalid-utf8.txt")
        #expect(corpus.count == 1)
        let document = corpus.document(at: 0)
        #expect(document.title == Title.tiny)
        // 0xE9 (a Latin-1 é) and a lone 0xFF each become one U+FFFD; the rest is untouched.
        let expected = Abstract.tiny.replacingOccurrences(of: "grade-school arithmetic",
                                                          with: "grade-school arithmetic (caf\u{FFFD} benchmark, \u{FFFD})")
        #expect(document.abstract == expected)
        #expect(document.abstract.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
        let warnings = Self.warnings(corpus)
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 3)
        #expect(warnings.first?.origin == Self.fixture("listing-invalid-utf8.txt").path)
        #expect(warnings.first?.message.contains("UTF-8") == true)
        #expect(Self.errors(corpus).isEmpty)
    }

    @Test func emptyFileGivesNoPapersAndAWarning() throws {
        let corpus = try Self.load("empty.txt")
        #expect(corpus.count == 0)
        #expect(corpus.files.first?.papers == 0)
        #expect(Self.errors(corpus).isEmpty)
        let warnings = Self.warnings(corpus)
        #expect(warnings.count == 1)
        #expect(warnings.first?.origin == Self.fixture("empty.txt").path)
        #expect(warnings.first?.message.localizedCaseInsensitiveContains("empty") == true)
    }

    @Test func binaryFileIsRefusedWithAnError() throws {
        let corpus = try Self.load("binary.txt")
        #expect(corpus.count == 0)
        let report = try #require(corpus.files.first)
        #expect(report.format == nil)
        #expect(report.papers == 0)
        #expect(report.rejected == 1)
        let errors = Self.errors(corpus)
        #expect(errors.count == 1)
        #expect(errors.first?.origin == Self.fixture("binary.txt").path)
        #expect(errors.first?.message.localizedCaseInsensitiveContains("binary") == true)
    }

    @Test func directoryLoadsItsReadableFilesInSortedOrder() throws {
        let directory = Self.fixture("directory")
        let corpus = try Corpus(contentsOf: directory)
        #expect(corpus.count == 2)
        #expect(Self.titles(corpus) == [Title.tiny, Title.quiet])
        let sources = Self.documents(corpus).map { document in
            document["source"].string.map { URL(fileURLWithPath: $0).lastPathComponent } ?? ""
        }
        #expect(sources == ["a-first.txt", "b-second.jsonl"])
        #expect(corpus.files.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["a-first.txt", "b-second.jsonl", "c-figure.txt"])
        #expect(corpus.files.map(\.format) == [.listing, .jsonLines, nil])
        #expect(corpus.files.map(\.papers) == [1, 1, 0])
        let errors = Self.errors(corpus)
        #expect(errors.count == 1)
        #expect(errors.first.map { URL(fileURLWithPath: $0.origin).lastPathComponent } == "c-figure.txt")
        #expect(errors.first?.message.localizedCaseInsensitiveContains("binary") == true)
        #expect(Self.ids(corpus)[1] == "2403.06001")
        #expect(Self.isDerivedID(Self.ids(corpus)[0]))
    }

    // MARK: - JSON

    @Test func arxivSnapshotLines() throws {
        let corpus = try Self.load("arxiv-snapshot.jsonl")
        #expect(corpus.count == 3)
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(Self.ids(corpus) == ["2403.07211", "2402.11873", "cs/0112017"])
        #expect(Self.lines(corpus) == [1, 2, 3])
        // `\\` breaks and line breaks inside titles become single spaces.
        #expect(Self.titles(corpus) == [Title.lattice, Title.ledger, "Crease Graph Search for Robotic Origami Folding"])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.lattice, Abstract.ledger, Abstract.origami])

        let first = corpus.document(at: 0)
        #expect(first["authors"] == .list(["Ada Quill", "Bruno Müller", "René François"]))
        #expect(first["categories"] == .list(["cs.CL", "cs.LG"]))
        #expect(first["date"] == Self.date("2024-03-19"))
        #expect(first["update_date"] == Self.date("2024-03-19"))
        #expect(first["doi"] == .string("10.5555/jim.2024.0042"))
        #expect(first["journal_ref"] == .string("J. Imag. Mater. 12 (2024) 101-115"))
        #expect(first["comments"] == .string("14 pages, 6 figures"))
        #expect(first["submitter"] == .string("Ada Quill"))
        #expect(first["versions"] == .number(2))
        #expect(first["arxiv"] == .string("2403.07211"))
        #expect(first["authors_parsed"] == .missing)
        #expect(first["report_no"] == .missing)  // null in the input

        let second = corpus.document(at: 1)
        #expect(second["authors"] == .list(["Chen Wu", "Dana Okafor"]))
        #expect(second["categories"] == .list(["cs.LG"]))
        #expect(second["doi"] == .missing)
        #expect(second["versions"] == .number(1))

        let third = corpus.document(at: 2)
        #expect(third["authors"] == .list(["E. Tanaka", "F. Lindqvist", "G. Osei"]))
        #expect(third["categories"] == .list(["cs.RO", "cs.AI"]))
        #expect(third["arxiv"] == .string("cs/0112017"))
        #expect(third["date"] == Self.date("2008-02-03"))
    }

    @Test func huggingFaceDailyPapersArray() throws {
        let corpus = try Self.load("hf-daily-papers.json")
        #expect(corpus.count == 2)
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(Self.ids(corpus) == ["2403.05530", "2403.06001"])
        #expect(Self.titles(corpus) == [Title.bees, Title.quiet])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.bees, Abstract.quiet])
        // The line where each array element starts.
        #expect(Self.lines(corpus) == [2, 24])

        let first = corpus.document(at: 0)
        #expect(first["authors"] == .list(["Ines Navarro", "Tom Achterberg"]))
        #expect(first["date"] == Self.date("2024-03-08"))
        #expect(first["published_at"] == Self.date("2024-03-08"))
        #expect(first["upvotes"] == .number(42))
        #expect(first["num_comments"] == .number(3))
        #expect(first["arxiv"] == .string("2403.05530"))
        // The wrapper and the author objects' bookkeeping do not become fields.
        #expect(first["paper"] == .missing)
        #expect(first["hidden"] == .missing)
        #expect(first["summary"] == .missing)

        let second = corpus.document(at: 1)
        #expect(second["authors"] == .list(["Priya Raman"]))
        #expect(second["date"] == Self.date("2024-03-11"))
        #expect(second["upvotes"] == .number(7))
        #expect(second["num_comments"] == .number(0))
    }

    @Test func unknownJSONKeysAreTypedByTheirValues() throws {
        let corpus = try Self.load("plain-unknown-keys.jsonl")
        #expect(corpus.count == 2)
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(Self.titles(corpus) == [Title.tiny, Title.river])
        // `summary` is the abstract.
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.tiny, Abstract.river])
        #expect(Self.lines(corpus) == [1, 2])
        #expect(Self.ids(corpus).allSatisfy(Self.isDerivedID), "\(Self.ids(corpus))")

        let first = corpus.document(at: 0)
        #expect(first["score"] == .number(0.87))
        #expect(first["github_stars"] == .number(120))
        #expect(first["open_access"] == .bool(true))
        #expect(first["retracted"] == .bool(false))
        #expect(first["venue_note"] == .string("workshop paper"))
        #expect(first["datasets_used"] == .list(["GSM8K", "SVAMP"]))
        #expect(first["review_score"] == .number(6))  // `reviewScore`
        #expect(first["note"] == .missing)  // null
        // A nested object is kept, as JSON text holding the same members.
        let meta = try #require(first["meta"].string, "meta is \(first["meta"])")
        let object = try JSONSerialization.jsonObject(with: Data(meta.utf8))
        let parsed = object as? [String: Any] ?? [:]
        #expect(parsed["crawler"] as? String == "v2")
        #expect((parsed["rank"] as? NSNumber)?.intValue == 1)
        #expect(parsed.count == 2)

        let second = corpus.document(at: 1)
        #expect(second["github_stars"] == .number(0))
        #expect(second["open_access"] == .bool(false))
        // A one-element array is still a list.
        #expect(second["datasets_used"] == .list(["CAMELS"]))
        #expect(second["review_score"] == .number(8))
    }

    @Test func malformedAndTruncatedJSONLinesAreSkippedAndReported() throws {
        let corpus = try Self.load("malformed.jsonl")
        let path = Self.fixture("malformed.jsonl").path
        #expect(corpus.count == 4)
        #expect(Self.titles(corpus) == [Title.fog, Title.lattice, Title.ledger, Title.origami])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.fog, Abstract.lattice, Abstract.ledger, Abstract.origami])
        // Line 3 is broken, line 5 is blank, line 7 is cut off without a final newline.
        #expect(Self.lines(corpus) == [1, 2, 4, 6])
        let errors = Self.errors(corpus)
        #expect(errors.map(\.line) == [3, 7])
        #expect(errors.allSatisfy { $0.origin == path })
        #expect(Self.warnings(corpus).isEmpty)
        #expect(corpus.files.first?.papers == 4)
        #expect(corpus.files.first?.rejected == 2)
        #expect(!Self.titles(corpus).contains { $0.contains("Missing Comma") || $0.contains("Waggle") })
    }

    @Test func recordsWithoutATitleAreRejectedWithTheirLine() throws {
        let corpus = try Self.load("no-title.jsonl")
        let path = Self.fixture("no-title.jsonl").path
        #expect(corpus.count == 2)
        #expect(Self.ids(corpus) == ["2403.06001", "2403.06004"])
        #expect(Self.titles(corpus) == [Title.quiet, Title.tiny])
        #expect(Self.lines(corpus) == [1, 4])
        // Line 2 has no title at all; line 3 has one made only of whitespace.
        let errors = Self.errors(corpus)
        #expect(errors.map(\.line) == [2, 3])
        #expect(errors.allSatisfy { $0.origin == path && $0.message.localizedCaseInsensitiveContains("title") })
        #expect(corpus.files.first?.rejected == 2)
        #expect(corpus.index(ofID: "2403.06002") == nil)
    }

    @Test func duplicateIDsAcrossFilesAreKeptAndReported() throws {
        let a = Self.fixture("duplicates-a.jsonl"), b = Self.fixture("duplicates-b.jsonl")
        let corpus = try Corpus(contentsOf: [a, b])
        #expect(corpus.count == 4)
        #expect(Self.ids(corpus) == ["2403.07211", "2402.11873", "2403.05530", "2403.07211~2"])
        #expect(corpus.document(at: 3).title == Title.lattice + " (v2)")
        #expect(corpus.index(ofID: "2403.07211~2") == 3)
        #expect(corpus.files.map(\.papers) == [2, 2])
        #expect(Self.errors(corpus).isEmpty)
        let warnings = Self.warnings(corpus)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.origin == b.path)
        #expect(warning.line == 2)
        #expect(warning.message.contains("2403.07211"))
        #expect(warning.message.contains("2403.07211~2"))

        // The other way round, the copy in a.jsonl is the second one.
        let reversed = try Corpus(contentsOf: [b, a])
        #expect(Self.ids(reversed) == ["2403.05530", "2403.07211", "2403.07211~2", "2402.11873"])
        #expect(Self.warnings(reversed).first?.origin == a.path)
        #expect(Self.warnings(reversed).first?.line == 1)
    }

    // MARK: - CSV and TSV

    @Test func csvWithBOMQuotingAndEmbeddedNewlines() throws {
        let corpus = try Self.load("papers.csv")
        #expect(corpus.count == 3)
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        // The byte-order mark does not end up in the first column's name.
        #expect(Self.ids(corpus) == ["2403.07211", "2402.11873", "2403.05530"])
        #expect(corpus.document(at: 0)["\u{FEFF}id"] == .missing)
        #expect(Self.titles(corpus) == [
            "Lattice Whispers: Sparse Attention, Revisited",  // embedded comma
            "Ledger Probes: \"Auditing\" Pre-training Data",  // doubled quotes
            Title.bees,
        ])
        // The second row's abstract spans two physical lines.
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.lattice, Abstract.ledger, Abstract.bees])
        #expect(Self.lines(corpus) == [2, 3, 5])
        let documents = Self.documents(corpus)
        #expect(documents[0]["authors"] == .list(["Ada Quill", "Bruno Müller"]))
        #expect(documents[1]["authors"] == .list(["Chen Wu", "Dana Okafor"]))
        #expect(documents[2]["authors"] == .list(["Ines Navarro"]))
        #expect(documents.map { $0["year"] } == [.number(2024), .number(2024), .number(2023)])
        #expect(documents[0]["categories"] == .list(["cs.LG"]))
        #expect(documents[1]["categories"] == .list(["cs.LG", "cs.CL"]))
        #expect(documents[2]["categories"] == .list(["q-bio.QM"]))
    }

    @Test func tsvWithTypedDates() throws {
        let corpus = try Self.load("papers.tsv")
        #expect(corpus.count == 2)
        #expect(corpus.diagnostics.isEmpty, "\(corpus.diagnostics)")
        #expect(Self.titles(corpus) == [Title.quiet, Title.river])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.quiet, Abstract.river])
        #expect(Self.lines(corpus) == [2, 3])
        let documents = Self.documents(corpus)
        #expect(documents[0]["authors"] == .list(["Priya Raman", "Tom Achterberg"]))
        #expect(documents[1]["authors"] == .list(["Mara Lind"]))
        #expect(documents[0]["date"] == Self.date("2024-03-11"))
        #expect(documents[1]["date"] == Self.date("2023-11-02"))
        #expect(Self.ids(corpus).allSatisfy(Self.isDerivedID), "\(Self.ids(corpus))")
    }

    @Test func csvRowWithBrokenQuotingIsSkippedAndTheRestLoads() throws {
        let corpus = try Self.load("broken-quoting.csv")
        #expect(corpus.count == 3)
        #expect(Self.ids(corpus) == ["b1", "b3", "b4"])
        #expect(Self.titles(corpus) == [Title.fog, Title.lattice, Title.ledger])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.fog, Abstract.lattice, Abstract.ledger])
        #expect(Self.lines(corpus) == [2, 4, 5])
        let errors = Self.errors(corpus)
        #expect(errors.map(\.line) == [3])
        #expect(errors.first?.origin == Self.fixture("broken-quoting.csv").path)
    }

    /// A quote that opens in row 3 and never closes must not swallow the rows after it into one
    /// enormous field: the row is reported and the next physical line starts a new row.
    @Test func csvQuoteThatNeverClosesDoesNotSwallowTheFollowingRows() throws {
        let corpus = try Self.load("unclosed-quote.csv")
        #expect(Self.ids(corpus) == ["u1", "u3", "u4"])
        #expect(Self.titles(corpus) == [Title.fog, Title.lattice, Title.ledger])
        #expect(Self.documents(corpus).map(\.abstract) == [Abstract.fog, Abstract.unquoted, Abstract.unquoted])
        #expect(Self.lines(corpus) == [2, 4, 5])
        let errors = Self.errors(corpus)
        #expect(errors.map(\.line) == [3])
        #expect(errors.first?.origin == Self.fixture("unclosed-quote.csv").path)
        #expect(!Self.titles(corpus).contains { $0.contains("Never Closes") })
    }

    // MARK: - BibTeX

    @Test func bibtexEntriesMacrosAccentsAndRecovery() throws {
        let corpus = try Self.load("references.bib")
        let path = Self.fixture("references.bib").path
        #expect(corpus.count == 4)
        #expect(Self.ids(corpus) == ["quill2024lattice", "wu2024tiny", "navarro2024waggle", "lind2023flood"])
        // Nested and protective braces are dropped.
        #expect(Self.titles(corpus) == [Title.lattice, Title.tiny, Title.bees, "Transferable Flood Forecasting with Graph Networks"])
        #expect(Self.lines(corpus) == [7, 24, 36, 54])
        let documents = Self.documents(corpus)
        #expect(documents.map { $0["entry_type"] } == [.string("article"), .string("inproceedings"), .string("misc"), .string("article")])

        // @article: accents, "Last, First", @string macro, bare number, month macro, keywords.
        let article = documents[0]
        #expect(article["authors"] == .list(["Ada Quill", "Bruno Müller", "René François"]))
        #expect(article["venue"] == .string("Journal of Imaginary Materials"))
        #expect(article["year"] == .number(2024))
        #expect(article["month"] == .string("March"))
        #expect(article["pages"] == .string("101–115"))
        #expect(article["keywords"] == .list(["sparse attention", "materials science", "crystals"]))
        #expect(article["doi"] == .string("10.5555/jim.2024.0042"))
        #expect(article["url"] == .string("https://example.org/papers/lattice-whispers"))
        #expect(article.abstract == "Predicting the properties of crystals requires reasoning over periodic structures with thousands of atoms. We propose Lattice Whispers, a sparse attention scheme that attends only to symmetry-related neighbours. It matches dense transformers on formation-energy prediction while using 8x less memory.")

        // @inproceedings: quoted values, a macro joined with `#`, a quoted year.
        let proceedings = documents[1]
        #expect(proceedings["authors"] == .list(["Chen Wu", "Dana Okafor"]))
        #expect(proceedings["venue"] == .string("Workshop on Tiny Models 2024"))
        #expect(proceedings["year"] == .number(2024))
        #expect(proceedings["keywords"] == .list(["reasoning", "small models"]))
        #expect(proceedings.abstract == "Small language models often answer multi-step questions in one pass and fail. We show that a 350M-parameter model which drafts an answer, critiques it and then revises it closes half the gap to a 7B model on grade-school arithmetic. The extra pass costs 1.6x compute and needs no additional training data.")

        // @misc from arXiv: eprint is the arXiv id.
        let misc = documents[2]
        #expect(misc["arxiv"] == .string("2403.05530"))
        #expect(misc["authors"] == .list(["Ines Navarro", "Tom Achterberg"]))
        #expect(misc["year"] == .number(2024))
        #expect(misc["url"] == .string("https://arxiv.org/abs/2403.05530"))

        // The entry after the broken one loads.
        let after = documents[3]
        #expect(after["authors"] == .list(["Mara Lind"]))
        #expect(after["venue"] == .string("Hydrology Letters"))
        #expect(after["year"] == .number(2023))

        // The broken entry (no closing brace) is reported at its `@` line; @comment and
        // @string are not papers and not problems.
        let errors = Self.errors(corpus)
        #expect(errors.map(\.line) == [49])
        #expect(errors.first?.origin == path)
        #expect(errors.first?.message.contains("broken2024") == true)
        #expect(Self.warnings(corpus).isEmpty)
        #expect(corpus.index(ofID: "broken2024") == nil)
    }

    // MARK: - Ids and determinism

    @Test func derivedIDsAreStableAndDoNotDependOnPosition() throws {
        let alone = try Self.load("listing-glued-chrome.txt")
        let ids = Self.ids(alone)
        #expect(ids.count == 2)
        #expect(ids.allSatisfy(Self.isDerivedID), "\(ids)")
        #expect(Set(ids).count == 2)

        // Loading again gives the same ids.
        #expect(Self.ids(try Self.load("listing-glued-chrome.txt")) == ids)

        // After another file, the same papers keep the same ids.
        let after = try Corpus(contentsOf: [Self.fixture("listing-no-blank-lines.txt"), Self.fixture("listing-glued-chrome.txt")])
        #expect(Array(Self.ids(after).suffix(2)) == ids)

        // The same title in another file gets the same id.
        let other = try Self.load("listing-blank-lines.txt")
        let ledger = try #require(Self.documents(other).first { $0.title == Title.ledger })
        #expect(ledger.id == ids[1])

        // Derived ids that collide across files are disambiguated like given ones.
        let both = try Corpus(contentsOf: [Self.fixture("listing-blank-lines.txt"), Self.fixture("listing-glued-chrome.txt")])
        #expect(Self.ids(both).last == ids[1] + "~2")
        #expect(Self.warnings(both).count == 1)
        #expect(Self.warnings(both).first?.origin == Self.fixture("listing-glued-chrome.txt").path)
        #expect(Self.warnings(both).first?.line == 5)
    }

    @Test func loadingTheSameInputsTwiceIsDeterministic() throws {
        let inputs = [
            "listing-blank-lines.txt", "listing-glued-chrome.txt", "arxiv-snapshot.jsonl", "hf-daily-papers.json",
            "plain-unknown-keys.jsonl", "malformed.jsonl", "duplicates-a.jsonl", "duplicates-b.jsonl", "papers.csv",
            "papers.tsv", "broken-quoting.csv", "references.bib", "binary.txt", "empty.txt", "directory",
        ].map(Self.fixture)
        let first = try Corpus(contentsOf: inputs)
        let second = try Corpus(contentsOf: inputs)
        #expect(first.count == 34)
        #expect(second.count == first.count)
        #expect(Self.ids(first) == Self.ids(second))
        #expect(Set(Self.ids(first)).count == first.count, "ids must be unique")
        #expect(Self.documents(first) == Self.documents(second))
        #expect(first.diagnostics == second.diagnostics)
        #expect(first.files == second.files)
        #expect(first.fields == second.fields)
    }

    /// A file large enough to be read in parts on every core gives what one pass over it gives:
    /// the same papers in the same order, ids, field types, values and diagnostics. The records
    /// vary so that parts differ: a field that is a number early and text later, a field that
    /// first appears near the end, lists, non-ASCII text, duplicate ids, malformed and blank lines.
    @Test func readingJSONLinesInPartsGivesWhatOnePassGives() throws {
        var text = ""
        var i = 0
        while text.utf8.count < JSONImporter.parallelThreshold + (2 << 20) {
            defer { i += 1 }
            if i % 101 == 0 { text += "\n"; continue }
            if i % 97 == 5 { text += "{\"title\": \"Broken record \(i)\", \"abstract\": \n"; continue }
            let id = i % 211 == 7 ? "dup-\(i % 3)" : "2401.\(10_000 + i)"
            let title = i % 13 == 0 ? "Naïve Quantization Ünits for Model \(i)" : "Sparse Attention Study Number \(i)"
            let abstract = String(repeating: "We study a \(i % 50)B model with low-rank adapters and report results. ", count: 12 + i % 9)
            let score = i < 3_000 ? "\(i % 10)" : (i % 5 == 0 ? "\"high\"" : "\(Double(i % 7) / 2)")
            let late = i > 8_500 ? ", \"late_field\": \"value \(i % 4)\"" : ""
            text += "{\"id\": \"\(id)\", \"title\": \"\(title)\", \"abstract\": \"\(abstract)\", "
                + "\"authors\": \"A. Author\(i % 17), B. Writer and C. Coder\(i % 5)\", \"categories\": \"cs.LG cs.CL\(i % 3 == 0 ? " stat.ML" : "")\", "
                + "\"update_date\": \"2024-0\(1 + i % 9)-1\(i % 10)\", \"score\": \(score)\(late)}\n"
        }
        func load(parallelAbove: Int) -> Corpus {
            // A copy per load: reading in parts gives each part's pages back as it goes, which
            // leaves an input held in memory (not mapped from a file) zeroed.
            let bytes = Array(text.utf8)
            var builder = CorpusBuilder()
            var report = FileReport(path: "big.jsonl", format: .jsonLines, papers: 0, diagnostics: [])
            bytes.withUnsafeBufferPointer {
                JSONImporter.importLines($0, origin: "big.jsonl", into: &builder, report: &report, parallelAbove: parallelAbove)
            }
            builder.files.append(report)
            builder.diagnostics += report.diagnostics
            return Corpus(storage: builder.build())
        }
        let inParts = load(parallelAbove: JSONImporter.parallelThreshold)
        let onePass = load(parallelAbove: .max)
        #expect(onePass.count > 7_000)
        #expect(inParts.count == onePass.count)
        #expect(Self.documents(inParts) == Self.documents(onePass))
        #expect(inParts.fields == onePass.fields)
        #expect(inParts.diagnostics == onePass.diagnostics)
        #expect(inParts.files == onePass.files)
        #expect(inParts.fields.first { $0.name == "score" }?.type == .string)
        let late = Self.documents(inParts).filter { $0["late_field"] != .missing }
        #expect(late.count > 100 && late.count < inParts.count / 2)
    }

    // MARK: - Size limits

    /// A 200 MB file that is one line: nothing in it can be a paper. Loading must not crash or
    /// hold a 200 MB "title", and must say what happened. Built at test time, never committed.
    @Test func twoHundredMegabyteSingleLineFilesAreReportedNotLoaded() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let size = 200 << 20
        let cases: [(name: String, format: InputFormat, prefix: String, suffix: String)] = [
            ("huge.txt", .listing, "", ""),
            ("huge.jsonl", .jsonLines, #"{"title": "An Enormous Record", "abstract": ""#, #""}"#),
            ("huge.json", .json, #"[{"title": "An Enormous Record", "abstract": ""#, #""}]"#),
        ]
        for item in cases {
            let url = directory.appendingPathComponent(item.name)
            try Self.writeLargeFile(url, prefix: item.prefix, bytes: size, suffix: item.suffix)
            defer { try? FileManager.default.removeItem(at: url) }
            let corpus = try Corpus(contentsOf: url)
            #expect(corpus.count == 0, "\(item.name): loaded \(corpus.count) papers")
            let report = try #require(corpus.files.first)
            #expect(report.format == item.format, "\(item.name)")
            #expect(report.papers == 0, "\(item.name)")
            let errors = Self.errors(corpus)
            #expect(errors.count == 1, "\(item.name): \(errors)")
            #expect(errors.first?.line == 1, "\(item.name)")
            #expect(errors.first?.origin == url.path, "\(item.name)")
            #expect(errors.first?.message.contains("200 MB") == true, "\(item.name): \(errors.first?.message ?? "no error")")
            // The report is a sentence, not the offending text.
            #expect(corpus.diagnostics.allSatisfy { $0.message.utf8.count < 1_000 }, "\(item.name)")
        }
    }

    /// Over the limit, one record is skipped and the next one still loads.
    @Test func recordsOverTheSizeLimitDoNotTakeTheNextRecordWithThem() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = #"{"title": "\#(Title.tiny)", "abstract": "\#(Abstract.tiny)"}"#
        let cases: [(name: String, bytes: Int, prefix: String, suffix: String, paperLine: Int, errorLine: Int)] = [
            // Listing lines over 1 MB.
            ("long-line.txt", 2 << 20, "", "\n\n\(Title.tiny)\n\n\(Abstract.tiny)\n", 3, 1),
            // JSON records over 32 MB.
            ("long-record.jsonl", 33 << 20, #"{"title": "An Enormous Record", "abstract": ""#, "\"}\n\(good)\n", 2, 1),
            ("long-element.json", 33 << 20, "[\n" + #"{"title": "An Enormous Record", "abstract": ""#, "\"},\n\(good)\n]\n", 3, 2),
        ]
        for item in cases {
            let url = directory.appendingPathComponent(item.name)
            try Self.writeLargeFile(url, prefix: item.prefix, bytes: item.bytes, suffix: item.suffix)
            let corpus = try Corpus(contentsOf: url)
            #expect(Self.titles(corpus) == [Title.tiny], "\(item.name)")
            #expect(Self.documents(corpus).map(\.abstract) == [Abstract.tiny], "\(item.name)")
            #expect(Self.lines(corpus) == [item.paperLine], "\(item.name)")
            let errors = Self.errors(corpus)
            #expect(errors.map(\.line) == [item.errorLine], "\(item.name): \(errors)")
            #expect(errors.first?.message.contains("MB") == true, "\(item.name)")
            try? FileManager.default.removeItem(at: url)
        }
    }
}
