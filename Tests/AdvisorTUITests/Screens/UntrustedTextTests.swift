import AdvisorCore
import Foundation
import Testing
import TestSupport
@testable import AdvisorTUI

/// Escape sequences in knowledge text are drawn as visible text on every screen, never sent to the
/// terminal: the grid the terminal receives holds no ESC, BEL or C1 control.
struct UntrustedTextTests {
    static let knowledge: KnowledgeBase? = {
        let folder = TestTemporary.root + "advisor-tui-escapes-" + UUID().uuidString
        try? FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: folder)
        let path = folder + "/frameworks/fastapi.yaml"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let poisoned = text
            .replacingOccurrences(of: "name: FastAPI\n", with: "name: \"Fast\\e[2JAPI\"\n")
            .replacingOccurrences(of: "why: \"Built specifically for API development:",
                                  with: "why: \"\\e]0;pwned\\a\\e[2JBuilt specifically for API development:")
        try? Data(poisoned.utf8).write(to: URL(fileURLWithPath: path))
        return try? KnowledgeLoader.load(directories: [folder]).knowledge
    }()

    static func live(_ canvas: Canvas) -> Bool {
        canvas.cells.contains { cell in
            cell.character.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value)
            }
        }
    }

    @Test("a poisoned name and why are inert on the question, review and results screens")
    func screens() throws {
        let knowledge = try #require(Self.knowledge)
        let size = Size(width: 120, height: 50)
        let question = session(knowledge, [.enter], size: size)
        let results = session(knowledge, answerAll(knowledge) + [.enter], size: size)
        #expect(results.screen == .results)
        // The results detail of FastAPI, where the rating's why is shown.
        let fastapi = try #require(results.resultsOrder.firstIndex(of: "fastapi"))
        var detail = results
        for _ in 0..<fastapi { detail.apply(.down) }
        for state in [question, results, detail] {
            let canvas = frame(state)
            #expect(!Self.live(canvas), "a live control character on \(state.screen)")
        }
        let text = frame(detail).text
        #expect(text.contains("Fast\\u{1B}[2JAPI"), "\(text)")
        #expect(text.contains("\\u{1B}]0;pwned"), "\(text)")
    }
}
