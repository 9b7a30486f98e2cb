import RedressCore

/// How a complainant wants to be contacted.
public enum ContactPreference: String, Sendable, Hashable, Codable, CaseIterable {
    case email, post, phone
}

/// A complainant or representative.
public struct Party: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var phone: String?
    public var postalAddress: String?
    public var language: String?
    public var contactPreference: ContactPreference?

    public init(
        name: String, email: String? = nil, phone: String? = nil, postalAddress: String? = nil,
        language: String? = nil, contactPreference: ContactPreference? = nil
    ) {
        self.name = name
        self.email = email
        self.phone = phone
        self.postalAddress = postalAddress
        self.language = language
        self.contactPreference = contactPreference
    }

    /// What others than the assignee, supervisors and the ombudsperson see.
    public static let redactedText = "[redacted]"

    /// The party with name and contact details replaced by `[redacted]`.
    public var redacted: Party {
        Party(
            name: Self.redactedText, email: email == nil ? nil : Self.redactedText,
            phone: phone == nil ? nil : Self.redactedText,
            postalAddress: postalAddress == nil ? nil : Self.redactedText, language: language,
            contactPreference: contactPreference)
    }

    enum CodingKeys: String, CodingKey {
        case name, email, phone
        case postalAddress = "postal_address"
        case language
        case contactPreference = "contact_preference"
    }
}
