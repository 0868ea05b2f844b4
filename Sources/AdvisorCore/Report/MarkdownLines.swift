/// Markdown output as blocks, each separated by one blank line (markdownlint MD012, MD022, MD031, MD032).
struct MarkdownLines {
    let record: any SourceLinking
    private(set) var lines: [String] = []

    init(record: any SourceLinking) {
        self.record = record
    }

    /// Everything so far, ending in exactly one newline (MD047).
    var text: String {
        var result = lines
        while result.last?.isEmpty == true { result.removeLast() }
        return result.joined(separator: "\n") + "\n"
    }

    /// A line as it is.
    mutating func raw(_ line: String) {
        lines.append(line)
    }

    /// One blank line, unless the last line already is one.
    mutating func blank() {
        if let last = lines.last, !last.isEmpty { lines.append("") }
    }

    mutating func heading(_ title: String, level: Int = 2) {
        blank()
        lines.append(String(repeating: "#", count: level) + " " + MarkdownText.escape(title))
        blank()
    }

    mutating func paragraph(_ text: DecisionRecord.Text) {
        blank()
        lines += MarkdownText.wrap(MarkdownText.render(text, record: record))
        blank()
    }

    /// A bullet list, `*` as MADR writes it.
    mutating func bullets(_ items: [DecisionRecord.Text]) {
        guard !items.isEmpty else { return }
        blank()
        for item in items {
            lines += MarkdownText.wrap(MarkdownText.render(item, record: record), first: "* ", rest: "  ")
        }
        blank()
    }

    /// A numbered list with every item marked `1.`: the style every markdownlint accepts by default
    /// (MD029 is `one` in the Ruby markdownlint and `one_or_ordered` in the others).
    mutating func numbered(_ items: [DecisionRecord.Text]) {
        guard !items.isEmpty else { return }
        blank()
        for item in items {
            lines += MarkdownText.wrap(MarkdownText.render(item, record: record), first: "1. ", rest: "   ")
        }
        blank()
    }

    /// A table with padded, aligned columns (MD055, MD056). Cells are plain text and get escaped.
    mutating func table(_ header: [String], alignRight: [Bool], rows: [[String]]) {
        let cells = ([header] + rows).map { $0.map(MarkdownText.escape) }
        var widths = header.map { _ in 3 }
        for row in cells {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], cell.count)
            }
        }
        let render = { (row: [String]) -> String in
            "| " + row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: max(0, widths[column] - cell.count))
                return alignRight[column] ? padding + cell : cell + padding
            }.joined(separator: " | ") + " |"
        }
        blank()
        lines.append(render(cells[0]))
        lines.append("| " + widths.enumerated().map { column, width in
            alignRight[column] ? String(repeating: "-", count: width - 1) + ":" : String(repeating: "-", count: width)
        }.joined(separator: " | ") + " |")
        cells.dropFirst().forEach { lines.append(render($0)) }
        blank()
    }

    /// A fenced code block with a language (MD040).
    mutating func code(_ body: [String], language: String) {
        let clean = body.map { TextSanitizer.inert($0) }
        var longest = 2
        for line in clean {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        let fence = String(repeating: "`", count: longest + 1)
        blank()
        lines.append(fence + language)
        lines += clean
        lines.append(fence)
        blank()
    }
}
