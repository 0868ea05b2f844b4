import CNCursesW

/// Where the shim's signal handler records signals: two slots this module owns.
///
/// The shim's helpers are `static` in a header, so each module (or object file) that inlines them
/// gets its own copy of any static storage. The slots therefore live here, and the handler is
/// handed their address: every reader, wherever the optimiser inlines it, reads the same memory.
enum SignalFlags {
    /// Slot 0: the last terminating signal; slot 1: set on SIGCONT.
    nonisolated(unsafe) private static let slots: UnsafeMutablePointer<sig_atomic_t> = {
        let pointer = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 2)
        pointer.initialize(repeating: 0, count: 2)
        return pointer
    }()

    /// Installs the handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT (record) and SIGCONT (redraw).
    static func install() {
        advisor_install_signal_handlers(slots)
    }

    /// The terminating signal received since the last call, if any.
    static func takeSignal() -> Int32? {
        let signal = advisor_take_slot(slots)
        return signal == 0 ? nil : signal
    }

    /// Whether the process was continued (SIGCONT) since the last call.
    static func takeContinued() -> Bool {
        advisor_take_slot(slots + 1) != 0
    }
}
