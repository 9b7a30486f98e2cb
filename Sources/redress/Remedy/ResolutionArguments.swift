public import ArgumentParser
import Foundation
import RedressCore
import RedressStore

// Resolution vocabularies read straight from the command line by their snake_case names.
extension DisputeParty: ExpressibleByArgument {}
extension RemedyKind: ExpressibleByArgument {}
extension RemedyClass: ExpressibleByArgument {}
extension RemedyState: ExpressibleByArgument {}

/// Reads remedy items written as `KIND: text` or `financial AMOUNT CURRENCY: text` (see
/// `RemedySpec(parsing:)`), one per option value.
func parseRemedySpecs(_ lines: [String]) throws -> [RemedySpec] {
    try lines.map { try RemedySpec(parsing: $0) }
}

/// An instant given on the command line other than `--at` (a session's or hearing's `--time`),
/// read like `--at` in the office time zone.
func eventInstant(_ text: String, office: OfficeStore) throws -> Date {
    try office.clock().instant(parsing: text)
}
