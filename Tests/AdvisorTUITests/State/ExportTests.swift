import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI

/// `e` on the results: the export overlay, the write it asks for, and the overwrite question.
@Suite struct ExportTests {
    /// A fresh temporary folder, removed by the caller.
    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("advisor-export-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// The results for the shipped knowledge with every question answered by its first option.
    func results(_ knowledge: KnowledgeBase) -> AdvisorState {
        var state = session(knowledge, answerAll(knowledge) + [.enter])
        state.reportDate = "2026-01-15"
        return state
    }

    /// Applies `keys`, performing any write they ask for as the app loop does.
    func press(_ keys: [Key], on state: inout AdvisorState, exporter: ReportExporter = ReportExporter()) {
        for key in keys {
            state.apply(key)
            exporter.performPending(in: &state)
        }
    }

    @Test func exportingHTMLThroughTheAppLoopWritesTheReport() throws {
        let knowledge = try #require(shipped)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = results(knowledge)
        let winner = try #require(start.consultation.winner)

        // The form: Markdown and ./decision-<date>.md by default; 2 picks HTML and the extension follows.
        var state = start
        state.apply(.character("e"))
        #expect(state.overlay == .export)
        #expect(state.exportForm?.path == "./decision-2026-01-15.md")
        #expect(frame(state).contains("Export a report"))
        state.apply(.down)
        #expect(state.exportForm?.format == .html)
        state.apply(.up)
        state.apply(.character("2"))
        #expect(state.exportForm?.format == .html)
        #expect(state.exportForm?.path == "./decision-2026-01-15.html")

        // The same keys through the app loop, which performs the write.
        let target = folder.appendingPathComponent("decision 2026.html").path
        let script: [Key] = [.character("e"), .down, .up, .character("2")]
            + Array(repeating: .backspace, count: 40) + keys(target) + [.enter]
        var terminal = GridTerminal(keys: script)
        let outcome = AdvisorApp.run(start, on: &terminal, store: nil)
        let end = outcome.state
        #expect(end.overlay == nil)
        #expect(end.exportRequest == nil)
        #expect(end.notice == "Wrote \(target)")
        #expect(terminal.screen.contains("Wrote"))
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.contains("Decision Outcome"))
        #expect(written.contains(winner.name))
        #expect(written.lowercased().contains("<html"))
        #expect(written.contains("2026-01-15"))
    }

    @Test("an exported record says what the results screen showed: the verdict and what would change it")
    func exportCarriesTheInsight() throws {
        let knowledge = try #require(shipped)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = results(knowledge)
        let insight = try #require(start.resultsInsight)
        let target = folder.appendingPathComponent("decision.md").path
        var terminal = GridTerminal(keys: [.character("e"), .character("\u{15}")] + keys(target) + [.enter])
        _ = AdvisorApp.run(start, on: &terminal, store: nil)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        // The screen's sentences, as the record words them: wrapped, so compared word by word.
        let words = written.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(insight.verdict), "\(insight.verdict)")
        let change = try #require(insight.changes.first)
        #expect(words.contains(String(change.dropLast().prefix(40))), "\(change)")
    }

    @Test func anExistingFileIsReplacedOnlyAfterYes() throws {
        let knowledge = try #require(shipped)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("decision.md").path
        try "old contents\n".write(toFile: target, atomically: true, encoding: .utf8)

        var state = results(knowledge)
        let edit: [Key] = [.character("e"), .character("\u{15}")] + keys(target) + [.enter]
        press(edit, on: &state)
        #expect(state.overlay == .export)
        #expect(state.exportForm?.confirmingOverwrite == true)
        #expect(frame(state).contains("Replace it?"))
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old contents\n")

        // n keeps the file and returns to the form.
        press([.character("n")], on: &state)
        #expect(state.overlay == .export)
        #expect(state.exportForm?.confirmingOverwrite == false)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old contents\n")

        // Enter asks again; y replaces it.
        press([.enter], on: &state)
        #expect(state.exportForm?.confirmingOverwrite == true)
        press([.character("y")], on: &state)
        #expect(state.overlay == nil)
        #expect(state.notice == "Wrote \(target)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written != "old contents\n")
        #expect(written.contains(try #require(state.consultation.winner).name))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(leftovers == ["decision.md"], "no temporary files are left behind")
    }

    @Test("Esc cancels the export; a failed write keeps the form open with the error in it")
    func escapeCancelsAndFailuresStayInTheForm() throws {
        let knowledge = try #require(shipped)
        var state = results(knowledge)
        press([.character("e"), .character("3"), .escape], on: &state)
        #expect(state.overlay == nil)
        #expect(state.screen == .results)
        #expect(state.notice == nil)
        // Reopening keeps the last choice.
        press([.character("e")], on: &state)
        #expect(state.exportForm?.format == .json)
        #expect(state.exportForm?.path == "./decision-2026-01-15.json")

        let missing = "/nonexistent-advisor-folder/\u{07}report.json"
        press([.character("\u{15}")] + keys(missing) + [.enter], on: &state)
        #expect(state.overlay == .export)
        let message = try #require(state.exportForm?.message)
        #expect(message.contains("does not exist"))
        #expect(message.contains("/nonexistent-advisor-folder/report.json"), "control characters can't be typed into the path")
        #expect(frame(state).text.contains("does not exist"))
        #expect(!frame(state).text.contains("\u{07}"))
        press([.escape], on: &state)
        #expect(state.overlay == nil)

        // The pure machine only asks; a stub writer sees the request.
        let seen = WriterLog()
        let stub = ReportExporter(writer: { contents, path, overwrite in seen.record(path, overwrite, contents) })
        press([.character("e"), .character("\u{15}")] + keys("out.md") + [.enter], on: &state, exporter: stub)
        // A relative path is written, and reported, from the working directory.
        let absolute = FileManager.default.currentDirectoryPath + "/out.md"
        #expect(seen.calls.map(\.path) == [absolute])
        #expect(seen.calls.first?.overwrite == false)
        #expect(state.notice == "Wrote \(absolute)")
        // An empty path asks for a name instead of writing.
        press([.character("e"), .character("\u{15}"), .enter], on: &state, exporter: stub)
        #expect(state.overlay == .export)
        #expect(state.exportForm?.message != nil)
        #expect(seen.calls.count == 1)
    }
}

/// Records a stub writer's calls.
final class WriterLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [(path: String, overwrite: Bool, contents: String)] = []
    var calls: [(path: String, overwrite: Bool, contents: String)] { lock.withLock { stored } }
    func record(_ path: String, _ overwrite: Bool, _ contents: String) { lock.withLock { stored.append((path, overwrite, contents)) } }
}
