import Foundation

/// Markdown's inline layer for decision records: escaping, and wrapping at 80 columns so that the
/// output passes markdownlint's default rules (MD013 line length among them).
enum MarkdownText {
    /// The column limit of markdownlint's MD013.
    static let width = 80

    /// Marks a space inside an atomic run (a code span or a link) that wrapping must not break.
    private static let glue: Character = "\u{1}"

    // MARK: - Escaping

    /// `text` with every character that Markdown could read as markup backslash-escaped.
    static func escape(_ text: String) -> String {
        TextEscaping.markdown.escape(text)
    }

    /// A code span holding `text`, with a fence longer than any run of backticks inside it.
    static func code(_ text: String) -> String {
        // Foundation's search, not `TextEscaping.markdown`: it leaves a newline that a combining
        // mark follows, as it always has.
        let clean = TextSanitizer.inert(text, keepNewlines: true).replacingOccurrences(of: "\n", with: " ")
        var longest = 0, run = 0
        for character in clean {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let pad = clean.hasPrefix("`") || clean.hasSuffix("`") ? " " : ""
        return fence + pad + clean + pad + fence
    }

    /// Inline text as Markdown on one line, with the spaces inside code spans and links glued.
    static func render(_ text: DecisionRecord.Text, record: any SourceLinking) -> String {
        var output = ""
        for inline in text {
            switch inline {
            case .text(let value):
                output += escape(value)
            case .code(let value):
                output += glued(code(value))
            case .strong(let value):
                output += glued("**" + escape(value) + "**")
            case .address(let value):
                output += DecisionRecord.isWebAddress(value) ? "<" + TextSanitizer.inert(value) + ">"
                    : glued(code(value))
            case .link(let value, let source):
                let label = escape(value)
                output += record.address(of: source) == nil ? label : glued("[\(label)][\(reference(source))]")
            }
        }
        return output
    }

    /// The label of a source's link reference definition.
    static func reference(_ source: String) -> String {
        escape(source)
    }

    private static func glued(_ text: String) -> String {
        String(text.map { $0 == " " ? glue : $0 })
    }

    // MARK: - Wrapping

    /// `line` wrapped at `width` columns: the first line starts with `first`, the others with `rest`.
    /// A word that would start a line and be read as markup there (`#`, `-`, `+`, `=`, `1.`) is escaped.
    static func wrap(_ line: String, first: String = "", rest: String = "") -> [String] {
        let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var lines: [String] = []
        var current = first
        var empty = true
        for word in words {
            let candidate = empty ? current + lineSafe(word) : current + " " + word
            if empty || candidate.count <= width {
                current = candidate
                empty = false
            } else {
                lines.append(current)
                current = rest + lineSafe(word)
            }
        }
        lines.append(current)
        return lines.map { String($0.map { $0 == glue ? " " : $0 }) }
    }

    /// A word as it may start a line: block markers get a backslash.
    private static func lineSafe(_ word: String) -> String {
        guard let first = word.first else { return word }
        if "-+=#".contains(first) { return "\\" + word }
        // An ordered-list marker is 1–9 digits then `.` or `)`, and then a space or the end of the line.
        let digits = word.prefix { $0.isASCII && $0.isNumber }
        if (1...9).contains(digits.count), word.count == digits.count + 1, let last = word.last,
           last == "." || last == ")" {
            return String(digits) + "\\" + String(last)
        }
        return word
    }
}
