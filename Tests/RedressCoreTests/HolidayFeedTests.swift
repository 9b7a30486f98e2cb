import Foundation
import Testing

@testable import RedressCore

/// The holiday feeds in `Feeds/`, as offices get them.
enum Feeds {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Feeds")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    /// A calendar of one event whose properties are `lines`, CRLF-ended: `BEGIN:VEVENT` is line 3,
    /// the first of `lines` line 4.
    static func event(_ lines: [String]) -> [UInt8] {
        calendar(["BEGIN:VEVENT"] + lines + ["END:VEVENT"])
    }

    /// A calendar holding `lines` after its `VERSION` (line 2).
    static func calendar(_ lines: [String]) -> [UInt8] {
        Array((["BEGIN:VCALENDAR", "VERSION:2.0"] + lines + ["END:VCALENDAR", ""]).joined(separator: "\r\n").utf8)
    }

    /// Each event's name, holiday count and the rule's open end.
    static func summary(_ expanded: [HolidayFeed.EventHolidays]) -> [String] {
        expanded.map { "\($0.event.name): \($0.holidays.count)" + ($0.openRuleThrough.map { " through \($0)" } ?? "") }
    }

    static func dates(_ expanded: [HolidayFeed.EventHolidays]) -> [String] {
        expanded.flatMap(\.holidays).map(\.date.iso)
    }
}

@Suite("Holiday feeds (RFC 5545)")
struct HolidayFeedTests {
    // MARK: Feeds in the wild

