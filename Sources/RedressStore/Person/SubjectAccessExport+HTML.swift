public import Foundation
import RedressCore

extension SubjectAccessExport {
    /// The export as one self-contained page for the person to read: no script, no outside
    /// resource, every value escaped; links to the files beside it.
    public func renderHTML() -> String {
        func e(_ text: String?) -> String {
            var out = ""
            for character in text ?? "" {
                switch character {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                default: out.append(character)
                }
            }
            return out
        }
        let formatter = ISO8601DateFormatter()
        func when(_ date: Date?) -> String { date.map { formatter.string(from: $0) } ?? "" }
        func link(_ file: String?, _ text: String) -> String {
            guard let file else { return e(text) }
            let href = file.split(separator: "/").map {
                $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? String($0)
            }.joined(separator: "/")
            return "<a href=\"\(e(href))\">\(e(text))</a>"
        }
        func row(_ label: String, _ value: String?) -> String {
            guard let value, !value.isEmpty else { return "" }
            return "<tr><th scope=\"row\">\(e(label))</th><td>\(e(value))</td></tr>"
        }
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>What \(e(office)) holds about you</title>
            <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.4}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}
            pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}section{border-top:2px solid #333;margin-top:2rem}</style>
            </head><body>
            <h1>What \(e(office)) holds about you</h1>

            """
        html += "<table>"
        html += row("Request", request.map { "\($0)" })
        html += row("Office reference", reference)
        html += row("Request received", receivedOn.iso)
        html += row("Answered", when(completedAt))
        html += row("Found by", foundBy.rawValue)
        html += row("Cases", String(cases.count))
        html += "</table>\n<p>The same in machine-readable form: <a href=\"export.json\">export.json</a>.</p>\n<ul>"
        for note in redaction { html += "<li>\(e(note))</li>" }
        html += "</ul>\n"
        for item in cases {
            html += "<section><h2>\(e(item.reference))</h2><table>"
            html += row("Your role", item.roles.joined(separator: ", "))
            html += row("Received", item.receivedOn.iso)
            html += row("Channel", item.channel)
            html += row("State", item.state)
            html += row("Outcome", item.outcome)
            html += row("Incident date", item.incidentDate?.iso)
            html += row("Closed", when(item.closedAt))
            html += row("Complaint about", item.respondent)
            html += row("Categories", item.categories.joined(separator: ", "))
            html += "</table><h3>Summary</h3><pre>\(e(item.summary))</pre><h3>Your details</h3><table>"
            html +=
                "<tr><th>Role</th><th>Name</th><th>Email</th><th>Phone</th><th>Address</th><th>Language</th><th>Contact by</th></tr>"
            for party in item.details {
                html +=
                    "<tr><td>\(e(party.role))</td><td>\(e(party.name))</td><td>\(e(party.email))</td><td>\(e(party.phone))</td>"
                html +=
                    "<td>\(e(party.postalAddress))</td><td>\(e(party.language))</td><td>\(e(party.contactPreference))</td></tr>"
            }
            html += "</table><h3>Notices sent to you (\(item.notices.count))</h3>"
            for notice in item.notices {
                html += "<h4>\(link(notice.file, "Notice \(notice.id): \(notice.kind)"))</h4><p>"
                html += e("\(notice.channel), \(notice.state), queued \(when(notice.queuedAt))")
                if let sent = notice.sentAt { html += e(", sent \(when(sent))") }
                html += "</p>"
                if let problem = notice.problem { html += "<p>\(e(problem))</p>" }
                if let body = notice.body {
                    html += "<p><strong>\(e(notice.subject))</strong></p><pre>\(e(body))</pre>"
                }
            }
            html += "<h3>Messages from you (\(item.messages.count))</h3>"
            for message in item.messages {
                html += "<h4>Message \(message.number), received \(e(when(message.receivedAt)))</h4>"
                html += "<p><strong>\(e(message.subject))</strong></p><pre>\(e(message.text))</pre>"
            }
            html += "<h3>Contacts logged (\(item.contacts.count))</h3>"
            if !item.contacts.isEmpty {
                html += "<table><tr><th>When</th><th>How</th><th>Direction</th><th>Summary</th></tr>"
                for contact in item.contacts {
                    html += "<tr><td>\(e(when(contact.contactAt)))</td><td>\(e(contact.channel))</td>"
                    html += "<td>\(e(contact.direction))</td><td>\(e(contact.summary))</td></tr>"
                }
                html += "</table>"
            }
            html += "<h3>Notes (\(item.notes.count))</h3>"
            for note in item.notes { html += "<p>\(e(when(note.notedAt)))</p><pre>\(e(note.text))</pre>" }
            html += "<h3>Documents (\(item.documents.count))</h3>"
            if !item.documents.isEmpty {
                html +=
                    "<table><tr><th>No.</th><th>Title</th><th>Type</th><th>Bytes</th><th>SHA-256</th><th>Given</th></tr>"
                for document in item.documents {
                    html += "<tr><td>\(document.number)</td><td>\(link(document.file, document.title))</td>"
                    html +=
                        "<td>\(e(document.contentType))</td><td>\(document.size)</td><td><code>\(e(document.sha256))</code></td>"
                    html += "<td>\(e(document.withheld ?? "yes"))</td></tr>"
                }
                html += "</table>"
            }
            html += "</section>\n"
        }
        html += "</body></html>\n"
        return html
    }
}
