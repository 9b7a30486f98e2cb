/// Why redress-embed could not write a file; the build stops with this sentence.
enum EmbedError: Error, CustomStringConvertible {
    case usage
    case unreadable(path: String)
    case notUTF8(path: String)
    case migrationName(path: String)
    case migrationHalfMissing(stem: String, missing: String)
    case migrationTwoNames(version: Int, first: String, second: String)
    case templateName(path: String)
    case notJSON(path: String, reason: String)
    case pageName(path: String)

    var description: String {
        switch self {
        case .usage:
            "usage: redress-embed migrations|templates|pages OUTPUT FOLDER, or redress-embed openapi OUTPUT FILE"
        case .unreadable(let path):
            "\(path) cannot be read"
        case .notUTF8(let path):
            "\(path) is not UTF-8 text; save it as UTF-8"
        case .migrationName(let path):
            "\(path) is not named NNNN_name.up.sql or NNNN_name.down.sql (name: lowercase letters, digits and _)"
        case .migrationHalfMissing(let stem, let missing):
            "migration \(stem) has no \(stem).\(missing).sql; every migration needs an up and a down file"
        case .migrationTwoNames(let version, let first, let second):
            "migration \(version) has two names, \(first) and \(second); give both files one name"
        case .templateName(let path):
            "\(path) is not a template name: lowercase letters, digits, _ and . only, ending in .mustache"
        case .notJSON(let path, let reason):
            "\(path) is not valid JSON: \(reason)"
        case .pageName(let path):
            "\(path) is not a page file name: lowercase letters, digits, _ and . only, ending in .mustache or .css"
        }
    }
}
