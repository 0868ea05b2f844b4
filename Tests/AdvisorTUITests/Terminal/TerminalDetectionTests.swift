import Foundation
import Testing
@testable import AdvisorTUI

/// Which terminals get the full-screen advisor: those terminfo describes with cursor addressing.
struct TerminalDetectionTests {
    @Test("TERM unset, empty, dumb or unknown to terminfo cannot show the full screen")
    func cannotDraw() {
        #expect(!CursesTerminal.canDraw(terminal: nil))
        #expect(!CursesTerminal.canDraw(terminal: ""))
        #expect(!CursesTerminal.canDraw(terminal: "dumb"))
        #expect(!CursesTerminal.canDraw(terminal: "no-such-terminal-x9"))
    }

    @Test("a terminal terminfo describes with cursor addressing can, asked again and again")
    func canDraw() {
        // xterm's description ships with ncurses' base terminfo.
        for _ in 0..<3 { #expect(CursesTerminal.canDraw(terminal: "xterm")) }
        #expect(!CursesTerminal.canDraw(terminal: "dumb"))
    }
}
