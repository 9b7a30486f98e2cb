import Testing

@testable import RedressCore

@Suite("Case lifecycle")
struct LifecycleTests {
    /// SPEC §2.1's table, written out by hand in lifecycle order.
    static let expectedMoves: [CaseState: [CaseState]] = [
        .received: [.triage, .closed],
        .triage: [.awaitingInfo, .earlyResolution, .mediation, .investigation, .closed],
        .awaitingInfo: [.triage, .investigation, .closed],
        .earlyResolution: [.investigation, .decided, .closed],
        .mediation: [.investigation, .arbitration, .decided, .closed],
        .investigation: [.awaitingInfo, .mediation, .onHold, .decided, .closed],
        .onHold: [.investigation, .closed],
        .arbitration: [.decided, .closed],
        .decided: [.investigation, .remedy, .closed],
        .remedy: [.investigation, .closed],
        .closed: [.triage, .investigation],
    ]

    /// Data that satisfies each allowed move, and the fields it reports missing without data.
    static func requirement(_ from: CaseState, _ to: CaseState) -> (data: MoveData, missingWithout: [MoveField]) {
        switch (from, to) {
        case (.earlyResolution, .decided):
            return (MoveData(outcome: .earlyResolution), [.outcome])
        case (.mediation, .decided):
            return (
                MoveData(outcome: .settled, terms: "apology and a review of the tenancy decision"), [.outcome, .terms]
            )
        case (.investigation, .decided):
            return (MoveData(outcome: .partlyUpheld), [.outcome])
        case (.arbitration, .decided):
            return (
                MoveData(outcome: .award, awardText: "the respondent restores the water supply", binding: true),
                [.outcome, .awardText, .binding]
            )
        case (.triage, .closed):
            return (MoveData(outcome: .outOfJurisdiction), [.outcome])
        case (.earlyResolution, .closed):
            return (MoveData(outcome: .earlyResolution), [.outcome])
        case (.mediation, .closed):
            return (MoveData(outcome: .discretionary), [.outcome])
        case (.decided, .closed):
            return (MoveData(outcome: .upheld), [.outcome])
        case (.remedy, .closed):
            return (MoveData(outcome: .partlyUpheld), [.outcome])
        case (_, .closed):
            return (MoveData(outcome: .withdrawn, reason: "the complainant withdrew in writing"), [.outcome])
        case (.closed, _):
            return (MoveData(reason: "review request upheld"), [.reason])
        default:
            return (MoveData(), [])
        }
    }

    @Test(arguments: CaseState.allCases)
    func allowedMovesMatchTheTable(_ from: CaseState) {
        #expect(Lifecycle.allowedMoves(from: from) == Self.expectedMoves[from])
    }

