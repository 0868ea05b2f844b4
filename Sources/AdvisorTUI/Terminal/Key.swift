/// A terminal's size in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest size the advisor draws its screens at.
    public static let minimum = Size(width: 80, height: 24)

    public var description: String { "\(width)×\(height)" }

    /// Whether this size is at least `other` in both directions.
    public func fits(_ other: Size) -> Bool { width >= other.width && height >= other.height }
}

/// One input event, already decoded from the terminal.
public enum Key: Hashable, Sendable {
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, space, backspace, escape, tab
    /// Shift-Tab: back through a form's fields.
    case backTab
    /// Ctrl-C, which arrives as a key in raw mode.
    case interrupt
    /// Ctrl-Z: suspend to the shell.
    case suspend
    /// F1: help, as `?` is.
    case help
    /// Any other printable character.
    case character(Character)
    /// The terminal changed size.
    case resize(Size)
    /// A mouse click at a cell.
    case click(x: Int, y: Int)

    /// A key for a character as typed, mapping control characters to their keys.
    public init(typed character: Character) {
        switch character {
        case "\r", "\n": self = .enter
        case " ": self = .space
        case "\t": self = .tab
        case "\u{7F}", "\u{08}": self = .backspace
        case "\u{1B}": self = .escape
        case "\u{03}": self = .interrupt
        case "\u{1A}": self = .suspend
        default: self = .character(character)
        }
    }
}
