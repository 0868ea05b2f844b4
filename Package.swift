// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "FrameworkAdvisor",
    products: [
        .executable(name: "advisor", targets: ["advisor"]),
        .library(name: "AdvisorCore", targets: ["AdvisorCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // MARK: - Core
        .target(
            name: "AdvisorCore",
            dependencies: [
                "CLibYAML",
                "CLibCrypto",
            ]
        ),
        // SHA-256 for the knowledge digest and the compiled cache's keys and checksums, from the
        // system's OpenSSL rather than a bundled copy that every first build would compile.
        // The YAML parser, from the system's libyaml.
        .systemLibrary(
            name: "CLibYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CLibCrypto",
            providers: [.apt(["libssl-dev"])]
        ),

        // MARK: - Shipped knowledge, embedded at build time
        .executableTarget(
            name: "KnowledgeCompiler",
            dependencies: ["AdvisorCore"]
        ),
        .plugin(
            name: "EmbedKnowledgePlugin",
            capability: .buildTool(),
            dependencies: ["KnowledgeCompiler"],
            path: "Sources/EmbedKnowledgePlugin"
        ),
        .target(
            name: "AdvisorKnowledge",
            dependencies: ["AdvisorCore"],
            plugins: ["EmbedKnowledgePlugin"]
        ),

        // MARK: - Terminal UI
        .systemLibrary(
            name: "CNCursesW",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "AdvisorTUI",
            dependencies: ["AdvisorCore", "CNCursesW"]
        ),

        // MARK: - Command line
        .executableTarget(
            name: "advisor",
            dependencies: [
                "AdvisorCore",
                "AdvisorKnowledge",
                "AdvisorTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Benchmarks
        .executableTarget(
            name: "advisor-bench",
            dependencies: ["AdvisorCore", "AdvisorKnowledge", "AdvisorSynth", "AdvisorTUI"],
            exclude: ["README.md"]
        ),
        .target(
            name: "AdvisorSynth",
            dependencies: ["AdvisorCore"],
            path: "Sources/AdvisorSynth"
        ),
        .executableTarget(
            name: "bench-hello",
            path: "Sources/bench-hello"
        ),

        // MARK: - Fuzzing (Tests/Fuzz/run.sh builds it with libFuzzer; a plain build replays inputs)
        .executableTarget(
            name: "advisor-fuzz",
            dependencies: ["AdvisorCore", "AdvisorTUI"]
        ),
        // Saves over and over, for the kill -9 tests.
        .executableTarget(
            name: "advisor-torture",
            dependencies: ["AdvisorCore", "AdvisorTUI"]
        ),

        // MARK: - Tests
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "AdvisorCoreTests",
            dependencies: ["AdvisorCore", "AdvisorKnowledge", "AdvisorSynth", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "AdvisorTUITests",
            dependencies: ["AdvisorTUI", "AdvisorCore", "AdvisorKnowledge", "TestSupport"],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "AdvisorCLITests",
            dependencies: ["AdvisorCore", "TestSupport", "advisor",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
