public import Foundation
public import Postgres
public import RedressCore

/// A document of a case as `case documents` and the service list it.
public struct DocumentRecord: Sendable, Encodable {
    public var number: Int
    public var title: String
    public var filename: String?
    /// Sniffed from its first bytes (`ContentSniffer`).
    public var contentType: String
    public var size: Int
    /// Its SHA-256, in hexadecimal.
    public var sha256: String
    public var confidential: Bool
    /// `attached` (by `case attach`) or `mail` (an attachment of a received message).
    public var source: String
    /// The received message it came with.
    public var message: Int?
    public var addedBy: String
    public var addedAt: Date
    var digest: [UInt8]
    var chunks: Int

    enum CodingKeys: String, CodingKey {
        case number, title, filename
        case contentType = "content_type"
        case size, sha256, confidential, source, message
        case addedBy = "added_by"
        case addedAt = "added_at"
    }

    static let columns = """
        d.number, d.title, d.filename, d.content_type, d.size, d.sha256, d.confidential, d.source, d.mail_message_id,
        d.added_by, d.added_at, c.chunks
        """

    init(_ row: PostgresRow) throws {
        number = try row.decode(Int.self, at: 0)
        title = try row.decode(String.self, at: 1)
        filename = try row.decode(String?.self, at: 2)
        contentType = try row.decode(String.self, at: 3)
        size = try row.decode(Int.self, at: 4)
        digest = try row.decode([UInt8].self, at: 5)
        sha256 = ContentStore.hex(digest)
        confidential = try row.decode(Bool.self, at: 6)
        source = try row.decode(String.self, at: 7)
        message = try row.decode(Int?.self, at: 8)
        addedBy = try row.decode(String.self, at: 9)
        addedAt = try row.decode(Date.self, at: 10)
        chunks = try row.decode(Int.self, at: 11)
    }
}

/// A document just added.
public struct AddedDocument: Sendable, Encodable {
    public var number: Int
    public var title: String
    public var contentType: String
    public var size: Int
    public var sha256: String

    enum CodingKeys: String, CodingKey {
        case number, title
        case contentType = "content_type"
        case size, sha256
    }
}

/// What a document is to be called and how it is kept.
public struct DocumentDetails: Sendable {
    public var title: String?
    public var filename: String?
    public var confidential: Bool

    public init(title: String? = nil, filename: String? = nil, confidential: Bool = false) {
        self.title = title
        self.filename = filename
        self.confidential = confidential
    }
}

/// The documents of cases: stored once by content, numbered per case, read as the identity
/// rules allow (a confidential case's or document's only by those who may see who complained).
public struct DocumentStore {
    public let connection: PostgresConnection

    public init(_ connection: PostgresConnection) {
        self.connection = connection
    }

    /// Attaches `source` to the case, refusing content over the office's size limit. Audited
    /// (`document_added`). Call inside a transaction.
    public func attach(
        reference: String, _ source: any DocumentSource, details: DocumentDetails, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> AddedDocument {
        let limit = try OfficeStore(connection).settings().documentSizeLimit
        try Self.checkSize(source.size, limit: limit, name: details.filename ?? "the file")
        let (digest, prefix) = try ContentStore.digest(of: source)
        var added: AddedDocument?
        _ = try CaseStore(connection).change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .acknowledge, at: instant,
            { record, _, _ in
                (
                    "document_added",
                    Self.auditData(record, details, size: source.size, prefix: prefix, digest: digest),
                    ClockEffects(), []
                )
            },
            afterClaim: { record in
                added = try add(
                    caseID: record.id, source, digest: digest, prefix: prefix, details: details, origin: nil,
                    actor: actor, at: instant)
                return ["number": .int(added!.number)]
            })
        return added!
    }

    /// Refuses a size over `limit`, naming both.
    static func checkSize(_ size: Int, limit: Int, name: String) throws {
        guard size <= limit else {
            throw StoreError.refused(
                "\(name) is \(describe(size)), over the limit of \(describe(limit)) a document; ask an admin to raise it with 'office set --document-size-limit'."
            )
        }
    }

    /// `25 MiB`, `512 KiB`, `1.5 MiB`, `300 bytes`.
    public static func describe(_ bytes: Int) -> String {
        let mib = 1024 * 1024
        if bytes >= mib {
            return bytes % mib == 0
                ? "\(bytes / mib) MiB" : String(format: "%.1f MiB", Double(bytes) / Double(mib))
        }
        if bytes >= 1024, bytes % 1024 == 0 { return "\(bytes / 1024) KiB" }
        return "\(bytes) bytes"
    }

