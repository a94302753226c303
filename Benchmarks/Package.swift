// swift-tools-version: 6.1
// PaperQL's benchmarks: import, extraction and query latency at 10K, 100K and 1M papers, with
// ordo-one/benchmark. A package of its own so that `swift test` at the root does not build it.
// Run from this folder: `swift package benchmark` (see README.md for the corpora it reads).
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where the repository
// was cloned, so it is read from this file's location rather than written down.
let paperQL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "PaperQLBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PaperQLBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PaperQL", package: paperQL),
                .product(name: "PaperQLStandardExtractors", package: paperQL),
            ],
            path: "Benchmarks/PaperQLBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]),
    ])
