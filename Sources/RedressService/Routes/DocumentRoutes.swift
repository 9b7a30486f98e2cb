import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Postgres
import RedressCore
import RedressStore

extension RedressServer {
    /// A case's documents for staff: the list, and each document's bytes as an attachment with
    /// `X-Content-Type-Options: nosniff`, so a browser saves it and never renders it. The bytes
    /// are sent a stored chunk at a time, each read on its own, so a large document is never
    /// held whole.
    func addDocumentRoutes(to router: Router<RedressRequestContext>) {
        router.get("/v1/cases/{reference}/documents") { request, context in
            let reference = try context.parameters.require("reference")
            _ = try Query(request, allowed: [])
            let documents = try await asStaff(request) { connection, actor in
                try connection.withStoreTransaction {
                    try DocumentStore($0).list(reference: reference, actor: actor, at: Date())
                }
            }
            return try Response.json(documents, encoder: RedressJSON.encoder(pretty: false))
        }

        router.get("/v1/cases/{reference}/documents/{number}") { request, context in
            let reference = try context.parameters.require("reference")
            guard let number = Int(try context.parameters.require("number")), number > 0 else {
                throw ServiceError.malformed("the document number must be a whole number from 1")
            }
            _ = try Query(request, allowed: [])
            let document = try await asStaff(request) { connection, actor in
                try connection.withStoreTransaction {
                    try DocumentStore($0).document(reference: reference, number: number, actor: actor, at: Date())
                }
            }
            var headers = HTTPFields()
            headers[.contentType] = document.contentType
            headers[.contentDisposition] = Self.attachmentDisposition(document.filename ?? "document-\(number)")
            headers[.xContentTypeOptions] = "nosniff"
            headers[.cacheControl] = "no-store"
            let chunks = DocumentStore.chunkCount(of: document)
            let body = ResponseBody(contentLength: document.size) { writer in
                for position in 0..<chunks {
                    let bytes = try await self.asStaff(request) { connection, _ in
                        try DocumentStore(connection).readChunk(document, position: position)
                    }
                    try await writer.write(ByteBuffer(bytes: bytes))
                }
                try await writer.finish(nil)
            }
            return Response(status: .ok, headers: headers, body: body)
        }
    }

    /// `attachment; filename="…"; filename*=UTF-8''…`: an ASCII stand-in and the name itself.
    static func attachmentDisposition(_ name: String) -> String {
        let ascii = String(
            name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" }
        )
        let encoded = name.utf8.map { byte -> String in
            let c = Character(Unicode.Scalar(byte))
            return byte < 0x80 && (c.isLetter || c.isNumber || "-._~".contains(c))
                ? String(c) : String(format: "%%%02X", byte)
        }.joined()
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
