import Foundation
import Postgres
import RedressCore
import RedressTesting
import Testing

@testable import RedressStore

/// The sweep addresses its notices in set-based SQL; this holds that SQL to RedressCore's
/// `NoticeRouting`, the rule every other notice follows, for every combination of address,
/// preference, language and representative a case can have.
@Suite("Sweep routing")
struct SweepRoutingTests {
    /// On breach, a notice to every party audience the routing rule covers.
    static let plan: SweepNoticePlan = { step in
        step == .breach
            ? [
                ("progress_update", .complainant), ("respondent_reminder", .respondent),
                ("letter_to_head_of_body", .headOfBody),
            ] : []
    }

    struct Combination: CustomStringConvertible {
        var complainant: Party
        var representative: Party?
        var respondent: RespondentBody
        var caseLanguage: String?
        var description: String { "\(complainant) / \(String(describing: representative)) / \(respondent)" }
    }

    /// Complainant address × preference × language, representative (none, or with or without
    /// an address, each preference), respondent and head of body with or without addresses.
    static var combinations: [Combination] {
        let emails: [String?] = [nil, "c@example.org"]
        let preferences: [ContactPreference?] = [nil] + ContactPreference.allCases
        let representatives: [Party?] =
            [nil, Party(name: "Rep", language: "es")]
            + preferences.map { Party(name: "Rep", email: "r@example.org", contactPreference: $0) }
        var result: [Combination] = []
        for email in emails {
            for preference in preferences {
                for (index, representative) in representatives.enumerated() {
                    let n = result.count
                    let respondent = RespondentBody(
                        name: "Body \(n % 4)", email: n % 2 == 0 ? nil : "body@example.org",
                        headOfBodyEmail: n % 4 < 2 ? nil : "head@example.org")
                    result.append(
                        Combination(
                            complainant: Party(
                                name: "Complainant \(n)", email: email, language: index % 2 == 0 ? nil : "ko",
                                contactPreference: preference),
                            representative: representative, respondent: respondent,
                            caseLanguage: index % 3 == 0 ? "en" : nil))
                }
            }
        }
        return result
    }

    struct Queued: Hashable, CustomStringConvertible {
        var audience: NoticeAudience
        var recipient: String?
        var channel: NoticeChannel
        /// Only the complainant's and representative's language: bodies get the office's.
        var language: String?
        var description: String { "\(audience) \(recipient ?? "-") \(channel) \(language ?? "-")" }
    }

    @Test("the sweep's SQL routes every combination as NoticeRouting does")
    func sqlAgreesWithTheRule() throws {
        try withTestDatabase { db in
            let combinations = Self.combinations
            var references: [String] = []
            try db.withConnection { (connection: PostgresConnection) throws in
                let actor = try StaffStore(connection).currentActor()
                for combination in combinations {
                    let new = NewCase(
                        receivedAt: try EventTime.instant(parsing: "2026-01-05T10:00:00Z", timeZone: .gmt),
                        channel: .email,
                        complainants: [combination.complainant], representative: combination.representative,
                        respondent: combination.respondent, summary: "No ramp at the library",
                        language: combination.caseLanguage)
                    references.append(
                        try connection.withStoreTransaction { _ in try CaseStore(connection).open(new, actor: actor) }
                            .reference)
                }
            }
            let reader = try db.connect()
            let writer = try db.connect()
            defer {
                reader.close()
                writer.close()
            }
            // 9 January: every case's acknowledge clock is breached.
            let sweep = Sweep(
                reader: reader, writer: writer, context: try OfficeContext.load(reader), noticePlan: Self.plan)
            let summary = try sweep.run(SweepOptions(asOf: LocalDate(iso: "2026-01-14")!))
            #expect(summary.steps[.breach] == combinations.count)

            let store = CaseStore(reader)
            for reference in references {
                let record = try store.require(reference: reference)
                var expected = NoticeRouting.complainantAddresses(
                    complainant: record.primaryComplainant?.noticeContact,
                    representative: record.representative?.noticeContact,
                    caseLanguage: record.language
                ).map {
                    Queued(audience: $0.audience, recipient: $0.recipient, channel: $0.channel, language: $0.language)
                }
                for (audience, email) in [
                    (NoticeAudience.respondent, record.respondent.email),
                    (.headOfBody, record.respondent.headOfBodyEmail),
                ] {
                    let address = NoticeRouting.address(audience, NoticeContact(email: email), fallbackLanguage: "")
                    expected.append(
                        Queued(
                            audience: audience, recipient: address.recipient, channel: address.channel, language: nil))
                }
                let queued = try reader.query(
                    """
                    SELECT n.audience, n.recipient, n.channel, n.language FROM notice n JOIN complaint_case c ON c.id = n.case_id
                    WHERE c.reference = \(reference)
                    """
                ).map { row in
                    let audience = NoticeAudience(rawValue: try row.decode(String.self, at: 0))!
                    return Queued(
                        audience: audience, recipient: try row.decode(String?.self, at: 1),
                        channel: NoticeChannel(rawValue: try row.decode(String.self, at: 2))!,
                        language: audience == .complainant || audience == .representative
                            ? try row.decode(String.self, at: 3) : nil)
                }
                #expect(
                    Set(queued) == Set(expected), "\(reference): \(record.primaryComplainant.map { "\($0)" } ?? "")")
                #expect(queued.count == expected.count, "\(reference)")
            }
        }
    }
}
