import Foundation
import Mustache
import RedressCore

/// Renders the public pages: a page template in the layout, with the texts of one language.
///
/// Every word a person reads on these pages is in Sources/RedressService/Pages: the page
/// templates hold the HTML, and `texts.LANGUAGE.mustache` one Mustache text a key. The
/// languages offered are those with a texts file; a key missing from one falls back to English.
struct PageRenderer: Sendable {
    static let shared = PageRenderer()

    /// The languages with texts, English first.
    let languages: [String]
    let stylesheet: String
    private let library: MustacheLibrary
    private let texts: [String: [String: MustacheTemplate]]

    init(files: [String: String] = PageFiles.files) {
        // swift-mustache's HTML escaping leaves quotes as they are; values go into attributes here.
        MustacheContentTypes.register(AttributeSafeHTML(), named: Self.contentType)
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: [String: MustacheTemplate]] = [:]
        for (name, source) in files where name.hasSuffix(".mustache") {
            let stem = String(name.dropLast(".mustache".count))
            do {
                if stem.hasPrefix("texts.") {
                    texts[String(stem.dropFirst("texts.".count))] = try Self.parseTexts(source)
                } else {
                    templates[stem] = try MustacheTemplate(string: Self.pragma + source)
                }
            } catch {
                preconditionFailure("the page file \(name) does not parse: \(error)")
            }
        }
        self.library = MustacheLibrary(templates: templates)
        self.texts = texts
        self.languages = texts.keys.sorted { ($0 == "en" ? "" : $0) < ($1 == "en" ? "" : $1) }
        self.stylesheet = files["redress.css"] ?? ""
    }

    /// The keyed texts of a texts file: `key = text` lines; `{{! … }}` comments and blank lines are skipped.
    static func parseTexts(_ source: String) throws -> [String: MustacheTemplate] {
        var text = source
        while let open = text.range(of: "{{!"), let close = text.range(of: "}}", range: open.upperBound..<text.endIndex)
        {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        var out: [String: MustacheTemplate] = [:]
        for line in text.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { continue }
            guard let equals = trimmed.range(of: " = ") else {
                throw PageFileError(line: trimmed)
            }
            let key = String(trimmed[..<equals.lowerBound])
            out[key] = try MustacheTemplate(string: pragma + String(trimmed[equals.upperBound...]))
        }
        return out
    }

    static let contentType = "REDRESS_PAGE_HTML"
    /// Set first in every page template and text: alone on its line, it leaves no trace.
    static let pragma = "{{% CONTENT_TYPE: \(contentType)}}\n"

    struct PageFileError: Error, CustomStringConvertible {
        var line: String
        var description: String { "the line \"\(line)\" is not \"key = text\"" }
    }

    /// Whether `key` has a text in `language` or in English.
    func has(_ key: String, language: String) -> Bool {
        texts[language]?[key] != nil || texts["en"]?[key] != nil
    }

    /// One text in `language` (English when the language lacks it), rendered with `values`.
    func text(_ key: String, language: String, _ values: [String: Any] = [:]) -> String {
        guard let template = texts[language]?[key] ?? texts["en"]?[key] else { return key }
        return template.render(values)
    }

    /// Every text of `language` rendered with `values` (those that need values they lack
    /// render without them; pages use them with their own values through `text`).
    func allTexts(language: String, _ values: [String: Any] = [:]) -> [String: String] {
        var out: [String: String] = [:]
        for (key, template) in texts["en"] ?? [:] { out[key] = template.render(values) }
        for (key, template) in texts[language] ?? [:] { out[key] = template.render(values) }
        return out
    }

    /// A date in words in `language`: "Wednesday 9 December 2026".
    func date(_ date: LocalDate, language: String) -> String {
        text(
            "date", language: language,
            [
                "weekday": text("weekday_\(date.weekday)", language: language),
                "month": text("month_\(date.month)", language: language),
                "day": date.day, "year": date.year, "month_number": date.month,
            ])
    }

    /// The page `page` (a template name) in the layout, as a whole HTML document.
    func render(
        page: String, language: String, title: String, office: String, path: String, values: [String: Any]
    ) -> String {
        let t = allTexts(language: language)
        var context = values
        context["t"] = t
        context["lang"] = language
        let content = library.render(context, withTemplate: page) ?? ""
        let layout: [String: Any] = [
            "t": t, "lang": language, "title": title, "office": office, "content": content,
            "languages": languages.map { code -> [String: Any] in
                [
                    "code": code, "name": text("language_name", language: code), "current": code == language,
                    "page": path,
                ]
            },
        ]
        return library.render(layout, withTemplate: "layout") ?? ""
    }

    /// A part of a page (the error summary) rendered on its own, to be placed in a page.
    func fragment(_ name: String, language: String, values: [String: Any]) -> String {
        var context = values
        context["t"] = allTexts(language: language)
        context["lang"] = language
        return library.render(context, withTemplate: name) ?? ""
    }

    /// The language a client asked for in `Accept-Language` that the pages have, else `fallback`.
    func language(accepting header: String?, fallback: String) -> String {
        let fallback = languages.contains(fallback) ? fallback : "en"
        guard let header else { return fallback }
        var best: (code: String, weight: Double)? = nil
        for item in header.split(separator: ",") {
            let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = parts.first?.lowercased(), !tag.isEmpty else { continue }
            let code = String(tag.split(separator: "-").first ?? "")
            var weight = 1.0
            for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
                weight = Double(parameter.dropFirst(2)) ?? 0
            }
            guard weight > 0, languages.contains(code) else { continue }
            if best == nil || weight > best!.weight { best = (code, weight) }
        }
        return best?.code ?? fallback
    }
}

/// HTML escaping that is safe inside quoted attribute values too: & < > " and '.
struct AttributeSafeHTML: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
