/// The tags of a template that use values, as the strict check walks them.
indirect enum TemplateNode: Sendable, Hashable {
    /// `{{name}}`, `{{{name}}}` or `{{&name}}`: writes out a text value.
    case variable(String)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(String, inverted: Bool, [TemplateNode])
}

extension TemplateNode {
    /// Reads the tags of a template, refusing what notice templates do not support (partials,
    /// blocks, delimiter changes, pragmas, transforms) and unbalanced sections.
    ///
    /// `firstLine` is the line number of the text's first line in its file; `fail` turns a
    /// reason into the error to throw, so messages can name the template.
    static func scan(_ text: String, firstLine: Int = 1, fail: (String) -> any Error) throws -> [TemplateNode] {
        let bytes = Array(text.utf8)
        let brace = UInt8(ascii: "{")
        let closing = UInt8(ascii: "}")
        let newline = UInt8(ascii: "\n")
        /// The offset of the first `count` braces `mark` in a row at or after `from`.
        func find(_ mark: UInt8, _ count: Int, from: Int) -> Int? {
            var index = from
            while index + count <= bytes.count {
                if bytes[index] == mark, bytes[index..<(index + count)].allSatisfy({ $0 == mark }) { return index }
                index += 1
            }
            return nil
        }
        var stack: [(name: String, inverted: Bool, line: Int, nodes: [TemplateNode])] = [("", false, 0, [])]
        var position = 0
        // Line numbers are counted as the scan moves on, for messages.
        var tagLine = firstLine
        var counted = 0
        while let open = find(brace, 2, from: position) {
            tagLine += bytes[counted..<open].reduce(0) { $1 == newline ? $0 + 1 : $0 }
            counted = open
            let triple = open + 2 < bytes.count && bytes[open + 2] == brace
            let contentStart = open + (triple ? 3 : 2)
            guard let close = find(closing, triple ? 3 : 2, from: contentStart) else {
                throw fail("the tag opened with {{ on line \(tagLine) is not closed.")
            }
            let content = String(decoding: bytes[contentStart..<close], as: UTF8.self)
            position = close + (triple ? 3 : 2)
            func name(_ raw: Substring) throws -> String {
                let name = String(raw).trimmingSpaces()
                guard isName(name) else {
                    throw fail(
                        "{{\(content)}} on line \(tagLine) is not a variable name; use letters, digits and underscores, with dots between record fields."
                    )
                }
                return name
            }
            if triple {
                stack[stack.count - 1].nodes.append(.variable(try name(content[...])))
                continue
            }
            switch content.first {
            case "!":
                continue
            case "#", "^":
                stack.append((try name(content.dropFirst()), content.first == "^", tagLine, []))
            case "/":
                let closing = try name(content.dropFirst())
                guard stack.count > 1, let open = stack.last, open.name == closing else {
                    throw fail("{{/\(closing)}} on line \(tagLine) closes a section that is not open.")
                }
                stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(open.name, inverted: open.inverted, open.nodes))
            case "&":
                stack[stack.count - 1].nodes.append(.variable(try name(content.dropFirst())))
            case ">", "<", "$", "=", "%":
                throw fail(
                    "{{\(content)}} on line \(tagLine) is not supported in notice templates (no partials, blocks, delimiter changes or pragmas)."
                )
            default:
                stack[stack.count - 1].nodes.append(.variable(try name(content[...])))
            }
        }
        if let unclosed = stack.last, stack.count > 1 {
            throw fail("the section {{#\(unclosed.name)}} opened on line \(unclosed.line) is not closed.")
        }
        return stack[0].nodes
    }

    /// Whether `name` is `.` (the current item), `field` or `record.field`, or `.field` (a
    /// field of the current item only, never of an enclosing value): parts of letters, digits
    /// and underscores.
    static func isName(_ name: String) -> Bool {
        if name == "." { return true }
        let path = name.hasPrefix(".") ? name.dropFirst() : Substring(name)
        let parts = path.split(separator: ".", omittingEmptySubsequences: false)
        return parts.allSatisfy { part in
            !part.isEmpty
                && part.utf8.allSatisfy { byte in
                    (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                        || byte == UInt8(ascii: "_")
                }
        }
    }

    /// Every name the nodes use (the first part of dotted names, without a leading dot),
    /// sections included.
    static func names(in nodes: [TemplateNode]) -> Set<String> {
        var names: Set<String> = []
        for node in nodes {
            switch node {
            case let .variable(name):
                names.insert(firstPart(name))
            case let .section(name, _, children):
                names.insert(firstPart(name))
                names.formUnion(self.names(in: children))
            }
        }
        names.remove(".")
        return names
    }

    private static func firstPart(_ name: String) -> String {
        if name == "." { return name }
        let path = name.hasPrefix(".") ? name.dropFirst() : Substring(name)
        return String(path.prefix { $0 != "." })
    }
}
