import Foundation
import RedressCore
import RedressNotices

/// The template variables of one notice (`NoticeKind.variables`), from the facts queued with
/// it (`notice.data`) and from its case as it is now.
///
/// The queued facts come first, read by the convention of their names (`*_date` a date,
/// `*_at` an instant, `clock` a clock kind, `route`/`stage` a case state, `outcome` an outcome,
/// lists and objects as lists and records), so an office template may use any of them. Facts
/// under older names are read under the template's (`reason` as `extension_reason`, `requested`
/// as `information_needed`, …); what the event did not record is taken from the case (its
/// respondent, summary, caseworker, clocks). A variable found nowhere is left out, and the
/// renderer refuses a template that needs it.
struct NoticeVariables {
    let notice: NoticeRecord
    let kind: NoticeKind
    let audience: NoticeAudience
    let record: CaseRecord
    let calendar: WorkCalendar
    let staffNames: [String: String]
    /// The office's name: who handles a case nobody is assigned to yet.
    let officeName: String
    /// Whether complainant identity may be given to this notice's audience.
    let identityAllowed: Bool
    /// The office-local date the notice was issued.
    let issuedOn: LocalDate

    /// Optional free text: an empty text leaves its paragraph out.
    static let optionalTexts = ["route_reasons", "closure_reasons", "progress_summary", "decision_summary"]

