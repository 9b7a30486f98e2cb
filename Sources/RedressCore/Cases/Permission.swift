/// What a staff member may do, by role (SPEC §3.2). Commands and service routes check one of
/// these before they touch a case.
public enum Permission: Sendable, Hashable, CaseIterable {
    /// Office settings, staff, holiday calendars and policy: admins.
    case manageOffice
    /// Reading cases, calendars, policy and staff: every role.
    case read
    /// Registering complaints: intake and the case-handling roles.
    case openCase
    /// Acknowledging a complaint and adding notes: intake and the case-handling roles.
    case acknowledge
    /// Moving, pausing, resuming, requesting information, closing: caseworkers and above.
    case workCase
    /// Assigning cases: supervisors and the ombudsperson.
    case assignCase
    /// Reopening a closed case: supervisors and the ombudsperson.
    case reopenCase
    /// Moving a running clock to another policy version: supervisors and the ombudsperson.
    case rebaseClock
    /// Verifying the audit chain: auditors, admins, supervisors and the ombudsperson.
    case verifyAudit
    /// Legal holds, retention and erasure of personal data: supervisors and the ombudsperson,
    /// who may see every identity.
    case protectData

    /// The roles that hold the permission.
    public var roles: [Role] {
        switch self {
        case .manageOffice: return [.admin]
        case .read: return Role.allCases
        case .openCase, .acknowledge: return [.intake, .caseworker, .supervisor, .ombudsperson]
        case .workCase: return [.caseworker, .supervisor, .ombudsperson]
        case .assignCase, .reopenCase, .rebaseClock, .protectData: return [.supervisor, .ombudsperson]
        case .verifyAudit: return [.auditor, .admin, .supervisor, .ombudsperson]
        }
    }

    /// The action in words, for refusals: "may not …".
    public var phrase: String {
        switch self {
        case .manageOffice: return "change office settings, staff, holiday calendars or policy"
        case .read: return "read cases"
        case .openCase: return "register complaints"
        case .acknowledge: return "acknowledge complaints or add notes"
        case .workCase: return "change cases"
        case .assignCase: return "assign cases"
        case .reopenCase: return "reopen closed cases"
        case .rebaseClock: return "move running clocks to another policy version"
        case .verifyAudit: return "verify the audit log"
        case .protectData: return "place legal holds, anonymise cases or erase personal data"
        }
    }
}
