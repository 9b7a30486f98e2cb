@testable import RedressCore

/// A hand-made statistics report with every section filled, for the formatter tests.
enum StatisticsFixtures {
    static let period = try! StatisticsPeriod(from: d("2026-01-01"), to: d("2026-12-31"))

    static let report = StatisticsReport(
        office: "Gwangju Human Rights Office",
        timeZone: "Asia/Seoul",
        period: period,
        volume: VolumeStatistics(
            received: 7, closed: 5, reopened: 1, openAtStart: 2, openAtEnd: 5,
            byChannel: [
                VolumeRow(key: "web", received: 4, closed: 3, openAtEnd: 2),
                VolumeRow(key: "letter", received: 3, closed: 2, openAtEnd: 3),
            ],
            byCategory: [
                VolumeRow(key: "housing", received: 5, closed: 3, openAtEnd: 3),
                VolumeRow(key: "mobility", received: 2, closed: 2, openAtEnd: 2),
            ],
            byRespondent: [
                VolumeRow(key: "Housing Department", received: 4, closed: 3, openAtEnd: 3),
                VolumeRow(key: "Transit <Authority> & \"Co\"", received: 3, closed: 2, openAtEnd: 2),
            ]
        ),
        outcomes: OutcomeStatistics(
            closed: 5,
            byStage: [
                CountRow(key: "triage", count: 2, of: 5), CountRow(key: "early_resolution", count: 0, of: 5),
                CountRow(key: "mediation", count: 1, of: 5), CountRow(key: "investigation", count: 2, of: 5),
                CountRow(key: "arbitration", count: 0, of: 5),
            ],
            byOutcome: [
                CountRow(key: "premature", count: 1, of: 5), CountRow(key: "withdrawn", count: 1, of: 5),
                CountRow(key: "settled", count: 1, of: 5), CountRow(key: "upheld", count: 1, of: 5),
                CountRow(key: "not_upheld", count: 1, of: 5),
            ],
            premature: Proportion(1, of: 5),
            upheld: Proportion(1, of: 2)
        ),
        timeliness: TimelinessStatistics(
            clocks: [
                ClockTimeliness(
                    kind: .acknowledge, ended: 7, met: 6, meanWorkingDays: 2.14, medianWorkingDays: 2,
                    p90WorkingDays: 4,
                    extensionsGranted: 0, breachedAtEnd: 0, distribution: [7, 0, 0, 0, 0, 0, 0]),
                ClockTimeliness(
                    kind: .triage, ended: 6, met: 4, meanWorkingDays: 11.5, medianWorkingDays: 10.5, p90WorkingDays: 17,
                    extensionsGranted: 2, breachedAtEnd: 1, distribution: [0, 3, 3, 0, 0, 0, 0]),
                ClockTimeliness(
                    kind: .investigation, ended: 2, met: 1, meanWorkingDays: 70, medianWorkingDays: 70,
                    p90WorkingDays: 80,
                    extensionsGranted: 1, breachedAtEnd: 0, distribution: [0, 0, 0, 0, 1, 1, 0]),
            ],
            pausedByReason: [
                PauseRow(reason: "awaiting_info", pauses: 3, workingDays: 12, calendarDays: 17),
                PauseRow(reason: "on_hold", pauses: 1, workingDays: 20, calendarDays: 28),
            ],
            ageProfile: AgeProfile(open: 5, over3Months: 3, over6Months: 2, over12Months: 1)
        ),
        mediation: MediationStatistics(
            offered: 3, accepted: 2, declined: 1, settled: 1, failed: 1, withdrawn: 0,
            medianWorkingDaysToSettlement: 23, meanWorkingDaysToSettlement: 23),
        remedies: RemedyStatistics(
            total: 4,
            byClass: [CountRow(key: "personal", count: 3, of: 4), CountRow(key: "learning", count: 1, of: 4)],
            byKind: [
                CountRow(key: "apology", count: 2, of: 4), CountRow(key: "financial", count: 1, of: 4),
                CountRow(key: "training", count: 1, of: 4),
            ],
            financial: [
                FinancialRow(currency: "KRW", items: 1, recommended: "500000", verifiedItems: 1, verified: "500000")
            ]
        ),
        compliance: ComplianceStatistics(
            accepted: Proportion(3, of: 4), implemented: Proportion(2, of: 3), implementedLate: Proportion(1, of: 2),
            openNonCompliance: 1,
            byRespondent: [
                ComplianceRow(
                    respondent: "Housing Department", accepted: 2, rejected: 1, implementedOnTime: 1,
                    implementedLate: 1,
                    partial: 0, notImplemented: 1, overdueAtEnd: 1, nonComplianceAtEnd: 1),
                ComplianceRow(
                    respondent: "Transit <Authority> & \"Co\"", accepted: 1, rejected: 0, implementedOnTime: 0,
                    implementedLate: 0,
                    partial: 0, notImplemented: 0, overdueAtEnd: 0, nonComplianceAtEnd: 0),
            ]
        ),
        groups: GroupStatistics(
            grouping: .respondent,
            rows: [
                GroupRow(
                    key: "Housing Department", received: 4, closed: 3, openAtEnd: 3, openOver12Months: 1,
                    upheld: Proportion(1, of: 1), clocksWithinAllowance: Proportion(6, of: 8),
                    medianWorkingDaysToClose: 41.5),
                GroupRow(
                    key: "Transit <Authority> & \"Co\"", received: 3, closed: 2, openAtEnd: 2, openOver12Months: 0,
                    upheld: Proportion(0, of: 1), clocksWithinAllowance: Proportion(5, of: 7),
                    medianWorkingDaysToClose: nil),
            ]),
        notes: ["Mediation figures count offers recorded as case events."]
    )

    /// The same report with the sections a database without resolution tables cannot give.
    static var withoutResolution: StatisticsReport {
        var copy = report
        copy.mediation = nil
        copy.remedies = nil
        copy.compliance = nil
        copy.groups = nil
        return copy
    }
}
