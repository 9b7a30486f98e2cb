import Mustache

/// A notice template: a `Subject:` line, a blank line, then the body, both Mustache.
///
/// What a template may contain:
/// - `{{name}}` writes a value as it is (no HTML escaping); `{{{name}}}` and `{{&name}}` are
///   the same. Values are never read as templates themselves.
/// - `{{#name}}…{{/name}}` renders its inside once for a true flag, once per item of a list,
///   once with a record's fields in scope, or once for a non-empty text; `{{^name}}…{{/name}}`
///   renders it when the value is false, an empty list or an empty text.
/// - Inside a list, `{{.}}` is the item and `{{.field}}` a field of the item (the leading dot
///   keeps a missing field from being taken from an enclosing value); `record.field` reaches
///   into a record.
/// - `{{! comments }}`. Partials, blocks, delimiter changes, pragmas and transforms are refused.
/// - Besides the notice's own variables (`NoticeKind.variables`) and the standard ones
///   (`NoticeRenderer.standardVariables`), the renderer adds `NAME_iso` beside each date and
///   instant, `NAME_is_VALUE` flags beside each state, outcome and clock, and `has_NAME` beside
///   each list.
///
/// Before rendering, every tag that will be rendered is checked against the values
/// (`TemplateCheck`), so a missing value is an error naming it and the template, never a gap
/// in a letter. A tag inside a section that is not rendered needs no value.
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
            throw NoticeError.templateInvalid(
                template: name, reason: "its first line must be the subject, \"Subject: …\".")
        }
        guard lines.count >= 2, String(lines[1]).trimmingSpaces().isEmpty else {
            throw NoticeError.templateInvalid(
                template: name, reason: "the subject line must be followed by a blank line, then the body.")
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
