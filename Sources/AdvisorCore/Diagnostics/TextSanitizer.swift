/// Makes text from knowledge files and answers safe to print on a terminal.
///
/// Knowledge is data, never code: an escape sequence in a `why` must not clear the screen or
/// retitle the window. Control characters (C0, DEL and C1) are replaced by a visible
/// `\u{…}` form, except newline where a caller allows it.
public enum TextSanitizer {
    /// `text` with every control character shown as `\u{XX}`. Newlines are kept only if `keepNewlines`.
    public static func inert(_ text: String, keepNewlines: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where isControl(scalar) {
            if keepNewlines && scalar == "\n" { continue }
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar) && !(keepNewlines && scalar == "\n") {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether a scalar is a C0 or C1 control character, or DEL.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value)
    }
}
