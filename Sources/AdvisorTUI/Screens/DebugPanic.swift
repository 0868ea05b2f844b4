#if DEBUG
import Foundation
#endif

/// A debug-only switch that makes a screen crash while it draws, to test that a crash gives the
/// terminal back (`Tests/EndToEnd/terminal-safety.sh`): `ADVISOR_DEBUG_PANIC=results` panics when
/// the results screen is drawn (`welcome`, `question`, `review`, `results`; `overflow` overflows
/// the stack instead). Release builds ignore the variable: the check is compiled out.
enum DebugPanic {
    #if DEBUG
    static let screen: String? = ProcessInfo.processInfo.environment["ADVISOR_DEBUG_PANIC"]

    static func check(_ name: String) {
        guard let screen else { return }
        if screen == "overflow" && name != "welcome" { overflow(1) }
        // The terminal-safety test panics here, on purpose, to check the crash guard.
        if screen == name { fatalError("debug panic in \(name) (ADVISOR_DEBUG_PANIC)") } // safe: debug builds only
    }

    @inline(never)
    private static func overflow(_ depth: Int) {
        var frame = [UInt8](repeating: UInt8(truncatingIfNeeded: depth), count: 64)
        frame.withUnsafeMutableBufferPointer { buffer in
            if buffer[0] != 255 || depth > 0 { overflow(depth + 1) }
        }
    }
    #else
    @inline(__always)
    static func check(_ name: String) {}
    #endif
}
