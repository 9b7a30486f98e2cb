extension StatisticsReport {
    /// The ids of the charts `renderHTML()` draws, in page order; the mediation, remedy and
    /// compliance charts only when those sections are present.
    public var htmlChartIDs: [String] {
        var ids = [
            "chart-volume", "chart-channel", "chart-category", "chart-respondent", "chart-stage", "chart-outcome",
            "chart-within-allowance", "chart-timeliness-distribution", "chart-paused", "chart-age",
        ]
        if mediation != nil { ids.append("chart-mediation") }
        if remedies != nil { ids += ["chart-remedy-class", "chart-remedy-kind"] }
        if compliance != nil { ids.append("chart-compliance") }
        if groups != nil { ids.append("chart-groups") }
        return ids
    }

    /// The report as one self-contained HTML page: tables, and charts drawn as inline SVG with
    /// text alternatives; no script, no external file, laid out for screen and for print.
    public func renderHTML() -> String {
        typealias S = SVG
        let e = S.escape
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Statistics: \(e(office)), \(e(period.description))</title>
            <style>\(StatisticsReport.stylesheet)</style>
            </head>
            <body>
            <header>
            <h1>Statistics for the annual report</h1>
            <p class="meta">\(e(office)) · \(period.from.iso) to \(period.to.iso) · dates in \(e(timeZone))</p>
            <p class="meta">Figures as they stood at the end of \(period.to.iso). Working days are counted on the office calendar, net of paused days.</p>
            \(standbyReplayLag.map { "<p class=\"meta\">\(e(ReportText.standbyLine($0)))</p>" } ?? "")
            </header>
            <nav aria-label="Sections"><ol>
            <li><a href="#volume">Volume</a></li><li><a href="#closure">Stage of closure</a></li><li><a href="#outcomes">Outcomes</a></li>
            <li><a href="#timeliness">Timeliness</a></li><li><a href="#mediation">Mediation</a></li><li><a href="#reviews">Reviews</a></li><li><a href="#remedies">Remedies</a></li>
            <li><a href="#compliance">Compliance</a></li>\(dataProtection == nil ? "" : "<li><a href=\"#data-protection\">Data protection</a></li>")\(groups == nil ? "" : "<li><a href=\"#groups\">By \(groups!.grouping.rawValue)</a></li>")\(notes.isEmpty ? "" : "<li><a href=\"#notes\">Notes</a></li>")
            </ol></nav>
            <main>

            """

        // Volume.
        html += "<section id=\"volume\"><h2>Volume</h2>"
        let volumeBars = [
            S.Bar(label: "Open at start", value: Double(volume.openAtStart), text: String(volume.openAtStart)),
            S.Bar(label: "Received", value: Double(volume.received), text: String(volume.received)),
            S.Bar(label: "Reopened", value: Double(volume.reopened), text: String(volume.reopened)),
            S.Bar(label: "Closed", value: Double(volume.closed), text: String(volume.closed)),
            S.Bar(label: "Open at end", value: Double(volume.openAtEnd), text: String(volume.openAtEnd)),
        ]
        html += figure(
            S.horizontalBars(
                id: "chart-volume", title: "Cases over the period", description: describe(volumeBars, unit: "cases"),
                bars: volumeBars),
            caption: "Cases open at the start, received, reopened, closed and open at the end of the period.")
        html += table(
            caption: "Cases over the period", header: ["", "Cases"], rows: volumeBars.map { [$0.label, $0.text] })
        for (id, heading, rows) in [
            ("chart-channel", "Channel", volume.byChannel), ("chart-category", "Category", volume.byCategory),
            ("chart-respondent", "Respondent", volume.byRespondent),
        ] {
            html += "<h3>By \(heading.lowercased())</h3>"
            let bars = rows.map { S.Bar(label: $0.key, value: Double($0.received), text: String($0.received)) }
            html += figure(
                S.horizontalBars(
                    id: id, title: "Cases received by \(heading.lowercased())",
                    description: describe(bars, unit: "received"), bars: bars),
                caption: "Cases received in the period by \(heading.lowercased()).")
            html += table(
                caption: "Volume by \(heading.lowercased())", header: [heading, "Received", "Closed", "Open at end"],
                rows: rows.map { [$0.key, String($0.received), String($0.closed), String($0.openAtEnd)] })
        }
        html += "</section>\n"

        // Stage of closure and outcomes.
        html += "<section id=\"closure\"><h2>Stage of closure</h2>"
        let stageBars = outcomes.byStage.map {
            S.Bar(
                label: ClosureStage(rawValue: $0.key)?.label ?? StatisticsReport.label($0.key), value: Double($0.count),
                text: "\($0.count) (\($0.share.percentText))")
        }
        html += figure(
            S.horizontalBars(
                id: "chart-stage", title: "Closings by stage", description: describe(stageBars, unit: "closings"),
                bars: stageBars, color: S.palette[2]),
            caption: "The \(outcomes.closed) closings of the period by the stage at which the case was resolved.")
        html += table(
            caption: "Closings by stage", header: ["Stage", "Closings", "Share"],
            rows: zip(stageBars, outcomes.byStage).map { [$0.label, String($1.count), $1.share.percentText] })
        html += "<p>Premature: \(e(outcomes.premature.description)).</p></section>\n"

        html += "<section id=\"outcomes\"><h2>Outcomes</h2>"
        let outcomeBars = outcomes.byOutcome.map {
            S.Bar(
                label: StatisticsReport.label($0.key), value: Double($0.count),
                text: "\($0.count) (\($0.share.percentText))")
        }
        // The chart leaves out the outcomes nobody had; the table lists every code.
        let drawnOutcomes = outcomeBars.filter { $0.value > 0 }
        html += figure(
            S.horizontalBars(
                id: "chart-outcome", title: "Closings by outcome",
                description: describe(drawnOutcomes, unit: "closings"), bars: drawnOutcomes, color: S.palette[1]),
            caption:
                "The \(outcomes.closed) closings of the period by outcome (outcomes with none left out; the table lists every code)."
        )
        html += table(
            caption: "Closings by outcome", header: ["Outcome", "Closings", "Share"],
            rows: zip(outcomeBars, outcomes.byOutcome).map { [$0.label, String($1.count), $1.share.percentText] })
        html +=
            "<p>Upheld or partly upheld, of the investigated outcomes: \(e(outcomes.upheld.description)).</p></section>\n"

        // Timeliness.
        html += "<section id=\"timeliness\"><h2>Timeliness</h2>"
        let ended = timeliness.clocks.filter { $0.ended > 0 }
        let withinBars = ended.map {
            S.Bar(
                label: $0.kind.rawValue, value: ($0.withinAllowance.value ?? 0) * 100,
                text: "\($0.withinAllowance.percentText) of \($0.ended)")
        }
        html += figure(
            S.horizontalBars(
                id: "chart-within-allowance", title: "Clocks met within their allowance",
                description: describe(withinBars, unit: "met within the allowance"), bars: withinBars,
                color: S.palette[2], maximum: 100),
            caption: "The share of the clocks that ended in the period that were met on or before their due date.")
        html += table(
            caption: "Clocks that ended, were extended or were breached in the period (working days net of pauses)",
            header: [
                "Clock", "Ended", "Met", "Within allowance", "Late", "Mean", "Median", "P90", "Extensions",
                "Breached at end",
            ],
            rows: timeliness.clocks.map {
                [
                    $0.kind.rawValue, String($0.ended), String($0.met), $0.withinAllowance.percentText,
                    $0.late.percentText,
                    StatisticsReport.days($0.meanWorkingDays), StatisticsReport.days($0.medianWorkingDays),
                    StatisticsReport.days($0.p90WorkingDays),
                    String($0.extensionsGranted), String($0.breachedAtEnd),
                ]
            })
        html += "<p>Extensions granted in the period: \(timeliness.extensionsGranted).</p>"
        let bands = TimelinessStatistics.bandLabels
        let panels = ended.map { S.Histogram(label: $0.kind.rawValue, counts: $0.distribution) }
        let distributionText = ended.map { row in
            "\(row.kind.rawValue): " + zip(bands, row.distribution).map { "\($1) in \($0)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        html += figure(
            S.histograms(
                id: "chart-timeliness-distribution", title: "Working days taken, per clock",
                description: ended.isEmpty
                    ? "No clock ended in the period."
                    : "Clocks ended in the period by working days taken, net of pauses. " + distributionText + ".",
                bands: bands, panels: panels),
            caption: "How many working days, net of pauses, each kind of clock took, in bands.")
        html += table(
            caption: "Ended clocks by working days taken", header: ["Clock"] + bands,
            rows: ended.map { [$0.kind.rawValue] + $0.distribution.map(String.init) })
        html += "<h3>Paused time</h3>"
        let pauseBars = timeliness.pausedByReason.map {
            S.Bar(label: StatisticsReport.label($0.reason), value: Double($0.workingDays), text: "\($0.workingDays) WD")
        }
        html += figure(
            S.horizontalBars(
                id: "chart-paused", title: "Working days paused, by reason",
                description: describe(pauseBars, unit: "working days paused"), bars: pauseBars, color: S.palette[4]),
            caption: "Working days paused within the period, by the reason for the pause.")
        html += table(
            caption: "Paused time within the period", header: ["Reason", "Pauses", "Working days", "Calendar days"],
            rows: timeliness.pausedByReason.map {
                [StatisticsReport.label($0.reason), String($0.pauses), String($0.workingDays), String($0.calendarDays)]
            })
        html += "<h3>Age of the cases open at the end</h3>"
        let age = timeliness.ageProfile
        let ageBars = [
            S.Bar(label: "All open", value: Double(age.open), text: String(age.open)),
            S.Bar(
                label: "Over 3 months", value: Double(age.over3Months.count),
                text: "\(age.over3Months.count) (\(age.over3Months.percentText))"),
            S.Bar(
                label: "Over 6 months", value: Double(age.over6Months.count),
                text: "\(age.over6Months.count) (\(age.over6Months.percentText))"),
            S.Bar(
                label: "Over 12 months", value: Double(age.over12Months.count),
                text: "\(age.over12Months.count) (\(age.over12Months.percentText))"),
        ]
        html += figure(
            S.horizontalBars(
                id: "chart-age", title: "Age of open cases", description: describe(ageBars, unit: "cases"),
                bars: ageBars, color: S.palette[3]),
            caption: "Cases open at the end of the period, by how long they had been open.")
        html += table(
            caption: "Age of open cases", header: ["Open at end", "Cases"], rows: ageBars.map { [$0.label, $0.text] })
        html += "</section>\n"

        // Mediation.
        html += "<section id=\"mediation\"><h2>Mediation</h2>"
        if let mediation {
            let bars = [
                ("Offered", mediation.offered), ("Accepted", mediation.accepted), ("Declined", mediation.declined),
                ("Settled", mediation.settled), ("Failed", mediation.failed), ("Withdrawn", mediation.withdrawn),
            ]
            .map { S.Bar(label: $0.0, value: Double($0.1), text: String($0.1)) }
            html += figure(
                S.horizontalBars(
                    id: "chart-mediation", title: "Mediation", description: describe(bars, unit: "mediations"),
                    bars: bars, color: S.palette[5]),
                caption: "Mediations offered, answered and ended in the period.")
            html += table(caption: "Mediation", header: ["", "Cases"], rows: bars.map { [$0.label, $0.text] })
            html +=
                "<p>Acceptance rate: \(e(mediation.acceptanceRate.description)). Settlement rate: \(e(mediation.settlementRate.description)). "
            html +=
                "Working days from offer to settlement: median \(StatisticsReport.days(mediation.medianWorkingDaysToSettlement)), mean \(StatisticsReport.days(mediation.meanWorkingDaysToSettlement)).</p>"
        } else {
            html += "<p class=\"missing\">Not available: see the notes.</p>"
        }
        html += "</section>\n"

        // Reviews of decisions.
        html += "<section id=\"reviews\"><h2>Reviews of decisions</h2>"
        if let reviews {
            let rows: [(String, Int)] = [
                ("Requested", reviews.requested), ("Accepted late", reviews.acceptedLate), ("Decided", reviews.decided),
                ("Upheld", reviews.upheld), ("Varied", reviews.varied), ("Remitted", reviews.remitted),
                ("Decided on time", reviews.decidedOnTime), ("Decided late", reviews.decidedLate),
                ("Open at end", reviews.openAtEnd), ("Overdue at end", reviews.overdueAtEnd),
            ]
            html += table(
                caption: "Reviews of decisions", header: ["", "Reviews"], rows: rows.map { [$0.0, String($0.1)] })
            html += "<p>Decided on time: \(e(reviews.onTimeRate.description)).</p>"
        } else {
            html += "<p class=\"missing\">Not available: see the notes.</p>"
        }
        html += "</section>\n"

        // Remedies.
        html += "<section id=\"remedies\"><h2>Remedies</h2>"
        if let remedies {
            html += "<p>Remedy items created in the period: \(remedies.total).</p>"
            let classBars = remedies.byClass.map {
                S.Bar(
                    label: StatisticsReport.label($0.key), value: Double($0.count),
                    text: "\($0.count) (\($0.share.percentText))")
            }
            html += figure(
                S.horizontalBars(
                    id: "chart-remedy-class", title: "Remedies by class",
                    description: describe(classBars, unit: "items"), bars: classBars, color: S.palette[0]),
                caption: "Remedy items by class.")
            html += table(
                caption: "Remedies by class", header: ["Class", "Items", "Share"],
                rows: zip(classBars, remedies.byClass).map { [$0.label, String($1.count), $1.share.percentText] })
            let kindBars = remedies.byKind.map {
                S.Bar(
                    label: StatisticsReport.label($0.key), value: Double($0.count),
                    text: "\($0.count) (\($0.share.percentText))")
            }
            html += figure(
                S.horizontalBars(
                    id: "chart-remedy-kind", title: "Remedies by kind", description: describe(kindBars, unit: "items"),
                    bars: kindBars, color: S.palette[1]),
                caption: "Remedy items by kind.")
            html += table(
                caption: "Remedies by kind", header: ["Kind", "Items", "Share"],
                rows: zip(kindBars, remedies.byKind).map { [$0.label, String($1.count), $1.share.percentText] })
            html += table(
                caption: "Financial redress",
                header: ["Currency", "Items", "Recommended", "Verified items", "Verified"],
                rows: remedies.financial.map {
                    [$0.currency, String($0.items), $0.recommended, String($0.verifiedItems), $0.verified]
                })
        } else {
            html += "<p class=\"missing\">Not available: see the notes.</p>"
        }
        html += "</section>\n"

        // Compliance.
        html += "<section id=\"compliance\"><h2>Compliance</h2>"
        if let compliance {
            html +=
                "<ul><li>Accepted: \(e(compliance.accepted.description))</li><li>Implemented: \(e(compliance.implemented.description))</li>"
            html +=
                "<li>Implemented late: \(e(compliance.implementedLate.description))</li><li>Open non-compliance at the end: \(compliance.openNonCompliance)</li></ul>"
            // What each body did with the items concluded in the period, then what it still owed
            // at the end: overdue, and of that in non-compliance (the darkest part).
            let series = [
                ("Implemented on time", S.palette[2]), ("Implemented late", S.palette[1]), ("Partial", S.palette[5]),
                ("Not implemented", S.palette[3]), ("Overdue", S.palette[4]), ("Non-compliance", S.palette[7]),
            ]
            let rows = compliance.byRespondent.map {
                S.StackedRow(
                    label: $0.respondent,
                    values: [
                        $0.implementedOnTime, $0.implementedLate, $0.partial, $0.notImplemented,
                        $0.overdueAtEnd - $0.nonComplianceAtEnd, $0.nonComplianceAtEnd,
                    ],
                    note: "\($0.concluded) concluded, \($0.overdueAtEnd) overdue")
            }
            let description =
                compliance.byRespondent.isEmpty
                ? "No respondent had remedies concluded or obligations overdue in the period."
                : compliance.byRespondent.map {
                    "\($0.respondent): \($0.implementedOnTime) implemented on time, \($0.implementedLate) late, \($0.partial) partial, \($0.notImplemented) not implemented; \($0.overdueAtEnd) overdue at the end, \($0.nonComplianceAtEnd) of them in non-compliance"
                }.joined(separator: "; ") + "."
            html += figure(
                S.stackedBars(
                    id: "chart-compliance", title: "Compliance by respondent", description: description, series: series,
                    rows: rows),
                caption:
                    "By respondent: remedy items concluded in the period, then obligations (responses, replies, remedies) overdue at the end, the darkest part 30 working days or more past due."
            )
            html += table(
                caption: "Compliance by respondent",
                header: [
                    "Respondent", "Accepted", "Rejected", "On time", "Late", "Partial", "Not implemented",
                    "Overdue at end", "Non-compliance",
                ],
                rows: compliance.byRespondent.map {
                    [
                        $0.respondent, String($0.accepted), String($0.rejected), String($0.implementedOnTime),
                        String($0.implementedLate),
                        String($0.partial), String($0.notImplemented), String($0.overdueAtEnd),
                        String($0.nonComplianceAtEnd),
                    ]
                })
        } else {
            html += "<p class=\"missing\">Not available: see the notes.</p>"
        }
        html += "</section>\n"

        // Data protection.
        if let dataProtection {
            html += "<section id=\"data-protection\"><h2>Data protection</h2>"
            html += table(
                caption: "Data protection", header: ["", "Figure"],
                rows: dataProtection.figures.map { [$0.label, $0.text] })
            html += "</section>\n"
        }

        if let groups {
            html += "<section id=\"groups\"><h2>By \(groups.grouping.rawValue)</h2>"
            let bars = groups.rows.map { S.Bar(label: $0.key, value: Double($0.received), text: String($0.received)) }
            html += figure(
                S.horizontalBars(
                    id: "chart-groups", title: "Cases received by \(groups.grouping.rawValue)",
                    description: describe(bars, unit: "received"), bars: bars),
                caption: "Cases received in the period by \(groups.grouping.rawValue).")
            html += table(
                caption: "Key figures by \(groups.grouping.rawValue)",
                header: [
                    groups.grouping.heading, "Received", "Closed", "Open at end", "Open over 12 months", "Upheld",
                    "Clocks met", "Median WD to close",
                ],
                rows: groups.rows.map {
                    [
                        $0.key, String($0.received), String($0.closed), String($0.openAtEnd),
                        String($0.openOver12Months),
                        $0.upheld.percentText, $0.clocksWithinAllowance.percentText,
                        StatisticsReport.days($0.medianWorkingDaysToClose),
                    ]
                })
            html += "</section>\n"
        }

        if !notes.isEmpty {
            html +=
                "<section id=\"notes\"><h2>Notes</h2><ul>" + notes.map { "<li>\(e($0))</li>" }.joined()
                + "</ul></section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(SVG.escape(caption))</figcaption></figure>\n"
    }

    private func table(caption: String, header: [String], rows: [[String]]) -> String {
        var html = "<table><caption>\(SVG.escape(caption))</caption><thead><tr>"
        for (index, cell) in header.enumerated() {
            html += "<th scope=\"col\"\(index == 0 ? "" : " class=\"n\"")>\(SVG.escape(cell))</th>"
        }
        html += "</tr></thead><tbody>"
        if rows.isEmpty {
            html += "<tr><td colspan=\"\(header.count)\">Nothing in this period.</td></tr>"
        }
        for row in rows {
            html += "<tr>"
            for (index, cell) in row.enumerated() {
                html +=
                    index == 0
                    ? "<th scope=\"row\">\(SVG.escape(cell))</th>" : "<td class=\"n\">\(SVG.escape(cell))</td>"
            }
            html += "</tr>"
        }
        return html + "</tbody></table>\n"
    }

    /// A sentence stating every bar, for the chart's text alternative.
    private func describe(_ bars: [SVG.Bar], unit: String) -> String {
        guard !bars.isEmpty else { return "Nothing in this period." }
        return bars.map { "\($0.label): \($0.text)" }.joined(separator: "; ") + " (\(unit))."
    }

    static let stylesheet = """
        :root{color-scheme:light;--ink:#111;--muted:#555;--rule:#ccc}
        *{box-sizing:border-box}
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans KR",sans-serif;color:var(--ink);background:#fff;margin:0 auto;max-width:980px;padding:24px}
        h1{font-size:1.7em;margin:0 0 .2em}h2{font-size:1.3em;border-bottom:2px solid var(--ink);padding-bottom:.15em;margin-top:1.8em}h3{font-size:1.05em;margin-top:1.4em}
        .meta{color:var(--muted);margin:.2em 0}
        nav ol{display:flex;flex-wrap:wrap;gap:.3em 1.2em;padding:0;list-style:none;margin:1em 0}
        figure{margin:1em 0}figcaption{color:var(--muted);font-size:.9em}
        svg.chart{max-width:100%;height:auto;display:block}
        table{border-collapse:collapse;margin:.8em 0 1.2em;font-size:.92em;font-variant-numeric:tabular-nums}
        caption{text-align:left;font-weight:600;padding-bottom:.3em}
        th,td{border-bottom:1px solid var(--rule);padding:.25em .7em;text-align:left;vertical-align:top}
        thead th{border-bottom:2px solid var(--ink)}
        .n{text-align:right}
        .missing{color:var(--muted);font-style:italic}
        @media print{
          body{max-width:none;padding:0;font-size:11pt}
          nav{display:none}
          section{break-before:auto}
          figure,table,h2,h3{break-inside:avoid}
          h2,h3{break-after:avoid}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
          a{color:inherit;text-decoration:none}
        }
        """
}
