public import Foundation
import Postgres
import RedressCore

extension CaseStore {
    /// Records (or, with `disclose` false, withdraws) the complainant's consent to their
    /// identity going to the respondent (SPEC §3.2): until then respondent and head-of-body
    /// notices refuse to carry it. A change of the case, versioned and audited like any other;
    /// asking for what is already recorded changes nothing.
    public func setIdentityDisclosure(
        reference: String, disclose: Bool, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        try actor.require(.workCase)
        let current = try require(reference: reference)
        if try disclosesIdentity(caseID: current.id) == disclose {
            // Already so: nothing to record.
            if let expected = expectVersion, expected != current.version {
                throw StoreError.staleVersion(reference: reference, expected: expected, actual: current.version)
            }
            return CaseChange(record: current, effects: ClockEffects(), notices: [])
        }
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .workCase, at: instant,
            { _, _, _ in
                (
                    disclose ? "identity_disclosure_consented" : "identity_disclosure_withdrawn",
                    ["disclose_identity": .bool(disclose)], ClockEffects(), []
                )
            },
            afterClaim: { record in
                try connection.execute(
                    "UPDATE complaint_case SET disclose_identity = \(disclose) WHERE id = \(record.id)")
                return [:]
            })
    }

    /// Whether the complainant of the case with `id` has consented to disclosure.
    public func disclosesIdentity(caseID: Int) throws -> Bool {
        try connection.query("SELECT disclose_identity FROM complaint_case WHERE id = \(caseID)").first?.decode(
            Bool.self, at: 0) ?? false
    }
}
