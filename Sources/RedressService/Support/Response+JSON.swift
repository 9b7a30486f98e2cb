public import Foundation
import HTTPTypes
public import Hummingbird

extension Response {
    /// A JSON answer from a value, written as the CLI's `--format json` writes it.
    public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok, encoder: JSONEncoder = .service)
        throws -> Response
    {
        json(data: try encoder.encode(value), status: status)
    }

    /// A JSON answer from bytes that already are JSON.
    public static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A plain-text answer (Prometheus metrics).
    public static func text(_ text: String, contentType: String = "text/plain; charset=utf-8") -> Response {
        Response(status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
