public import ArgumentParser
import RedressCore
import RedressStore

// Domain vocabularies read straight from the command line by their snake_case names.
extension CaseState: ExpressibleByArgument {}
extension Outcome: ExpressibleByArgument {}
extension ClockKind: ExpressibleByArgument {}
extension ReviewRequester: ExpressibleByArgument {}
extension ReviewOutcome: ExpressibleByArgument {}
extension Role: ExpressibleByArgument {}
extension RemedyScale: ExpressibleByArgument {}
extension AllowanceUnit: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension ContactPreference: ExpressibleByArgument {}

// Link kinds are typed with a hyphen: same-issue.
extension CaseLinkKind: ExpressibleByArgument {
    init?(argument: String) { self.init(parsing: argument) }
    static var allValueStrings: [String] { ["duplicate", "related", "same-issue"] }
}
