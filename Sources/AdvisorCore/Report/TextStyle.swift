/// How text output looks, in reports and on the interactive screen: colour or monochrome
/// (ANSI SGR in reports, colour roles on the screen), and Unicode or ASCII drawing.
public struct TextStyle: Hashable, Sendable {
    /// Colour: SGR sequences in reports, colour roles on the screen; otherwise only attributes show.
    public var color: Bool
    /// Unicode box drawing and symbols (a UTF-8 locale); otherwise plain ASCII.
    public var unicode: Bool

    public init(color: Bool, unicode: Bool) {
        self.color = color
        self.unicode = unicode
    }

    /// Reports written to a file: no colour, Unicode.
    public static let plain = TextStyle(color: false, unicode: true)
    /// The screen's default: colour and Unicode.
    public static let standard = TextStyle(color: true, unicode: true)

    /// The symbols to draw with.
    public var glyphs: Glyphs { unicode ? .unicode : .ascii }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { color ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { color ? "\u{1B}[31m\(text)\u{1B}[0m" : text }

    /// A bar of `width` cells, filled in proportion to `value` out of `maximum`.
    public func bar(_ value: Double, of maximum: Double, width: Int) -> String {
        let share = maximum > 0 ? min(1, max(0, value / maximum)) : 0
        let filled = Int((share * Double(width)).rounded())
        return String(repeating: glyphs.barFull, count: filled) + String(repeating: glyphs.barEmpty, count: width - filled)
    }

    /// Whether a locale's environment names UTF-8 (`LC_ALL`, then `LC_CTYPE`, then `LANG`).
    public static func isUTF8(environment: [String: String]) -> Bool {
        let value = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = value.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}

/// The symbols screens draw with, in a Unicode and an ASCII set.
public struct Glyphs: Hashable, Sendable {
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character
    public var horizontal: Character
    public var vertical: Character
    public var barFull: Character
    public var barEmpty: Character
    /// The cursor's marker in lists.
    public var pointer: String
    public var radioOn: String
    public var radioOff: String
    public var checkOn: String
    public var checkOff: String
    public var up: String
    public var down: String
    /// Up and down together, for key hints.
    public var upDown: String
    public var left: String
    public var cross: String
    public var bullet: String
    public var arrow: String
    public var rise: String
    public var fall: String
    public var separator: String

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        barFull: "█", barEmpty: "░", pointer: "▸", radioOn: "(•)", radioOff: "( )", checkOn: "[x]",
        checkOff: "[ ]", up: "↑", down: "↓", upDown: "↑↓", left: "←", cross: "✗", bullet: "•", arrow: "→",
        rise: "▲",
        fall: "▼", separator: "·")

    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        barFull: "#", barEmpty: ".", pointer: ">", radioOn: "(*)", radioOff: "( )", checkOn: "[x]",
        checkOff: "[ ]", up: "Up", down: "Down", upDown: "Up/Dn", left: "Left", cross: "x", bullet: "*", arrow: "->",
        rise: "+", fall: "-", separator: "|")
}
