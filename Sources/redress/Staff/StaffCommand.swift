import ArgumentParser
import RedressCore

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage who may work on cases.",
        subcommands: [
            StaffAdd.self, StaffList.self, StaffUpdate.self, StaffRoleCommand.self, StaffDeactivate.self,
            StaffRecuse.self, StaffRecusals.self,
            StaffTokenCommand.self,
        ])
}
