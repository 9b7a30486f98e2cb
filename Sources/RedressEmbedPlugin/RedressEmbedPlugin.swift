import Foundation
import PackagePlugin

/// Embeds Redress's plain source files in the module that uses them, at build time: the
/// migrations in RedressStore, the notice templates in RedressNotices, and the OpenAPI document and
/// the public pages in RedressService.
///
/// The binary carries them as Swift that redress-embed writes into the plugin's work folder, so
/// a copied `redress` needs no resource bundle, and the files themselves stay the only copy in
/// the source tree. Every file and its folder are inputs of the command, so editing, adding or
/// removing one embeds again.
@main
struct RedressEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let kind: String
        let source: URL
        let inputs: [URL]
        let outputName: String
        var extra: [Command] = []
        switch target.name {
        case "RedressStore":
            // The migrations belong to the package, not the module: a DBA reads and applies them
            // from sql/migrations with psql.
            kind = "migrations"
            source = context.package.directoryURL.appendingPathComponent("sql/migrations")
            inputs = try folderAndFiles(source)
            outputName = "EmbeddedMigrations.swift"
        case "RedressNotices":
            kind = "templates"
            source = try sourceDirectory(of: target).appendingPathComponent("Templates")
            inputs = try folderAndFiles(source)
            outputName = "EmbeddedTemplates.swift"
        case "RedressService":
            kind = "openapi"
            source = try sourceDirectory(of: target).appendingPathComponent("OpenAPI/openapi.json")
            inputs = [source]
            outputName = "OpenAPIDocument.swift"
            // The public pages' templates, texts and style sheet, beside the document.
            let pages = try sourceDirectory(of: target).appendingPathComponent("Pages")
            let pagesOutput = context.pluginWorkDirectoryURL.appendingPathComponent("PageFiles.swift")
            extra = [
                .buildCommand(
                    displayName: "Embedding pages in \(target.name)",
                    executable: try context.tool(named: "redress-embed").url,
                    arguments: ["pages", pagesOutput.path, pages.path],
                    inputFiles: try folderAndFiles(pages),
                    outputFiles: [pagesOutput]
                )
            ]
        default:
            throw RedressEmbedPluginError.nothingToEmbed(target: target.name)
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent(outputName)
        return [
            .buildCommand(
                displayName: "Embedding \(kind) in \(target.name)",
                executable: try context.tool(named: "redress-embed").url,
                arguments: [kind, output.path, source.path],
                inputFiles: inputs,
                outputFiles: [output]
            )
        ] + extra
    }

    /// The target's folder (`Target.directoryURL` needs tools version 6.1; a Swift module's is 6.0).
    private func sourceDirectory(of target: any Target) throws -> URL {
        guard let module = target as? SwiftSourceModuleTarget else {
            throw RedressEmbedPluginError.nothingToEmbed(target: target.name)
        }
        return module.directoryURL
    }

    /// A folder and the files in it, without hidden ones (an editor's swap file, .DS_Store).
    ///
    /// The folder is an input beside its files because SwiftPM plans a build again only when a
    /// module's own folder changes: a file added to sql/migrations since then is seen through
    /// the folder's modification time, and redress-embed lists the folder when it runs.
    private func folderAndFiles(_ folder: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        return [folder] + names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
