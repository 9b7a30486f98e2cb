import Foundation

/// Runs check_mime.py (Python's strict email parser) over messages written to a temporary folder.
struct MIMEChecker {
    /// One message and what the checker must find in it (see check_mime.py for the keys).
    struct Case {
        var message: String
        var expectations: [String: Any]
    }

    struct Result {
        var status: Int32
        var output: String
    }

    static func run(_ cases: [Case]) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "redress-notices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var manifest: [[String: Any]] = []
        for (index, item) in cases.enumerated() {
            let file = folder.appendingPathComponent("message-\(index).eml")
            try Data(item.message.utf8).write(to: file)
            var entry = item.expectations
            entry["file"] = file.path
            manifest.append(entry)
        }
        let manifestFile = folder.appendingPathComponent("manifest.json")
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestFile)

        let script = Fixtures.packageRoot.appendingPathComponent("Tests/RedressNoticesTests/check_mime.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, manifestFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: output, as: UTF8.self))
    }
}

/// Small decoders, independent of the code under test, for round-trip checks.
enum Decode {
    /// The text of quoted-printable lines (CRLF), soft breaks joined, line breaks as LF.
    static func quotedPrintable(_ encoded: String) -> String {
        var bytes: [UInt8] = []
        let lines = encoded.components(separatedBy: "\r\n")
        for (index, line) in lines.enumerated() {
            var scalars = Array(line.utf8)
            var soft = false
            if scalars.last == UInt8(ascii: "=") {
                soft = true
                scalars.removeLast()
            }
            var position = 0
            while position < scalars.count {
                if scalars[position] == UInt8(ascii: "="), position + 2 < scalars.count {
                    let hex = String(decoding: scalars[(position + 1)...(position + 2)], as: UTF8.self)
                    bytes.append(UInt8(hex, radix: 16)!)
                    position += 3
                } else {
                    bytes.append(scalars[position])
                    position += 1
                }
            }
            if !soft, index < lines.count - 1 { bytes.append(10) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// An unstructured header value with RFC 2047 "B" encoded-words decoded: white space between
    /// two encoded-words is dropped, other white space kept.
    static func encodedWords(_ value: String) -> String {
        let unfolded = value.replacingOccurrences(of: "\r\n", with: "")
        var output = ""
        var previousWasEncoded = false
        var pendingSpace = ""
        for word in unfolded.split(separator: " ", omittingEmptySubsequences: false) {
            if word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") {
                let payload = word.dropFirst(10).dropLast(2)
                let decoded = String(decoding: Data(base64Encoded: String(payload))!, as: UTF8.self)
                if !previousWasEncoded { output += pendingSpace }
                output += decoded
                previousWasEncoded = true
            } else {
                output += pendingSpace + word
                previousWasEncoded = false
            }
            pendingSpace = " "
        }
        return output
    }
}
