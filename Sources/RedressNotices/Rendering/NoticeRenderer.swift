import Foundation
import RedressCore

/// Renders notices: a template filled in with a notice's values, made into a complete email or
/// a print-ready letter. Pure: it reads templates and nothing else, and never the clock.
public struct NoticeRenderer: Sendable {
    /// Where templates come from.
    public var templates: TemplateSource

    /// Makes a renderer using `templates` (built-in ones only, by default).
    public init(templates: TemplateSource = TemplateSource()) {
        self.templates = templates
    }

    /// The variables every notice gets from its `NoticeInput`; callers may not supply them.
    ///
    /// - `reference`, `office_name`, `office_email`, `office_address` (lines joined by ", "),
    ///   `recipient_name`: text.
    /// - `date`: the issue date in the notice's language; `date_iso`: YYYY-MM-DD.
    /// - `automatic`, `by_email`, `by_post`: flags.
    /// - `signatory`: a record with `name` and `title`, or false when the office signs.
    /// - `status_page`: the public status page in the notice's language
    ///   (`office set --web-address`), or false when the office has none.
    public static let standardVariables: [String] = [
        "reference", "office_name", "office_email", "office_address", "recipient_name",
        "date", "date_iso", "automatic", "by_email", "by_post", "signatory", "status_page",
    ]

    /// Whether a variable name carries the complainant's identity: every name beginning
    /// `complainant_` or `representative_` (name, email, phone, address, …). Such variables
    /// are refused for respondent and head-of-body notices without disclosure consent.
    public static func isComplainantIdentity(_ name: String) -> Bool {
        name.hasPrefix("complainant_") || name.hasPrefix("representative_")
    }

    /// Renders one notice: for email a complete RFC 5322 message, for post a letter.
    ///
    /// Throws `NoticeError` when the template is missing or invalid, a value it uses is
    /// missing, complainant identity is supplied without consent for a respondent or the head
    /// of a body, or an address is unusable. Nothing partial is ever returned.
    public func render(_ input: NoticeInput) throws -> RenderedNotice {
        guard NoticeLanguage.isCode(input.language) else { throw NoticeError.invalidLanguage(input.language) }
        try NoticeRenderer.checkVariables(input)
        let template = try templates.template(kind: input.kind, audience: input.audience, language: input.language)
        if input.audience.withholdsComplainantIdentity, !input.disclosureAllowed,
            let identity = template.referencedNames.sorted().first(where: NoticeRenderer.isComplainantIdentity)
        {
            throw NoticeError.complainantIdentityWithheld(variable: identity, audience: input.audience)
        }
        let language = NoticeLanguage(code: input.language)
        let values = try NoticeRenderer.values(for: input, language: language)
        let rendered = try template.render(values)
        let subject = HeaderText.singleLine(rendered.subject)
        let body = NoticeRenderer.tidy(rendered.body)
        if input.audience.withholdsComplainantIdentity, !input.disclosureAllowed,
            input.withheldIdentity.isShown(in: subject + "\n" + body)
        {
            throw NoticeError.complainantIdentityInText(template: template.name, audience: input.audience)
        }
        var notice = RenderedNotice(
            kind: input.kind, audience: input.audience, channel: input.channel, language: input.language,
            templateName: template.name, subject: subject, body: body, messageID: nil, text: ""
        )
        switch input.channel {
        case .email:
            let message = try NoticeRenderer.email(input, subject: subject, body: body)
            notice.messageID = message.id.description
            notice.text = message.text
        case .post:
            notice.text = try NoticeRenderer.letter(input, subject: subject, body: body, language: language)
        }
        return notice
    }

    // MARK: Values

    /// Refuses bad names, reserved names and, without consent, complainant identity for an
    /// audience that must not learn it — wherever in the values it is nested.
    static func checkVariables(_ input: NoticeInput) throws {
        let withhold = input.audience.withholdsComplainantIdentity && !input.disclosureAllowed
        // Offenders are collected and the first in name order reported, so the error is the
        // same whatever order the dictionary gives.
        var badNames: [String] = []
        var identities: [String] = []
        func visit(_ fields: [String: NoticeValue]) {
            for (name, value) in fields {
                if !isPlainName(name) { badNames.append(name) }
                if withhold, isComplainantIdentity(name) { identities.append(name) }
                visitValue(value)
            }
        }
        func visitValue(_ value: NoticeValue) {
            switch value {
            case let .record(fields): visit(fields)
            case let .list(items): for item in items { visitValue(item) }
            default: break
            }
        }
        visit(input.variables)
        if let name = badNames.min() { throw NoticeError.invalidVariableName(name) }
        if let name = identities.min() {
            throw NoticeError.complainantIdentityWithheld(variable: name, audience: input.audience)
        }
        if let name = input.variables.keys.filter(standardVariables.contains).min() {
            throw NoticeError.reservedVariable(name)
        }
    }

