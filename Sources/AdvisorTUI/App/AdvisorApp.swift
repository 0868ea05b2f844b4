import AdvisorCore

/// The interactive loop: draw, read a key, update the state, save progress, until the user quits,
/// presses Ctrl-C, or a signal arrives. Generic over the terminal, so tests run it on a grid.
public enum AdvisorApp {
    /// How a session ended.
    public enum Outcome: Sendable {
        /// `q`: quit by choice.
        case quit(AdvisorState)
        /// Ctrl-C.
        case interrupted(AdvisorState)
        /// A terminating signal (SIGTERM, SIGHUP, …).
        case signal(Int32, AdvisorState)
        /// The input ran out (test terminals only).
        case endOfInput(AdvisorState)

        public var state: AdvisorState {
            switch self {
            case .quit(let state), .interrupted(let state), .signal(_, let state), .endOfInput(let state): state
            }
        }
    }

    /// Runs `state` on `terminal` until it ends. Progress goes to `store` after every change;
    /// exports the user asks for are written by `exporter`, and team members' files read by a
    /// `TeamLoader`. The terminal is restored on every way out.
    public static func run<T: Terminal>(_ initial: AdvisorState, on terminal: inout T,
                                        store: SessionStore?, exporter: ReportExporter = ReportExporter()) -> Outcome {
        var state = initial
        state.apply(.resize(terminal.size))
        // A notice the caller set (such as a resumed member whose file no longer reads) outlives the
        // first resize, which clears notices as every key does.
        if state.notice == nil { state.notice = initial.notice }
        state.unicode = terminal.appearance.unicode
        var saver = Saver(store: store)
        saver.persist(state)
        if let problem = saver.problem { state.notice = problem }
        terminal.draw(ScreenRenderer.frame(state, appearance: terminal.appearance))
        defer { terminal.restore() }
        while true {
            if let signal = terminal.pendingSignal() {
                saver.persist(state)
                return .signal(signal, state)
            }
            guard let key = terminal.readKey() else {
                if terminal.isClosed { return .endOfInput(state) }
                continue
            }
            if key == .suspend {
                terminal.suspend()
                state.apply(.resize(terminal.size))
                terminal.draw(ScreenRenderer.frame(state, appearance: terminal.appearance))
                continue
            }
            state.apply(key)
            exporter.performPending(in: &state)
            TeamLoader().performPending(in: &state)
            saver.persist(state)
            if let problem = saver.takeProblem() { state.notice = problem }
            switch state.exit {
            case .quit?: return .quit(state)
            case .interrupt?: return .interrupted(state)
            case nil: break
            }
            terminal.draw(ScreenRenderer.frame(state, appearance: terminal.appearance))
        }
    }

    /// Saves when answers or the position change, the results included (`advisor --resume` opens
    /// them again); clears the session once a report of these answers has been exported. While the
    /// welcome screen offers a saved session, nothing is written over it.
    struct Saver {
        let store: SessionStore?
        private var last: SessionStore.Snapshot?
        private var cleared = false
        private var disabled = false
        private(set) var problem: String?

        init(store: SessionStore?) {
            self.store = store
        }

        mutating func persist(_ state: AdvisorState) {
            guard let store, !disabled, state.resumeOffer == nil else { return }
            if state.screen == .results && state.exported {
                if !cleared { store.clear() }
                cleared = true
                last = nil
                return
            }
            cleared = false
            let snapshot = SessionStore.Snapshot(state)
            guard snapshot != last else { return }
            last = snapshot
            guard state.hasProgress || state.resumePoint != nil else { return }
            do {
                try store.save(snapshot, knowledge: state.knowledge)
            } catch {
                disabled = true
                problem = "Progress can't be saved: \(error.message)"
            }
        }

        mutating func takeProblem() -> String? {
            defer { problem = nil }
            return problem
        }
    }
}
