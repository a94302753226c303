// swift-tools-version: 6.1
import PackageDescription

/// The standard extractors, one target per folder in `Plugins/`.
let standardExtractors: [(target: String, folder: String)] = [
    ("ParamsExtractor", "Params"),
    ("TopicsExtractor", "Topics"),
    ("CodeLinksExtractor", "CodeLinks"),
    ("ModelsExtractor", "Models"),
    ("DatasetsExtractor", "Datasets"),
    ("BitsExtractor", "Bits"),
    ("SpeedupExtractor", "Speedup"),
]

let package = Package(
    name: "PaperQL",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "PaperQL", targets: ["PaperQL"]),
        .library(name: "PaperQLStandardExtractors",
                 targets: ["StandardExtractors"] + standardExtractors.map(\.target)),
        .executable(name: "paperql", targets: ["paperql"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "PaperQL",
            dependencies: [
                .product(name: "SwiftCSV", package: "SwiftCSV"),
                .product(name: "Yams", package: "Yams"),
            ]),
        .target(
            name: "StandardExtractors",
            dependencies: ["PaperQL"] + standardExtractors.map { .target(name: $0.target) },
            path: "Plugins/StandardExtractors"),
        .systemLibrary(
            name: "CReadline",
            path: "Sources/CReadline",
            providers: [.apt(["libreadline-dev"])]),
        .target(
            name: "PaperQLCLI",
            dependencies: [
                "PaperQL", "StandardExtractors", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(
            name: "paperql",
            dependencies: ["PaperQLCLI"]),
        .testTarget(
            name: "PaperQLTests",
            dependencies: ["PaperQL", "StandardExtractors", "PaperQLCLI"] + standardExtractors.map { .target(name: $0.target) },
            exclude: ["Fixtures"]),
    ] + standardExtractors.map {
        .target(name: $0.target, dependencies: ["PaperQL"], path: "Plugins/\($0.folder)")
    }
)
