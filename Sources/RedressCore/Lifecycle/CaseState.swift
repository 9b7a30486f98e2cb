/// The state a case is in (SPEC §2.1); a case is in exactly one.
public enum CaseState: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// Registered; the acknowledgement clock is running.
    case received
    /// Acknowledged; admissibility and route being decided.
    case triage
    /// Waiting on the complainant; stage clocks paused.
    case awaitingInfo = "awaiting_info"
    /// A quick fix being sought with the respondent.
    case earlyResolution = "early_resolution"
    /// Mediation offered or under way.
    case mediation
    /// Formal investigation.
    case investigation
    /// Parallel court or statutory proceedings; clocks paused, reviewed periodically.
    case onHold = "on_hold"
    /// Binding or advisory arbitration with the parties' consent.
    case arbitration
    /// Decision, settlement or award issued; the respondent's reply awaited.
    case decided
    /// Remedies being implemented and verified.
    case remedy
    /// Finished, with an outcome code.
    case closed

    /// Whether the case is still open (every state but `closed`).
    public var isOpen: Bool { self != .closed }
}

extension CaseState: CustomStringConvertible {
    public var description: String { rawValue }
}