    /// The values for the variables in `wanted`: the names its template uses, so a notice
    /// carries nothing its text does not show.
    func values(wanted: Set<String>) -> [String: NoticeValue] {
        var values: [String: NoticeValue] = [:]
        for (name, json) in notice.data where wanted.contains(name) {
            if let value = Self.value(named: name, json) { values[name] = value }
        }
        func fill(_ name: String, _ make: () -> NoticeValue?) {
            guard wanted.contains(name), values[name] == nil, let value = make() else { return }
            values[name] = value
        }
        func data(_ name: String) -> NoticeValue? { notice.data[name].flatMap { Self.value(named: name, $0) } }
        func text(_ name: String) -> NoticeValue? {
            guard let text = notice.data[name]?.stringValue, !text.isBlankText else { return nil }
            return .text(text)
        }
        func due(_ kind: ClockKind) -> NoticeValue? {
            record.noticeClock(kind)?.clock.dueDate(on: calendar).map(NoticeValue.date)
        }
        func dataDate(_ name: String) -> LocalDate? {
            notice.data[name]?.stringValue.flatMap(LocalDate.init(iso:))
        }
        let dataClock = notice.data["clock"]?.stringValue.flatMap(ClockKind.init(rawValue:))

        // Facts recorded under other names than the template's.
        switch kind {
        case .informationRequest:
            fill("information_needed") { Self.lines(notice.data["requested"]) }
            fill("response_due_date") {
                data("due_date") ?? due(audience == .respondent ? .respondentResponse : .infoResponse)
            }
        case .routeDecision:
            let route = notice.data["route"]?.stringValue.flatMap(CaseState.init(rawValue:)) ?? record.state
            fill("route") { .state(route) }
            fill("route_reasons") { text("reason") }
            fill("next_due_date") { Lifecycle.routeClock(route).flatMap(due) }
        case .extensionLetter:
            let clock = dataClock.flatMap { record.noticeClock($0)?.clock }
            fill("extension_reason") { text("reason") ?? clock?.extensions.last.map { .text($0.reason) } }
            fill("new_due_date") { clock?.dueDate(on: calendar).map(NoticeValue.date) }
            fill("previous_due_date") {
                guard var before = clock, !before.extensions.isEmpty else { return nil }
                before.extensions.removeLast()
                return before.dueDate(on: calendar).map(NoticeValue.date)
            }
            // A login is written as the person's name.
            let approver = notice.data["approved_by"]?.stringValue ?? clock?.extensions.last?.approvedBy
            if let approver, wanted.contains("approved_by") {
                values["approved_by"] = .text(staffNames[approver] ?? approver)
            }
        case .closure:
            fill("closure_reasons") { text("reason") }
        case .decision:
            fill("reply_due_date") { due(.respondentReply) }
            fill("remedies") { .list([]) }
        case .mediationOffer:
            fill("acceptance_due_date") { due(.mediationAcceptance) }
        case .mediationOutcome:
            fill("terms") { .list([]) }
            fill("next_route") { .state(nextRoute) }
        case .correctedDueDates:
            fill("moved_clocks") { Self.movedClocks(notice.data["clocks"]) }
        case .progressUpdate:
            let breached = notice.data["breached"].map { $0 == .bool(true) } ?? false
            fill("breached") { .flag(breached) }
            if breached {
                fill("missed_clock") { dataClock.map(NoticeValue.clock) }
                fill("missed_due_date") { data("due_date") }
            }
            // None while every other clock stands still (on hold, paused by hand): the letter says so.
            fill("next_due_date") { nextDueDate().map(NoticeValue.date) ?? .text("") }
        case .remedyReminder:
            fill("remedies") {
                guard let description = text("description") else { return nil }
                var item: [String: NoticeValue] = ["description": description]
                if let date = dataDate("due_date") { item["due_date"] = .date(date) }
                return .list([.record(item)])
            }
        case .escalationToSupervisor, .warningToAssignee, .ombudspersonListing, .respondentReminder,
            .letterToHeadOfBody, .nonComplianceNotice:
            let dueDate =
                dataDate("due_date") ?? dataClock.flatMap { record.noticeClock($0)?.clock.dueDate(on: calendar) }
            fill("due_date") { dueDate.map(NoticeValue.date) }
            // Counted from the date the sweep judged the clock on, else the issue date; a step
            // taken late (a warning on the day of the breach) counts zero.
            let asOf = dataDate("as_of") ?? issuedOn
            fill("working_days_overdue") {
                guard let dueDate else { return nil }
                return .number(dueDate < asOf ? calendar.busdayCount(from: dueDate + 1, to: asOf + 1) : 0)
            }
            fill("working_days_left") {
                guard let dueDate else { return nil }
                return .number(asOf <= dueDate ? calendar.busdayCount(from: asOf + 1, to: dueDate + 1) : 0)
            }
        case .reviewRequest:
            fill("review_due_date") { due(.review) }
        case .acknowledgement, .hearingNotice, .reviewOutcome:
            break
        }

        // What every kind may take from the case.
        fill("respondent_name") { .text(record.respondent.name) }
        fill("subject_matter") { .text(record.summary) }
        fill("caseworker_name") { .text(caseworkerName) }
        fill("assignee_name") {
            .text(record.assignee.map { staffNames[$0] ?? $0 } ?? Self.unassigned(notice.language))
        }
        fill("received_date") { .date(record.receivedOn) }
        fill("triage_due_date") { due(.triage) }
        fill("stage") { .state(record.state) }
        fill("outcome") { record.outcome.map(NoticeValue.outcome) }
        if identityAllowed {
            let names = record.complainants.map(\.name)
            fill("complainant_name") { names.isEmpty ? nil : .text(names.joined(separator: ", ")) }
        }
        for name in Self.optionalTexts { fill(name) { .text("") } }

        // A remedy proposed but not yet accepted has no date yet.
        for name in ["remedies", "terms"] {
            guard case let .list(items)? = values[name] else { continue }
            values[name] = .list(
                items.map { item in
                    guard case var .record(fields) = item, fields["due_date"] == nil else { return item }
                    fields["due_date"] = .text(Self.dateToBeAgreed(notice.language))
                    return .record(fields)
                })
        }

        // Only what the template may use, and never a name the renderer supplies itself or,
        // for the respondent's side without consent, the complainant's identity.
        return values.filter { name, _ in
            wanted.contains(name) && !NoticeRenderer.standardVariables.contains(name)
                && (identityAllowed || !NoticeRenderer.isComplainantIdentity(name))
        }
    }

    /// Who the parties deal with: the assignee, or until there is one, the office (not the
    /// intake clerk or the service that registered the complaint).
    var caseworkerName: String {
        record.assignee.map { staffNames[$0] ?? $0 } ?? officeName
    }

