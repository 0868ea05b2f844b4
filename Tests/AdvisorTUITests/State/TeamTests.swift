import AdvisorCore
import Foundation
import Testing
@testable import AdvisorTUI

/// `t` on the results: colleagues' answers files loaded beside your answers, compared exactly as
/// `advisor team` compares members, every bad file or name refused with one line and the form kept.
@Suite struct TeamTests {
    /// A temporary folder holding `files` (name → contents), removed by the caller.
    func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("advisor-team-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, contents) in files {
            try contents.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    static let mine: [String: AnswerValue] = ["project_type": .one("api"), "traffic": .one("high"),
                                              "team_experience": .many(["fastapi"])]
    static let ana = "project_type: web_app\ntraffic: low\nteam_experience: django\n"
    static let ben = "project_type: api\ntraffic: high\nteam_experience: django\n"

    /// The results for `mine`, dated for reproducible reports.
    func results(_ knowledge: KnowledgeBase, size: Size = .minimum) -> AdvisorState {
        var state = session(knowledge, [.character("r"), .enter], size: size, answers: Answers(Self.mine))
        state.reportDate = "2026-01-15"
        return state
    }

    /// Applies `keys`, reading files and writing reports as the app loop does.
    func press(_ keys: [Key], on state: inout AdvisorState) {
        for key in keys {
            state.apply(key)
            ReportExporter().performPending(in: &state)
            TeamLoader().performPending(in: &state)
        }
    }

    /// Answers as `advisor recommend --answers` reads them from `path`.
    func answers(_ path: String, _ knowledge: KnowledgeBase) throws -> Answers {
        try AnswersFile.read(path: path, parser: AnswerParser(knowledge: knowledge))
    }

    @Test("a loaded colleague is compared with you as 'advisor team' compares two members")
    func loadingAMemberComparesAsTeamDoes() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana])
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ana.yaml").path
        var state = results(knowledge)
        #expect(state.screen == .results)
        press([.character("t")], on: &state)
        #expect(state.overlay == .team)
        #expect(state.teamForm?.focus == .form(.answers))
        #expect(frame(state).contains("(no colleague loaded yet)"))
        press(keys(path) + [.enter], on: &state)

        #expect(state.notice == "Added ana")
        #expect(state.teamForm?.focus == .comparison)
        let team = try #require(state.team)
        let expected = TeamDecision.decide([
            TeamDecision.Member(name: "you", knowledge: knowledge, answers: Answers(Self.mine)),
            TeamDecision.Member(name: "ana", knowledge: knowledge, answers: try answers(path, knowledge)),
        ])
        #expect(team.decision.members.map(\.member.name) == ["you", "ana"])
        #expect(team.decision.group.consultation.ranking.map(\.framework)
                == expected.group.consultation.ranking.map(\.framework))
        #expect(team.decision.group.consultation.ranking.map(\.score) == expected.group.consultation.ranking.map(\.score))
        #expect(team.decision.disagreements.map(\.question) == expected.disagreements.map(\.question))
        #expect(Set(team.decision.disagreements.map(\.question)) == ["project_type", "traffic", "team_experience"])
        // Each member's own result is what they get alone.
        #expect(team.decision.members[0].consultation.winner?.framework == state.consultation.winner?.framework)

        // On screen: the group's decision, each member's winner, and the disagreement that matters most.
        let screen = frame(state)
        let winner = try #require(expected.group.winner)
        #expect(screen.contains("Team decision for the project: \(winner.name)"))
        #expect(screen.contains("Members: you (your answers) · ana"))
        state.apply(.end)
        let width = TeamOverlay.Layout(size: state.size, form: try #require(state.teamForm)).contentWidth
        let last = try #require(TeamOverlay.lines(state, width: width, unicode: true).last?.text)
        #expect(last.hasSuffix("for one person."), "the method, whole, ends the comparison")
        #expect(frame(state).contains(last))
        let summary = try #require(TeamReport.summary(expected))
        #expect(TeamOverlay.lines(state, width: 88, unicode: true).map(\.text).contains { $0.contains(summary.prefix(30)) })
    }

    @Test func theWholeComparisonScrollsIntoViewAtTheSmallestSize() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana, "ben.yaml": Self.ben])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t")] + keys(dir.appendingPathComponent("ana.yaml").path) + [.enter, .character("a")]
              + keys(dir.appendingPathComponent("ben.yaml").path) + [.enter, .end], on: &state)
        #expect(state.teamMembers.map(\.name) == ["ana", "ben"])
        #expect(state.scroll > 0)
        let lines = TeamOverlay.lines(state, width: TeamOverlay.Layout(size: .minimum, form: try #require(state.teamForm)).contentWidth,
                                      unicode: true)
        let last = try #require(lines.last?.text)
        #expect(frame(state).contains(last))
        state.apply(.home)
        #expect(state.scroll == 0)
        #expect(frame(state).contains(try #require(lines.first?.text)))
    }

    /// A bad file or name: the keys typed after the overlay opens, and the line shown.
    struct BadInput: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: @Sendable (_ dir: String) -> [Key]
        var message: @Sendable (_ dir: String) -> String
        var testDescription: String { name }
    }

    static let badInputs: [BadInput] = [
        BadInput(name: "a name without an answers file", keys: { _ in [.up] + keys("cy") + [.enter] },
                 message: { _ in "Type the path of the member's answers file." }),
        BadInput(name: "a missing answers file", keys: { keys("\($0)/cy.yaml") + [.enter] },
                 message: { "answers file '\($0)/cy.yaml' does not exist" }),
        BadInput(name: "a folder", keys: { [.up] + keys("cy") + [.down] + keys($0) + [.enter] },
                 message: { "answers file '\($0)' is a directory" }),
        BadInput(name: "malformed YAML", keys: { keys("\($0)/bad.yaml") + [.enter] },
                 message: { "\($0)/bad.yaml:2:1: invalid YAML: did not find expected ',' or ']' "
                     + "(while parsing a flow sequence at line 1)" }),
        BadInput(name: "an unknown question", keys: { keys("\($0)/unknown.yaml") + [.enter] },
                 message: { "\($0)/unknown.yaml:1:1: unknown question 'colour' (see 'advisor questions')" }),
        BadInput(name: "a missing pairwise file", keys: { keys("\($0)/ben.yaml") + [.tab] + keys("\($0)/pw.yaml")
                     + [.enter] },
                 message: { "pairwise file '\($0)/pw.yaml' does not exist" }),
        BadInput(name: "a malformed pairwise file", keys: { keys("\($0)/ben.yaml") + [.tab] + keys("\($0)/ana.yaml")
                     + [.enter] },
                 message: { "\($0)/ana.yaml:1:1: error: expected a list of comparisons such as "
                     + "'- {a: performance, b: security, value: 3}', found a mapping" }),
        BadInput(name: "a file whose name has no letter", keys: { keys("\($0)/1.yaml") + [.enter] },
                 message: { _ in "Type a name for this member (the file's name has no letters to make one from): "
                     + "letters, digits, '-' and '_', starting with a letter." }),
        BadInput(name: "a name differing only in case", keys: { [.up] + keys("ANA") + [.down] + keys("\($0)/ben.yaml")
                     + [.enter] },
                 message: { _ in "'ANA' is already in the comparison; give this member another name." }),
        BadInput(name: "the same file under another name", keys: { [.up] + keys("anna") + [.down]
                     + keys("\($0)/ana.yaml") + [.enter] },
                 message: { "'\($0)/ana.yaml' is already loaded as ana." }),
        BadInput(name: "a name that is no plain word", keys: { [.up] + keys("a b") + [.down] + keys("\($0)/ben.yaml")
                     + [.enter] },
                 message: { _ in "'a b' is not a plain word; use letters, digits, '-' and '_', starting with a letter." }),
        BadInput(name: "your own name", keys: { [.up] + keys("you") + [.down] + keys("\($0)/ben.yaml") + [.enter] },
                 message: { _ in "'you' stands for your own answers; give this member another name." }),
        BadInput(name: "a member loaded twice", keys: { [.up] + keys("ana") + [.down] + keys("\($0)/ben.yaml")
                     + [.enter] },
                 message: { _ in "'ana' is already in the comparison; give this member another name." }),
        BadInput(name: "yourself named as a member", keys: { _ in [.up, .up] + Array(repeating: .backspace, count: 3)
                     + keys("ana") + [.enter] },
                 message: { _ in "'ana' is a loaded member's name; type another name for yourself." }),
        BadInput(name: "yourself without a name", keys: { _ in [.up, .up] + Array(repeating: .backspace, count: 3)
                     + [.enter] },
                 message: { _ in "Type your name as a plain word: letters, digits, '-' and '_', starting with a letter." }),
    ]

    @Test(arguments: badInputs)
    func badInputIsOneLineAndKeepsTheForm(_ bad: BadInput) throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana, "ben.yaml": Self.ben, "1.yaml": Self.ben,
                              "bad.yaml": "project_type: [api\n", "unknown.yaml": "colour: blue\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t")] + keys(dir.appendingPathComponent("ana.yaml").path) + [.enter, .character("a")],
              on: &state)
        #expect(state.teamMembers.map(\.name) == ["ana"])
        let before = try #require(state.team)
        press(bad.keys(dir.path), on: &state)
        let form = try #require(state.teamForm)
        #expect(form.message == bad.message(dir.path))
        #expect(state.overlay == .team)
        #expect(state.teamMembers.map(\.name) == ["ana"])
        #expect(state.team?.decision.group.winner?.framework == before.decision.group.winner?.framework)
        // What was typed is still there to correct, and the message is on screen, wrapped but whole.
        #expect(form.answers.isEmpty == !bad.keys(dir.path).contains(.character("/")))
        let width = TeamOverlay.Layout(size: state.size, form: form).contentWidth
        let shown = frame(state)
        for line in Canvas.wrapped(bad.message(dir.path), width: width) { #expect(shown.contains(line)) }
    }

    @Test("a quoted path is unquoted, a name is made from a file's name, and Shift-Tab goes back a field")
    func namesAndPaths() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["cy answers.yaml": Self.ben])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t"), .backTab], on: &state)
        #expect(state.teamForm?.focus == .form(.name))
        press([.tab] + keys("'\(dir.path)/cy answers.yaml'") + [.enter], on: &state)
        #expect(state.teamMembers.map(\.name) == ["cy-answers"])
        #expect(state.teamMembers.first?.answersPath == dir.path + "/cy answers.yaml")
        #expect(AdvisorState.memberName(fromFile: "/x/2024 Ben's answers.json") == "Ben-s-answers")
        #expect(AdvisorState.memberName(fromFile: "/x/__.yaml") == nil)
    }

    @Test("with more members than the line holds, the selected one stays in sight, with … for the rest")
    func manyMembers() throws {
        let knowledge = try #require(shipped)
        let names = (1...9).map { "member-with-a-long-name-\($0)" }
        var state = results(knowledge)
        press([.character("t")], on: &state)
        for name in names {
            state.finishTeamLoad(.loaded(TeamMember(name: name, answersPath: "/t/\(name).yaml",
                                                    answers: Answers(["traffic": .one("low")]))))
        }
        #expect(state.teamForm?.selected == 8)
        let screen = frame(state)
        #expect(screen.contains("member-with-a-long-name-9"))
        #expect(!screen.contains("member-with-a-long-name-1 ·"))
        #expect(screen.contains("(your answers) · … · member-with-a-long-name-"))
        press(Array(repeating: .left, count: 8), on: &state)
        let first = frame(state)
        #expect(first.contains("(your answers) · member-with-a-long-name-1 · "))
        #expect(first.contains(" · …"))
        // The scores table keeps its columns: each row is one line, cut rather than wrapped.
        let lines = TeamOverlay.lines(state, width: 74, unicode: true).map(\.text)
        let header = try #require(lines.firstIndex { $0.hasPrefix("  Scores (of 100)") })
        #expect(lines[header + 1].hasPrefix("   1. "))
        #expect(lines[header + 1].hasSuffix("…"))
    }

    @Test func removingAMemberRecomputesAndTheLastOneLeavesTheForm() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana, "ben.yaml": Self.ben])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t")] + keys(dir.appendingPathComponent("ana.yaml").path) + [.enter, .character("a")]
              + keys(dir.appendingPathComponent("ben.yaml").path) + [.enter], on: &state)
        #expect(state.team?.decision.members.count == 3)
        press([.left, .character("x")], on: &state)
        #expect(state.notice == "Removed ana from the comparison")
        #expect(state.teamMembers.map(\.name) == ["ben"])
        #expect(state.team?.decision.members.map(\.member.name) == ["you", "ben"])
        press([.character("x")], on: &state)
        #expect(state.team == nil)
        #expect(state.teamForm?.focus == .form(.answers))
        // Esc with nobody loaded closes the overlay; the results are as they were.
        press([.escape], on: &state)
        #expect(state.overlay == nil)
        #expect(state.screen == .results)
    }

    @Test("members stay for the session, and a changed answer of yours changes the comparison")
    func membersStayAndFollowYourAnswers() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ben.yaml": Self.ben])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t")] + keys(dir.appendingPathComponent("ben.yaml").path) + [.enter, .escape], on: &state)
        #expect(state.overlay == nil)
        let before = try #require(state.team?.decision.disagreements.map(\.question))
        #expect(before == ["team_experience"])
        // Back to the review, change the first answer to web_app, and open the team again.
        press([.escape, .down, .enter, .down, .enter], on: &state)
        #expect(state.screen == .review)
        press([.home, .enter], on: &state)
        #expect(state.screen == .results)
        #expect(state.answers["project_type"] == .one("web_app"))
        press([.character("t")], on: &state)
        #expect(state.teamMembers.map(\.name) == ["ben"])
        #expect(Set(try #require(state.team?.decision.disagreements.map(\.question)))
                == ["project_type", "team_experience"])
    }

    @Test("a resumed session reads its members' files again; one that no longer reads is named and left out")
    func resumingRestoresTheMembers() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana, "ben.yaml": Self.ben])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        press([.character("t")] + keys(dir.appendingPathComponent("ana.yaml").path) + [.enter, .character("a")]
              + keys(dir.appendingPathComponent("ben.yaml").path) + [.enter, .escape], on: &state)
        let saved = SessionStore.Snapshot(state)
        #expect(saved.team.map(\.answersPath) == [dir.appendingPathComponent("ana.yaml").path,
                                                  dir.appendingPathComponent("ben.yaml").path])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("ben.yaml"))

        // As a plain `advisor` offers it: the files are read when the offer is made, taken on Enter.
        let restored = TeamLoader().restore(saved.team, knowledge: knowledge)
        var resumed = AdvisorState(knowledge: knowledge, size: .minimum)
        resumed.apply(.resize(.minimum))
        resumed.resumeOffer = ResumeOffer(answers: saved.answers, skipped: saved.skipped, resumePoint: saved.resumePoint,
                                          team: restored, teamOwnName: saved.teamOwnName)
        press([.enter], on: &resumed)
        #expect(resumed.screen == .results)
        #expect(resumed.notice == "ben is left out of the team comparison this time (kept, to be read again next "
                + "time): answers file '" + dir.appendingPathComponent("ben.yaml").path + "' does not exist")
        #expect(resumed.teamMembers.map(\.name) == ["ana"])
        // Kept in the session: the file back, the next resume has ben again.
        #expect(SessionStore.Snapshot(resumed).team.map(\.name) == ["ana", "ben"])
        #expect(frame(resumed).contains("ben (file missing)") == false, "shown once the team view opens")
        press([.character("t")], on: &resumed)
        #expect(resumed.teamForm?.focus == .comparison)
        #expect(resumed.team?.decision.members.map(\.member.name) == ["you", "ana"])
        #expect(frame(resumed).contains("Members: you (your answers) · ana · ben (file missing)"))
        try Self.ben.write(to: dir.appendingPathComponent("ben.yaml"), atomically: true, encoding: .utf8)
        let again = TeamLoader().restore(SessionStore.Snapshot(resumed).team, knowledge: knowledge)
        #expect(again.members.map(\.name) == ["ana", "ben"])
        #expect(again.problems.isEmpty)
        // A missing member can be removed like any other: it is then gone from the session too.
        press([.right, .character("x")], on: &resumed)
        #expect(resumed.notice == "Removed ben from the comparison")
        #expect(SessionStore.Snapshot(resumed).team.map(\.name) == ["ana"])
    }

    @Test("e in the comparison exports the team's record, the same bytes 'advisor team' renders")
    func exportingTheTeamReport() throws {
        let knowledge = try #require(shipped)
        let dir = try folder(["ana.yaml": Self.ana])
        defer { try? FileManager.default.removeItem(at: dir) }
        var state = results(knowledge)
        // Your own name first, then the member.
        press([.character("t"), .up, .up] + Array(repeating: .backspace, count: 3) + keys("lena") + [.down, .down]
              + keys(dir.appendingPathComponent("ana.yaml").path) + [.enter], on: &state)
        #expect(state.teamOwnName == "lena")
        press([.character("e")], on: &state)
        #expect(state.overlay == .export)
        #expect(state.exportForm?.path == "./team-decision-2026-01-15.md")
        let target = dir.appendingPathComponent("team.md").path
        press([.character("\u{15}")] + keys(target) + [.enter], on: &state)
        #expect(state.notice == "Wrote \(target)")
        #expect(state.overlay == .team)
        #expect(!state.exported)
        let team = try #require(state.team)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == TeamReport.render(team.decision, format: .markdown,
                                             options: TeamReport.Options(date: "2026-01-15", robustness: team.robustness)))
        #expect(written.contains("decision-makers: \"lena, ana\""))
        #expect(written.contains("## Where the team differs"))
        // Esc in the export form goes back to the team, not to the results.
        press([.character("e"), .escape], on: &state)
        #expect(state.overlay == .team)
        // Your own report's form is its own: e on the results offers decision-<date>.md.
        press([.escape, .character("e")], on: &state)
        #expect(state.exportForm?.path == "./decision-2026-01-15.md")
    }
}
