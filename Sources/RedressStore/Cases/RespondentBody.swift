import RedressCore

/// The public body complained about, and how to reach it and its head.
public struct RespondentBody: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var headOfBodyName: String?
    public var headOfBodyEmail: String?
    /// Where letters by post to the body go.
    public var postalAddress: String?
    public var headOfBodyPhone: String?
    public var headOfBodyPostalAddress: String?

    public init(
        name: String, email: String? = nil, headOfBodyName: String? = nil, headOfBodyEmail: String? = nil,
        postalAddress: String? = nil, headOfBodyPhone: String? = nil, headOfBodyPostalAddress: String? = nil
    ) {
        self.name = name
        self.email = email
        self.headOfBodyName = headOfBodyName
        self.headOfBodyEmail = headOfBodyEmail
        self.postalAddress = postalAddress
        self.headOfBodyPhone = headOfBodyPhone
        self.headOfBodyPostalAddress = headOfBodyPostalAddress
    }

    enum CodingKeys: String, CodingKey {
        case name, email
        case headOfBodyName = "head_of_body_name"
        case headOfBodyEmail = "head_of_body_email"
        case postalAddress = "postal_address"
        case headOfBodyPhone = "head_of_body_phone"
        case headOfBodyPostalAddress = "head_of_body_postal_address"
    }

    /// The columns of `respondent_body r` that `init(row:at:)` reads, in order.
    static let columns =
        "r.name, r.email, r.head_of_body_name, r.head_of_body_email, r.postal_address, r.head_of_body_phone, r.head_of_body_postal_address"
}
