@testable import AdvisorCore
import AdvisorKnowledge
import Testing

/// Every piece of knowledge text is hostile here: each string of the shipped knowledge (names,
/// summaries, reasons, prompts, labels, titles, ids) gets an escape sequence and bidirectional
/// overrides appended, through the compiled cache's string table. Every output format is then
/// scanned: no ESC, no other control character but newline and tab, and no bidirectional control
/// reaches any of them as itself.
@Suite("Hostile knowledge text in every output")
struct HostileTextTests {
    /// A window-title sequence, a screen clear, two bidirectional controls and a C1 CSI.
    static let poison = "\u{1B}]0;pwned\u{07}\u{1B}[2J\u{202E}\u{2066}\u{9B}"

    /// Strings that keep their value: what the decoder reads as names of enumeration cases or as
    /// dates, and identifiers, which the loader accepts only as plain words (ids of criteria,
    /// frameworks, questions, rules, sources, capabilities and facts, option values, conditions).
    static func keeps(_ text: String, identifiers: Set<String>) -> Bool {
        ["seed", "documented", "measured", "inferred", "choice", "multi", "yesno", "scale", "error", "warning",
         "note", ""].contains(text) || text.first?.isNumber == true || identifiers.contains(text)
    }

    static func identifiers(_ k: KnowledgeBase) -> Set<String> {
        var ids = Set(k.criteria.map(\.id) + k.frameworks.map(\.id) + k.questions.map(\.id) + k.rules.map(\.id)
                      + k.sources.map(\.id) + k.capabilities.map(\.id) + k.facts + [k.digest] + k.origins)
        for question in k.questions {
            ids.formUnion(question.values)
            if let askIf = question.askIf { ids.insert(askIf.text) }
        }
        for rule in k.rules { ids.insert(rule.when.text) }
        for framework in k.frameworks {
            ids.formUnion(framework.facts.map(\.id))
            ids.formUnion(framework.ratings.values.map(\.citation.source))
            ids.formUnion(framework.capabilities.map(\.citation.source))
        }
        return ids
    }

    static func hostileKnowledge() throws -> KnowledgeBase {
        let shipped = try ShippedKnowledge.load()
        let identifiers = Self.identifiers(shipped)
        let (table, body) = KnowledgeCodec.encode(shipped, warnings: [])
        let reader = try BinaryReader(table + body, from: 0)
        var writer = BinaryWriter()
        writer.int(reader.strings.count)
        for string in reader.strings {
            let hostile = keeps(string, identifiers: identifiers) ? string : string + poison
            writer.int(hostile.utf8.count)
            writer.bytes += hostile.utf8
        }
        let (knowledge, _) = try KnowledgeCodec.decode(writer.bytes + body, from: 0)
        return knowledge
    }

    /// The scalars that must never reach an output as themselves.
    static func live(_ output: String) -> [String] {
        var found: Set<String> = []
        for scalar in output.unicodeScalars {
            let unsafe = scalar != "\n" && scalar != "\t" && TextEscaping.isUnsafe(scalar)
            if unsafe { found.insert("U+" + String(scalar.value, radix: 16, uppercase: true)) }
        }
        return found.sorted()
    }

    @Test("no output carries a control or bidirectional character from the knowledge as itself")
    func everyOutput() throws {
        let k = try Self.hostileKnowledge()
        // The hostile text really is in the knowledge.
        #expect(k.frameworks.allSatisfy { $0.name.hasSuffix(Self.poison) })
        #expect(k.questions.allSatisfy { $0.prompt.hasSuffix(Self.poison) && $0.why.hasSuffix(Self.poison) })
        #expect(k.rules.allSatisfy { $0.because.hasSuffix(Self.poison) })
        var answers = Answers()
        for question in k.questions {
            guard let first = question.values.first else { continue }
            switch question.kind {
            case .multi: answers[question.id] = .many(Array(question.values.prefix(2)))
            case .yesno: answers[question.id] = .yes(true)
            default: answers[question.id] = .one(first)
            }
        }
        let c = Engine.consult(k, answers: answers)
        #expect(c.firings.count > 0)
        var options = ReportOptions(date: "2026-12-05")
        options.analysis = DecisionAnalysis.run(c, settings: .init(samples: 200))
        var outputs: [String: String] = [:]
        for format in ReportFormat.allCases {
            outputs["report, \(format.rawValue)"] = ReportRenderer.render(c, format: format, options: options)
        }
        // The report's own colours are SGR sequences (ESC [ … m); only those may carry an ESC.
        let coloured = TextReport.render(c, style: TextStyle(color: true, unicode: true), analysis: options.analysis)
        outputs["report, coloured text"] = coloured.replacing(/\u{1B}\[[0-9;]*m/, with: "")
        // A team of two, who differ on every question: each format of the team's report too.
        let team = TeamDecision.decide([TeamDecision.Member(name: "ana", knowledge: k, answers: answers),
                                        TeamDecision.Member(name: "ben", knowledge: k, answers: Answers())])
        #expect(!team.disagreements.isEmpty)
        for format in ReportFormat.allCases {
            outputs["team, \(format.rawValue)"] = TeamReport.render(
                team, format: format, options: TeamReport.Options(title: "T" + Self.poison, date: "2026-12-05"))
        }
        for framework in k.frameworks {
            outputs["explain \(framework.id)"] = ExplanationReport.framework(framework.id, in: c)
            outputs["why not \(framework.id)"] = ExplanationReport.whyNot(WhyNot.analyse(framework.id, in: c), in: c)
        }
        for question in k.questions {
            outputs["explain --question \(question.id)"] = ExplanationReport.question(
                QuestionInsight.analyse(question: question.id, in: c), in: c)
        }
        outputs["questions"] = CatalogueReport.questionsText(k)
        outputs["questions, json"] = CatalogueReport.questionsJSON(k).serialized()
        outputs["frameworks"] = CatalogueReport.frameworksText(k)
        outputs["frameworks, json"] = CatalogueReport.frameworksJSON(k).serialized()
        outputs["criteria"] = CatalogueReport.criteriaText(k)
        outputs["criteria, json"] = CatalogueReport.criteriaJSON(k).serialized()
        for format in KnowledgeReport.DocumentFormat.allCases {
            outputs["knowledge, \(format.rawValue)"] = KnowledgeReport.render(k, format: format)
        }
        for (name, output) in outputs.sorted(by: { $0.key < $1.key }) {
            #expect(Self.live(output).isEmpty, "\(name): \(Self.live(output))")
        }
        // And the hostile text shows, escaped, in each report.
        for format in ReportFormat.allCases {
            let output = outputs["report, \(format.rawValue)"] ?? ""
            #expect(output.contains("u{1B}") || output.contains("u001b"), "\(format.rawValue)")
            #expect(output.contains("u{202E}") || output.contains("u202e"), "\(format.rawValue)")
        }
    }
}
