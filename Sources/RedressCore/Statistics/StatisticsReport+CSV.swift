import Foundation

extension StatisticsReport {
    /// The report as one tidy CSV table (RFC 4180, `CSVRecordWriter`): a figure a row, with the
    /// columns `section,dimension,key,metric,value`.
    ///
    /// Shares are fractions with four decimals (`0.6667`); a share of nothing, and a mean,
    /// median or percentile of nothing, is an empty value. Amounts are exact decimal text.
    public func renderCSV() -> String {
        var rows: [[String]] = []
        func add(_ section: String, _ dimension: String, _ key: String, _ metric: String, _ value: String) {
            rows.append([section, dimension, key, metric, value])
        }
        func add(_ section: String, _ dimension: String, _ key: String, _ metric: String, _ value: Int) {
            add(section, dimension, key, metric, String(value))
        }
        func add(_ section: String, _ dimension: String, _ key: String, _ metric: String, _ value: Proportion) {
            add(section, dimension, key, metric, value.count)
            add(section, dimension, key, metric + "_total", value.total)
            add(section, dimension, key, metric + "_share", value.roundedValue.map(StatisticsReport.decimal) ?? "")
        }
        func add(_ section: String, _ dimension: String, _ key: String, _ metric: String, _ value: Double?) {
            add(section, dimension, key, metric, value.map(StatisticsReport.decimal) ?? "")
        }

        add("report", "", "", "office", office)
        add("report", "", "", "time_zone", timeZone)
        add("report", "", "", "from", period.from.iso)
        add("report", "", "", "to", period.to.iso)

        add("volume", "", "", "open_at_start", volume.openAtStart)
        add("volume", "", "", "received", volume.received)
        add("volume", "", "", "reopened", volume.reopened)
        add("volume", "", "", "closed", volume.closed)
        add("volume", "", "", "open_at_end", volume.openAtEnd)
        for (dimension, list) in [
            ("channel", volume.byChannel), ("category", volume.byCategory), ("respondent", volume.byRespondent),
        ] {
            for row in list {
                add("volume", dimension, row.key, "received", row.received)
                add("volume", dimension, row.key, "closed", row.closed)
                add("volume", dimension, row.key, "open_at_end", row.openAtEnd)
            }
        }

        add("outcomes", "", "", "closed", outcomes.closed)
        for row in outcomes.byStage { add("outcomes", "stage", row.key, "closed", row.share) }
        for row in outcomes.byOutcome { add("outcomes", "outcome", row.key, "closed", row.share) }
        add("outcomes", "", "", "premature", outcomes.premature)
        add("outcomes", "", "", "upheld", outcomes.upheld)

        for row in timeliness.clocks {
            let kind = row.kind.rawValue
            add("timeliness", "clock", kind, "ended", row.ended)
            add("timeliness", "clock", kind, "within_allowance", row.withinAllowance)
            add("timeliness", "clock", kind, "late", row.late)
            add("timeliness", "clock", kind, "mean_working_days", row.meanWorkingDays)
            add("timeliness", "clock", kind, "median_working_days", row.medianWorkingDays)
            add("timeliness", "clock", kind, "p90_working_days", row.p90WorkingDays.map(String.init) ?? "")
            add("timeliness", "clock", kind, "extensions_granted", row.extensionsGranted)
            add("timeliness", "clock", kind, "breached_at_end", row.breachedAtEnd)
            for (label, count) in zip(TimelinessStatistics.bandLabels, row.distribution) {
                add(
                    "timeliness", "clock", kind,
                    "ended_in_band_"
                        + label.replacingOccurrences(of: "–", with: "_").replacingOccurrences(of: "+", with: "_plus"),
                    count)
            }
        }
        add("timeliness", "", "", "extensions_granted", timeliness.extensionsGranted)
        for row in timeliness.pausedByReason {
            add("timeliness", "pause_reason", row.reason, "pauses", row.pauses)
            add("timeliness", "pause_reason", row.reason, "paused_working_days", row.workingDays)
            add("timeliness", "pause_reason", row.reason, "paused_calendar_days", row.calendarDays)
        }
        let age = timeliness.ageProfile
        add("timeliness", "age", "", "open_at_end", age.open)
        add("timeliness", "age", "", "open_over_3_months", age.over3Months)
        add("timeliness", "age", "", "open_over_6_months", age.over6Months)
        add("timeliness", "age", "", "open_over_12_months", age.over12Months)

        if let mediation {
            add("mediation", "", "", "offered", mediation.offered)
            add("mediation", "", "", "accepted", mediation.accepted)
            add("mediation", "", "", "declined", mediation.declined)
            add("mediation", "", "", "settled", mediation.settled)
            add("mediation", "", "", "failed", mediation.failed)
            add("mediation", "", "", "withdrawn", mediation.withdrawn)
            add("mediation", "", "", "acceptance_rate", mediation.acceptanceRate)
            add("mediation", "", "", "settlement_rate", mediation.settlementRate)
            add("mediation", "", "", "median_working_days_to_settlement", mediation.medianWorkingDaysToSettlement)
            add("mediation", "", "", "mean_working_days_to_settlement", mediation.meanWorkingDaysToSettlement)
        }

        if let reviews {
            add("reviews", "", "", "requested", reviews.requested)
            add("reviews", "", "", "accepted_late", reviews.acceptedLate)
            add("reviews", "", "", "decided", reviews.decided)
            add("reviews", "outcome", "upheld", "decided", reviews.upheld)
            add("reviews", "outcome", "varied", "decided", reviews.varied)
            add("reviews", "outcome", "remitted", "decided", reviews.remitted)
            add("reviews", "", "", "decided_on_time", reviews.decidedOnTime)
            add("reviews", "", "", "decided_late", reviews.decidedLate)
            add("reviews", "", "", "on_time_rate", reviews.onTimeRate)
            add("reviews", "", "", "open_at_end", reviews.openAtEnd)
            add("reviews", "", "", "overdue_at_end", reviews.overdueAtEnd)
        }

        if let remedies {
            add("remedies", "", "", "total", remedies.total)
            for row in remedies.byClass { add("remedies", "class", row.key, "items", row.share) }
            for row in remedies.byKind { add("remedies", "kind", row.key, "items", row.share) }
            for row in remedies.financial {
                add("remedies", "currency", row.currency, "financial_items", row.items)
                add("remedies", "currency", row.currency, "recommended_amount", row.recommended)
                add("remedies", "currency", row.currency, "verified_items", row.verifiedItems)
                add("remedies", "currency", row.currency, "verified_amount", row.verified)
            }
        }

        if let compliance {
            add("compliance", "", "", "accepted", compliance.accepted)
            add("compliance", "", "", "implemented", compliance.implemented)
            add("compliance", "", "", "implemented_late", compliance.implementedLate)
            add("compliance", "", "", "open_non_compliance", compliance.openNonCompliance)
            for row in compliance.byRespondent {
                let key = row.respondent
                add("compliance", "respondent", key, "accepted", row.accepted)
                add("compliance", "respondent", key, "rejected", row.rejected)
                add("compliance", "respondent", key, "implemented_on_time", row.implementedOnTime)
                add("compliance", "respondent", key, "implemented_late", row.implementedLate)
                add("compliance", "respondent", key, "partial", row.partial)
                add("compliance", "respondent", key, "not_implemented", row.notImplemented)
                add("compliance", "respondent", key, "overdue_at_end", row.overdueAtEnd)
                add("compliance", "respondent", key, "non_compliance_at_end", row.nonComplianceAtEnd)
            }
        }

        for figure in dataProtection?.figures ?? [] {
            add("data_protection", "part", figure.part, figure.metric, figure.value)
        }

        if let groups {
            let dimension = groups.grouping.rawValue
            for row in groups.rows {
                add("groups", dimension, row.key, "received", row.received)
                add("groups", dimension, row.key, "closed", row.closed)
                add("groups", dimension, row.key, "open_at_end", row.openAtEnd)
                add("groups", dimension, row.key, "open_over_12_months", row.openOver12Months)
                add("groups", dimension, row.key, "upheld", row.upheld)
                add("groups", dimension, row.key, "clocks_within_allowance", row.clocksWithinAllowance)
                add("groups", dimension, row.key, "median_working_days_to_close", row.medianWorkingDaysToClose)
            }
        }

        for (index, note) in notes.enumerated() {
            add("notes", "", String(index + 1), "note", note)
        }
        var writer = CSVRecordWriter(sink: "", lineEnd: .crlf)
        writer.write(header: ["section", "dimension", "key", "metric", "value"], records: rows)
        return writer.sink
    }

    /// A number with at most four decimals and no trailing zeros ("0.6667", "12.5", "3").
    static func decimal(_ value: Double) -> String {
        let scaled = Int((abs(value) * 10_000).rounded())
        let sign = value < 0 && scaled > 0 ? "-" : ""
        var fraction = String(scaled % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return sign + String(scaled / 10_000) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
