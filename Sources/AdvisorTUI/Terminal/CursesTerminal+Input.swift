import CNCursesW
import Glibc

// MARK: - Keys, suspension and restoring

extension CursesTerminal {
    public func readKey() -> Key? {
        var value: wint_t = 0
        let status = get_wch(&value)
        if status == advisor_key_code_yes() {
            return functionKey(Int32(value))
        }
        guard status == advisor_ok(), let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        return Key(typed: Character(scalar))
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case advisor_key_up(): return .up
        case advisor_key_down(): return .down
        case advisor_key_left(): return .left
        case advisor_key_right(): return .right
        case advisor_key_home(): return .home
        case advisor_key_end(): return .end
        case advisor_key_npage(): return .pageDown
        case advisor_key_ppage(): return .pageUp
        case advisor_key_backspace(): return .backspace
        case advisor_key_enter(): return .enter
        case advisor_key_btab(): return .backTab
        case advisor_key_f1(): return .help
        case advisor_key_resize():
            invalidate()
            return .resize(size)
        case advisor_key_mouse():
            var x: Int32 = 0, y: Int32 = 0
            var buttons: mmask_t = 0
            guard advisor_getmouse(&x, &y, &buttons) == advisor_ok(),
                  buttons & (advisor_button1_clicked() | advisor_button1_pressed()) != 0 else { return nil }
            return .click(x: Int(x), y: Int(y))
        default:
            return nil
        }
    }

    /// Ctrl-Z: restore the shell's terminal, stop, and on `fg` take the screen back and repaint.
    public func suspend() {
        endwin()
        advisor_stop_self()
        refresh()
        invalidate()
    }

    public func restore() {
        curs_set(1)
        endwin()
        CrashGuard.disarm()
    }

    public var isClosed: Bool { false }

    /// A signal that should end the program (SIGTERM, SIGHUP, SIGINT, SIGQUIT), if one arrived.
    /// A SIGCONT (after an outside stop) makes the next frame repaint everything.
    public func pendingSignal() -> Int32? {
        if SignalFlags.takeContinued() { invalidate() }
        return SignalFlags.takeSignal()
    }
}
