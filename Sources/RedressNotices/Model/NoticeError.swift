public import Foundation
public import RedressCore

/// Why a notice could not be rendered. Rendering never produces a notice with a gap in it.
public enum NoticeError: Error, Sendable, Hashable {
    /// No template exists for this file name, in the override folder or built in.
    case templateNotFound(String)
    /// A template exists but cannot be used; `reason` says why.
    case templateInvalid(template: String, reason: String)
    /// The office's template folder cannot be used; `reason` says why.
    case templateFolderUnusable(path: String, reason: String)
    /// An override template could not be read.
    case templateUnreadable(path: String, reason: String)
    /// A template uses a variable the notice has no value for.
    case missingVariable(name: String, template: String)
    /// A template writes out a variable that is a flag, list or record, not text.
    case variableNotText(name: String, template: String)
    /// A variable name is not made of letters, digits and underscores.
    case invalidVariableName(String)
    /// A variable has the name of one the renderer supplies itself.
    case reservedVariable(String)
    /// Complainant identity was supplied for a respondent or head-of-body notice without the
    /// complainant's consent to disclosure.
    case complainantIdentityWithheld(variable: String, audience: NoticeAudience)
    /// The text of a respondent or head-of-body notice contains part of the complainant's
    /// identity (`NoticeInput.withheldIdentity`) without consent to disclosure; which part is
    /// not said, since it is personal data.
    case complainantIdentityInText(template: String, audience: NoticeAudience)
    /// The language code is not a lowercase ISO 639 code.
    case invalidLanguage(String)
    /// An email address, sender or mail domain is not usable in a message header.
    case invalidAddress(field: String, value: String)
    /// The recipient has no address for the channel.
    case missingRecipientAddress(NoticeChannel)
}

extension NoticeError: RedressError, LocalizedError {
    /// Identity withheld from the respondent is a rule refusing; the rest (templates,
    /// variables, addresses) is a failure to fix in the templates or the case.
    public var kind: ErrorKind {
        switch self {
        case .complainantIdentityWithheld, .complainantIdentityInText: return .refused
        case .templateFolderUnusable: return .badInput
        default: return .failure
        }
    }

    public var hint: ErrorHint? {
        if case .templateFolderUnusable = self { return .give(["templates"]) }
        return nil
    }

    public var message: String {
        switch self {
        case let .templateNotFound(name):
            return
                "There is no notice template \(name), built in or in the office's template folder; add it to the template folder or choose another language."
        case let .templateInvalid(template, reason):
            return "The notice template \(template) cannot be used: \(reason)"
        case let .templateFolderUnusable(path, reason):
            return
                "The template folder \(path) cannot be used: \(reason); give an absolute path to a folder that only its owner and group may change."
        case let .templateUnreadable(path, reason):
            return "The notice template \(path) cannot be read (\(reason)); check the file and its permissions."
        case let .missingVariable(name, template):
            return
                "The notice template \(template) uses {{\(name)}} but the notice has no value for it; supply \(name) or change the template."
        case let .variableNotText(name, template):
            return
                "The notice template \(template) writes out {{\(name)}}, which is a flag, list or record; use it as a section ({{#\(name)}}…{{/\(name)}}) instead."
        case let .invalidVariableName(name):
            return "\"\(name)\" is not a notice variable name; use letters, digits and underscores only."
        case let .reservedVariable(name):
            return
                "The notice variable \(name) is supplied by the renderer itself; remove it from the notice's variables."
        case let .complainantIdentityWithheld(variable, audience):
            return
                "The \(audience) notice was given \(variable), but the complainant has not consented to disclosing their identity; remove it or record the consent first."
        case let .complainantIdentityInText(template, audience):
            return
                "The \(audience) notice from \(template) would reveal the complainant's identity, who has not consented to disclosure; remove it from the notice's texts or record the consent first."
        case let .invalidLanguage(code):
            return "\"\(code)\" is not a language code; use a lowercase ISO 639 code such as en or ko."
        case let .invalidAddress(field, value):
            return
                "The \(field) \"\(value.debugDescription.dropFirst().dropLast())\" is not a usable email address; correct it and try again."
        case let .missingRecipientAddress(channel):
            return channel == .email
                ? "The recipient has no email address; add one or send the notice by post."
                : "The recipient has no postal address; add one or send the notice by email."
        }
    }

    public var errorDescription: String? { description }
}
