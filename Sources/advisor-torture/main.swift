// advisor-torture: saves over and over, for the tests that kill it at random moments
// (Tests/AdvisorCLITests/NoLostWorkTests.swift).
//
//     advisor-torture session PATH COUNT   saves two alternating sessions through SessionStore
//     advisor-torture report PATH COUNT    writes two alternating Markdown reports through ReportFile
//
// It prints "ready" once the first save is complete, so a test knows a file must exist from then on.
// Knowledge comes from ADVISOR_KNOWLEDGE (default: Knowledge in the current folder).
import AdvisorCore
import AdvisorTUI
import Foundation

func fail(_ message: String, _ code: Int32) -> Never {
    FileHandle.standardError.write(Data("advisor-torture: \(message)\n".utf8))
    exit(code)
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]), count > 0 else {
    fail("usage: advisor-torture session|report PATH COUNT", 64)
}
let mode = arguments[1], path = arguments[2]
let directory = ProcessInfo.processInfo.environment["ADVISOR_KNOWLEDGE"] ?? "Knowledge"
let knowledge: KnowledgeBase
do {
    knowledge = try KnowledgeLoader.load(directories: [directory]).knowledge
} catch {
    fail(error.rendered(), 65)
}

/// Two versions of the file, of different lengths, so a torn write can't pass for either.
let sessions = [
    SessionStore.Snapshot(answers: Answers(["project_type": .one("api")]), resumePoint: "architecture"),
    SessionStore.Snapshot(answers: Answers(["project_type": .one("content_platform"),
                                            "builtins": .many(["admin", "auth", "orm"]),
                                            "traffic": .one("high")]),
                          skipped: ["architecture"], resumePoint: "review"),
]
let reports = sessions.map { snapshot in
    MarkdownReport.render(Engine.consult(knowledge, answers: snapshot.answers),
                          options: ReportOptions(date: "2026-01-01"))
}

/// Writes a line to stdout at once, unbuffered, so the test sees it before any kill.
func say(_ line: String) {
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
}

for iteration in 0..<count {
    do {
        switch mode {
        case "session":
            try SessionStore(path: path).save(sessions[iteration % 2], knowledge: knowledge)
        case "report":
            try ReportFile.write(reports[iteration % 2], to: path, overwrite: true)
        default:
            fail("unknown mode '\(mode)'", 64)
        }
    } catch {
        fail(error.message, 74)
    }
    if iteration == 0 { say("ready") }
}
say("done")
