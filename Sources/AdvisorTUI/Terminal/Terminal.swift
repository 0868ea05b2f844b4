import AdvisorCore

/// Where the advisor draws and reads keys: ncurses on a real terminal, a grid in tests.
public protocol Terminal {
    /// The current size in cells.
    var size: Size { get }
    /// How screens may draw here.
    var appearance: TextStyle { get }
    /// Shows a full frame.
    mutating func draw(_ canvas: Canvas)
    /// The next key, or nil if none arrived within the terminal's polling interval.
    mutating func readKey() -> Key?
    /// Gives the terminal back to the shell (Ctrl-Z), returning when the program is resumed.
    mutating func suspend()
    /// Restores the terminal for the shell. Safe to call more than once.
    mutating func restore()
    /// A signal that should end the program, if one arrived since the last call.
    mutating func pendingSignal() -> Int32?
    /// Whether no more input can come (a test script ran out); a real terminal never closes.
    var isClosed: Bool { get }
}

/// An in-memory terminal: keys come from a script, frames are kept for inspection.
public struct GridTerminal: Terminal {
    public var size: Size
    public var appearance: TextStyle
    /// Keys still to be read, first first.
    public var keys: [Key]
    /// The last frame drawn.
    public private(set) var screen: Canvas
    public private(set) var frames = 0
    public private(set) var suspensions = 0
    public private(set) var restored = false
    /// A signal to report once the keys run out, as if the process were killed mid-session.
    public var signalAtEnd: Int32?

    public init(size: Size = .minimum, appearance: TextStyle = .standard, keys: [Key] = []) {
        self.size = size
        self.appearance = appearance
        self.keys = keys
        screen = Canvas(width: size.width, height: size.height, appearance: appearance)
    }

    public mutating func draw(_ canvas: Canvas) {
        screen = canvas
        frames += 1
    }

    public mutating func readKey() -> Key? {
        guard !keys.isEmpty else { return nil }
        let key = keys.removeFirst()
        if case .resize(let newSize) = key { size = newSize }
        return key
    }

    public mutating func suspend() { suspensions += 1 }

    public mutating func restore() { restored = true }

    public mutating func pendingSignal() -> Int32? {
        guard keys.isEmpty, let signal = signalAtEnd else { return nil }
        signalAtEnd = nil
        return signal
    }

    public var isClosed: Bool { keys.isEmpty && signalAtEnd == nil }
}
