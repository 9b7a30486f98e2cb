public import Foundation

/// Bytes to store as a document, read a chunk at a time.
public protocol DocumentSource {
    /// Its size in bytes.
    var size: Int { get }
    /// The bytes of `range`, which lies within `0..<size`.
    func bytes(_ range: Range<Int>) throws -> [UInt8]
}

/// Bytes already in memory (an attachment of a received message).
public struct BytesSource: DocumentSource {
    public let content: [UInt8]

    public init(_ content: [UInt8]) {
        self.content = content
    }

    public var size: Int { content.count }

    public func bytes(_ range: Range<Int>) throws -> [UInt8] {
        Array(content[range])
    }
}

/// A file, read a chunk at a time so a large one never has to fit in memory.
public final class FileSource: DocumentSource {
    public let url: URL
    public let size: Int
    let handle: FileHandle

    /// Opens `url`, refusing what is not a readable regular file.
    public init(_ url: URL) throws {
        self.url = url
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            throw StoreError.invalid("\(url.path) is not a file; give the path of the file to attach.")
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw StoreError.invalid("\(url.path) cannot be read; check its permissions.")
        }
        self.handle = handle
        let end = try handle.seekToEnd()
        size = Int(end)
    }

    deinit {
        try? handle.close()
    }

    public func bytes(_ range: Range<Int>) throws -> [UInt8] {
        try handle.seek(toOffset: UInt64(range.lowerBound))
        let data = try handle.read(upToCount: range.count) ?? Data()
        guard data.count == range.count else {
            throw StoreError.invalid("\(url.path) changed while it was read; attach it again.")
        }
        return [UInt8](data)
    }
}
