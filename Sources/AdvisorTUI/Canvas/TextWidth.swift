/// Display widths, ASCII fallbacks and word wrapping for text drawn on the canvas.
public enum TextWidth {
    /// Columns a character takes on a terminal: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value < 0x300 { return value < 0x20 || value == 0x7F ? 0 : 1 }
        if scalar.properties.generalCategory == .nonspacingMark || value == 0x200B { return 0 }
        if isWide(value) || (character.unicodeScalars.count > 1 && scalar.properties.isEmojiPresentation) {
            return 2
        }
        return 1
    }

    /// Columns a string takes.
    public static func of(_ text: some StringProtocol) -> Int {
        // Printable ASCII takes one column a byte: no need to break it into characters.
        if isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Whether every byte is printable ASCII (space to tilde): then each byte is one character
    /// of one column.
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// `text` in plain ASCII: common typography becomes its ASCII form, anything else `?`.
    public static func ascii(_ text: String) -> String {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if character.isASCII {
                result.append(character)
                continue
            }
            switch character {
            case "—", "–", "─", "‐": result += "-"
            case "‘", "’", "′": result += "'"
            case "“", "”", "″": result += "\""
            case "×": result += "x"
            case "…": result += "..."
            case "→": result += "->"
            case "←": result += "<-"
            case "↑": result += "^"
            case "↓": result += "v"
            case "•", "·": result += "*"
            case "≥": result += ">="
            case "≤": result += "<="
            case "\u{A0}": result += " "
            case "é", "è", "ê", "ë": result += "e"
            case "á", "à", "â", "ä": result += "a"
            case "ó", "ò", "ô", "ö": result += "o"
            case "ú", "ù", "û", "ü": result += "u"
            case "í", "ì", "î", "ï": result += "i"
            case "ç": result += "c"
            case "ñ": result += "n"
            default: result += "?"
            }
        }
        return result
    }

    /// `text` cut to `width` columns, ending in an ellipsis when cut.
    public static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        var result = ""
        var used = 0
        let limit = width - of(ellipsis)
        for character in text {
            let w = of(character)
            if used + w > limit { break }
            result.append(character)
            used += w
        }
        return result + ellipsis
    }

    /// `text` broken into lines of at most `width` columns, at spaces where possible.
    /// Newlines in `text` start new lines. The first line may have its own width.
    public static func wrap(_ text: String, width rest: Int, first: Int? = nil) -> [String] {
        guard rest > 0 else { return [] }
        // Printable ASCII and newlines (nearly every text on the screens): a byte is a character of
        // one column, so the words can be found and measured on the bytes.
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) {
            return wrapASCII(text, width: rest, first: first)
        }
        return wrapCharacters(text, width: rest, first: first)
    }

    /// `wrap` on text of printable ASCII and newlines, a byte at a time; the same lines as
    /// `wrapCharacters` (checked by `CanvasTests`).
    static func wrapASCII(_ text: String, width rest: Int, first: Int?) -> [String] {
        var lines: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var width: Int { lines.isEmpty ? max(1, first ?? rest) : rest }
            // The current line, rebuilt from its words joined by single spaces.
            var line: [UInt8] = []
            var lineWidth = 0
            var index = 0
            let count = bytes.count
            while true {
                // One paragraph: up to the next newline or the end.
                var end = index
                while end < count && bytes[end] != 0x0A { end += 1 }
                line.removeAll(keepingCapacity: true)
                lineWidth = 0
                var position = index
                while position < end {
                    while position < end && bytes[position] == 0x20 { position += 1 }
                    guard position < end else { break }
                    var wordEnd = position
                    while wordEnd < end && bytes[wordEnd] != 0x20 { wordEnd += 1 }
                    var wordStart = position
                    position = wordEnd
                    let wordWidth = wordEnd - wordStart
                    if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                        line.append(0x20)
                        line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
                        lineWidth += 1 + wordWidth
                        continue
                    }
                    if lineWidth > 0 {
                        lines.append(String(decoding: line, as: UTF8.self))
                        line.removeAll(keepingCapacity: true)
                        lineWidth = 0
                    }
                    // Break words longer than a line.
                    while wordEnd - wordStart > width {
                        let cut = wordStart + width
                        lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<cut]), as: UTF8.self))
                        wordStart = cut
                    }
                    line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
                    lineWidth = wordEnd - wordStart
                }
                lines.append(String(decoding: line, as: UTF8.self))
                guard end < count else { break }
                index = end + 1
            }
        }
        return lines
    }

    /// `wrap` for any text, a character at a time.
    static func wrapCharacters(_ text: String, width rest: Int, first: Int?) -> [String] {
        var lines: [String] = []
        var width: Int { lines.isEmpty ? max(1, first ?? rest) : rest }
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = String(word)
                var wordWidth = of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                    line += " " + word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                // Break words longer than a line.
                while wordWidth > width {
                    var head = ""
                    var used = 0
                    var rest = Substring(word)
                    while let first = rest.first, used + of(first) <= width {
                        head.append(first)
                        used += of(first)
                        rest = rest.dropFirst()
                    }
                    if head.isEmpty, let first = rest.first {
                        head.append(first)
                        rest = rest.dropFirst()
                    }
                    lines.append(head)
                    word = String(rest)
                    wordWidth = of(word)
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
