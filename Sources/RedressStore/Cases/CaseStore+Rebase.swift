public import Foundation
public import RedressCore

extension CaseStore {
    /// Moves the running clock of `kind` (the latest) to policy `version`, by default the one
    /// in force on the day of `instant`, and recomputes its due date, with its `clock_rebased`
    /// audit row in the same transaction (SPEC §2.3).
    public func rebase(
        reference: String, kind: ClockKind, version: Int?, reason: String, actor: Actor, at instant: Date,
        expectVersion: Int? = nil
    ) throws -> CaseChange {
        guard !reason.isBlankText else {
            throw StoreError.invalid("A re-base needs a reason for the audit log.", hint: .give(["reason"]))
        }
        try TextField.checkLong("reason", reason)
        return try change(
            reference: reference, expectVersion: expectVersion, actor: actor, permission: .rebaseClock, at: instant
        ) { record, context, date in
            let ofKind = record.clocks.indices.filter { record.clocks[$0].clock.kind == kind }
            guard let latest = ofKind.last else {
                throw StoreError.clockNotFound(reference: record.reference, kind: kind)
            }
            let index = ofKind.last { record.clocks[$0].isLive } ?? latest
            let before = record.clocks[index].clock
            let target = try context.policies.rebaseTarget(version: version, on: date)
            let current = try context.policies.requirePolicy(version: before.policyVersion)
            let after = try before.rebased(onto: target, from: current)
            record.clocks[index].clock = after
            record.clocks[index].isDirty = true
            var effects = ClockEffects()
            effects.rebased = [kind]
            func allowance(_ clock: Clock) -> JSONValue {
                ["amount": .int(clock.allowance.amount), "unit": .string(clock.allowance.unit.rawValue)]
            }
            return (
                "clock_rebased",
                [
                    "clock": .string(kind.rawValue), "clock_id": .int(record.clocks[index].id),
                    "subject": .int(record.clocks[index].subject), "from_version": .int(current.version),
                    "to_version": .int(target.version), "reason": .string(reason),
                    "previous_allowance": allowance(before), "allowance": allowance(after),
                    "previous_due_date": .text(before.dueDate(on: context.calendar)?.iso),
                    "due_date": .text(after.dueDate(on: context.calendar)?.iso),
                ], effects, []
            )
        }
    }
}
