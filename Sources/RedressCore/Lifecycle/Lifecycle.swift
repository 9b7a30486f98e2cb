/// The case lifecycle of SPEC §2.1: which moves are allowed and what data each one needs.
public enum Lifecycle {
    /// The moves of the table, apart from the closing with `withdrawn` or `transferred` that
    /// every open state allows.
    private static let table: [CaseState: Set<CaseState>] = [
        .received: [.triage],
        .triage: [.earlyResolution, .mediation, .investigation, .closed, .awaitingInfo],
        .awaitingInfo: [.triage, .investigation],
        .earlyResolution: [.decided, .investigation, .closed],
        .mediation: [.decided, .investigation, .arbitration, .closed],
        .investigation: [.onHold, .awaitingInfo, .decided, .mediation],
        .onHold: [.investigation],
        .arbitration: [.decided],
        .decided: [.remedy, .closed, .investigation],
        .remedy: [.closed, .investigation],
        .closed: [.triage, .investigation],
    ]

    /// The states a case in `state` may move to, in lifecycle order.
    ///
    /// Every open state lists `closed`: at worst it may close as withdrawn or transferred.
    public static func allowedMoves(from state: CaseState) -> [CaseState] {
        let targets = (table[state] ?? []).union(state.isOpen ? [.closed] : [])
        return CaseState.allCases.filter { targets.contains($0) }
    }

    /// Whether the table allows moving from `from` to `to` at all (data aside).
    public static func isAllowed(from: CaseState, to: CaseState) -> Bool {
        allowedMoves(from: from).contains(to)
    }

    /// The outcomes a move may record; empty for moves that take no outcome.
    ///
    /// A decision records how it was reached (a settlement out of mediation, an award out of
    /// arbitration); closing records why, and from states where the table has no closing move
    /// only `withdrawn` or `transferred` will do.
    public static func allowedOutcomes(from: CaseState, to: CaseState) -> [Outcome] {
        guard isAllowed(from: from, to: to) else { return [] }
        switch (from, to) {
        case (.earlyResolution, .decided): return [.earlyResolution]
        case (.mediation, .decided): return [.settled]
        case (.investigation, .decided): return [.upheld, .partlyUpheld, .notUpheld]
        case (.arbitration, .decided): return [.award]
        case (.triage, .closed), (.mediation, .closed): return Outcome.beforeInvestigation
        case (.earlyResolution, .closed): return Outcome.beforeInvestigation + [.earlyResolution]
        case (.decided, .closed), (.remedy, .closed): return Outcome.decisions + [.withdrawn, .transferred]
        case (_, .closed): return [.withdrawn, .transferred]
        default: return []
        }
    }

    /// The data a move needs, given the outcome it would record (if any).
    ///
    /// A decision or closing needs an outcome; a settlement its terms; an award its text and
    /// whether it binds; a reopening, withdrawal or transfer a reason.
    public static func requiredFields(from: CaseState, to: CaseState, outcome: Outcome? = nil) -> [MoveField] {
        guard isAllowed(from: from, to: to) else { return [] }
        var fields: [MoveField] = []
        if to == .decided || to == .closed { fields.append(.outcome) }
        if from == .mediation, to == .decided { fields.append(.terms) }
        if from == .arbitration, to == .decided { fields.append(contentsOf: [.awardText, .binding]) }
        if from == .closed { fields.append(.reason) }
        if to == .closed, outcome?.needsReason == true { fields.append(.reason) }
        return fields
    }

    /// Checks a move against the table and its data; throws a `CaseError` saying what is wrong.
    public static func validate(_ move: Move) throws {
        try validate(from: move.from, to: move.to, data: move.data)
    }

    /// Checks the move from `from` to `to` with `data`; throws a `CaseError` saying what is wrong.
    public static func validate(from: CaseState, to: CaseState, data: MoveData = MoveData()) throws {
        guard isAllowed(from: from, to: to) else {
            throw CaseError.transitionNotAllowed(from: from, to: to, allowed: allowedMoves(from: from))
        }
        let allowedOutcomes = allowedOutcomes(from: from, to: to)
        if let outcome = data.outcome, !allowedOutcomes.isEmpty, !allowedOutcomes.contains(outcome) {
            throw CaseError.outcomeNotAllowed(outcome, from: from, to: to, allowed: allowedOutcomes)
        }
        let missing = requiredFields(from: from, to: to, outcome: data.outcome).filter { !data.has($0) }
        if !missing.isEmpty {
            throw CaseError.missingData(from: from, to: to, missing: missing)
        }
    }
}
