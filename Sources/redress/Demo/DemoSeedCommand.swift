import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct DemoSeedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed",
        abstract: "Fill an empty database with a realistic synthetic office.",
        discussion: """
            A year of complaints up to --as-of (or --years of them, 1 to 20, spread evenly over \
            365 days a year) across every state, respondent and rights category, in English and \
            Korean, with pauses, extensions, urgent cases and some breaches; mediations (offers, \
            answers, sessions, settlements and failures), decisions, settlements and awards, and \
            remedy items (personal, service, systemic) accepted, rejected, implemented on time or \
            late, in part, not implemented, or still open. The office's calendar holds the Korean \
            holidays of every year the cases reach: the fixed ones for any year, the movable ones \
            (Seollal, Chuseok, Buddha's Birthday, elections, substitute days) for 2024 to 2027 only. \
            The same --seed and --years give the same office. Everything is loaded in one \
            transaction with COPY: a million cases take minutes, and an interrupted seed leaves \
            nothing behind. A database that holds cases already is refused unless --force.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("How many cases.", valueName: "n")) var cases: Int = 5_000
    @Option(name: .long, help: ArgumentHelp("The seed: the same seed gives the same office.", valueName: "s")) var seed:
        UInt64 = 1
    @Option(name: .long, help: ArgumentHelp("The office's today (default: today).", valueName: "date")) var asOf:
        String?
    @Option(
        name: .long,
        help: ArgumentHelp(
            "How many years of complaints up to --as-of, from 1 to \(DemoOffice.maximumYears).", valueName: "n"))
    var years: Int = 1
    @Flag(name: .long, help: "Add demo cases to a database that holds cases already.") var force = false

    func validate() throws {
        guard (1...DemoSeed.maximumCases).contains(cases) else {
            throw ValidationError("--cases takes a number from 1 to \(DemoSeed.maximumCases); \(cases) is not one.")
        }
        guard (1...DemoOffice.maximumYears).contains(years) else {
            throw ValidationError("--years takes a number from 1 to \(DemoOffice.maximumYears); \(years) is not one.")
        }
    }

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let date = try asOf.map(parseDate)
        let bar = ProgressLine("demo seed")
        let result: DemoSeed.Result
        do {
            result = try DemoSeed(session.connection).run(
                DemoSeed.Options(cases: cases, seed: seed, years: years, asOf: date, force: force),
                actor: session.actor,
                progress: { bar.update($0, of: $1) })
        } catch {
            bar.finish()
            throw error
        }
        bar.finish()
        let states = CaseState.allCases.compactMap { state in
            result.states[state].map { "\(state.rawValue) \(grouped($0))" }
        }
        print(
            "seeded \(grouped(result.cases)) cases\(years == 1 ? "" : " over \(years) years") as of \(result.asOf.iso) with seed \(seed): \(grouped(result.clocks)) clocks, "
                + "\(grouped(result.mediations)) mediations, \(grouped(result.decisions)) decisions, "
                + "\(grouped(result.remedies)) remedy items, \(grouped(result.events)) audit rows, "
                + "\(grouped(result.notices)) notices sent; "
                + states.joined(separator: ", ")
                + String(format: "; %.1f s", result.seconds))
    }
}
