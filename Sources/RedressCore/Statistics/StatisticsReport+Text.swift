extension StatisticsReport {
    /// The report as aligned plain-text tables, for a terminal or a printout.
    public func renderText() -> String {
        var lines: [String] = []
        lines.append("Statistics for \(office), \(period) (\(timeZone))")
        lines.append(
            "Figures as they stood at the end of \(period.to.iso); working days net of pauses on the office calendar.")
        if let standbyReplayLag { lines.append(ReportText.standbyLine(standbyReplayLag)) }

        section("Volume", into: &lines)
        var totals = TextTable(header: ["", "Cases"])
        totals.add(["Open at start", String(volume.openAtStart)])
        totals.add(["Received", String(volume.received)])
        totals.add(["Reopened", String(volume.reopened)])
        totals.add(["Closed", String(volume.closed)])
        totals.add(["Open at end", String(volume.openAtEnd)])
        lines += totals.render()
        for (heading, rows) in [
            ("Channel", volume.byChannel), ("Category", volume.byCategory), ("Respondent", volume.byRespondent),
        ] {
            lines.append("")
            var table = TextTable(header: [heading, "Received", "Closed", "Open at end"])
            for row in rows { table.add([row.key, String(row.received), String(row.closed), String(row.openAtEnd)]) }
            if rows.isEmpty { table.add(["(none)", "0", "0", "0"]) }
            lines += table.render()
        }

        section("Stage of closure (\(outcomes.closed) closings)", into: &lines)
        var stages = TextTable(header: ["Stage", "Closings", "Share"])
        for row in outcomes.byStage {
            stages.add([
                ClosureStage(rawValue: row.key)?.label ?? StatisticsReport.label(row.key), String(row.count),
                row.share.percentText,
            ])
        }
        lines += stages.render()
        lines.append("  Premature: \(outcomes.premature)")

        section("Outcomes (\(outcomes.closed) closings)", into: &lines)
        var outcomeTable = TextTable(header: ["Outcome", "Closings", "Share"])
        for row in outcomes.byOutcome {
            outcomeTable.add([StatisticsReport.label(row.key), String(row.count), row.share.percentText])
        }
        lines += outcomeTable.render()
        lines.append("  Upheld or partly upheld, of investigated: \(outcomes.upheld)")

        section("Timeliness (working days net of pauses)", into: &lines)
        var clocks = TextTable(header: [
            "Clock", "Ended", "Met", "Within", "Late", "Mean", "Median", "P90", "Extended", "Breached at end",
        ])
        for row in timeliness.clocks {
            clocks.add([
                row.kind.rawValue, String(row.ended), String(row.met), row.withinAllowance.percentText,
                row.late.percentText,
                StatisticsReport.days(row.meanWorkingDays), StatisticsReport.days(row.medianWorkingDays),
                StatisticsReport.days(row.p90WorkingDays), String(row.extensionsGranted), String(row.breachedAtEnd),
            ])
        }
        if timeliness.clocks.isEmpty { clocks.add(["(none)", "0", "0", "–", "–", "–", "–", "–", "0", "0"]) }
        lines += clocks.render()
        lines.append("  Extensions granted: \(timeliness.extensionsGranted)")
        lines.append("")
        var bands = TextTable(header: ["Clock"] + TimelinessStatistics.bandLabels)
        for row in timeliness.clocks where row.ended > 0 {
            bands.add([row.kind.rawValue] + row.distribution.map(String.init))
        }
        if bands.rows.isEmpty { bands.add(["(none)"] + TimelinessStatistics.bandLabels.map { _ in "0" }) }
        lines.append("  Ended clocks by working days taken")
        lines += bands.render()
        lines.append("")
        var pauses = TextTable(header: ["Paused for", "Pauses", "Working days", "Calendar days"])
        for row in timeliness.pausedByReason {
            pauses.add([
                StatisticsReport.label(row.reason), String(row.pauses), String(row.workingDays),
                String(row.calendarDays),
            ])
        }
        if timeliness.pausedByReason.isEmpty { pauses.add(["(none)", "0", "0", "0"]) }
        lines += pauses.render()
        lines.append("")
        let age = timeliness.ageProfile
        var ages = TextTable(header: ["Open at end", "Cases", "Share"])
        ages.add(["All", String(age.open), age.open > 0 ? "100.0%" : "–"])
        ages.add(["Over 3 months", String(age.over3Months.count), age.over3Months.percentText])
        ages.add(["Over 6 months", String(age.over6Months.count), age.over6Months.percentText])
        ages.add(["Over 12 months", String(age.over12Months.count), age.over12Months.percentText])
        lines += ages.render()

        section("Mediation", into: &lines)
        if let mediation {
            var table = TextTable(header: ["", "Cases"])
            table.add(["Offered", String(mediation.offered)])
            table.add(["Accepted", String(mediation.accepted)])
            table.add(["Declined", String(mediation.declined)])
            table.add(["Settled", String(mediation.settled)])
            table.add(["Failed", String(mediation.failed)])
            table.add(["Withdrawn", String(mediation.withdrawn)])
            lines += table.render()
            lines.append("  Acceptance rate: \(mediation.acceptanceRate)")
            lines.append("  Settlement rate: \(mediation.settlementRate)")
            lines.append(
                "  Working days from offer to settlement: median \(StatisticsReport.days(mediation.medianWorkingDaysToSettlement)), mean \(StatisticsReport.days(mediation.meanWorkingDaysToSettlement))"
            )
        } else {
            lines.append("  Not available: see the notes.")
        }

        section("Reviews of decisions", into: &lines)
        if let reviews {
            var table = TextTable(header: ["", "Reviews"])
            table.add(["Requested", String(reviews.requested)])
            table.add(["Accepted late", String(reviews.acceptedLate)])
            table.add(["Decided", String(reviews.decided)])
            table.add(["Upheld", String(reviews.upheld)])
            table.add(["Varied", String(reviews.varied)])
            table.add(["Remitted", String(reviews.remitted)])
            table.add(["Decided on time", String(reviews.decidedOnTime)])
            table.add(["Decided late", String(reviews.decidedLate)])
            table.add(["Open at end", String(reviews.openAtEnd)])
            table.add(["Overdue at end", String(reviews.overdueAtEnd)])
            lines += table.render()
            lines.append("  Decided on time: \(reviews.onTimeRate)")
        } else {
            lines.append("  Not available: see the notes.")
        }

        section("Remedies", into: &lines)
        if let remedies {
            lines.append("  Remedy items: \(remedies.total)")
            var classes = TextTable(header: ["Class", "Items", "Share"])
            for row in remedies.byClass {
                classes.add([StatisticsReport.label(row.key), String(row.count), row.share.percentText])
            }
            if remedies.byClass.isEmpty { classes.add(["(none)", "0", "–"]) }
            lines += classes.render()
            lines.append("")
            var kinds = TextTable(header: ["Kind", "Items", "Share"])
            for row in remedies.byKind {
                kinds.add([StatisticsReport.label(row.key), String(row.count), row.share.percentText])
            }
            if remedies.byKind.isEmpty { kinds.add(["(none)", "0", "–"]) }
            lines += kinds.render()
            lines.append("")
            var money = TextTable(header: ["Currency", "Items", "Recommended", "Verified items", "Verified"])
            for row in remedies.financial {
                money.add([row.currency, String(row.items), row.recommended, String(row.verifiedItems), row.verified])
            }
            if remedies.financial.isEmpty { money.add(["(none)", "0", "0", "0", "0"]) }
            lines.append("  Financial redress")
            lines += money.render()
        } else {
            lines.append("  Not available: see the notes.")
        }

        section("Compliance", into: &lines)
        if let compliance {
            lines.append("  Accepted: \(compliance.accepted)")
            lines.append("  Implemented: \(compliance.implemented)")
            lines.append("  Implemented late: \(compliance.implementedLate)")
            lines.append("  Open non-compliance at end: \(compliance.openNonCompliance)")
            lines.append("")
            var table = TextTable(header: [
                "Respondent", "Accepted", "Rejected", "On time", "Late", "Partial", "Not implemented", "Overdue at end",
                "Non-compliance",
            ])
            for row in compliance.byRespondent {
                table.add([
                    row.respondent, String(row.accepted), String(row.rejected), String(row.implementedOnTime),
                    String(row.implementedLate),
                    String(row.partial), String(row.notImplemented), String(row.overdueAtEnd),
                    String(row.nonComplianceAtEnd),
                ])
            }
            if compliance.byRespondent.isEmpty { table.add(["(none)", "0", "0", "0", "0", "0", "0", "0", "0"]) }
            lines += table.render()
        } else {
            lines.append("  Not available: see the notes.")
        }

        if let dataProtection {
            section("Data protection", into: &lines)
            var table = TextTable(header: ["", "Figure"])
            for figure in dataProtection.figures { table.add([figure.label, figure.text]) }
            lines += table.render()
        }

        if let groups {
            section("By \(groups.grouping.rawValue)", into: &lines)
            var table = TextTable(header: [
                groups.grouping.heading, "Received", "Closed", "Open at end", "Open >12 months", "Upheld", "Clocks met",
                "Median WD to close",
            ])
            for row in groups.rows {
                table.add([
                    row.key, String(row.received), String(row.closed), String(row.openAtEnd),
                    String(row.openOver12Months),
                    row.upheld.percentText, row.clocksWithinAllowance.percentText,
                    StatisticsReport.days(row.medianWorkingDaysToClose),
                ])
            }
            if groups.rows.isEmpty { table.add(["(none)", "0", "0", "0", "0", "–", "–", "–"]) }
            lines += table.render()
        }

        if !notes.isEmpty {
            section("Notes", into: &lines)
            for note in notes { lines.append("  - \(note)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func section(_ title: String, into lines: inout [String]) {
        lines.append("")
        lines.append(title.uppercased())
    }

    /// A table whose first column is aligned left and the others right.
    struct TextTable {
        /// The columns `text` takes on a terminal: two for each wide East Asian character
        /// (Hangul, CJK ideographs, full-width forms), so that Korean names line up.
        static func displayWidth(_ text: String) -> Int {
            text.unicodeScalars.reduce(0) { width, scalar in
                switch scalar.value {
                case 0x0300...0x036F, 0x200B...0x200F: return width
                case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                    0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                    0xFFE0...0xFFE6, 0x20000...0x3FFFD:
                    return width + 2
                default:
                    return width + 1
                }
            }
        }

        var header: [String]
        var rows: [[String]] = []

        mutating func add(_ row: [String]) {
            rows.append(row)
        }

        func render(indent: String = "  ") -> [String] {
            var widths = header.map(TextTable.displayWidth)
            for row in rows {
                for (index, cell) in row.enumerated() where index < widths.count {
                    widths[index] = max(widths[index], TextTable.displayWidth(cell))
                }
            }
            func line(_ cells: [String]) -> String {
                var parts: [String] = []
                for (index, width) in widths.enumerated() {
                    let cell = index < cells.count ? cells[index] : ""
                    let pad = String(repeating: " ", count: max(0, width - TextTable.displayWidth(cell)))
                    parts.append(index == 0 ? cell + pad : pad + cell)
                }
                var text = indent + parts.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                return text
            }
            return [line(header)] + rows.map(line)
        }
    }
}
