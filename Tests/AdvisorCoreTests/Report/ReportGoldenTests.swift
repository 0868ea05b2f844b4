@testable import AdvisorCore
import AdvisorKnowledge
import Foundation
import Testing
import TestSupport

/// A set of answers the reports are checked against, with what the record says about itself.
struct ReportScenario: Sendable, CustomTestStringConvertible {
    var name: String
    var answers: [String]
    var weights: [String: Double] = [:]
    var title: String?
    var decisionMakers: String?

    var testDescription: String { name }

    static let apiFirst = ReportScenario(name: "api-first",
                                         answers: ["project_type=api", "traffic=high", "api_docs=yes"])
    static let contentPlatform = ReportScenario(name: "content-platform",
                                                answers: ["project_type=content_platform", "builtins=admin,auth,orm"])
    static let regulatedEcommerce = ReportScenario(name: "regulated-ecommerce",
                                                   answers: ["project_type=ecommerce", "security=regulated"])
    /// A knock-out, a rating rule, an answer set aside, a weight override, a title and decision makers.
    static let knockOut = ReportScenario(
        name: "knock-out",
        answers: ["project_type=ai_service", "ml_models=yes", "team_experience=django", "must_have=builtin_admin"],
        weights: ["security": 5], title: "Acme <Orders> & *Co*", decisionMakers: "Ana Lee, Ben \"B\" Ode")

    static let all = [apiFirst, contentPlatform, regulatedEcommerce, knockOut]

    /// The `--answer`/`--weight`/… arguments that give this scenario on the command line.
    var arguments: [String] {
        var result = answers.flatMap { ["--answer", $0] }
        for (criterion, weight) in weights.sorted(by: { $0.key < $1.key }) {
            result += ["--weight", "\(criterion)=\(Format.number(weight))"]
        }
        if let title { result += ["--title", title] }
        if let decisionMakers { result += ["--decision-makers", decisionMakers] }
        return result
    }

    func consultation(_ knowledge: KnowledgeBase) throws -> Consultation {
        let parser = AnswerParser(knowledge: knowledge)
        var parsed = Answers()
        for answer in answers {
            let (id, value) = try parser.parse(assignment: answer)
            parsed[id] = value
        }
        return Engine.consult(knowledge, answers: parsed, weights: weights)
    }

    func options(date: String = ReportScenario.date) -> ReportOptions {
        ReportOptions(title: title, date: date, decisionMakers: decisionMakers)
    }

    /// The pinned date of every golden file.
    static let date = "2026-01-15"

    /// The golden file's name for a format: `report-api-first.md`.
    func golden(_ format: ReportFormat) -> String {
        "report-\(name).\(format.fileExtension)"
    }
}

@Suite("Report golden files")
struct ReportGoldenTests {
    static let formats: [ReportFormat] = [.markdown, .html, .json, .text]

    @Test("each format matches its golden file", arguments: ReportScenario.all, formats)
    func golden(_ scenario: ReportScenario, _ format: ReportFormat) throws {
        let knowledge = try ShippedKnowledge.load()
        let consultation = try scenario.consultation(knowledge)
        let report = ReportRenderer.render(consultation, format: format, options: scenario.options())
        assertSnapshot(report, named: scenario.golden(format), in: snapshotDirectory())
    }

    @Test("the same inputs give the same bytes, and only the date moves", arguments: ReportScenario.all, formats)
    func reproducible(_ scenario: ReportScenario, _ format: ReportFormat) throws {
        let knowledge = try ShippedKnowledge.load()
        let first = ReportRenderer.render(try scenario.consultation(knowledge), format: format,
                                          options: scenario.options())
        let second = ReportRenderer.render(try scenario.consultation(try ShippedKnowledge.load()), format: format,
                                           options: scenario.options())
        #expect(first == second)
        let later = ReportRenderer.render(try scenario.consultation(knowledge), format: format,
                                          options: scenario.options(date: "2027-12-31"))
        #expect(later.replacingOccurrences(of: "2027-12-31", with: ReportScenario.date) == first)
    }

    @Test("the Markdown record has the MADR 4.0 sections, in order", arguments: ReportScenario.all)
    func madrLayout(_ scenario: ReportScenario) throws {
        let c = try scenario.consultation(try ShippedKnowledge.load())
        let markdown = MarkdownReport.render(c, options: scenario.options())
        let headings = markdown.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == ["## Context and Problem Statement", "## Decision Drivers", "## Considered Options",
                             "## Decision Outcome", "## Pros and Cons of the Options", "## More Information"])
        #expect(markdown.hasPrefix("---\nstatus: proposed\ndate: 2026-01-15\ndecision-makers: "))
        let winner = try #require(c.winner)
        #expect(markdown.contains("Chosen option: \"\(winner.name)\", because"))
        #expect(markdown.contains("### Consequences"))
        for framework in c.knowledge.frameworks {
            #expect(markdown.contains("### \(framework.name)\n"), "pros and cons of \(framework.name)")
        }
        #expect(markdown.contains("--format markdown \\\n  --date 2026-01-15\n```"))
    }

    @Test("the title comes from --title, else from the kind of project")
    func titles() throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try ReportScenario.apiFirst.consultation(knowledge)
        let derived = MarkdownReport.render(c, options: ReportOptions(date: ReportScenario.date))
        #expect(derived.contains("\n# Use FastAPI for an API service\n"))
        #expect(derived.contains("decision-makers: \"TODO: list everyone involved in the decision\"\n"))
        let named = MarkdownReport.render(c, options: ReportOptions(title: "Acme orders", date: ReportScenario.date,
                                                                    decisionMakers: "Ana, Ben"))
        #expect(named.contains("\n# Use FastAPI for Acme orders\n"))
        #expect(named.contains("decision-makers: \"Ana, Ben\"\n"))
        let none = MarkdownReport.render(Engine.consult(knowledge, answers: Answers()),
                                         options: ReportOptions(date: ReportScenario.date))
        #expect(none.contains("\n# Use Django for the project\n"))
    }
}