    static func auditData(
        _ record: CaseRecord, _ details: DocumentDetails, size: Int, prefix: [UInt8], digest: [UInt8]
    ) -> [String: JSONValue] {
        var data: [String: JSONValue] = [
            "size": .int(size), "content_type": .string(ContentSniffer.sniff(prefix)),
            "sha256": .string(ContentStore.hex(digest)), "confidential": .bool(details.confidential),
        ]
        // Every reader of the case sees its audit rows: a confidential document keeps its title.
        if !details.confidential && !record.confidential, let title = details.title ?? details.filename {
            data["title"] = .string(title)
        }
        return data
    }

    /// Stores the content (unless stored already) and the case's document row.
    func add(
        caseID: Int, _ source: any DocumentSource, digest: [UInt8], prefix: [UInt8], details: DocumentDetails,
        origin messageID: Int?, actor: Actor, at instant: Date
    ) throws -> AddedDocument {
        let filename = details.filename.map(Self.cleanName)
        let title = details.title.flatMap { $0.isBlankText ? nil : $0 } ?? filename ?? "document"
        try TextField.check("title", title, limit: IntakeValidator.maximumFieldLength, lines: false)
        try ContentStore(connection: connection).store(source, digest: digest)
        let number = try connection.query("SELECT redress_next_document_number(\(caseID))").first!.decode(
            Int.self, at: 0)
        try connection.execute(
            """
            INSERT INTO case_document (case_id, number, sha256, title, filename, content_type, size, confidential, source,
                mail_message_id, added_by, added_at)
            VALUES (\(caseID), \(number), \(digest), \(title), \(filename), \(ContentSniffer.sniff(prefix)), \(source.size),
                \(details.confidential), \(messageID == nil ? "attached" : "mail"), \(messageID), \(actor.login), \(instant))
            """)
        return AddedDocument(
            number: number, title: title, contentType: ContentSniffer.sniff(prefix), size: source.size,
            sha256: ContentStore.hex(digest))
    }

    /// A file name as kept: its last path component, without control characters, at most 255
    /// characters.
    static func cleanName(_ name: String) -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? name
        let clean = String(
            String.UnicodeScalarView(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return String(clean.prefix(255))
    }

    /// The case's documents `actor` may read, by number. Reading a confidential case is audited.
    public func list(reference: String, actor: Actor, at instant: Date) throws -> [DocumentRecord] {
        let (record, showIdentity) = try CaseStore(connection).view(
            reference: reference, actor: actor, at: instant, purpose: "documents")
        // The database hides them from staff logins; the service's login is trusted, so the rule
        // is kept here too.
        return try documents(caseID: record.id).filter { showIdentity || !($0.confidential || record.confidential) }
    }

    func documents(caseID: Int) throws -> [DocumentRecord] {
        try connection.query(
            """
            SELECT \(unsafeSQL: DocumentRecord.columns) FROM case_document d JOIN document_content c ON c.sha256 = d.sha256
            WHERE d.case_id = \(caseID) ORDER BY d.number
            """
        ).map(DocumentRecord.init)
    }

    /// Document `number` of the case, if `actor` may read it. Audited as a reading of the case
    /// when the case or the document is confidential.
    public func document(reference: String, number: Int, actor: Actor, at instant: Date) throws -> DocumentRecord {
        let (record, showIdentity) = try CaseStore(connection).view(
            reference: reference, actor: actor, at: instant, purpose: "document")
        guard
            let document = try connection.query(
                """
                SELECT \(unsafeSQL: DocumentRecord.columns) FROM case_document d JOIN document_content c ON c.sha256 = d.sha256
                WHERE d.case_id = \(record.id) AND d.number = \(number)
                """
            ).first.map(DocumentRecord.init), showIdentity || !(document.confidential || record.confidential)
        else { throw StoreError.documentNotFound(reference: record.reference, number: number) }
        if document.confidential && !record.confidential {
            try AuditLog(connection).record(
                caseID: record.id, actor: actor.login, at: instant, kind: "case_viewed",
                data: ["purpose": .string("document"), "document": .int(number)])
        }
        return document
    }

    /// How many chunks the document's content is stored in (`readChunk`).
    public static func chunkCount(of document: DocumentRecord) -> Int { document.chunks }

    /// The bytes of chunk `position` of the document's content (each `ContentStore.chunkSize`
    /// bytes but the last). Stored content never changes, so chunks may be read in separate
    /// transactions.
    public func readChunk(_ document: DocumentRecord, position: Int) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try ContentStore(connection: connection).read(digest: document.digest, from: position, chunks: 1) { bytes = $0 }
        return bytes
    }

    /// Hands the document's bytes to `body` a chunk at a time.
    public func read(_ document: DocumentRecord, _ body: ([UInt8]) throws -> Void) throws {
        try ContentStore(connection: connection).read(digest: document.digest, chunks: document.chunks, body)
    }
}
