import Foundation

/// Writes the Swift that carries Redress's plain source files in the binary: the migrations
/// (`Migration.embedded`), the notice templates (`TemplateSource.embeddedTemplates`) and the
/// OpenAPI document (`OpenAPIDocument.json`).
///
/// RedressEmbedPlugin runs it at build time, into the plugin's work folder, so the originals
/// stay the only copy in the source tree and a copied `redress` binary needs no other file.
///
///     redress-embed migrations OUTPUT sql/migrations
///     redress-embed templates OUTPUT Sources/RedressNotices/Templates
///     redress-embed openapi OUTPUT Sources/RedressService/OpenAPI/openapi.json
///     redress-embed pages OUTPUT Sources/RedressService/Pages
@main
enum RedressEmbed {
    static func main() {
        do {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard arguments.count == 3 else { throw EmbedError.usage }
            let output = arguments[1]
            let input = arguments[2]
            let source: String
            switch arguments[0] {
            case "migrations": source = try migrations(files(in: input))
            case "templates": source = try templates(files(in: input))
            case "openapi": source = try openAPI(input)
            case "pages": source = try pages(files(in: input))
            default: throw EmbedError.usage
            }
            // SwiftPM runs this again whenever it relinks the tool; an unchanged file keeps the
            // modules that compile it from being rebuilt.
            if FileManager.default.contents(atPath: output) != Data(source.utf8) {
                try source.write(toFile: output, atomically: true, encoding: .utf8)
            }
        } catch {
            FileHandle.standardError.write(Data("redress-embed: error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// `extension Migration { static let embedded }` from the files of sql/migrations.
    static func migrations(_ paths: [String]) throws -> String {
        struct Pair {
            var name: String
            var up: String?
            var down: String?
        }
        var pairs: [Int: Pair] = [:]
        for path in paths {
            let file = (path as NSString).lastPathComponent
            guard let (version, name, direction) = migrationFileName(file) else {
                throw EmbedError.migrationName(path: path)
            }
            // Earlier binaries read each file with the shell's `$(cat ...)`, which drops trailing
            // line breaks, and databases keep the checksum of that text: keep it the same.
            var text = try read(path)
            while text.unicodeScalars.last == "\n" { text.unicodeScalars.removeLast() }
            var pair = pairs[version] ?? Pair(name: name)
            guard pair.name == name else {
                throw EmbedError.migrationTwoNames(version: version, first: pair.name, second: name)
            }
            if direction == "up" { pair.up = text } else { pair.down = text }
            pairs[version] = pair
        }
        var swift = """
            // Written at build time by redress-embed from sql/migrations; not checked in.

            extension Migration {
                /// Every migration in sql/migrations, in order.
                public static let embedded: [Migration] = [

            """
        for version in pairs.keys.sorted() {
            let pair = pairs[version]!
            let digits = String(version)
            let stem = String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + pair.name
            guard let up = pair.up else { throw EmbedError.migrationHalfMissing(stem: stem, missing: "up") }
            guard let down = pair.down else { throw EmbedError.migrationHalfMissing(stem: stem, missing: "down") }
            swift += """
                        Migration(
                            version: \(version),
                            name: "\(pair.name)",
                            up: \(SwiftLiteral.rawString(up)),
                            down: \(SwiftLiteral.rawString(down))
                        ),

                """
        }
        swift += """
                ]
            }

            """
        return swift
    }

    /// `extension TemplateSource { static let embeddedTemplates }` from the `.mustache` files.
    static func templates(_ paths: [String]) throws -> String {
        var templates: [String: String] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent
            // The name goes into a plain string literal and is looked up as a file name.
            guard name.hasSuffix(".mustache"), !name.hasPrefix("."),
                name.unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
                })
            else { throw EmbedError.templateName(path: path) }
            templates[name] = try read(path)
        }
        var swift = """
            // Written at build time by redress-embed from Sources/RedressNotices/Templates; not checked in.

            extension TemplateSource {
                /// Every built-in notice template, by file name, exactly as in Sources/RedressNotices/Templates.
                public static let embeddedTemplates: [String: String] = [

            """
        for name in templates.keys.sorted() {
            swift += "        \"\(name)\": \(SwiftLiteral.rawString(templates[name]!)),\n"
        }
        swift += """
                ]
            }

            """
        return swift
    }

    /// `enum OpenAPIDocument { static let json }` from openapi.json, once it parses.
    static func openAPI(_ path: String) throws -> String {
        let text = try read(path)
        do {
            _ = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } catch {
            throw EmbedError.notJSON(path: path, reason: "\(error)")
        }
        return """
            // Written at build time by redress-embed from Sources/RedressService/OpenAPI/openapi.json; not checked in.

            /// The OpenAPI 3.1 document of the service, served at `/openapi.json`: the file
            /// Sources/RedressService/OpenAPI/openapi.json, exactly.
            ///
            /// Tests keep it true: every route the router has is documented and every
            /// documented operation is routed, and every answer the tests see has a
            /// status and a body the document allows.
            public enum OpenAPIDocument {
                public static let json = \(SwiftLiteral.rawString(text))
            }

            """
    }

    /// `enum PageFiles { static let files }` from the public pages' templates, texts and style sheet.
    static func pages(_ paths: [String]) throws -> String {
        var files: [String: String] = [:]
        for path in paths {
            let name = (path as NSString).lastPathComponent
            guard name.hasSuffix(".mustache") || name.hasSuffix(".css"),
                name.unicodeScalars.allSatisfy({
                    ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "."
                })
            else { throw EmbedError.pageName(path: path) }
            files[name] = try read(path)
        }
        var swift = """
            // Written at build time by redress-embed from Sources/RedressService/Pages; not checked in.

            /// The public pages' templates, texts and style sheet, by file name, exactly as in
            /// Sources/RedressService/Pages.
            enum PageFiles {
                static let files: [String: String] = [

            """
        for name in files.keys.sorted() {
            swift += "        \"\(name)\": \(SwiftLiteral.rawString(files[name]!)),\n"
        }
        swift += """
                ]
            }

            """
        return swift
    }

    /// The version, name and direction in a file name `NNNN_name.up.sql` or `NNNN_name.down.sql`.
    static func migrationFileName(_ file: String) -> (version: Int, name: String, direction: String)? {
        for direction in ["up", "down"] where file.hasSuffix(".\(direction).sql") {
            let stem = file.dropLast(".\(direction).sql".count)
            let digits = stem.prefix(4)
            guard digits.count == 4, digits.allSatisfy({ ("0"..."9").contains($0) }),
                let version = Int(digits), version > 0
            else { return nil }
            let rest = stem.dropFirst(4)
            guard rest.hasPrefix("_") else { return nil }
            let name = rest.dropFirst()
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" })
            else { return nil }
            return (version, String(name), direction)
        }
        return nil
    }

    /// The paths of the files in a folder, by name, without hidden ones (an editor's swap file).
    static func files(in folder: String) throws -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw EmbedError.unreadable(path: folder)
        }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { (folder as NSString).appendingPathComponent($0) }
    }

    /// The file's text, refused unless it is UTF-8 throughout (so it embeds byte for byte).
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else { throw EmbedError.unreadable(path: path) }
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else { throw EmbedError.notUTF8(path: path) }
        return text
    }
}
