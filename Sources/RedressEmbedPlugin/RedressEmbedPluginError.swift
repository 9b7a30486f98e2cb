/// Why RedressEmbedPlugin cannot plan a build.
enum RedressEmbedPluginError: Error, CustomStringConvertible {
    case nothingToEmbed(target: String)

    var description: String {
        switch self {
        case .nothingToEmbed(let target):
            "RedressEmbedPlugin embeds files in RedressStore, RedressNotices and RedressService only, not in \(target)"
        }
    }
}
