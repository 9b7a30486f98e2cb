import RedressCore

/// The public body complained about.
public struct RespondentBody: Sendable, Hashable, Codable {
    public var name: String
    public var email: String?
    public var headOfBodyName: String?
    public var headOfBodyEmail: String?

    public init(name: String, email: String? = nil, headOfBodyName: String? = nil, headOfBodyEmail: String? = nil) {
        self.name = name
        self.email = email
        self.headOfBodyName = headOfBodyName
        self.headOfBodyEmail = headOfBodyEmail
    }

    enum CodingKeys: String, CodingKey {
        case name, email
        case headOfBodyName = "head_of_body_name"
        case headOfBodyEmail = "head_of_body_email"
    }
}
