import Mustache

/// A value as templates see it, after dates and terms are written out in the notice's language.
indirect enum TemplateValue: Sendable, Hashable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case record([String: TemplateValue])

    /// The value as swift-mustache renders it.
    var mustacheValue: Any {
        switch self {
        case let .text(text): return MustacheText(text: text)
        case let .flag(flag): return flag
        case let .list(items): return items.map(\.mustacheValue)
        case let .record(fields): return fields.mapValues(\.mustacheValue)
        }
    }
}

/// Text for swift-mustache: written as is, false in a section when empty, and with no fields
/// of its own (so a name inside its section is looked up in the enclosing values).
struct MustacheText: MustacheCustomRenderable, MustacheParent {
    var text: String
    var renderText: String { text }
    var isNull: Bool { text.isEmpty }
    func child(named: String) -> Any? { nil }
}

/// The strict check: walks a template's tags over the values exactly as swift-mustache will
/// render them, and fails on the first name that has no value, or that names a flag, list or
/// record where text is written out. Sections that will not be rendered are not checked.
struct TemplateCheck {
    /// The template's file name, for messages.
    var template: String

    func check(_ nodes: [TemplateNode], stack: [TemplateValue]) throws {
        for node in nodes {
            switch node {
            case let .variable(name):
                guard let value = resolve(name, in: stack) else {
                    throw NoticeError.missingVariable(name: name, template: template)
                }
                guard case .text = value else {
                    throw NoticeError.variableNotText(name: name, template: template)
                }
            case let .section(name, inverted, children):
                guard let value = resolve(name, in: stack) else {
                    throw NoticeError.missingVariable(name: name, template: template)
                }
                switch (value, inverted) {
                case let (.list(items), false):
                    for item in items { try check(children, stack: stack + [item]) }
                case let (.list(items), true):
                    if items.isEmpty { try check(children, stack: stack + [value]) }
                case let (.flag(flag), _):
                    if flag != inverted { try check(children, stack: stack) }
                case let (.text(text), false):
                    if !text.isEmpty { try check(children, stack: stack + [value]) }
                case let (.text(text), true):
                    if text.isEmpty { try check(children, stack: stack) }
                case (.record, false):
                    try check(children, stack: stack + [value])
                case (.record, true):
                    break
                }
            }
        }
    }

    /// Looks a name up as swift-mustache does: `.` is the innermost value; `.field` is looked
    /// up in the innermost value only; otherwise the first part is found in the innermost record
    /// that has it, and later parts in the fields below.
    func resolve(_ name: String, in stack: [TemplateValue]) -> TemplateValue? {
        if name == "." { return stack.last }
        let parts = name.split(separator: ".").map(String.init)
        guard let first = parts.first else { return nil }
        var found: TemplateValue?
        if name.hasPrefix(".") {
            if case let .record(fields)? = stack.last { found = fields[first] }
        } else {
            for value in stack.reversed() {
                if case let .record(fields) = value, let child = fields[first] {
                    found = child
                    break
                }
            }
        }
        for part in parts.dropFirst() {
            guard case let .record(fields)? = found else { return nil }
            found = fields[part]
        }
        return found
    }
}