    @Test func aNationalBankHolidayFeedGivesOneHolidayAnEvent() throws {
        let feed = try HolidayFeed(parsing: Feeds.bytes("bank-holidays.ics"))
        let expanded = try feed.holidays(calendar: "England and Wales")
        #expect(feed.years == 2026...2027)
        #expect(expanded.count == 16)
        #expect(expanded.allSatisfy { $0.holidays.count == 1 && $0.openRuleThrough == nil })
        #expect(
            expanded[0].holidays == [
                Holiday(date: d("2026-01-01"), name: "New Year’s Day", calendar: "England and Wales")
            ])
        #expect(Feeds.dates(expanded).suffix(2) == ["2027-12-27", "2027-12-28"])
        #expect(expanded[15].event.name == "Boxing Day (substitute day)")
    }

    @Test func aCalendarServiceExportExpandsMultiDayEventsRulesAndExtraDates() throws {
        let feed = try HolidayFeed(parsing: Feeds.bytes("calendar-service-export.ics"))
        let expanded = try feed.holidays(calendar: "KR national")
        #expect(feed.years == 2026...2028)
        #expect(
            Feeds.summary(expanded) == [
                "New Year's Day: 3 through 2028", "Independence Movement Day: 3 through 2028", "Children's Day: 3",
                "Memorial Day: 3", "Liberation Day: 3 through 2028", "National Foundation Day: 3 through 2028",
                "Hangul Day: 3 through 2028", "Christmas Day: 3 through 2028", "Seollal: 3", "Buddha's Birthday: 1",
                "Substitute holiday: 4", "Chuseok: 3", "Chuseok: 3",
            ])
        let byName = Dictionary(grouping: expanded, by: \.event.name).mapValues { Feeds.dates($0) }
        #expect(byName["Seollal"] == ["2027-02-06", "2027-02-07", "2027-02-08"])
        #expect(byName["Substitute holiday"] == ["2027-08-16", "2027-10-04", "2027-10-11", "2027-12-27"])
        #expect(
            byName["Chuseok"] == ["2027-09-14", "2027-09-15", "2027-09-16", "2028-10-02", "2028-10-03", "2028-10-04"])
        #expect(byName["Independence Movement Day"] == ["2026-03-01", "2027-03-01", "2028-03-01"])
        // Chuseok 2028 covers National Foundation Day: one holiday that day, named for both.
        let merged = Holiday.merged(expanded.flatMap(\.holidays))
        #expect(merged.count == 37)
        #expect(merged.first { $0.date == d("2028-10-03") }?.name == "National Foundation Day; Chuseok")
    }

    @Test func aDesktopCalendarFileIsUnfoldedAndItsAlarmsAndTimeZonesPassedOver() throws {
        let bytes = try Feeds.bytes("desktop-calendar.ics")
        // Folded inside a Hangul character: the file is UTF-8 only once unfolded.
        #expect(String(validating: bytes, as: UTF8.self) == nil)
        let feed = try HolidayFeed(parsing: bytes)
        let expanded = try feed.holidays(calendar: "Gwangju")
        #expect(feed.years == 2025...2027)
        #expect(
            Feeds.summary(expanded) == [
                "May 18 Democratic Uprising Memorial Day, Gwangju city holiday: 2 through 2027",
                "Office closed; staff training on the new case system: 2",
                "광주광역시 인권옴부즈맨 사무소 창립기념일: 휴무 (the office's foundation day): 2 through 2027",
            ])
        #expect(
            Feeds.dates(expanded) == [
                "2026-05-18", "2027-05-18", "2026-12-29", "2026-12-30", "2025-11-02", "2026-11-02",
            ])
        #expect(expanded[0].event.days == 1, "the alarm's DURATION is not the event's")
    }

    // MARK: Acceptance

    @Test func aThreeDayHolidayWithAnExclusiveEndGivesThreeHolidays() throws {
        let expanded = try HolidayFeed(
            parsing: Feeds.event(["DTSTART;VALUE=DATE:20270206", "DTEND;VALUE=DATE:20270209", "SUMMARY:Seollal"])
        ).holidays(calendar: "office")
        #expect(Feeds.dates(expanded) == ["2027-02-06", "2027-02-07", "2027-02-08"])
        #expect(expanded[0].holidays.allSatisfy { $0.name == "Seollal" && $0.calendar == "office" })
    }

    @Test func aYearlyRuleWithOneExclusionGivesTheRightSetOverFiveYears() throws {
        let feed = try HolidayFeed(
            parsing: Feeds.event([
                "DTSTART;VALUE=DATE:20260301", "RRULE:FREQ=YEARLY", "EXDATE;VALUE=DATE:20280301",
                "SUMMARY:Independence Movement Day",
            ]))
        let expanded = try feed.holidays(calendar: "office", through: 2030)
        #expect(Feeds.dates(expanded) == ["2026-03-01", "2027-03-01", "2029-03-01", "2030-03-01"])
        #expect(expanded[0].openRuleThrough == 2030)
        // Without --until, through the last year the file names (the EXDATE's).
        #expect(Feeds.dates(try feed.holidays(calendar: "office")) == ["2026-03-01", "2027-03-01"])
    }

    @Test func aTimedEventIsRefusedWithItsLine() {
        #expect(throws: HolidayFeedError.timeOfDay(line: 5, property: "DTSTART", value: "20260505T090000Z")) {
            try HolidayFeed(parsing: Feeds.event(["UID:1", "DTSTART:20260505T090000Z", "SUMMARY:Staff meeting"]))
        }
        let message = HolidayFeedError.timeOfDay(line: 5, property: "DTSTART", value: "20260505T090000Z").message
        #expect(message.hasPrefix("Line 5: DTSTART 20260505T090000Z is a date and time"))
    }

    // MARK: Lines

    @Test func lineEndsAndFoldsReadAlike() throws {
        let lines = [
            "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260505", "SUMMARY:Children", " 's Day",
            "END:VEVENT", "END:VCALENDAR",
        ]
        let variants = [
            lines.joined(separator: "\r\n"), lines.joined(separator: "\n") + "\n",
            lines.joined(separator: "\r\n").replacingOccurrences(of: "\r\n 's", with: "\n\t's"),
            "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n\r\n",
        ]
        for text in variants {
            let expanded = try HolidayFeed(parsing: Array(text.utf8)).holidays(calendar: "office")
            #expect(
                expanded[0].holidays == [Holiday(date: d("2026-05-05"), name: "Children's Day", calendar: "office")])
        }
    }

    @Test(arguments: [
        (#"New Year\, Day 1"#, "New Year, Day 1"), (#"Closed\; training"#, "Closed; training"),
        (#"Two\nlines"#, "Two lines"), (#"Back\\slash"#, #"Back\slash"#), ("Tab\tbed", "Tab bed"),
        (#"Kept \: as written"#, #"Kept \: as written"#),
    ])
    func escapedTextIsUnescaped(written: String, name: String) throws {
        let expanded = try HolidayFeed(parsing: Feeds.event(["DTSTART;VALUE=DATE:20260101", "SUMMARY:" + written]))
            .holidays(calendar: "office")
        #expect(expanded[0].event.name == name)
    }

    @Test func parametersAreReadWithQuotesAndHugeLinesAreFine() throws {
        let description = "DESCRIPTION;ALTREP=\"cid:a;b:c\":" + String(repeating: "x", count: 2_000_000)
        let expanded = try HolidayFeed(
            parsing: Feeds.event([
                "DTSTART;TZID=Asia/Seoul;VALUE=DATE:20260101", description, "SUMMARY;LANGUAGE=en:New Year's Day",
                "X-LABEL;X-NOTE=\"semi;colon: and colon\":value",
            ])
        ).holidays(calendar: "office")
        #expect(expanded[0].event.name == "New Year's Day")
        #expect(expanded[0].holidays.count == 1)
    }

    // MARK: Rules

    @Test(arguments: [
        ("20240229", "FREQ=YEARLY", 2032, ["2024-02-29", "2028-02-29", "2032-02-29"]),
        ("20260228", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1", 2028, ["2026-02-28", "2027-02-28", "2028-02-29"]),
        ("20260601", "FREQ=YEARLY;INTERVAL=2", 2031, ["2026-06-01", "2028-06-01", "2030-06-01"]),
        ("20260115", "FREQ=YEARLY;BYMONTH=1,7;COUNT=3", 2040, ["2026-01-15", "2026-07-15", "2027-01-15"]),
        ("20260101", "FREQ=YEARLY;UNTIL=20280101", 2040, ["2026-01-01", "2027-01-01", "2028-01-01"]),
        ("20260101", "FREQ=YEARLY;UNTIL=20271231T235959Z", 2040, ["2026-01-01", "2027-01-01"]),
        ("20260302", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=1", 2028, ["2026-03-02", "2027-03-01", "2028-03-01"]),
        (
            "20261101", "FREQ=YEARLY;BYMONTHDAY=1;COUNT=4", 2040,
            ["2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01"]
        ),
        ("20260531", "FREQ=YEARLY;BYMONTH=4,5;BYMONTHDAY=31", 2027, ["2026-05-31", "2027-05-31"]),
        ("20260130", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=2", 2040, ["2026-01-30"]),
        ("20300101", "FREQ=YEARLY", 2028, ["2030-01-01"]),
    ])
    func yearlyRulesExpandAsRFC5545Says(start: String, rule: String, through: Int, expected: [String]) throws {
        let expanded = try HolidayFeed(
            parsing: Feeds.event(["DTSTART;VALUE=DATE:" + start, "RRULE:" + rule, "SUMMARY:Day"])
        ).holidays(calendar: "office", through: through)
        #expect(Feeds.dates(expanded) == expected)
    }

    @Test func exclusionsCountTowardsCountAndMultiDayOccurrencesRepeat() throws {
        let counted = try HolidayFeed(
            parsing: Feeds.event([
                "DTSTART;VALUE=DATE:20260505", "RRULE:FREQ=YEARLY;COUNT=5", "EXDATE;VALUE=DATE:20270505", "SUMMARY:Day",
            ])
        ).holidays(calendar: "office")
        #expect(Feeds.dates(counted) == ["2026-05-05", "2028-05-05", "2029-05-05", "2030-05-05"])
        let long = try HolidayFeed(
            parsing: Feeds.event([
                "DTSTART;VALUE=DATE:20261230", "DURATION:P1W", "RRULE:FREQ=YEARLY;COUNT=2",
                "RDATE;VALUE=DATE:20300101", "SUMMARY:Winter closure",
            ])
        ).holidays(calendar: "office")
        #expect(long[0].holidays.count == 21)
        #expect(long[0].holidays.first?.date == d("2026-12-30"))
        #expect(long[0].holidays.last?.date == d("2030-01-07"))
    }

    @Test func aFileExpandingToTooManyHolidaysIsRefused() throws {
        let days = (1...31).map(String.init).joined(separator: ",")
        let feed = try HolidayFeed(
            parsing: Feeds.event(["DTSTART;VALUE=DATE:20260101", "RRULE:FREQ=YEARLY;BYMONTHDAY=\(days)", "SUMMARY:x"]))
        #expect(throws: HolidayFeedError.tooManyHolidays(line: 3, limit: HolidayFeed.maximumHolidays)) {
            try feed.holidays(calendar: "office", through: 2200)
        }
        #expect(
            try feed.holidays(calendar: "office", through: 2030)[0].holidays.count == 365 * 5 + 1, "2028 is a leap year"
        )
    }

    // MARK: Refusals

    @Test(arguments: [
        (
            ["DTSTART;TZID=Asia/Seoul:20260505T090000", "SUMMARY:x"],
            HolidayFeedError.timeOfDay(line: 4, property: "DTSTART", value: "20260505T090000")
        ),
        (
            ["DTSTART;VALUE=DATE-TIME:20260505T090000", "SUMMARY:x"],
            .timeOfDay(line: 4, property: "DTSTART", value: "20260505T090000")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "DTEND:20260506T000000", "SUMMARY:x"],
            .timeOfDay(line: 5, property: "DTEND", value: "20260506T000000")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "EXDATE:20270505T000000Z", "SUMMARY:x"],
            .timeOfDay(line: 5, property: "EXDATE", value: "20270505T000000Z")
        ),
        (["DTSTART;VALUE=DATE:20260230", "SUMMARY:x"], .invalidDate(line: 4, property: "DTSTART", value: "20260230")),
        (
            ["DTSTART;VALUE=DATE:2026-05-05", "SUMMARY:x"],
            .invalidDate(line: 4, property: "DTSTART", value: "2026-05-05")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505,20260506", "SUMMARY:x"],
            .invalidDate(line: 4, property: "DTSTART", value: "20260505,20260506")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=MONTHLY"],
            .unsupportedFrequency(line: 6, frequency: "MONTHLY")
        ),
        (
            ["DTSTART;VALUE=DATE:20261126", "SUMMARY:x", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=4TH"],
            .unsupportedRulePart(line: 6, part: "BYDAY=4TH")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;X-NAME=1"],
            .unsupportedRulePart(line: 6, part: "X-NAME=1")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;COUNT=3;UNTIL=20300101"],
            .invalidRulePart(line: 6, part: "FREQ=YEARLY;COUNT=3;UNTIL=20300101")
        ),
        (["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:COUNT=3"], .invalidRulePart(line: 6, part: "COUNT=3")),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;COUNT=0"],
            .invalidRulePart(line: 6, part: "COUNT=0")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;BYMONTH=13"],
            .invalidRulePart(line: 6, part: "BYMONTH=13")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;BYMONTHDAY=-9223372036854775808"],
            .invalidRulePart(line: 6, part: "BYMONTHDAY=-9223372036854775808")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RRULE:FREQ=YEARLY;FREQ=YEARLY"],
            .invalidRulePart(line: 6, part: "FREQ=YEARLY")
        ),
        (["DTSTART;VALUE=DATE:20260505", "DTEND;VALUE=DATE:20260504", "SUMMARY:x"], .endBeforeStart(line: 5)),
        (
            ["DTSTART;VALUE=DATE:20260505", "DTEND;VALUE=DATE:20260507", "DURATION:P2D", "SUMMARY:x"],
            .endAndDuration(line: 5)
        ),
        (["DTSTART;VALUE=DATE:20260505", "DURATION:PT24H", "SUMMARY:x"], .invalidDuration(line: 5, value: "PT24H")),
        (["DTSTART;VALUE=DATE:20260505", "DURATION:P-1D", "SUMMARY:x"], .invalidDuration(line: 5, value: "P-1D")),
        (["UID:1", "SUMMARY:x"], .missingStart(line: 3)),
        (["DTSTART;VALUE=DATE:20260505"], .missingSummary(line: 3)),
        (["DTSTART;VALUE=DATE:20260505", "SUMMARY:  "], .missingSummary(line: 3)),
        (
            ["DTSTART;VALUE=DATE:20260505", "DTSTART;VALUE=DATE:20260506", "SUMMARY:x"],
            .repeatedProperty(line: 5, property: "DTSTART")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RECURRENCE-ID;VALUE=DATE:20270505"],
            .unsupportedProperty(line: 6, property: "RECURRENCE-ID")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "EXRULE:FREQ=YEARLY;COUNT=1"],
            .unsupportedProperty(line: 6, property: "EXRULE")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "RDATE;VALUE=PERIOD:20270505T000000Z/P1D"],
            .unsupportedProperty(line: 6, property: "RDATE;VALUE=PERIOD")
        ),
        (["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "STATUS:CANCELLED"], .cancelledEvent(line: 6)),
        (["DTSTART;VALUE=DATE:20260505", "SUMMARY", "UID:1"], .malformedLine(line: 5)),
        (["DTSTART;VALUE=DATE:20260505", "SUMMARY;LANGUAGE=\"en:x", "UID:1"], .malformedLine(line: 5)),
        (["DTSTART;VALUE=DATE:20260505", ";X=1:y", "UID:1"], .malformedLine(line: 5)),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "BEGIN:VTODO", "END:VTODO"],
            .unsupportedComponent(line: 6, component: "VTODO")
        ),
        (
            ["DTSTART;VALUE=DATE:20260505", "SUMMARY:x", "BEGIN:VEVENT", "END:VEVENT"],
            .unsupportedComponent(line: 6, component: "VEVENT")
        ),
    ])
    func whatHolidaysCannotBeIsRefusedWithItsLine(lines: [String], error: HolidayFeedError) {
        #expect(throws: error) { try HolidayFeed(parsing: Feeds.event(lines)).holidays(calendar: "office") }
        #expect(error.message.hasPrefix("Line "), "\(error.message)")
        #expect(error.kind == .badInput)
    }

    @Test func anExclusionOfADayTheEventDoesNotStartOnIsRefused() {
        #expect(throws: HolidayFeedError.exclusionMatchesNothing(line: 6, date: d("2027-05-06"))) {
            try HolidayFeed(
                parsing: Feeds.event([
                    "DTSTART;VALUE=DATE:20260505", "RRULE:FREQ=YEARLY", "EXDATE;VALUE=DATE:20270506", "SUMMARY:x",
                ])
            ).holidays(calendar: "office")
        }
    }

    @Test(arguments: [
        ("", HolidayFeedError.notICalendar),
        ("date,name\r\n2026-01-01,New Year\r\n", .notICalendar),
        (" BEGIN:VCALENDAR\r\n", .malformedLine(line: 1)),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", .unterminated(line: 1, component: "VCALENDAR")),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n",
            .unbalancedEnd(line: 3, found: "VCALENDAR", open: "VEVENT")
        ),
        (
            "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nEND:VCALENDAR\r\n",
            .unbalancedEnd(line: 3, found: "VCALENDAR", open: nil)
        ),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nSUMMARY:stray\r\n", .outsideCalendar(line: 3)),
        ("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\n", .outsideCalendar(line: 3)),
        (
            "BEGIN:VCALENDAR\r\nCALSCALE:CHINESE\r\nEND:VCALENDAR\r\n",
            .unsupportedCalendarScale(line: 2, scale: "CHINESE")
        ),
        ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", .noEvents),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VJOURNAL\r\nEND:VJOURNAL\r\nEND:VCALENDAR\r\n",
            .unsupportedComponent(line: 2, component: "VJOURNAL")
        ),
    ])
    func malformedFilesAreRefused(text: String, error: HolidayFeedError) {
        #expect(throws: error) { try HolidayFeed(parsing: Array(text.utf8)) }
    }

    @Test func invalidUTF8IsRefusedWithItsLine() {
        var bytes = Feeds.event(["DTSTART;VALUE=DATE:20260505", "SUMMARY:Children's Day"])
        bytes.insert(0xFF, at: bytes.firstRange(of: Array("Children".utf8))!.lowerBound)
        #expect(throws: HolidayFeedError.notUTF8(line: 5)) { try HolidayFeed(parsing: bytes) }
    }

    @Test func holidaysOfOneDayAreMergedAndTheirNamesJoined() {
        let holidays = [
            Holiday(date: d("2028-10-03"), name: "National Foundation Day", calendar: "KR"),
            Holiday(date: d("2028-10-02"), name: "Chuseok", calendar: "KR"),
            Holiday(date: d("2028-10-03"), name: "Chuseok", calendar: "KR"),
            Holiday(date: d("2028-10-03"), name: "Chuseok", calendar: "KR"),
            Holiday(date: d("2028-10-03"), name: "City day", calendar: "Gwangju"),
        ]
        #expect(
            Holiday.merged(holidays) == [
                Holiday(date: d("2028-10-03"), name: "National Foundation Day; Chuseok", calendar: "KR"),
                Holiday(date: d("2028-10-02"), name: "Chuseok", calendar: "KR"),
                Holiday(date: d("2028-10-03"), name: "City day", calendar: "Gwangju"),
            ])
    }
}
