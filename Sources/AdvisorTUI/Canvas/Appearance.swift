/// How the screen may be drawn: Unicode or ASCII, colour or monochrome.
public struct Appearance: Hashable, Sendable {
    /// Unicode box drawing and symbols (a UTF-8 locale); otherwise plain ASCII.
    public var unicode: Bool
    /// Colour roles become colours; otherwise only attributes show.
    public var color: Bool

    public init(unicode: Bool, color: Bool) {
        self.unicode = unicode
        self.color = color
    }

    public static let standard = Appearance(unicode: true, color: true)

    public var glyphs: Glyphs { unicode ? .unicode : .ascii }
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
