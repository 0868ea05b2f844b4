import CNCursesW
import Glibc

/// Gives the terminal back if the program crashes while the full-screen UI is up.
///
/// The handler itself is C (`advisor_install_crash_handler` in the shim): on SIGSEGV, SIGBUS,
/// SIGILL (a Swift trap), SIGTRAP, SIGFPE or SIGABRT it restores the terminal settings saved here,
/// leaves the alternate screen, shows the cursor, prints one line, and re-raises the signal. It
/// runs on its own stack, so a stack overflow is caught as well. Its memory is owned here.
enum CrashGuard {
    private static let stackSize = 64 * 1024

    nonisolated(unsafe) private static let state: UnsafeMutablePointer<advisor_crash_state> = {
        let pointer = UnsafeMutablePointer<advisor_crash_state>.allocate(capacity: 1)
        pointer.initialize(to: advisor_crash_state())
        return pointer
    }()

    nonisolated(unsafe) private static let stack = UnsafeMutableRawPointer.allocate(byteCount: stackSize,
                                                                                    alignment: 16)

    /// Saves the terminal's settings (call before `initscr`) and arms the handler.
    static func arm() {
        _ = advisor_install_crash_handler(state, STDOUT_FILENO, stack, stackSize)
    }

    /// Disarms the handler once the terminal has been restored.
    static func disarm() {
        advisor_disarm_crash_handler(state)
    }
}
