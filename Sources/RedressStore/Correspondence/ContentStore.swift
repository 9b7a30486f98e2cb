import Crypto
import Foundation
import Postgres

/// Content stored once by its SHA-256, in chunks of `chunkSize` bytes: written and read a
/// chunk per statement, so neither side holds more than a chunk or two in memory.
struct ContentStore {
    let connection: PostgresConnection

    /// 1 MiB a chunk.
    static let chunkSize = 1 << 20

    /// The SHA-256 of `source`, read a chunk at a time, and its first bytes.
    static func digest(of source: any DocumentSource) throws -> (digest: [UInt8], prefix: [UInt8]) {
        var hasher = SHA256()
        var prefix: [UInt8] = []
        var offset = 0
        while offset < source.size {
            let chunk = try source.bytes(offset..<min(source.size, offset + chunkSize))
            if offset == 0 { prefix = Array(chunk.prefix(4096)) }
            hasher.update(data: chunk)
            offset += chunk.count
        }
        return (Array(hasher.finalize()), prefix)
    }

    static func digest(of bytes: [UInt8]) -> [UInt8] {
        Array(SHA256.hash(data: bytes))
    }

    /// Stores `source` under `digest` unless that content is stored already; the bytes are
    /// hashed again as they are written, so content that changed meanwhile is refused.
    func store(_ source: any DocumentSource, digest: [UInt8]) throws {
        let count = (source.size + Self.chunkSize - 1) / Self.chunkSize
        let added = try connection.execute(
            """
            INSERT INTO document_content (sha256, size, chunks) VALUES (\(digest), \(source.size), \(count))
            ON CONFLICT (sha256) DO NOTHING
            """)
        guard added == 1 else { return }
        var hasher = SHA256()
        for position in 0..<count {
            let start = position * Self.chunkSize
            let chunk = try source.bytes(start..<min(source.size, start + Self.chunkSize))
            hasher.update(data: chunk)
            try connection.execute(
                """
                INSERT INTO document_chunk (sha256, position, data)
                VALUES (\(digest), \(position), decode(\(Self.hex(chunk)), 'hex'))
                """)
        }
        guard Array(hasher.finalize()) == digest else {
            throw StoreError.invalid("The content changed while it was stored; store it again.")
        }
    }

    /// Hands each chunk of the content with `digest` to `body`, in order.
    func read(digest: [UInt8], from first: Int = 0, chunks: Int, _ body: ([UInt8]) throws -> Void) throws {
        for position in first..<(first + chunks) {
            guard
                let row = try connection.query(
                    "SELECT data FROM document_chunk WHERE sha256 = \(digest) AND position = \(position)"
                ).first
            else {
                throw StoreError.databaseRefused("a chunk of stored content is missing")
            }
            try body(try row.decode([UInt8].self, at: 0))
        }
    }

    /// The whole content with `digest`, in memory.
    func bytes(digest: [UInt8]) throws -> [UInt8] {
        guard
            let chunks = try connection.query("SELECT chunks FROM document_content WHERE sha256 = \(digest)").first?
                .decode(Int.self, at: 0)
        else { throw StoreError.databaseRefused("stored content is missing") }
        var all: [UInt8] = []
        try read(digest: digest, chunks: chunks) { all += $0 }
        return all
    }

    /// Lower-case hexadecimal, written a byte at a time into one buffer.
    static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var output = [UInt8](repeating: 0, count: bytes.count * 2)
        var index = 0
        for byte in bytes {
            output[index] = digits[Int(byte >> 4)]
            output[index + 1] = digits[Int(byte & 15)]
            index += 2
        }
        return String(decoding: output, as: UTF8.self)
    }
}
