// swift-tools-version: 6.1
// A program that embeds PaperQL: its own corpus, its own extractor, two queries.
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which depends on where the repository
// was cloned, so it is read from this file's location rather than written down.
let paperQL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

let package = Package(
    name: "EmbedDemo",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "EmbedDemo",
            dependencies: [
                .product(name: "PaperQL", package: paperQL),
                .product(name: "PaperQLStandardExtractors", package: paperQL),
            ]),
    ])
