import Foundation

/// Writes a line for people on stderr (progress, what was done).
func printErr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
