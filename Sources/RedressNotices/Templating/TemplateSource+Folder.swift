import Foundation

extension TemplateSource {
    /// Refuses an override folder that notices could not safely be rendered from: it must be an
    /// absolute path to a directory that no one but its owner and group can change, or anyone
    /// on the machine could rewrite the letters the office sends.
    public static func checkOverrideDirectory(_ path: String) throws {
        func refuse(_ reason: String) -> NoticeError { .templateFolderUnusable(path: path, reason: reason) }
        guard path.hasPrefix("/") else { throw refuse("it is not an absolute path") }
        var status = stat()
        guard stat(path, &status) == 0 else { throw refuse("it does not exist") }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw refuse("it is not a folder") }
        guard status.st_mode & S_IWOTH == 0 else { throw refuse("anyone on the machine may write to it") }
    }
}
