import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct CaseHold: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Place a legal hold on a case: retention and erasure leave it alone (supervisor, ombudsperson).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why (kept in the case's history).") var reason: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.transaction {
            try RetentionStore($0).hold(reference: reference, reason: reason, actor: session.actor, at: Date())
        }
        printText("\(reference) on legal hold")
    }
}

struct CaseRelease: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Release a case's legal hold: its retention runs again (supervisor, ombudsperson).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The case reference.") var reference: String
    @Option(name: .long, help: "Why (kept in the case's history).") var reason: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        try session.transaction {
            try RetentionStore($0).release(reference: reference, reason: reason, actor: session.actor, at: Date())
        }
        printText("\(reference) released from legal hold")
    }
}
