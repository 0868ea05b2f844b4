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

    @Test("the team comparison's members and your name in it are saved, paths quoted whatever they hold")
    func teamRoundTrip() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        let snapshot = SessionStore.Snapshot(
            answers: Answers(["project_type": .one("api")]), resumePoint: "results",
            team: [TeamLoadRequest(name: "ana", answersPath: "/home/ana/my \"team\" answers.yaml", pairwisePath: nil),
                   TeamLoadRequest(name: "ben", answersPath: "/srv/ben.yaml", pairwisePath: "/srv/ben, pairwise.yaml")],
            teamOwnName: "lena")
        try store.save(snapshot, knowledge: knowledge)
        #expect(try store.load(knowledge: knowledge) == snapshot)
        let text = try String(contentsOfFile: store.path, encoding: .utf8)
        #expect(text.contains("# team-you: lena\n# team-member: [\"ana\", \"/home/ana/my \\\"team\\\" answers.yaml\"]\n"))
        // Still an answers file, and a hand-broken member line is left out rather than failing the session.
        let answers = try AnswersFile.read(path: store.path, parser: AnswerParser(knowledge: knowledge))
        #expect(answers == snapshot.answers)
        try text.replacingOccurrences(of: "# team-member: [\"ben\"", with: "# team-member: [\"ben\" oops")
            .write(toFile: store.path, atomically: true, encoding: .utf8)
        #expect(try store.load(knowledge: knowledge)?.team.map(\.name) == ["ana"])
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

    @Test("the results keep the session: quitting there leaves it on disk, and resuming opens the results")
    func resultsKeepTheSession() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        var terminal = GridTerminal(keys: answerAll(knowledge) + [.enter, .escape, .enter, .character("q")])
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        guard case .quit(let state) = outcome else {
            Issue.record("expected quit, got \(outcome)")
            return
        }
        #expect(state.screen == .results, "Esc went back to the review, and Enter returned to the results")
        #expect(terminal.screen.contains("Recommendation: "))
        let saved = try #require(try store.load(knowledge: knowledge))
        #expect(saved.resumePoint == "results")
        #expect(saved.answers == state.answers)
        var resumed = AdvisorState(knowledge: knowledge, answers: saved.answers, skipped: saved.skipped)
        resumed.resume(at: saved.resumePoint)
        #expect(resumed.screen == .results)
    }

    @Test("exporting a report of the answers clears the saved session")
    func exportClearsTheSession() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        let folder = TestTemporary.root + "advisor-export-clears-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/decision.md"
        var terminal = GridTerminal(keys: answerAll(knowledge) + [.enter, .character("e"), .character("\u{15}")]
                                    + path.map { .character($0) } + [.enter, .character("q")])
        let outcome = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &terminal, store: store)
        #expect(outcome.state.exported)
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: store.path))
    }

    @Test("a saved session is offered on the welcome screen, and nothing is written over it until the user chooses")
    func welcomeOffersToResume() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        var first = GridTerminal(keys: [.enter, .enter, .enter, .character("q"), .character("y")])
        _ = AdvisorApp.run(AdvisorState(knowledge: knowledge), on: &first, store: store)
        let saved = try #require(try store.load(knowledge: knowledge))
        #expect(saved.answers.count == 2)

        var offered = AdvisorState(knowledge: knowledge)
        offered.resumeOffer = ResumeOffer(answers: saved.answers, skipped: saved.skipped, resumePoint: saved.resumePoint)
        var looking = GridTerminal(keys: [.character("q")])
        _ = AdvisorApp.run(offered, on: &looking, store: store)
        #expect(looking.screen.contains("Resume 2 saved answers? Enter resume"))
        #expect(try store.load(knowledge: knowledge) == saved, "quitting at the offer leaves the session as it was")

        var resuming = GridTerminal(keys: [.enter, .character("q"), .character("y")])
        let resumed = AdvisorApp.run(offered, on: &resuming, store: store).state
        #expect(resumed.answers == saved.answers)
        #expect(resumed.screen == .question(try #require(knowledge.questionIndex[saved.resumePoint ?? ""])))

        var afresh = GridTerminal(keys: [.character("n"), .character("q")])
        let fresh = AdvisorApp.run(offered, on: &afresh, store: store).state
        #expect(fresh.answers.isEmpty)
        #expect(fresh.screen == .question(0))
    }

    @Test("answers filled in from a file don't overwrite a saved session unasked: it is offered first")
    func filledInAnswersStillOfferTheSavedSession() throws {
        let knowledge = try #require(shipped)
        let store = temporaryStore()
        let saved = SessionStore.Snapshot(answers: Answers(["project_type": .one("web_app"), "traffic": .one("low")]),
                                          resumePoint: "results")
        try store.save(saved, knowledge: knowledge)
        // As `advisor --answers FILE` starts with a session on disk.
        var given = AdvisorState(knowledge: knowledge, answers: Answers(["project_type": .one("api"),
                                                                         "websockets": .yes(true)]))
        given.resumeOffer = ResumeOffer(answers: saved.answers, skipped: [], resumePoint: saved.resumePoint)
        var looking = GridTerminal(keys: [.character("q")])
        _ = AdvisorApp.run(given, on: &looking, store: store)
        #expect(looking.screen.contains("go on with the answers filled in, which replace them"))
        #expect(try store.load(knowledge: knowledge) == saved, "nothing is written before the choice")

        // Enter: the saved session, exactly (the file's answers are not mixed in).
        var resuming = GridTerminal(keys: [.enter])
        let resumed = AdvisorApp.run(given, on: &resuming, store: store).state
        #expect(resumed.answers == saved.answers)
        #expect(resumed.screen == .results)
        // n: the answers from the file, which then replace the saved ones.
        var fresh = GridTerminal(keys: [.character("n")])
        let filled = AdvisorApp.run(given, on: &fresh, store: store).state
        #expect(filled.answers == given.answers)
        #expect(try store.load(knowledge: knowledge)?.answers == given.answers)
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
