import Foundation
import Postgres
import RedressCore
import RedressNotices
import RedressStore
import RedressTesting
import Testing

/// The outbox as the store delivers it: claiming under concurrency, retries with back-off,
/// and the variables each queued kind is rendered with.
@Suite struct NoticeStoreTests {
    static let seoul = TimeZone(identifier: "Asia/Seoul")!

    static func instant(_ text: String) throws -> Date {
        try EventTime.instant(parsing: text, timeZone: seoul)
    }

    /// A case received on Wed 4 March 2026, acknowledged, sent for investigation, its
    /// investigation extended and then closed, in an office on Seoul time: the notices of every
    /// kind the case store queues.
    static func walkedCase(_ connection: PostgresConnection, actor: Actor, language: String = "en") throws -> CaseRecord
    {
        try connection.withStoreTransaction { _ in
            _ = try OfficeStore(connection).update(
                OfficeChanges(timeZone: "Asia/Seoul", mailDomain: "hr.gwangju.example"), actor: actor, at: Date())
        }
        let store = CaseStore(connection)
        let new = NewCase(
            receivedAt: try instant("2026-03-04T10:00"), channel: .web,
            complainants: [
                Party(name: "Kim Min-ji", email: "minji@mail.example", phone: "010-5555-0142", language: language)
            ],
            respondent: RespondentBody(name: "Gwangju City Housing Corporation", email: "complaints@housing.example"),
            summary: "Eviction notice served without the statutory period")
        let record = try connection.withStoreTransaction { _ in try store.open(new, actor: actor) }
        let reference = record.reference
        func step(_ body: () throws -> CaseChange) throws {
            _ = try connection.withStoreTransaction { _ in try body() }
        }
        try step { try store.acknowledge(reference: reference, actor: actor, at: try instant("2026-03-05")) }
        try step {
            try store.requestInformation(
                reference: reference, requested: "The eviction notice\n- Your tenancy agreement", actor: actor,
                at: try instant("2026-03-06"))
        }
        try step { try store.informationReceived(reference: reference, actor: actor, at: try instant("2026-03-09")) }
        try step {
            try store.move(
                reference: reference, MoveRequest(to: .investigation), actor: actor, at: try instant("2026-03-10"))
        }
        try step {
            try store.extend(
                reference: reference, kind: .investigation, amount: 10, reason: "Expert report outstanding",
                consent: false, actor: actor, at: try instant("2026-03-20"))
        }
        try step {
            try store.close(
                reference: reference, outcome: .withdrawn, reason: "Withdrawn by the complainant", actor: actor,
                at: try instant("2026-04-20"))
        }
        return try #require(try store.find(reference: reference))
    }

    static func notices(_ connection: PostgresConnection, actor: Actor) throws -> [NoticeRecord] {
        try NoticeStore(connection).list(NoticeFilter(), actor: actor, at: Date())
    }

