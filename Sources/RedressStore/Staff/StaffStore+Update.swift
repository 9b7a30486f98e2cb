public import Foundation
import Postgres
public import RedressCore

extension StaffStore {
    /// Corrects the name or email of the active member `login` through the audited database
    /// function `staff_update` (staff logins cannot write the staff table); nil leaves a value as
    /// it is, "" clears it. Returns the member as changed. Call inside a transaction.
    public func update(login: String, displayName: String?, email: String?, actor: Actor, at instant: Date) throws
        -> StaffMember
    {
        try actor.require(.manageOffice)
        guard displayName != nil || email != nil else { throw RegisterError.nothingToChange("staff member \(login)") }
        guard let member = try member(login) else { throw StoreError.staffNotFound(login) }
        guard member.active else { throw StoreError.inactiveStaff(login: login) }
        if let displayName {
            try TextField.checkLine("name", displayName, limit: IntakeValidator.maximumFieldLength)
        }
        if let email, !email.isEmpty {
            try IntakeValidator.checkEmailAddress(email)
        }
        let changed = try connection.query(
            "SELECT staff_update(\(login), \(displayName), \(email), \(instant))"
        ).first!.decode(Bool.self, at: 0)
        guard changed else { throw RegisterError.nothingToChange("staff member \(login)") }
        return try self.member(login)!
    }
}
