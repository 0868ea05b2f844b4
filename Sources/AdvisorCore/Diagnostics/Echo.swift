/// A value someone gave, repeated in an error message: control characters made inert, and a value
/// longer than `limit` characters cut there, saying how much was left out. An error line stays one
/// readable line whatever was typed or read.
public enum Echo {
    /// The most characters of a value an error message repeats.
    public static let limit = 64

    /// `'value'`, or `'first 64 characters…' (N more bytes)`.
    public static func quoted(_ value: String) -> String {
        let (shown, rest) = split(value)
        return rest.map { "'\(shown)…' (\($0))" } ?? "'\(shown)'"
    }

    /// `value`, or `first 64 characters… (N more bytes)`.
    public static func cut(_ value: String) -> String {
        let (shown, rest) = split(value)
        return rest.map { "\(shown)… (\($0))" } ?? shown
    }

    private static func split(_ value: String) -> (shown: String, rest: String?) {
        guard value.utf8.count > limit, value.count > limit else { return (TextSanitizer.inert(value), nil) }
        let head = String(value.prefix(limit))
        return (TextSanitizer.inert(head), "\(Format.grouped(value.utf8.count - head.utf8.count)) more bytes")
    }
}
