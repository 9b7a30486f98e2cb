import RedressCore

extension NoticeRenderer {
    /// Letters are wrapped to this many columns (a wide character counts as two).
    public static let letterWidth = 72

    /// The print-ready letter: the office's name and address, the recipient's name and address,
    /// reference and date, the subject, then the body, wrapped to `letterWidth` columns, with
    /// LF line endings.
    static func letter(_ input: NoticeInput, subject: String, body: String, language: NoticeLanguage) throws -> String {
        let recipientAddress = input.recipient.postalAddress.map(HeaderText.singleLine).filter { !$0.isEmpty }
        guard !recipientAddress.isEmpty else { throw NoticeError.missingRecipientAddress(.post) }
        let reference = input.reference.formatted
        let issued = LocalDate(instant: input.issuedAt, in: input.office.timeZone)
        // The subject line of a letter does not repeat the reference printed above it.
        var title = subject
        if title.hasPrefix("[\(reference)]") {
            title = String(title.dropFirst(reference.count + 2)).trimmingSpaces()
        }
        let subjectLine = "\(language.subjectLabel): \(title)"

        var lines: [String] = []
        lines.append(HeaderText.singleLine(input.office.name))
        lines += input.office.postalAddress.map(HeaderText.singleLine).filter { !$0.isEmpty }
        lines += ["", ""]
        lines.append(HeaderText.singleLine(input.recipient.name))
        lines += recipientAddress
        lines += ["", ""]
        lines.append("\(language.referenceLabel): \(reference)")
        lines.append("\(language.dateLabel): \(language.date(issued))")
        lines.append("")
        lines.append(subjectLine)
        lines.append(String(repeating: "=", count: min(letterWidth, TextWrapper.displayWidth(subjectLine))))
        lines.append("")
        lines += body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var wrapped: [String] = []
        for line in lines {
            wrapped += TextWrapper.wrap(line, width: letterWidth)
        }
        while wrapped.last?.isEmpty == true { wrapped.removeLast() }
        return wrapped.joined(separator: "\n") + "\n"
    }
}
