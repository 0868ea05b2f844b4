import CNCursesW
import Glibc
import AdvisorCore

/// The real terminal, through ncurses: raw mode, wide characters, colours where the terminal has
/// them, the mouse, and resize events.
///
/// Call `CursesTerminal.open` once; `restore()` (also run on every exit path by the caller) gives
/// the terminal back: cursor shown, echo and line mode on, normal screen.
public final class CursesTerminal: Terminal {
    public private(set) var appearance: TextStyle
    private var previous: Canvas?
    private var isOpen = false
    /// Whether clicks are reported (xterm's normal tracking, mode 1000: presses and releases, no motion).
    let mouse: Bool
    /// Colour pair per colour role.
    private var pairs: [ColorRole: Int16] = [:]

    /// Sets up the terminal. `color` is the user's wish (`--no-color`, `NO_COLOR`); the terminal
    /// must also support colours.
    /// `mouse`: report clicks of button 1 (no motion; most terminals still select text with Shift and
    /// a drag). Off (`--no-mouse`), the terminal keeps the mouse entirely.
    public init(color: Bool, mouse: Bool = true) {
        setlocale(LC_ALL, "")
        SignalFlags.install()
        CrashGuard.arm()
        let unicode = advisor_locale_is_utf8() != 0
        initscr()
        raw()
        noecho()
        nonl()
        keypad(advisor_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        advisor_timeout(100)
        if mouse {
            mousemask(advisor_button1_clicked() | advisor_button1_pressed(), nil)
            mouseinterval(0)
        }
        self.mouse = mouse
        var useColor = color && has_colors()
        if useColor {
            useColor = start_color() == advisor_ok()
            use_default_colors()
        }
        appearance = TextStyle(color: useColor, unicode: unicode)
        isOpen = true
        if useColor { setUpColors() }
    }

    /// Whether the full-screen advisor can be drawn on the terminal named `name` (`TERM`): terminfo
    /// knows it and it can move the cursor. False for an unset or empty `TERM`, for `dumb`, and for
    /// names terminfo does not know, where opening the screen would fail or show nothing.
    public static func canDraw(terminal name: String?) -> Bool {
        guard let name, !name.isEmpty, name != "dumb" else { return false }
        return advisor_terminal_can_address(name) != 0
    }

    private func setUpColors() {
        let table: [(ColorRole, Int16)] = [
            (.title, Int16(COLOR_BLUE)), (.accent, Int16(COLOR_CYAN)), (.good, Int16(COLOR_GREEN)),
            (.bad, Int16(COLOR_RED)), (.bar, Int16(COLOR_BLUE)), (.heading, Int16(COLOR_YELLOW)),
        ]
        for (offset, entry) in table.enumerated() {
            let pair = Int16(offset + 1)
            init_pair(pair, entry.1, -1)
            pairs[entry.0] = pair
        }
    }

    public var size: Size {
        Size(width: Int(advisor_getmaxx(advisor_stdscr())), height: Int(advisor_getmaxy(advisor_stdscr())))
    }

    // MARK: - Drawing

    public func draw(_ canvas: Canvas) {
        guard isOpen else { return }
        let sameSize = previous.map { $0.width == canvas.width && $0.height == canvas.height } ?? false
        if !sameSize { erase() }
        var text: [wchar_t] = []
        text.reserveCapacity(canvas.width * 2)
        for y in 0..<canvas.height {
            if sameSize, let previous, rowsEqual(previous, canvas, y) { continue }
            var x = 0
            while x < canvas.width {
                let style = canvas[x, y].style
                let start = x
                text.removeAll(keepingCapacity: true)
                while x < canvas.width, canvas[x, y].style == style {
                    let cell = canvas[x, y]
                    if !cell.isContinuation {
                        for scalar in cell.character.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                    }
                    x += 1
                }
                apply(style)
                // The bottom-right cell can't be written without scrolling; leave it blank.
                if y == canvas.height - 1 && x == canvas.width, let last = text.last, last == 32 {
                    text.removeLast()
                }
                _ = text.withUnsafeBufferPointer { buffer in
                    advisor_put(Int32(y), Int32(start), buffer.baseAddress, Int32(buffer.count))
                }
            }
        }
        advisor_set_style(advisor_a_normal(), 0)
        refresh()
        previous = canvas
    }

    private func rowsEqual(_ a: Canvas, _ b: Canvas, _ y: Int) -> Bool {
        let start = y * a.width
        return a.cells[start..<(start + a.width)] == b.cells[start..<(start + b.width)]
    }

    private func apply(_ style: CellStyle) {
        var attributes = advisor_a_normal()
        if style.attributes.contains(.bold) { attributes |= advisor_a_bold() }
        if style.attributes.contains(.reverse) { attributes |= advisor_a_reverse() }
        if style.attributes.contains(.dim) { attributes |= advisor_a_dim() }
        if style.attributes.contains(.underline) { attributes |= advisor_a_underline() }
        let pair = appearance.color ? (pairs[style.role] ?? 0) : 0
        advisor_set_style(attributes, pair)
    }

    /// Forgets what is on screen, so the next frame repaints everything (after Ctrl-Z or a stop).
    public func invalidate() {
        previous = nil
        clearok(advisor_stdscr(), true)
    }
}
