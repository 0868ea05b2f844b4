/// Makes text from knowledge files and answers safe to print on a terminal.
///
/// Knowledge is data, never code: an escape sequence in a `why` must not clear the screen or
/// retitle the window, and a bidirectional override must not reorder what a reader sees. Control
/// characters (C0, DEL and C1) and bidirectional controls are replaced by a visible
/// `\u{…}` form, except newline where a caller allows it. The spelling is `TextEscaping.terminal`'s.
public enum TextSanitizer {
    /// `text` with every control character shown as `\u{XX}`. Newlines are kept only if `keepNewlines`.
    public static func inert(_ text: String, keepNewlines: Bool = false) -> String {
        (keepNewlines ? TextEscaping.terminalKeepingNewlines : TextEscaping.terminal).escape(text)
    }

    /// Whether a scalar is a C0 or C1 control character, DEL, or a bidirectional control.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        TextEscaping.isUnsafe(scalar)
    }
}
