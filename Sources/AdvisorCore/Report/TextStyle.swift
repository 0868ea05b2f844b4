/// How text output looks: colour (ANSI SGR) and Unicode or ASCII drawing.
public struct TextStyle: Hashable, Sendable {
    public var color: Bool
    public var unicode: Bool

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    public static let plain = TextStyle(color: false, unicode: true)

    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { color ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { color ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    /// A bar of `width` cells, filled in proportion to `value` out of `maximum`.
    public func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        let share = maximum > 0 ? min(1, max(0, value / maximum)) : 0
        let filled = Int((share * Double(width)).rounded())
        let (full, empty) = unicode ? ("█", "░") : ("#", ".")
        return String(repeating: full, count: filled) + String(repeating: empty, count: width - filled)
    }

    /// Whether a locale's environment names UTF-8 (`LC_ALL`, then `LC_CTYPE`, then `LANG`).
    public static func isUTF8(environment: [String: String]) -> Bool {
        let value = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}
