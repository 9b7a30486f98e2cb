import ArgumentParser
import Foundation
import RedressCore
import RedressStore

struct MailReceive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "receive", abstract: "File one message read from stdin (for the mail system to pipe to).",
        discussion: """
            Exit codes for the mail system: 0 received (filed, queued as unmatched, or received \
            before), 65 (EX_DATAERR) not readable as a message (kept in quarantine), 75 \
            (EX_TEMPFAIL) the database could not take it now: the mail system keeps the message and \
            tries again, and the same message is filed once however often it comes.
            """)

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    /// sysexits.h: what an MTA makes of the exit status.
    static let dataError: Int32 = 65
    static let temporaryFailure: Int32 = 75

    func run() throws {
        let raw = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        let receipt: MailReceipt
        do {
            let session = try Session.open(database)
            defer { session.close() }
            let limit = try session.transaction { try OfficeStore($0).settings().documentSizeLimit }
            // Read (and hashed) before the transaction opens: a large message takes a while.
            let prepared = MailStore.prepare(raw, attachmentLimit: limit)
            receipt = try session.transaction {
                try MailStore($0).receive(prepared, actor: session.actor, at: Date())
            }
        } catch {
            // Whatever kept the database from taking the message, the mail system should keep it
            // and try again: nothing is lost, and a retry files it once.
            let (_, message) = classify(error)
            FileHandle.standardError.write(
                Data("redress: \(message) The message was not filed; the mail system will try again.\n".utf8))
            throw ExitCode(Self.temporaryFailure)
        }
        for refused in receipt.refused { printErr("redress: warning: \(refused)") }
        if format == .json {
            try printJSON(receipt)
        } else {
            printText(Self.describe(receipt))
        }
        if receipt.outcome == "quarantined" {
            printErr(
                "redress: \(receipt.problems.first ?? "The message could not be read.") It was kept in quarantine as message \(receipt.number ?? 0)."
            )
            throw ExitCode(Self.dataError)
        }
    }

    static func describe(_ receipt: MailReceipt) -> String {
        switch receipt.outcome {
        case "filed":
            var text = "message \(receipt.number ?? 0) (\(receipt.kind ?? "reply")) filed on \(receipt.reference ?? "")"
            text += " by \(receipt.matchedBy ?? "")"
            if let bounce = receipt.bounce { text += "; notice \(receipt.notice ?? 0) failed: \(bounce)" }
            if receipt.possibleAnswer { text += "; possible answer to the information request" }
            if !receipt.documents.isEmpty {
                text += "; documents \(receipt.documents.map(String.init).joined(separator: ", "))"
            }
            return text
        case "unmatched":
            return
                "message \(receipt.number ?? 0) (\(receipt.kind ?? "reply")) names no case: it waits in 'mail list --unmatched'"
        case "quarantined":
            return "message \(receipt.number ?? 0) quarantined"
        case "duplicate":
            return "received before: nothing filed again"
        default:
            return "one of this office's own messages came back: ignored"
        }
    }
}

struct MailList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List received messages, newest first.")

    @OptionGroup var database: DatabaseOptions
    @Flag(name: .long, help: "Only those that wait: unmatched and quarantined.") var unmatched = false
    @Option(name: .long, help: "Print 'text' or 'json'.") var format: OutputFormat = .text

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let messages = try session.transaction { try MailStore($0).list(waiting: unmatched, actor: session.actor) }
        if format == .json { return try printJSON(messages) }
        if messages.isEmpty { return printErr(unmatched ? "No message waits." : "No message was received.") }
        let clock = try session.clock
        printTable(
            header: ["N", "RECEIVED", "STATE", "KIND", "CASE", "FROM", "SUBJECT"],
            rows: messages.map {
                [
                    String($0.number), clock.localTime(at: $0.receivedAt), $0.state, $0.kind, $0.reference ?? "-",
                    $0.sender ?? "", $0.subject ?? "",
                ]
            })
    }
}

struct MailFile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "file", abstract: "File an unmatched message to a case.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The message's number (see 'mail list --unmatched').") var number: Int
    @Argument(help: "The case reference.") var reference: String

    func run() throws {
        let session = try Session.open(database)
        defer { session.close() }
        let receipt = try session.transaction {
            try MailStore($0).file(number: number, into: reference, actor: session.actor, at: Date())
        }
        printText(MailReceive.describe(receipt))
    }
}
