extension Array where Element == String {
    /// The items as an English list: "a", "a or b", "a, b or c".
    public func joinedAsList(conjunction: String = "or") -> String {
        switch count {
        case 0: return "nothing"
        case 1: return self[0]
        default: return dropLast().joined(separator: ", ") + " \(conjunction) " + self[count - 1]
        }
    }
}
