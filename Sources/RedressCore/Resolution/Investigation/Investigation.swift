public import Foundation

/// What an investigation records besides its clocks: the respondent's first response, further
/// information requests to the respondent, and findings (SPEC §2.1; DOMAIN.md §b, 5a–5c).
///
/// The clocks: opening the investigation starts `respondent_response` (20 working days) and
/// `investigation` (60 working days); the first response ends `respondent_response`. Each
/// further request starts a respondent clock of its own, counted like the first response
/// (a `respondent_response` clock whose subject is the request's number) but with 10 working
/// days; the answer ends it.
public struct Investigation: Sendable, Hashable, Codable {
    /// The local date of the respondent's first response.
    public var firstResponseOn: LocalDate?
    /// The further requests, numbered from 1.
    public var requests: [Request]
    /// The findings, once recorded.
    public var findings: String?

    /// The allowance of a further information request (DOMAIN.md §b, 5b).
    public static let requestAllowance = Allowance.workingDays(10)

    /// An investigation with nothing recorded yet.
    public init() {
        firstResponseOn = nil
        requests = []
        findings = nil
    }

    /// A further information request to the respondent.
    public struct Request: Sendable, Hashable, Codable {
        /// Its number within the case, from 1.
        public var number: Int
        /// What was asked.
        public var about: String
        /// The local date it was sent.
        public var requestedOn: LocalDate
        /// The local date it was answered.
        public var answeredOn: LocalDate?

        /// Makes a request record.
        public init(number: Int, about: String, requestedOn: LocalDate, answeredOn: LocalDate? = nil) {
            self.number = number
            self.about = about
            self.requestedOn = requestedOn
            self.answeredOn = answeredOn
        }

        private enum CodingKeys: String, CodingKey {
            case number
            case about
            case requestedOn = "requested_on"
            case answeredOn = "answered_on"
        }
    }

    /// The clocks opening an investigation at `instant` starts, leaving out kinds in `existing`
    /// (a case back from mediation already has them; the investigation clock resumes instead).
    public static func openingEffects(at instant: Date, existing: Set<ClockKind>) -> [ClockEffect] {
        [ClockKind.respondentResponse, .investigation].filter { !existing.contains($0) }.map { .start($0, at: instant) }
    }

    /// The allowance of a further request on a case that is urgent or not, under `policy`'s
    /// urgent profile (half, rounded up, by default).
    public static func requestAllowance(urgent: Bool, policy: Policy) -> Allowance {
        guard urgent else { return requestAllowance }
        return .workingDays((requestAllowance.amount * policy.urgentPercent + 99) / 100)
    }

    /// Records the respondent's first response at `instant`; ends `respondent_response`.
    public mutating func recordFirstResponse(at instant: Date, calendar: WorkCalendar) throws -> [ClockEffect] {
        if let on = firstResponseOn { throw ResolutionError.alreadyResponded(on: on) }
        let date = calendar.localDate(of: instant)
        firstResponseOn = date
        return [.end(.respondentResponse, on: date)]
    }

    /// Sends a further request about `about` at `instant`; starts its clock.
    public mutating func request(
        _ about: String, at instant: Date, calendar: WorkCalendar, allowance: Allowance = Investigation.requestAllowance
    ) throws -> (number: Int, effects: [ClockEffect]) {
        guard !about.isBlank else { throw ResolutionError.requestTextMissing }
        let number = (requests.map(\.number).max() ?? 0) + 1
        requests.append(
            Request(number: number, about: about.trimmingWhitespace(), requestedOn: calendar.localDate(of: instant)))
        return (number, [.start(.respondentResponse, at: instant, allowance: allowance, subject: number)])
    }

    /// Records the answer to request `number` at `instant`; ends its clock.
    public mutating func answerRequest(_ number: Int, at instant: Date, calendar: WorkCalendar) throws -> [ClockEffect]
    {
        guard let index = requests.firstIndex(where: { $0.number == number }) else {
            throw ResolutionError.requestNotFound(number)
        }
        if let on = requests[index].answeredOn { throw ResolutionError.requestAnswered(number, on: on) }
        let date = calendar.localDate(of: instant)
        guard date >= requests[index].requestedOn else {
            throw ResolutionError.answerBeforeRequest(number, requestedOn: requests[index].requestedOn)
        }
        requests[index].answeredOn = date
        return [.end(.respondentResponse, on: date, subject: number)]
    }

    /// Records the findings (replacing earlier ones until the decision is issued).
    public mutating func recordFindings(_ text: String) throws {
        guard !text.isBlank else { throw ResolutionError.findingsMissing }
        findings = text.trimmingWhitespace()
    }

    /// The effects of a decision on the request clocks still open: each is cancelled.
    public func closingEffects(on date: LocalDate) -> [ClockEffect] {
        requests.filter { $0.answeredOn == nil }.map { .cancel(.respondentResponse, on: date, subject: $0.number) }
    }

    private enum CodingKeys: String, CodingKey {
        case firstResponseOn = "first_response_on"
        case requests
        case findings
    }
}