    /// The next date the case is due to move: the earliest due date of a live clock on or after
    /// the issue date (the latest one when all are past).
    func nextDueDate() -> LocalDate? {
        let dates = record.clocks.filter { $0.isLive && $0.clock.kind != .complainantUpdate }
            .compactMap { $0.clock.dueDate(on: calendar) }
        return dates.filter { $0 >= issuedOn }.min() ?? dates.max()
    }

    /// Where a case goes after a mediation without agreement, when the queued facts do not
    /// say: the route it has taken since, else investigation, the usual next step.
    var nextRoute: CaseState {
        switch record.state {
        case .earlyResolution, .investigation, .arbitration:
            return record.state
        default:
            return record.clocks.contains { $0.clock.kind == .arbitrationOverall } ? .arbitration : .investigation
        }
    }

    /// The due date of a remedy not yet agreed, in the notice's language, as it reads after
    /// "by" in the templates.
    static func dateToBeAgreed(_ language: String) -> String {
        switch language {
        case "ko": return "추후 협의"
        case "es": return "día que se acuerde"
        default: return "a date to be agreed"
        }
    }

    /// "not assigned" in the notice's language.
    static func unassigned(_ language: String) -> String {
        switch language {
        case "ko": return "미배정"
        case "es": return "sin asignar"
        default: return "not assigned"
        }
    }

    /// What an information request asks for, one item per line of the request.
    static func lines(_ json: JSONValue?) -> NoticeValue? {
        switch json {
        case let .string(text)?:
            let items = text.split(whereSeparator: \.isNewline)
                .map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
                .filter { !$0.isEmpty }
            return items.isEmpty ? nil : .list(items.map(NoticeValue.text))
        case let .array(items)?:
            let texts = items.compactMap(\.stringValue).filter { !$0.isBlankText }
            return texts.isEmpty ? nil : .list(texts.map(NoticeValue.text))
        default:
            return nil
        }
    }

    /// The moved clocks of a calendar change (`[{clock, from, to}]`) as `moved_clocks` records.
    static func movedClocks(_ json: JSONValue?) -> NoticeValue? {
        guard case let .array(items)? = json else { return nil }
        var moved: [NoticeValue] = []
        for case let .object(fields) in items {
            guard let clock = fields["clock"]?.stringValue.flatMap(ClockKind.init(rawValue:)),
                let from = fields["from"]?.stringValue.flatMap(LocalDate.init(iso:)),
                let to = fields["to"]?.stringValue.flatMap(LocalDate.init(iso:))
            else { continue }
            moved.append(
                .record(["clock": .clock(clock), "previous_due_date": .date(from), "new_due_date": .date(to)]))
        }
        return moved.isEmpty ? nil : .list(moved)
    }

    /// A queued fact as a template value, read by the convention of its name; nil for null.
    static func value(named name: String, _ json: JSONValue) -> NoticeValue? {
        switch json {
        case .null:
            return nil
        case let .bool(flag):
            return .flag(flag)
        case let .number(number):
            return number == number.rounded() && abs(number) < 1e15 ? .number(Int(number)) : .text(String(number))
        case let .string(text):
            if name.hasSuffix("_date") || name == "due_date", let date = LocalDate(iso: text) { return .date(date) }
            if name.hasSuffix("_at"), let instant = try? Date(text, strategy: .iso8601) { return .instant(instant) }
            if name == "clock" || name.hasSuffix("_clock"), let clock = ClockKind(rawValue: text) {
                return .clock(clock)
            }
            if ["route", "next_route", "stage"].contains(name), let state = CaseState(rawValue: text) {
                return .state(state)
            }
            if name == "outcome", let outcome = Outcome(rawValue: text) { return .outcome(outcome) }
            return .text(text)
        case let .array(items):
            return .list(items.compactMap { value(named: "", $0) })
        case let .object(fields):
            var record: [String: NoticeValue] = [:]
            for (field, item) in fields {
                if let value = value(named: field, item) { record[field] = value }
            }
            return .record(record)
        }
    }
}
