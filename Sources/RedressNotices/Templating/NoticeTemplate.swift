import Mustache

/// A notice template: a `Subject:` line, a blank line, then the body, both Mustache.
///
/// Values are written as they are (no HTML escaping). Before rendering, every tag is checked
/// against the values (`TemplateCheck`), so a missing value is an error naming it rather than
/// a gap in a letter.
public struct NoticeTemplate: Sendable {
    /// The template's file name, e.g. `acknowledgement.complainant.en.mustache`.
    public let name: String
    /// The template as written.
    public let text: String
    private let subject: Part
    private let body: Part

    /// One half of a template, parsed twice: by swift-mustache to render and into tags to check.
    private struct Part: Sendable {
        var mustache: MustacheTemplate
        var nodes: [TemplateNode]
    }

    /// Reads a template, refusing one without a subject line and blank line, with unbalanced
    /// sections, or with tags notice templates do not support.
    public init(name: String, text: String) throws {
        self.name = name
        self.text = text
        var source = text.replacingLineBreaks()
        if source.hasPrefix("\u{FEFF}") { source.removeFirst() }
        let lines = source.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false)
        guard let first = lines.first, first.hasPrefix("Subject:") else {
            throw NoticeError.templateInvalid(template: name, reason: "its first line must be the subject, \"Subject: …\".")
        }
        guard lines.count >= 2, String(lines[1]).trimmingSpaces().isEmpty else {
            throw NoticeError.templateInvalid(template: name, reason: "the subject line must be followed by a blank line, then the body.")
        }
        let subjectText = String(first.dropFirst("Subject:".count)).trimmingSpaces()
        let bodyText = lines.count > 2 ? String(lines[2]) : ""
        let fail: (String) -> any Error = { NoticeError.templateInvalid(template: name, reason: $0) }
        self.subject = try NoticeTemplate.part(subjectText, firstLine: 1, fail: fail)
        self.body = try NoticeTemplate.part(bodyText, firstLine: 3, fail: fail)
    }

    /// Every variable name the template uses, including names of record fields used inside
    /// sections (`description` in `{{#remedies}}{{description}}{{/remedies}}`).
    public var referencedNames: Set<String> {
        TemplateNode.names(in: subject.nodes).union(TemplateNode.names(in: body.nodes))
    }

    /// Renders the subject and body with `values`, after checking that every value the
    /// template will use is there.
    func render(_ values: [String: TemplateValue]) throws -> (subject: String, body: String) {
        let root = TemplateValue.record(values)
        let check = TemplateCheck(template: name)
        try check.check(subject.nodes, stack: [root])
        try check.check(body.nodes, stack: [root])
        let context = root.mustacheValue
        return (subject.mustache.render(context), body.mustache.render(context))
    }

    private static func part(_ text: String, firstLine: Int, fail: (String) -> any Error) throws -> Part {
        let nodes = try TemplateNode.scan(text, firstLine: firstLine, fail: fail)
        do {
            // The pragma makes swift-mustache write values as they are instead of HTML-escaped;
            // alone on its line, it leaves no trace in the output.
            let mustache = try MustacheTemplate(string: "{{% CONTENT_TYPE: TEXT}}\n" + text)
            return Part(mustache: mustache, nodes: nodes)
        } catch let error as MustacheTemplate.ParserError {
            throw fail("Mustache cannot parse line \(error.context.lineNumber + firstLine - 2): \(error.error).")
        } catch {
            throw fail("Mustache cannot parse it: \(error).")
        }
    }
}
