import ArgumentParser
import Foundation
import Glibc
import RedressCore
import RedressStore

struct StaffAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a PostgreSQL login to the staff with its roles (admin).",
        discussion: """
            Roles: intake, caseworker, supervisor, ombudsperson, auditor, admin. When the login does not \
            exist in PostgreSQL and yours may create roles, it is created (with the password from \
            --password-file or --ask-password, or none for peer or certificate sign-in); it is granted \
            redress_staff and the staff time limits. Otherwise the SQL a database administrator should \
            run is printed.
            """
    )

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The PostgreSQL login.") var login: String
    @Option(name: .long, help: "A role (repeat for several).") var role: [Role] = []
    @Option(name: .long, help: "The person's name.") var name: String?
    @Option(name: .long, help: "The person's email address.") var email: String?
    @Option(name: .long, help: "A file whose first line is the new login's password ('-' for standard input).")
    var passwordFile: String?
    @Flag(name: .long, help: "Ask for the new login's password on the terminal.") var askPassword = false

    func validate() throws {
        guard !role.isEmpty else {
            throw ValidationError(
                "Give at least one --role (intake, caseworker, supervisor, ombudsperson, auditor, admin).")
        }
        if passwordFile != nil, askPassword {
            throw ValidationError("Give --password-file or --ask-password, not both.")
        }
    }

    func run() throws {
        let password = try readPassword()
        let session = try Session.open(database)
        defer { session.close() }
        let added = try session.transaction {
            try StaffStore($0).add(
                login: login, roles: role, displayName: name, email: email, password: password,
                actor: session.actor, at: .now)
        }
        print("\(login) added as \(added.member.roles.map(\.rawValue).joined(separator: ", "))")
        if added.login.created { print("PostgreSQL login \(login) created") }
        if let advice = added.login.advice { printErr(advice) }
    }

    func readPassword() throws -> StaffStore.Password {
        let text: String?
        if let passwordFile {
            let handle = passwordFile == "-" ? FileHandle.standardInput : FileHandle(forReadingAtPath: passwordFile)
            guard let data = try handle?.readToEnd() else {
                throw ValidationError("Cannot read the password file \(passwordFile).")
            }
            text = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .first.map(String.init)
        } else if askPassword {
            guard isatty(0) == 1 else { throw ValidationError("--ask-password needs a terminal; use --password-file.") }
            text = getpass("Password for \(login): ").map { String(cString: $0) }
        } else {
            return .none
        }
        guard let text, !text.isEmpty else { throw ValidationError("The password is empty; give one.") }
        guard !text.unicodeScalars.contains(where: \.isControlCharacter) else {
            throw ValidationError("The password contains a control character; give one without.")
        }
        return .password(text)
    }
}
