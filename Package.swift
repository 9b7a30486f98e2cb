// swift-tools-version: 6.0
import PackageDescription

let upcoming: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "redress",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "redress", targets: ["redress"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibPQ",
            pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]
        ),
        .target(
            name: "Postgres",
            dependencies: ["CLibPQ"],
            swiftSettings: upcoming
        ),
        .target(
            name: "RedressCore",
            swiftSettings: upcoming
        ),
        .target(
            name: "RedressNotices",
            dependencies: [
                "RedressCore",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // The .mustache files are embedded by RedressEmbedPlugin, not copied as resources.
            exclude: ["Templates"],
            swiftSettings: upcoming,
            plugins: ["RedressEmbedPlugin"]
        ),
        .target(
            name: "RedressStore",
            dependencies: [
                "Postgres",
                "RedressCore",
                "RedressNotices",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // sql/migrations, at the package root, is embedded by RedressEmbedPlugin.
            swiftSettings: upcoming,
            plugins: ["RedressEmbedPlugin"]
        ),
        .target(
            name: "RedressService",
            dependencies: [
                "Postgres",
                "RedressCore",
                "RedressStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            // The OpenAPI document and the public pages are embedded by RedressEmbedPlugin.
            exclude: ["OpenAPI/openapi.json", "Pages"],
            swiftSettings: upcoming,
            plugins: ["RedressEmbedPlugin"]
        ),
        .target(
            name: "RedressTesting",
            dependencies: ["Postgres", "RedressStore"],
            swiftSettings: upcoming
        ),
        // Migrations, notice templates and the OpenAPI document are plain files; this plugin
        // and its tool write them into the modules as Swift at build time, so the binary carries
        // them alone and nothing generated is checked in. The tool uses Foundation only.
        .executableTarget(
            name: "redress-embed",
            path: "Sources/redress-embed",
            swiftSettings: upcoming
        ),
        .plugin(
            name: "RedressEmbedPlugin",
            capability: .buildTool(),
            dependencies: ["redress-embed"],
            path: "Sources/RedressEmbedPlugin"
        ),
        .executableTarget(
            name: "redress",
            dependencies: [
                "Postgres",
                "RedressCore",
                "RedressNotices",
                "RedressStore",
                "RedressService",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "PostgresTests",
            dependencies: ["Postgres", "RedressTesting"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedressCoreTests",
            dependencies: ["RedressCore"],
            // Holiday feeds the tests read by path; the CLI tests import them too.
            exclude: ["Feeds"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedressNoticesTests",
            dependencies: ["RedressNotices", "RedressCore"],
            exclude: ["check_mime.py"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedressStoreTests",
            dependencies: ["RedressStore", "RedressTesting", "Postgres", "RedressCore", "RedressNotices"],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedressServiceTests",
            dependencies: [
                "RedressService",
                "RedressTesting",
                "RedressStore",
                "RedressCore",
                "Postgres",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: upcoming
        ),
        .testTarget(
            name: "RedressCLITests",
            dependencies: ["RedressTesting", "Postgres", "RedressCore", "RedressStore", "RedressNotices"],
            swiftSettings: upcoming
        ),
    ]
)
