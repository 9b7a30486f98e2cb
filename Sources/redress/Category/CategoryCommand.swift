import ArgumentParser

struct CategoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "category", abstract: "Keep the rights categories (admin; list: everyone).",
        discussion: "A retired category stays on the cases that have it and in statistics; no case takes it now.",
        subcommands: [CategoryList.self, CategoryAdd.self, CategoryRename.self, CategoryRetire.self])
}
