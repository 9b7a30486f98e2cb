/// One schema change, as the files `sql/migrations/NNNN_name.up.sql` and
/// `.down.sql` hold it.
public struct Migration: Sendable, Hashable {
    public var version: Int
    public var name: String
    public var up: String
    public var down: String

    public init(version: Int, name: String, up: String, down: String) {
        self.version = version
        self.name = name
        self.up = up
        self.down = down
    }

    /// `0001_office`, as the file is named.
    public var fileStem: String {
        let digits = String(version)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "_" + name
    }
}
