/// How a standby's replay lag is written in reports.
public enum ReplayLag {
    /// Seconds with one decimal ("0.0", "12.4").
    public static func seconds(_ value: Double) -> String {
        let tenths = Int((max(value, 0) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
