// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    // Linux only: built and tested on Debian (see scripts/setup.sh); no Apple platform is
    // declared because none is built or tested. The system calls that differ by OS are in
    // CDossierSys, which has an untested macOS branch.
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierCore", targets: ["DossierCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The few system calls that differ by OS (atomic folder exchange, the running
        // executable's stamp), as two plain C functions; only DossierCore imports it.
        .target(name: "CDossierSys"),
        // The domain: model, config, stage protocols, registry, runner and the document stages.
        // No C library in here: only CDossierSys, for the system calls.
        .target(
            name: "DossierCore",
            dependencies: [
                "CDossierSys",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Debian's libcmark-dev (0.30); only DossierRender imports it.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"]), .brew(["cmark"])]
        ),
        // Debian's libxml2-dev, for its HTML parser; only the HTML ingest stage imports it.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Ingest of formats that need C or another process: HTML (libxml2), PDF (pdftotext).
        .target(name: "DossierFormats", dependencies: ["DossierCore", "CLibXML2"]),
        // Markdown writing (with escaping), cmark HTML, the report pages and the render stages.
        .target(name: "DossierRender", dependencies: ["DossierCore", "CCmark"]),
        // The subcommands, as a library so tests can drive them.
        .target(
            name: "DossierCLI",
            dependencies: [
                "DossierCore", "DossierFormats", "DossierRender",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "dossier", dependencies: ["DossierCLI"]),
        // libFuzzer targets (`make fuzz`): nothing depends on them, and they only link when built
        // with `--sanitize fuzzer` (libFuzzer supplies `main`), in their own scratch path.
        .executableTarget(
            name: "fuzz-html",
            dependencies: ["DossierCore", "DossierFormats", .product(name: "Logging", package: "swift-log")],
            path: "Fuzz/fuzz-html"
        ),
        .executableTarget(
            name: "fuzz-text",
            dependencies: ["DossierCore", .product(name: "Logging", package: "swift-log")],
            path: "Fuzz/fuzz-text"
        ),
        .testTarget(
            name: "DossierCoreTests",
            dependencies: ["DossierCore", .product(name: "Yams", package: "Yams")],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "DossierRenderTests", dependencies: ["DossierRender"]),
        .testTarget(
            name: "DossierFormatsTests",
            dependencies: ["DossierFormats", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "DossierCLITests", dependencies: ["DossierCLI"]),
    ]
)
