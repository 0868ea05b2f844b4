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
        #expect(markdown.hasPrefix("---\nstatus: proposed\ndate: 2026-01-15\n"))
        #expect(markdown.contains("\n### Confirmation\n"))
        #expect(!markdown.contains("TODO") && !markdown.contains("knowledge base"))
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
        #expect(!derived.contains("decision-makers:") && !derived.contains("TODO"))
        let named = MarkdownReport.render(c, options: ReportOptions(title: "Acme orders", date: ReportScenario.date,
                                                                    decisionMakers: "Ana, Ben"))
        #expect(named.contains("\n# Use FastAPI for Acme orders\n"))
        #expect(named.contains("decision-makers: \"Ana, Ben\"\n"))
        let none = MarkdownReport.render(Engine.consult(knowledge, answers: Answers()),
                                         options: ReportOptions(date: ReportScenario.date))
        #expect(none.contains("\n# Use Django for the project\n"))
    }

    @Test("consulted and informed go to the front matter as YAML strings, only when given")
    func consultedAndInformed() throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try ReportScenario.apiFirst.consultation(knowledge)
        let options = ReportOptions(date: ReportScenario.date, consulted: "Cleo \"sec\": ops\nteam",
                                    informed: "All <engineers>")
        let markdown = MarkdownReport.render(c, options: options)
        #expect(markdown.hasPrefix("---\nstatus: proposed\ndate: 2026-01-15\nconsulted: \"Cleo \\\"sec\\\": ops\\nteam\"\n"
                                   + "informed: \"All <engineers>\"\nadvisor:\n"))
        #expect(markdown.contains("  --consulted 'Cleo \"sec\": ops\\u{A}team' \\\n  --informed 'All <engineers>' \\\n"))
        let html = HTMLReport.render(c, options: options)
        #expect(html.contains("<dt>Consulted</dt><dd>Cleo &quot;sec&quot;: ops\nteam</dd>"))
        #expect(html.contains("<dt>Informed</dt><dd>All &lt;engineers&gt;</dd>"))
        #expect(!html.contains("Decision makers"))
        let plain = MarkdownReport.render(c, options: ReportOptions(date: ReportScenario.date))
        #expect(!plain.contains("consulted:") && !plain.contains("informed:"))
    }

    @Test("drivers are prose with weights, each answer named once, and the exact trace is kept")
    func drivers() throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try ReportScenario.apiFirst.consultation(knowledge)
        let markdown = MarkdownReport.render(c, options: ReportScenario.apiFirst.options())
        let drivers = try #require(markdown.components(separatedBy: "## Decision Drivers\n").last?
            .components(separatedBy: "## Considered Options").first)
        #expect(drivers.contains("* **API development** (weight 8, base 3): raised because generated"))
        #expect(drivers.contains("* Also weighed, at their base weights: developer productivity (3)"))
        #expect(!drivers.contains("`") && !drivers.contains("×"))
        let flat = drivers.replacingOccurrences(of: "\n  ", with: " ")
        for bullet in flat.split(separator: "\n") where bullet.hasPrefix("* ") {
            #expect(bullet.components(separatedBy: "the project is an API").count <= 2, "\(bullet)")
            #expect(bullet.hasSuffix("."), "\(bullet)")
        }
        #expect(markdown.contains("### How the weights were set"))
        #expect(markdown.contains("* **API development**, weight 8 (base 3; "))
    }

    @Test("knock-out reasons are sentences without rule ids; the rule is under More Information")
    func knockOutReasons() throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try ReportScenario.knockOut.consultation(knowledge)
        let markdown = MarkdownReport.render(c, options: ReportScenario.knockOut.options())
        let parts = markdown.components(separatedBy: "## More Information")
        let body = try #require(parts.first), more = try #require(parts.last)
        #expect(!body.contains("requires-builtin-admin"))
        #expect(body.contains("FastAPI lacks a built-in admin panel, which the team made a hard\nrequirement."))
        #expect(more.contains("* **FastAPI**: rule `requires-builtin-admin`, from `must_have=builtin_admin`:"))
    }

    @Test("counted nouns agree with their numbers")
    func grammar() throws {
        let knowledge = try ShippedKnowledge.load()
        var answers = Answers()
        let parser = AnswerParser(knowledge: knowledge)
        for question in knowledge.questions.dropLast() {
            let value: String = switch question.kind {
            case .yesno: "yes"
            case .multi: question.options.first?.value ?? ""
            default: question.options.first?.value ?? ""
            }
            if let (id, parsed) = try? parser.parse(assignment: "\(question.id)=\(value)") { answers[id] = parsed }
        }
        let c = Engine.consult(knowledge, answers: answers)
        let markdown = MarkdownReport.render(c, options: ReportOptions(date: ReportScenario.date))
            .replacingOccurrences(of: "\n", with: " ")
        #expect(!markdown.contains("questions were") || !markdown.contains(" 1 of "))
        if c.ignored.isEmpty {
            #expect(markdown.contains("1 of \(knowledge.questions.count) questions was left unanswered, so the rules "
                                      + "that read it did not fire"))
        }
        #expect(!markdown.contains("1 questions") && !markdown.contains(" 1 rules"))
    }
}