    /// Whether a variable name is letters, digits and underscores only.
    private static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "_")
            }
    }

    /// The values templates see: the standard ones, then the caller's written out in the
    /// notice's language, each with the names derived from it (`_iso`, `_is_…`, `has_`).
    static func values(for input: NoticeInput, language: NoticeLanguage) throws -> [String: TemplateValue] {
        let issued = LocalDate(instant: input.issuedAt, in: input.office.timeZone)
        let officeEmail = (try? Mailbox(parsing: input.office.sender))?.address ?? ""
        var values: [String: TemplateValue] = [
            "reference": .text(input.reference.formatted),
            "office_name": .text(input.office.name),
            "office_email": .text(officeEmail),
            "office_address": .text(input.office.postalAddress.joined(separator: ", ")),
            // The public status page in the notice's language, where the office has public pages.
            "status_page": input.office.webAddress.map { .text("\($0)/\(language.code)/status") } ?? .flag(false),
            "recipient_name": .text(input.recipient.name),
            "date": .text(language.date(issued)),
            "date_iso": .text(issued.iso),
            "automatic": .flag(input.automatic),
            "by_email": .flag(input.channel == .email),
            "by_post": .flag(input.channel == .post),
            "signatory": input.signatory.map { .record(["name": .text($0.name), "title": .text($0.title)]) }
                ?? .flag(false),
        ]
        try addFields(input.variables, to: &values, language: language, timeZone: input.office.timeZone)
        return values
    }

    private static func addFields(
        _ fields: [String: NoticeValue], to values: inout [String: TemplateValue],
        language: NoticeLanguage, timeZone: TimeZone
    ) throws {
        func add(_ name: String, _ value: TemplateValue) throws {
            guard values[name] == nil else { throw NoticeError.reservedVariable(name) }
            values[name] = value
        }
        func flags(_ name: String, _ selected: String, of options: [String]) throws {
            for option in options { try add("\(name)_is_\(option)", .flag(option == selected)) }
        }
        // Names given by the caller first, so a derived name can never hide one of them.
        for (name, value) in fields {
            try add(name, convert(value, language: language, timeZone: timeZone))
        }
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            switch value {
            case let .date(date): try add("\(name)_iso", .text(date.iso))
            case let .instant(instant):
                try add("\(name)_iso", .text(NoticeLanguage.isoInstant(instant, timeZone: timeZone)))
            case let .state(state): try flags(name, state.rawValue, of: NoticeRenderer.stateNames)
            case let .outcome(outcome): try flags(name, outcome.rawValue, of: NoticeRenderer.outcomeNames)
            case let .clock(clock): try flags(name, clock.rawValue, of: NoticeRenderer.clockNames)
            case let .list(items): try add("has_\(name)", .flag(!items.isEmpty))
            default: break
            }
        }
    }

    private static let stateNames = CaseState.allCases.map(\.rawValue)
    private static let outcomeNames = Outcome.allCases.map(\.rawValue)
    private static let clockNames = ClockKind.allCases.map(\.rawValue)

    private static func convert(_ value: NoticeValue, language: NoticeLanguage, timeZone: TimeZone) throws
        -> TemplateValue
    {
        switch value {
        case let .text(text): return .text(text)
        case let .number(number): return .text(String(number))
        case let .date(date): return .text(language.date(date))
        case let .instant(instant): return .text(language.instant(instant, timeZone: timeZone))
        case let .state(state): return .text(language.term(state))
        case let .outcome(outcome): return .text(language.term(outcome))
        case let .clock(clock): return .text(language.term(clock))
        case let .flag(flag): return .flag(flag)
        case let .list(items): return .list(try items.map { try convert($0, language: language, timeZone: timeZone) })
        case let .record(fields):
            var values: [String: TemplateValue] = [:]
            try addFields(fields, to: &values, language: language, timeZone: timeZone)
            return .record(values)
        }
    }

    // MARK: Text

    /// The rendered body made tidy: LF line breaks, no control characters but tabs, no
    /// trailing spaces, at most one blank line in a row, none at the start or end, and a final
    /// line break.
    static func tidy(_ text: String) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 1)
        var line: [UInt8] = []
        var blankLines = 0
        func endLine() {
            while let last = line.last, last == 0x20 || last == 0x09 { line.removeLast() }
            if line.isEmpty {
                blankLines += 1
            } else {
                if !output.isEmpty, blankLines > 0 { output.append(0x0A) }
                output += line
                output.append(0x0A)
                blankLines = 0
                line.removeAll(keepingCapacity: true)
            }
        }
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x0D, 0x0A:
                // CRLF, CR and LF each end a line.
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                endLine()
            case 0x09:
                line.append(byte)
            case 0x00..<0x20, 0x7F:
                break
            case 0xC2 where index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1]):
                // A C1 control character (U+0080 to U+009F), two bytes in UTF-8.
                index += 1
            default:
                line.append(byte)
            }
            index += 1
        }
        endLine()
        return output.isEmpty ? "\n" : String(decoding: output, as: UTF8.self)
    }
}
