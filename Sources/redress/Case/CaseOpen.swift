import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseOpen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Register a complaint and print its reference.",
        discussion: "Prints the new reference alone on stdout (--format json prints the whole case)."
    )

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: "A complainant's name (repeat for several; for a group, the group's name).")
    var complainant: [String] = []
    @Option(name: .long, help: "The first complainant's email address.")
    var email: String?
    @Option(name: .long, help: "The first complainant's phone number.")
    var phone: String?
    @Option(name: .long, help: "The first complainant's postal address.")
    var address: String?
    @Option(name: .long, help: "The complainant's language (ISO 639 code, e.g. en, ko).")
    var language: String?
    @Option(name: .long, help: "How the complainant wants to be contacted: email, post or phone.")
    var contact: ContactPreference?
    @Option(name: .long, help: "For a collective complaint, how many people the group counts.")
    var groupSize: Int?
    @Option(name: .long, help: "The representative's name.")
    var representative: String?
    @Option(name: .long, help: "The representative's email address.")
    var representativeEmail: String?
    @Option(name: .long, help: "The respondent body.")
    var respondent: String
    @Option(name: .long, help: "The respondent body's email address.")
    var respondentEmail: String?
    @Option(name: .long, help: "The head of the respondent body.")
    var headOfBody: String?
    @Option(name: .long, help: "The head of the respondent body's email address.")
    var headOfBodyEmail: String?
    @Option(name: .long, help: "A rights category (repeat for several; see README for the vocabulary).")
    var category: [String] = []
    @Option(name: .long, help: "What the complaint is about.")
    var summary: String
    @Option(name: .long, help: "How it arrived: web, email, post, phone, in_person, referral or own_initiative.")
    var channel: Channel = .web
    @Flag(
        name: .long,
        help: "Imminent harm (eviction, loss of utilities, detention): the urgent profile halves the allowances.")
    var urgent = false
    @Flag(name: .long, help: "Mark the case confidential: every read of it is audited.")
    var confidential = false
    @Option(name: .long, help: ArgumentHelp("When it was received (date or instant; default: now).", valueName: "time"))
    var receivedAt: String?
    @Option(name: .long, help: ArgumentHelp("When the events complained of happened (YYYY-MM-DD).", valueName: "date"))
    var incidentDate: String?
    @Flag(name: .long, help: "Accept a complaint past the filing limit (needs --reason).")
    var acceptLate = false
    @Option(name: .long, help: "Why a late complaint is accepted.")
    var reason: String?
    @Option(name: .long, help: "Print 'text' (the reference) or 'json' (the whole case).")
    var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        if acceptLate, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw CLIFailure(
                status: .usage, description: "--accept-late needs --reason saying why the late complaint is accepted")
        }
        var parties = complainant.map { Party(name: $0) }
        if !parties.isEmpty {
            parties[0].email = email
            parties[0].phone = phone
            parties[0].postalAddress = address
            parties[0].language = language
            parties[0].contactPreference = contact
        }
        let new = NewCase(
            receivedAt: try session.instant(receivedAt), channel: channel, complainants: parties, groupSize: groupSize,
            representative: representative.map { Party(name: $0, email: representativeEmail) },
            respondent: RespondentBody(
                name: respondent, email: respondentEmail, headOfBodyName: headOfBody, headOfBodyEmail: headOfBodyEmail),
            categories: category, summary: summary, language: language, urgent: urgent, confidential: confidential,
            incidentDate: try incidentDate.map(parseDate), acceptLateReason: acceptLate ? reason : nil)
        let (record, document) = try session.transaction { connection in
            let store = CaseStore(connection)
            let record = try store.open(new, actor: session.actor)
            return (record, format == .json ? try store.document(of: record, actor: session.actor, at: Date()) : nil)
        }
        // Read after the commit, so the year's reference counter is not held meanwhile; a
        // warning never fails the command.
        if let calendar = try? OfficeContext.load(session.connection).calendar {
            warnOfYearsWithoutHolidays(
                HolidayCoverage(reachedBy: record.clocks.map(\.clock), calendar: calendar).yearsWithoutHolidays)
        }
        if let duplicates = try? CaseStore(session.connection).possibleDuplicates(caseID: record.id),
            let first = duplicates.first
        {
            printErr(
                "redress: warning: \(record.reference) has the respondent and a complainant contact of \(duplicates.joinedAsList(conjunction: "and")); if it is the same complaint, link it: redress case link \(record.reference) \(first) --as duplicate"
            )
        }
        if let document {
            try printJSON(document)
        } else {
            print(record.reference)
        }
    }
}
