import AdvisorCore

/// A grid of cells that screens draw into. Terminals show it; tests read it as text.
///
/// Every string drawn goes through `TextSanitizer.inert` (knowledge text is data, never
/// terminal control) and, on an ASCII canvas, through `TextWidth.ascii`. Drawing outside the
/// grid is clipped, never an error.
public struct Canvas: Hashable, Sendable, CustomStringConvertible {
    public let width: Int
    public let height: Int
    public let appearance: TextStyle
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, appearance: TextStyle = .standard) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.appearance = appearance
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var glyphs: Glyphs { appearance.glyphs }

    public subscript(x: Int, y: Int) -> Cell {
        get { contains(x: x, y: y) ? cells[y * width + x] : .blank }
        set { if contains(x: x, y: y) { cells[y * width + x] = newValue } }
    }

    public func contains(x: Int, y: Int) -> Bool {
        x >= 0 && y >= 0 && x < width && y < height
    }

    // MARK: - Drawing

    /// Draws `text` on one line from (x, y), at most `limit` columns (default: to the right edge).
    /// Returns the columns used.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: CellStyle = .plain, limit: Int? = nil) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        var safe = TextSanitizer.inert(text)
        if !appearance.unicode { safe = TextWidth.ascii(safe) }
        let end = min(width, x + (limit ?? width))
        var column = x
        let base = y * width
        if TextWidth.isPrintableASCII(safe) {
            // One cell a byte, without breaking the text into characters.
            for byte in safe.utf8 {
                if column >= end { break }
                if column >= 0 { cells[base + column] = Cell(Character(Unicode.Scalar(byte)), style: style) }
                column += 1
            }
            return column - x
        }
        for character in safe {
            let w = TextWidth.of(character)
            if w == 0 { continue }
            if column + w > end { break }
            if column >= 0 {
                cells[base + column] = Cell(character, style: style)
                if w == 2 { cells[base + column + 1] = Cell(" ", style: style, isContinuation: true) }
            }
            column += w
        }
        return column - x
    }

    /// Draws `text` so that it ends at column `right` (exclusive).
    @discardableResult
    public mutating func putRight(_ text: String, right: Int, y: Int, style: CellStyle = .plain) -> Int {
        let shown = appearance.unicode ? text : TextWidth.ascii(text)
        return put(text, x: right - TextWidth.of(TextSanitizer.inert(shown)), y: y, style: style)
    }

    /// Fills a rectangle with `character`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, character: Character = " ",
                              style: CellStyle = .plain) {
        let left = max(0, x), right = min(width, x + w)
        let top = max(0, y), bottom = min(height, y + h)
        guard left < right, top < bottom else { return }
        let cell = Cell(character, style: style)
        for row in top..<bottom {
            for column in left..<right { cells[row * width + column] = cell }
        }
    }

    /// Changes the style of a run of cells, keeping their characters.
    public mutating func restyle(x: Int, y: Int, width w: Int, style: CellStyle) {
        guard y >= 0, y < height else { return }
        for column in max(0, x)..<max(max(0, x), min(width, x + w)) {
            cells[y * width + column].style = style
        }
    }

    // MARK: - Reading back

    /// The characters of one row, trailing spaces removed.
    public func row(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var line = ""
        for column in 0..<width where !cells[y * width + column].isContinuation {
            line.append(cells[y * width + column].character)
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The grid as text (what tests print when an expectation fails).
    public var description: String { text }

    /// The grid as text, one line per row.
    public var text: String {
        (0..<height).map(row).joined(separator: "\n") + "\n"
    }

    /// Whether any row contains `needle`.
    public func contains(_ needle: String) -> Bool {
        (0..<height).contains { row($0).contains(needle) }
    }

    /// The styles as a second grid: `.` for plain cells, a letter per distinct style, and a legend.
    public var styleMap: String {
        var letters: [CellStyle: Character] = [:]
        var legend: [String] = []
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        var lines: [String] = []
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if cell.style == .plain { line.append("."); continue }
                if letters[cell.style] == nil {
                    let letter = letters.count < alphabet.count ? alphabet[letters.count] : "?"
                    letters[cell.style] = letter
                    legend.append("\(letter) = \(cell.style.summary)")
                }
                line.append(letters[cell.style] ?? "?")
            }
            while line.last == "." { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n" + legend.joined(separator: "\n") + "\n"
    }
}
