import Foundation
import RedressCore

/// Writes text for people on stdout, with controls and bidi overrides from the data shown
/// visibly (`TerminalText`), so nothing a complainant typed can act on the terminal.
func printText(_ text: String, terminator: String = "\n") {
    print(TerminalText.neutralised(text), terminator: terminator)
}

/// Writes a line for people on stderr (progress, what was done).
func printErr(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Warns on stderr, in one sentence, when due dates reach years with no holidays loaded
/// (`HolidayCoverage`); the exit status stays as it is.
func warnOfYearsWithoutHolidays(_ years: [Int]) {
    guard let warning = HolidayCoverage.warning(yearsWithoutHolidays: years) else { return }
    printErr(
        "redress: warning: \(warning.prefix(1).lowercased())\(warning.dropFirst().dropLast()) (import them with 'redress calendar import FILE')."
    )
}
