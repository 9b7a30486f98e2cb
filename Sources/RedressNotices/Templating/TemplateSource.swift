import Foundation
public import RedressCore

/// Where notice templates come from: an office's override folder first, then the templates
/// built into the binary.
///
/// Templates are named `KIND.AUDIENCE.LANGUAGE.mustache`, one file per kind, audience and
/// language (`decision.respondent.ko.mustache`). To change one, an office copies the built-in
/// file into its folder (`TemplateSource.embeddedTemplates` holds them all) and edits it; to add
/// a language or an audience, it adds files under new names.
public struct TemplateSource: Sendable {
    /// The office's folder of templates, searched before the built-in ones.
    public var overrideDirectory: String?

    /// Override files larger than this are refused rather than read.
    public static let maximumTemplateBytes = 256 * 1024

    /// Makes a source that looks in `overrideDirectory` (if any) before the built-in templates.
    public init(overrideDirectory: String? = nil) {
        self.overrideDirectory = overrideDirectory
    }

    /// The file name of the template for a kind, audience and language.
    public static func fileName(kind: NoticeKind, audience: NoticeAudience, language: String) -> String {
        "\(kind.rawValue).\(audience.rawValue).\(language).mustache"
    }

    /// The template for a kind, audience and language, from the override folder if it has one.
    public func template(kind: NoticeKind, audience: NoticeAudience, language: String) throws -> NoticeTemplate {
        guard NoticeLanguage.isCode(language) else { throw NoticeError.invalidLanguage(language) }
        let name = TemplateSource.fileName(kind: kind, audience: audience, language: language)
        guard let text = try text(named: name) else { throw NoticeError.templateNotFound(name) }
        return try TemplateCache.shared.template(name: name, text: text)
    }

    /// Whether there is a template for a kind, audience and language, overridden or built in.
    public func hasTemplate(kind: NoticeKind, audience: NoticeAudience, language: String) -> Bool {
        guard NoticeLanguage.isCode(language) else { return false }
        let name = TemplateSource.fileName(kind: kind, audience: audience, language: language)
        if TemplateSource.embeddedTemplates[name] != nil { return true }
        guard let path = overridePath(name) else { return false }
        return FileManager.default.fileExists(atPath: path)
    }

    /// The language a notice asked for in `requested` is written in: that one if it has a
    /// template, else the office's `fallback`, else English; nil when none of them has one.
    /// A complainant who writes in a language the office has no letters in still gets one.
    public func language(kind: NoticeKind, audience: NoticeAudience, requested: String, fallback: String) -> String? {
        [requested, fallback, "en"].first { hasTemplate(kind: kind, audience: audience, language: $0) }
    }

    /// The languages that have a template for a kind and audience, overridden or built in,
    /// sorted: what a caller can choose from when the recipient's language has none.
    public func languages(kind: NoticeKind, audience: NoticeAudience) -> [String] {
        let prefix = "\(kind.rawValue).\(audience.rawValue)."
        var names = Array(TemplateSource.embeddedTemplates.keys)
        if let directory = overrideDirectory, !directory.isEmpty,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory)
        {
            names += files
        }
        var languages: Set<String> = []
        for name in names where name.hasPrefix(prefix) && name.hasSuffix(".mustache") {
            let language = String(name.dropFirst(prefix.count).dropLast(".mustache".count))
            if NoticeLanguage.isCode(language) { languages.insert(language) }
        }
        return languages.sorted()
    }

    /// The text of the template file `name`: the override if there is one, else the built-in
    /// one, else `nil`.
    /// Only plain file names ending in `.mustache` are looked up, never a path.
    public func text(named name: String) throws -> String? {
        guard name.hasSuffix(".mustache"), !name.hasPrefix("."),
            name.utf8.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: ".")
            })
        else { return nil }
        if let path = overridePath(name) {
            if let text = try TemplateSource.read(path: path, name: name) { return text }
        }
        return TemplateSource.embeddedTemplates[name]
    }

    private func overridePath(_ name: String) -> String? {
        guard let directory = overrideDirectory, !directory.isEmpty else { return nil }
        return URL(fileURLWithPath: directory).appendingPathComponent(name).path
    }

    /// Reads an override file, or gives `nil` when there is none.
    private static func read(path: String, name: String) throws -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        guard !isDirectory.boolValue else {
            throw NoticeError.templateUnreadable(path: path, reason: "it is a folder")
        }
        let data: Data
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? NSNumber, size.intValue > maximumTemplateBytes {
                throw NoticeError.templateUnreadable(
                    path: path, reason: "it is larger than \(maximumTemplateBytes / 1024) KiB")
            }
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch let error as NoticeError {
            throw error
        } catch {
            throw NoticeError.templateUnreadable(path: path, reason: error.localizedDescription)
        }
        guard data.count <= maximumTemplateBytes else {
            throw NoticeError.templateUnreadable(
                path: path, reason: "it is larger than \(maximumTemplateBytes / 1024) KiB")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.utf8.elementsEqual(data) else {
            throw NoticeError.templateInvalid(
                template: name, reason: "the file in the template folder is not UTF-8 text.")
        }
        return text
    }
}
