import AdvisorCore
import Foundation
import TestSupport
import Testing
@testable import AdvisorTUI

/// Saved progress and the interactive loop on an in-memory terminal.
@Suite struct SessionTests {
    func temporaryStore() -> SessionStore {
        let folder = TestTemporary.root + "advisor-tui-\(UUID().uuidString)"
        return SessionStore(path: folder + "/advisor/session.yaml")
    }

    @Test func standardPathFollowsXDGThenHome() {
        #expect(SessionStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path
                == "/s/advisor/session.yaml")
        #expect(SessionStore.standard(environment: ["HOME": "/h"])?.path == "/h/.local/state/advisor/session.yaml")
        #expect(SessionStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path
                == "/h/.local/state/advisor/session.yaml")
        #expect(SessionStore.standard(environment: [:]) == nil, "no HOME: saving is off, nothing crashes")
    }

    @Test func saveAndLoadRoundTrip() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        let snapshot = SessionStore.Snapshot(answers: Answers(["project_type": .one("api"),
                                                               "builtins": .many(["admin", "orm"]),
                                                               "async_workload": .yes(true)]),
                                             skipped: ["architecture"], resumePoint: "traffic")
        try store.save(snapshot, knowledge: knowledge)
        #expect(try store.load(knowledge: knowledge) == snapshot)
        // The file is an ordinary answers file too.
        let answers = try AnswersFile.read(path: store.path, parser: AnswerParser(knowledge: knowledge))
        #expect(answers == snapshot.answers)
        store.clear()
        #expect(try store.load(knowledge: knowledge) == nil)
    }

    @Test func aSessionWithoutAnswersLoads() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        try store.save(SessionStore.Snapshot(answers: Answers(), resumePoint: "project_type"), knowledge: knowledge)
        #expect(try store.load(knowledge: knowledge)?.resumePoint == "project_type")
    }

    @Test func killedMidQuestionnaireResumesAtTheSameQuestion() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        var terminal = GridTerminal(keys: [.enter, .enter, .down, .enter])
        terminal.signalAtEnd = SIGTERM
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        guard case .signal(let signal, let state) = outcome else {
            Issue.record("expected a signal outcome, got \(outcome)")
            return
        }
        #expect(signal == SIGTERM)
        #expect(terminal.restored)
        #expect(state.screen == .question(2))
        let saved = try #require(try store.load(knowledge: knowledge))
        #expect(saved.resumePoint == "builtins")
        #expect(saved.answers["architecture"] == .one("microservices"))
        var resumed = AdvisorState(knowledge: knowledge, answers: saved.answers, skipped: saved.skipped)
        resumed.resume(at: saved.resumePoint)
        #expect(resumed.screen == .question(2))
        #expect(frame(resumed).contains(String(knowledge.questions[2].prompt.prefix(30))))
    }

    @Test func reachingTheResultsClearsTheSession() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        var terminal = GridTerminal(keys: answerAll(knowledge) + [.enter, .character("q")])
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        guard case .quit(let state) = outcome else {
            Issue.record("expected quit, got \(outcome)")
            return
        }
        #expect(state.screen == .results)
        #expect(terminal.screen.contains("Recommendation: "))
        #expect(!FileManager.default.fileExists(atPath: store.path))
        #expect(try store.load(knowledge: knowledge) == nil)
    }

    @Test func ctrlCQuitsAtOnceAndKeepsProgress() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        var terminal = GridTerminal(keys: [.enter, .enter, .interrupt])
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        guard case .interrupted = outcome else {
            Issue.record("expected interrupted, got \(outcome)")
            return
        }
        #expect(terminal.restored)
        #expect(try store.load(knowledge: knowledge)?.resumePoint == "architecture")
    }

    @Test func ctrlZSuspendsAndRedraws() throws {
        let knowledge = try #require(shipped)
        var terminal = GridTerminal(keys: [.enter, .suspend])
        let before = terminal.frames
        _ = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: nil)
        #expect(terminal.suspensions == 1)
        #expect(terminal.frames == before + 3)
    }

    @Test func anUnwritableStateFolderIsANoticeNotACrash() throws {
        let knowledge = try #require(shipped)
        let store = SessionStore(path: "/proc/advisor-cannot-write/session.yaml")
        var terminal = GridTerminal(keys: [.enter, .enter])
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        guard case .endOfInput = outcome else {
            Issue.record("expected end of input, got \(outcome)")
            return
        }
        #expect(terminal.screen.contains("Framework Advisor"))
    }
}
