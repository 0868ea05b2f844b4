@testable import AdvisorCore
import AdvisorKnowledge
import Testing

/// The metadata a decision record carries for `advisor check`, written and read back.
struct RecordMetadataTests {
    static let hostile = "Acme \"orders\" <b> & --> \\ done\nnext \u{1B}[31m"

    func metadata(_ text: String) throws -> RecordMetadata {
        guard case .metadata(let metadata, _) = RecordMetadata.read(text, path: "r.md") else {
            Issue.record("no metadata in \(text.prefix(400))")
            return RecordMetadata()
        }
        return metadata
    }

    @Test("Markdown and HTML records read back the answers, weights, files and ranking they were written with",
          arguments: ReportScenario.all)
    func roundTrip(_ scenario: ReportScenario) throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try scenario.consultation(knowledge)
        var options = ReportOptions(title: Self.hostile, date: ReportScenario.date,
                                    knowledgeDirectories: ["dir with space", Self.hostile])
        options.pairwise = nil
        let written = RecordMetadata(c, options: options)
        for text in [MarkdownReport.render(c, options: options), HTMLReport.render(c, options: options)] {
            let read = try metadata(text)
            #expect(read.answers == written.answers)
            #expect(read.weights == written.weights)
            #expect(read.title == Self.hostile)
            #expect(read.knowledgeDirectories == ["dir with space", Self.hostile])
            #expect(read.digest == knowledge.digest)
            #expect(read.winner == c.winner?.framework)
            #expect(read.criteria == knowledge.criteria.map(\.id))
            #expect(read.frameworks.map(\.framework) == c.ranking.map(\.framework))
            for (recorded, scored) in zip(read.frameworks, c.ranking) {
                #expect(abs(recorded.score - scored.score) < 0.00006)
                #expect(zip(recorded.points, scored.contributions).allSatisfy { abs($0 - $1.points) < 0.00006 })
            }
            // Re-run against the same knowledge, the record holds.
            #expect(RecordCheck.run(read, knowledge: knowledge).status == .holds)
        }
    }

    @Test("a team's Markdown and HTML records read back each member's answers and pairwise file, and hold")
    func teamRoundTrip() throws {
        let knowledge = try ShippedKnowledge.load()
        let team = TeamDecision.decide([
            TeamDecision.Member(name: "ana", knowledge: knowledge,
                                answers: Answers(["project_type": .one("api"), "team_experience": .many(["fastapi"])])),
            TeamDecision.Member(name: "ben", knowledge: knowledge,
                                answers: Answers(["project_type": .one("web_app"), "async_workload": .yes(false)])),
        ])
        let options = TeamReport.Options(title: Self.hostile, date: "2026-12-05", pairwise: ["ben": "/p/ben pw.yaml"],
                                         knowledgeDirectories: [Self.hostile])
        let written = RecordMetadata(team: team, pairwise: options.pairwise, knowledgeDirectories: [Self.hostile],
                                     title: Self.hostile)
        #expect(written.members.map(\.name) == ["ana", "ben"])
        for text in [TeamReport.markdown(team, options: options), TeamReport.html(team, options: options)] {
            let read = try metadata(text)
            #expect(read.members == written.members)
            #expect(read.members.last?.answers.last == RecordMetadata.Answer(question: "async_workload", values: ["no"],
                                                                             isList: false))
            #expect(read.members.last?.pairwise == "/p/ben pw.yaml")
            #expect(read.answers.isEmpty)
            #expect(read.title == Self.hostile)
            #expect(read.winner == team.group.winner?.framework)
            #expect(read.frameworks.map(\.framework) == team.group.consultation.ranking.map(\.framework))
            let check = RecordCheck.runTeam(read) { _ in .success(knowledge) }
            #expect(check.status == .holds, "\(check.moved)")
        }
    }

    @Test("a front matter without advisor metadata is not the advisor's; broken YAML is one located line")
    func foreignAndBroken() {
        guard case .notWritten = RecordMetadata.read("---\nstatus: accepted\n---\n# Use X\n", path: "a.md") else {
            Issue.record("a foreign record read as the advisor's")
            return
        }
        guard case .notWritten = RecordMetadata.read("# No front matter\n", path: "a.md") else {
            Issue.record("a record without front matter read as the advisor's")
            return
        }
        guard case .malformed(let line) = RecordMetadata.read("---\nadvisor:\n  answers: [\n---\n", path: "b.md")
        else {
            Issue.record("broken YAML was read")
            return
        }
        #expect(line.hasPrefix("b.md:"))
        #expect(line.contains(": error: invalid YAML: "))
        #expect(!line.contains("\n"))
        guard case .malformed(let missing) = RecordMetadata.read("---\nadvisor:\n  version: 1\n---\n", path: "c.md")
        else {
            Issue.record("metadata without answers was read")
            return
        }
        #expect(missing == "c.md:3:3: error: advisor metadata: 'answers' is missing")
    }
}