    @Test(arguments: CaseState.allCases, CaseState.allCases)
    func everyPair(_ from: CaseState, _ to: CaseState) {
        let allowed = Self.expectedMoves[from]!
        guard allowed.contains(to) else {
            #expect(throws: CaseError.transitionNotAllowed(from: from, to: to, allowed: allowed)) {
                try Lifecycle.validate(from: from, to: to, data: Self.requirement(from, to).data)
            }
            #expect(!Lifecycle.isAllowed(from: from, to: to))
            return
        }
        let (data, missing) = Self.requirement(from, to)
        #expect(throws: Never.self) { try Lifecycle.validate(Move(from: from, to: to, data: data)) }
        if missing.isEmpty {
            #expect(throws: Never.self) { try Lifecycle.validate(from: from, to: to) }
        } else {
            #expect(throws: CaseError.missingData(from: from, to: to, missing: missing)) {
                try Lifecycle.validate(from: from, to: to, data: MoveData())
            }
        }
        // Taking away any one required field fails and names that field.
        for field in Lifecycle.requiredFields(from: from, to: to, outcome: data.outcome) {
            var partial = data
            switch field {
            case .outcome: partial.outcome = nil
            case .terms: partial.terms = "   "
            case .awardText: partial.awardText = nil
            case .binding: partial.binding = nil
            case .reason: partial.reason = ""
            }
            do {
                try Lifecycle.validate(from: from, to: to, data: partial)
                Issue.record("\(from) → \(to) without \(field) was accepted")
            } catch let CaseError.missingData(errorFrom, errorTo, fields) {
                #expect(errorFrom == from && errorTo == to && fields.contains(field))
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test(arguments: CaseState.allCases.filter(\.isOpen), [Outcome.withdrawn, .transferred])
    func anyOpenStateClosesWithdrawnOrTransferredWithAReason(_ from: CaseState, _ outcome: Outcome) {
        #expect(throws: Never.self) {
            try Lifecycle.validate(
                from: from, to: .closed, data: MoveData(outcome: outcome, reason: "referred to the national commission")
            )
        }
        #expect(throws: CaseError.missingData(from: from, to: .closed, missing: [.reason])) {
            try Lifecycle.validate(from: from, to: .closed, data: MoveData(outcome: outcome))
        }
    }

    @Test(arguments: [
        (CaseState.received, CaseState.closed, Outcome.upheld, [Outcome.withdrawn, .transferred]),
        (.investigation, .decided, .settled, [.upheld, .partlyUpheld, .notUpheld]),
        (.mediation, .decided, .upheld, [.settled]),
        (.arbitration, .decided, .upheld, [.award]),
        (.earlyResolution, .decided, .award, [.earlyResolution]),
        (.onHold, .closed, .parallelProceedings, [.withdrawn, .transferred]),
        (.triage, .closed, .upheld, Outcome.beforeInvestigation),
    ])
    func outcomesOutsideTheMoveAreRefused(from: CaseState, to: CaseState, outcome: Outcome, allowed: [Outcome]) {
        #expect(throws: CaseError.outcomeNotAllowed(outcome, from: from, to: to, allowed: allowed)) {
            try Lifecycle.validate(
                from: from, to: to,
                data: MoveData(outcome: outcome, terms: "t", awardText: "a", binding: false, reason: "r"))
        }
    }

    @Test func refusalNamesTheStatesAndTheAllowedMoves() {
        let error = CaseError.transitionNotAllowed(
            from: .received, to: .decided, allowed: Lifecycle.allowedMoves(from: .received))
        #expect(
            error.description
                == "A case in received cannot move to decided; from received it can move to triage or closed (withdrawn or transferred)."
        )
        let fromTriage = CaseError.transitionNotAllowed(
            from: .triage, to: .remedy, allowed: Lifecycle.allowedMoves(from: .triage))
        #expect(
            fromTriage.description
                == "A case in triage cannot move to remedy; from triage it can move to awaiting_info, early_resolution, mediation, investigation or closed."
        )
        let missing = CaseError.missingData(from: .arbitration, to: .decided, missing: [.awardText, .binding])
        #expect(
            missing.description
                == "Moving a case from arbitration to decided needs the award text and whether the award is binding; give them and try again."
        )
    }

    @Test func stateAndOutcomeCodesAreTheSpecsSnakeCase() {
        #expect(
            CaseState.allCases.map(\.rawValue) == [
                "received", "triage", "awaiting_info", "early_resolution", "mediation", "investigation",
                "on_hold", "arbitration", "decided", "remedy", "closed",
            ])
        #expect(
            Outcome.allCases.map(\.rawValue) == [
                "out_of_jurisdiction", "out_of_time", "premature", "insufficient_information", "withdrawn",
                "transferred", "discretionary", "parallel_proceedings", "duplicate", "early_resolution",
                "settled", "award", "upheld", "partly_upheld", "not_upheld",
            ])
        #expect(
            Role.allCases.map(\.rawValue) == ["intake", "caseworker", "supervisor", "ombudsperson", "auditor", "admin"])
    }
}
