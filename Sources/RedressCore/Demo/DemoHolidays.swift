/// The demo office's holidays: the Korean public holidays and one Gwangju office day.
public enum DemoHolidays {
    /// The national calendar's name.
    public static let national = "KR national"
    /// The local calendar's name.
    public static let local = "Gwangju"

    /// Holidays whose dates move with the lunar calendar or were declared for the year
    /// (Seollal, Buddha's Birthday, Chuseok, elections, substitute days), 2024 to 2027.
    static let movable: [(String, String)] = [
        ("2024-02-09", "Seollal"), ("2024-02-10", "Seollal"), ("2024-02-11", "Seollal"),
        ("2024-02-12", "Substitute holiday for Seollal"),
        ("2024-04-10", "National Assembly election"), ("2024-05-06", "Substitute holiday for Children's Day"),
        ("2024-05-15", "Buddha's Birthday"), ("2024-09-16", "Chuseok"), ("2024-09-17", "Chuseok"),
        ("2024-09-18", "Chuseok"),
        ("2024-10-01", "Armed Forces Day"),
        ("2025-01-27", "Temporary holiday"), ("2025-01-28", "Seollal"), ("2025-01-29", "Seollal"),
        ("2025-01-30", "Seollal"),
        ("2025-03-03", "Substitute holiday for Independence Movement Day"),
        ("2025-05-06", "Substitute holiday for Buddha's Birthday"), ("2025-06-03", "Presidential election"),
        ("2025-10-05", "Chuseok"), ("2025-10-06", "Chuseok"), ("2025-10-07", "Chuseok"),
        ("2025-10-08", "Substitute holiday for Chuseok"),
        ("2026-02-16", "Seollal"), ("2026-02-17", "Seollal"), ("2026-02-18", "Seollal"),
        ("2026-03-02", "Substitute holiday for Independence Movement Day"), ("2026-05-24", "Buddha's Birthday"),
        ("2026-05-25", "Substitute holiday for Buddha's Birthday"), ("2026-06-03", "Local elections"),
        ("2026-08-17", "Substitute holiday for Liberation Day"), ("2026-09-24", "Chuseok"), ("2026-09-25", "Chuseok"),
        ("2026-09-26", "Chuseok"), ("2026-10-05", "Substitute holiday for National Foundation Day"),
        ("2027-02-06", "Seollal"), ("2027-02-07", "Seollal"), ("2027-02-08", "Seollal"),
        ("2027-02-09", "Substitute holiday for Seollal"),
        ("2027-05-13", "Buddha's Birthday"), ("2027-08-16", "Substitute holiday for Liberation Day"),
        ("2027-09-14", "Chuseok"), ("2027-09-15", "Chuseok"), ("2027-09-16", "Chuseok"),
        ("2027-10-04", "Substitute holiday for National Foundation Day"),
        ("2027-10-11", "Substitute holiday for Hangul Day"),
        ("2027-12-27", "Substitute holiday for Christmas Day"),
    ]

    /// Holidays on the same date every year.
    static let fixed: [(month: Int, day: Int, name: String)] = [
        (1, 1, "New Year's Day"), (3, 1, "Independence Movement Day"), (5, 5, "Children's Day"),
        (6, 6, "Memorial Day"), (8, 15, "Liberation Day"), (10, 3, "National Foundation Day"),
        (10, 9, "Hangul Day"), (12, 25, "Christmas Day"),
    ]

    /// Every holiday in the years `years`: the fixed ones each year, the movable ones where known,
    /// and Gwangju's 18 May office day.
    public static func holidays(years: ClosedRange<Int>) -> [Holiday] {
        var holidays: [Holiday] = []
        for year in years {
            for entry in fixed {
                // The table holds real dates only, so this cannot fail.
                let date = try! LocalDate(year: year, month: entry.month, day: entry.day)
                holidays.append(Holiday(date: date, name: entry.name, calendar: national))
            }
            let memorial = try! LocalDate(year: year, month: 5, day: 18)
            holidays.append(Holiday(date: memorial, name: "May 18 Democratic Uprising Memorial Day", calendar: local))
        }
        for (iso, name) in movable {
            let date = LocalDate(iso: iso)!
            if years.contains(date.year) { holidays.append(Holiday(date: date, name: name, calendar: national)) }
        }
        // Buddha's Birthday 2025 fell on Children's Day: a calendar holds one name a date, so only
        // its substitute day is listed.
        return holidays.sorted()
    }
}
