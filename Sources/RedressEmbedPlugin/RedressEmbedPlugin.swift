import Foundation
import PackagePlugin

/// Embeds Redress's plain source files in the module that uses them, at build time: the
/// migrations in RedressStore, the notice templates in RedressNotices and the OpenAPI document
/// in RedressService.
///
/// The binary carries them as Swift that redress-embed writes into the plugin's work folder, so
/// a copied `redress` needs no resource bundle, and the files themselves stay the only copy in
/// the source tree. Every file is an input of the command, so editing one rebuilds; the folders
/// are listed on every build, so adding or removing one does too.
@main
struct RedressEmbedPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) async throws -> [Command] {
        let kind: String
        let inputs: [URL]
        let outputName: String
        switch target.name {
        case "RedressStore":
            // The migrations belong to the package, not the module: a DBA reads and applies them
            // from sql/migrations with psql.
            kind = "migrations"
            inputs = try files(in: context.package.directoryURL.appendingPathComponent("sql/migrations"))
            outputName = "EmbeddedMigrations.swift"
        case "RedressNotices":
            kind = "templates"
            inputs = try files(in: sourceDirectory(of: target).appendingPathComponent("Templates"))
            outputName = "EmbeddedTemplates.swift"
        case "RedressService":
            kind = "openapi"
            inputs = [try sourceDirectory(of: target).appendingPathComponent("OpenAPI/openapi.json")]
            outputName = "OpenAPIDocument.swift"
        default:
            throw RedressEmbedPluginError.nothingToEmbed(target: target.name)
        }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent(outputName)
        return [
            .buildCommand(
                displayName: "Embedding \(kind) in \(target.name)",
                executable: try context.tool(named: "redress-embed").url,
                arguments: [kind, output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }

    /// The target's folder (`Target.directoryURL` needs tools version 6.1; a Swift module's is 6.0).
    private func sourceDirectory(of target: any Target) throws -> URL {
        guard let module = target as? SwiftSourceModuleTarget else {
            throw RedressEmbedPluginError.nothingToEmbed(target: target.name)
        }
        return module.directoryURL
    }

    /// The files in a folder, by name, without hidden ones (an editor's swap file, .DS_Store).
    private func files(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { !$0.hasPrefix(".") }
            .sorted()
            .map { folder.appendingPathComponent($0) }
    }
}
