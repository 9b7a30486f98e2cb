import Foundation
import RedressCore

extension NoticeRenderer {
    /// The `Message-ID` of a notice, `<notice-ID.REFERENCE@mail-domain>`: the same every time
    /// the notice is rendered, so a resent notice is recognised as the same message.
    public static func messageID(noticeID: Int, reference: String, mailDomain: String) throws -> MessageID {
        do {
            return try MessageID(left: "notice-\(noticeID).\(reference)", right: mailDomain)
        } catch {
            throw NoticeError.invalidAddress(field: "office mail domain", value: mailDomain)
        }
    }

    /// The id every notice of a case replies to, `<case.REFERENCE@mail-domain>`, so mail
    /// programs show a case's notices as one thread.
    public static func threadRootID(reference: String, mailDomain: String) throws -> MessageID {
        do {
            return try MessageID(left: "case.\(reference)", right: mailDomain)
        } catch {
            throw NoticeError.invalidAddress(field: "office mail domain", value: mailDomain)
        }
    }

    /// The complete message of an email notice, and its id.
    static func email(_ input: NoticeInput, subject: String, body: String) throws -> (id: MessageID, text: String) {
        let from: Mailbox
        do {
            from = try Mailbox(parsing: input.office.sender)
        } catch {
            throw NoticeError.invalidAddress(field: "office sender", value: input.office.sender)
        }
        guard let address = input.recipient.email?.trimmingSpaces(), !address.isEmpty else {
            throw NoticeError.missingRecipientAddress(.email)
        }
        let to: Mailbox
        do {
            to = try Mailbox(name: input.recipient.name, address: address)
        } catch {
            throw NoticeError.invalidAddress(field: "recipient email", value: address)
        }
        let reference = input.reference.formatted
        let id = try messageID(noticeID: input.id, reference: reference, mailDomain: input.office.mailDomain)
        let root = try threadRootID(reference: reference, mailDomain: input.office.mailDomain)

        var headers = MIMEHeaders()
        try headers.append("Date", date: input.issuedAt, timeZone: input.office.timeZone)
        try headers.append("From", mailboxes: [from])
        try headers.append("To", mailboxes: [to])
        try headers.append("Subject", text: subject)
        try headers.append("Message-ID", messageIDs: [id])
        try headers.append("In-Reply-To", messageIDs: [root])
        try headers.append("References", messageIDs: [root])
        if input.automatic {
            try headers.append("Auto-Submitted", token: "auto-generated")
            // Asks Exchange and Outlook not to answer with out-of-office replies.
            try headers.append("X-Auto-Response-Suppress", token: "All")
        }
        try headers.append("Content-Language", token: input.language)
        let message = MIMEMessage(headers: headers, body: .plainText(body), boundarySeed: id.description)
        return (id, message.text)
    }
}