    @Test func eachQueuedKindGetsTheVariablesItsTemplatesNeed() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                _ = try Self.walkedCase(connection, actor: actor)
                let notices = try Self.notices(connection, actor: actor)
                #expect(
                    notices.map(\.kind) == [
                        "acknowledgement", "information_request", "route_decision", "extension_letter", "closure",
                    ])
                let composer = try NoticeComposer(connection)
                var inputs: [String: NoticeInput] = [:]
                for notice in notices { inputs[notice.kind] = try composer.input(for: notice) }

                let date = { (iso: String) in NoticeValue.date(LocalDate(iso: iso)!) }
                let acknowledgement = try #require(inputs["acknowledgement"])
                #expect(acknowledgement.variables["received_date"] == date("2026-03-04"))
                #expect(acknowledgement.variables["triage_due_date"] == date("2026-03-18"))
                #expect(acknowledgement.variables["respondent_name"] == .text("Gwangju City Housing Corporation"))
                // Unassigned: the office handles it, not the login that registered it.
                #expect(acknowledgement.variables["caseworker_name"] == .text("Human Rights Office"))
                #expect(acknowledgement.variables["complainant_name"] == nil, "only what the template uses")
                #expect(
                    Set(acknowledgement.variables.keys) == [
                        "received_date", "triage_due_date", "respondent_name", "caseworker_name",
                    ])
                #expect(acknowledgement.recipient == NoticeRecipient(name: "Kim Min-ji", email: "minji@mail.example"))
                #expect(acknowledgement.reference.formatted == "HRC-2026-000001")
                #expect(acknowledgement.withheldIdentity == ["Kim Min-ji", "minji@mail.example", "010-5555-0142"])

                let request = try #require(inputs["information_request"])
                #expect(
                    request.variables["information_needed"] == .list(["The eviction notice", "Your tenancy agreement"]))
                // Paused stage clocks: 10 WD from Fri 03-06 → 03-20.
                #expect(request.variables["response_due_date"] == date("2026-03-20"))

                let route = try #require(inputs["route_decision"])
                #expect(route.variables["route"] == .state(.investigation))
                #expect(route.variables["route_reasons"] == .text(""))
                // 60 WD from Tue 03-10 → 06-02.
                #expect(route.variables["next_due_date"] == date("2026-06-02"))

                let extended = try #require(inputs["extension_letter"])
                #expect(extended.variables["clock"] == .clock(.investigation))
                #expect(extended.variables["previous_due_date"] == date("2026-06-02"))
                #expect(extended.variables["new_due_date"] == date("2026-06-16"))
                #expect(extended.variables["extension_reason"] == .text("Expert report outstanding"))
                #expect(extended.variables["approved_by"] == .text(actor.login))

                let closure = try #require(inputs["closure"])
                #expect(closure.variables["outcome"] == .outcome(.withdrawn))
                #expect(closure.variables["closure_reasons"] == .text("Withdrawn by the complainant"))

                for notice in notices {
                    let rendered = try composer.render(notice)
                    #expect(rendered.messageID == "<notice-\(notice.id).HRC-2026-000001@hr.gwangju.example>")
                    #expect(rendered.text.contains("\r\nTo: \"Kim Min-ji\" <minji@mail.example>\r\n"))
                }
            }
        }
    }

    @Test func theRespondentsSideNeverGetsTheComplainantsIdentityWithoutConsent() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let record = try Self.walkedCase(connection, actor: actor)
                let outbox = Outbox(connection)
                let queued = try connection.withStoreTransaction { _ in
                    try outbox.queue(
                        caseID: record.id,
                        NoticeRequest(
                            kind: "acknowledgement", audience: .respondent, recipient: "complaints@housing.example",
                            channel: .email, language: "en", data: ["triage_due_date": "2026-03-18"]))
                }
                let store = NoticeStore(connection)
                let notice = try store.require(id: queued).notice
                let composer = try NoticeComposer(connection)
                let input = try composer.input(for: notice)
                #expect(input.variables["complainant_name"] == nil)
                #expect(!input.disclosureAllowed)
                #expect(
                    input.variables["subject_matter"] == .text("Eviction notice served without the statutory period"))
                let text = try composer.render(notice).text
                #expect(!text.contains("Kim") && !text.contains("minji@"))

                // With consent the name may be given (an office template may print it).
                _ = try connection.withStoreTransaction { _ in
                    try CaseStore(connection).setIdentityDisclosure(
                        reference: record.reference, disclose: true, actor: actor, at: try Self.instant("2026-04-21"))
                }
                let consented = try NoticeComposer(connection).input(for: notice)
                #expect(consented.disclosureAllowed)
                #expect(
                    consented.variables["complainant_name"] == nil, "the shipped respondent template does not use it")
                #expect(
                    try CaseStore(connection).history(reference: record.reference, actor: actor, at: Date()).last?.kind
                        == "identity_disclosure_consented")
            }
        }
    }

    @Test func aClaimedNoticeIsSkippedByOtherSendersUntilItIsSettled() throws {
        try withTestDatabase { db in
            try db.withConnection { first in
                let actor = try StaffStore(first).currentActor()
                _ = try Self.walkedCase(first, actor: actor)
                try db.withConnection { second in
                    let a = NoticeStore(first)
                    let b = NoticeStore(second)
                    try first.execute(unsafeSQL: "BEGIN")
                    let claimedByFirst = try #require(try a.claimNext(channel: .email, after: 0, dueBy: Date()))
                    #expect(claimedByFirst.id == 1)
                    try second.execute(unsafeSQL: "BEGIN")
                    let claimedBySecond = try #require(try b.claimNext(channel: .email, after: 0, dueBy: Date()))
                    #expect(claimedBySecond.id == 2, "the locked row is skipped, not waited for")
                    try a.markSent(id: claimedByFirst.id, at: Date())
                    try first.execute(unsafeSQL: "COMMIT")
                    // Once settled, it is never claimed again, even by a sender that began before:
                    // the second sender finds only its own row (a run moves past it) and those after.
                    #expect(try b.claimNext(channel: .email, after: 0, dueBy: Date())?.id == 2)
                    #expect(try b.claimNext(channel: .email, after: 2, dueBy: Date())?.id == 3)
                    try second.execute(unsafeSQL: "ROLLBACK")
                    try first.execute(unsafeSQL: "BEGIN")
                    #expect(try a.claimNext(channel: .email, after: 0, dueBy: Date())?.id == 2)
                    try first.execute(unsafeSQL: "ROLLBACK")
                    #expect(try a.claimNext(channel: .post, after: 0, dueBy: Date()) == nil)
                }
            }
        }
    }

    @Test func failuresBackOffAndGiveUpAfterTheLastAttempt() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                _ = try Self.walkedCase(connection, actor: actor)
                let store = NoticeStore(connection)
                let policy = NoticeRetryPolicy(maximumAttempts: 3, firstDelay: 300, longestDelay: 500)
                #expect(NoticeRetryPolicy.standard.delay(afterAttempt: 1) == 300)
                #expect(NoticeRetryPolicy.standard.delay(afterAttempt: 2) == 600)
                #expect(NoticeRetryPolicy.standard.delay(afterAttempt: 7) == 300 * 64)
                #expect(NoticeRetryPolicy.standard.delay(afterAttempt: 8) == 6 * 3600)
                #expect(NoticeRetryPolicy.standard.delay(afterAttempt: 1000) == 6 * 3600)
                let now = Date()
                let first = try store.recordFailure(id: 1, error: "relay refused\n\nby host", at: now, policy: policy)
                #expect(
                    first == NoticeFailure(state: .pending, attempts: 1, nextAttemptAt: now.addingTimeInterval(300)))
                #expect(try store.require(id: 1).notice.lastError == "relay refused | by host")
                // Not due yet: skipped unless the back-off is ignored.
                #expect(try store.claimNext(channel: .email, after: 0, dueBy: now.addingTimeInterval(299))?.id == 2)
                #expect(try store.claimNext(channel: .email, after: 0, dueBy: now.addingTimeInterval(300))?.id == 1)
                #expect(try store.claimNext(channel: .email, after: 0, dueBy: nil)?.id == 1)
                let second = try store.recordFailure(id: 1, error: "again", at: now, policy: policy)
                #expect(second.nextAttemptAt == now.addingTimeInterval(500), "capped at the longest delay")
                let third = try store.recordFailure(
                    id: 1, error: String(repeating: "x", count: 5000), at: now, policy: policy)
                #expect(third.state == .failed)
                let failed = try store.require(id: 1).notice
                #expect(failed.state == .failed && failed.attempts == 3)
                #expect(failed.lastError?.count == 1000)
                #expect(try store.claimNext(channel: .email, after: 0, dueBy: nil)?.id == 2)
                // The database keeps sent_at and the state together.
                #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE notice SET state = 'sent' WHERE id = 2")
                }
                #expect(throws: PostgresError.self) {
                    try connection.execute("UPDATE notice SET attempts = -1 WHERE id = 2")
                }
            }
        }
    }

    @Test func aNoticeThatCannotBeRenderedSaysWhy() throws {
        try withTestDatabase { db in
            try db.withConnection { connection in
                let actor = try StaffStore(connection).currentActor()
                let record = try Self.walkedCase(connection, actor: actor)
                let outbox = Outbox(connection)
                let unknown = try outbox.queue(
                    caseID: record.id,
                    NoticeRequest(
                        kind: "birthday_card", audience: .respondent, recipient: "a@b.example", channel: .email,
                        language: "en"))
                let orphan = try outbox.queue(
                    caseID: nil,
                    NoticeRequest(
                        kind: "closure", audience: .respondent, recipient: "a@b.example", channel: .email,
                        language: "en"))
                let noAddress = try outbox.queue(
                    caseID: record.id,
                    NoticeRequest(
                        kind: "closure", audience: .complainant, recipient: nil, channel: .post, language: "fr"))
                let store = NoticeStore(connection)
                let composer = try NoticeComposer(connection)
                #expect(throws: NoticeStoreError.unknownKind(id: unknown, kind: "birthday_card")) {
                    try composer.render(try store.require(id: unknown).notice)
                }
                #expect(throws: NoticeStoreError.noCase(orphan)) {
                    try composer.render(try store.require(id: orphan).notice)
                }
                // A language without templates falls back to the office's; a letter needs an address.
                #expect(try composer.input(for: try store.require(id: noAddress).notice).language == "en")
                #expect(throws: NoticeError.missingRecipientAddress(.post)) {
                    try composer.render(try store.require(id: noAddress).notice)
                }
                #expect(throws: NoticeStoreError.notFound(9999)) { try store.require(id: 9999) }
            }
        }
    }
}
