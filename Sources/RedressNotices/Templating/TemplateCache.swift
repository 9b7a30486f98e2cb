import Foundation

/// Parsed templates by name and text, so a run that renders many notices parses each template
/// once. Keyed by the text too, so an edited override file is parsed again.
final class TemplateCache: @unchecked Sendable {
    static let shared = TemplateCache()
    /// Beyond this many entries the cache starts again (only many edited overrides get there).
    private static let capacity = 512
    private let lock = NSLock()
    private var templates: [String: NoticeTemplate] = [:]

    func template(name: String, text: String) throws -> NoticeTemplate {
        let key = name + "\u{0}" + text
        lock.lock()
        let cached = templates[key]
        lock.unlock()
        if let cached { return cached }
        let template = try NoticeTemplate(name: name, text: text)
        lock.lock()
        if templates.count >= TemplateCache.capacity { templates.removeAll() }
        templates[key] = template
        lock.unlock()
        return template
    }
}
