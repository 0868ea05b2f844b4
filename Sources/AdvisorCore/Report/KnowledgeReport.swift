/// The whole knowledge base as a document a team can review the way it reviews code: its name,
/// version and digest, the criteria, every framework with its ratings, capabilities and facts
/// (each with why, source, evidence and review date), the questions, every rule in words, and
/// the sources with their addresses.
///
/// The content is worked out once (`KnowledgeDocument`) and laid out by the Markdown and HTML
/// renderers, so both say the same thing. The same knowledge gives the same bytes.
public enum KnowledgeReport {
    /// The formats the knowledge report comes in.
    public enum DocumentFormat: String, CaseIterable, Sendable {
        case markdown
        case html

        /// The format a file name's extension names (`.md`, `.markdown`, `.html`, `.htm`), if any.
        public init?(path: String) {
            switch ReportFormat(path: path) {
            case .markdown?: self = .markdown
            case .html?: self = .html
            default: return nil
            }
        }
    }

    /// The report of `knowledge` in `format`.
    public static func render(_ knowledge: KnowledgeBase, format: DocumentFormat) -> String {
        let document = KnowledgeDocument(knowledge)
        switch format {
        case .markdown: return markdown(document)
        case .html: return html(document)
        }
    }
}

/// The content of the knowledge report. Text in it is plain: each renderer escapes it.
struct KnowledgeDocument: SourceLinking {
    typealias Text = DecisionRecord.Text

    /// One rated criterion of one framework.
    struct RatingRow {
        var criterion: String
        var criterionName: String
        var score: Double
        var why: String
        var source: String
        var evidence: String
        var reviewed: String
    }

    /// A cited item of a framework: a capability or a fact.
    struct CitedItem {
        /// The capability's name or the fact's statement.
        var head: String
        var id: String
        var why: String
        var source: String
        var evidence: String
        var reviewed: String
    }

    struct FrameworkSection {
        var id: String
        var name: String
        var summary: String
        var ratings: [RatingRow]
        var capabilities: [CitedItem]
        var facts: [CitedItem]
    }

    struct QuestionSection {
        var number: Int
        var id: String
        var prompt: String
        var kind: String
        var help: String
        var why: String
        var askIf: Text?
        var options: [(value: String, label: String)]
        var source: String
    }

    struct RuleItem {
        var id: String
        var sentence: Text
        var condition: String
    }

    var name: String
    var version: String
    var digest: String
    var description: String
    var criteria: [Criterion]
    var frameworks: [FrameworkSection]
    var questions: [QuestionSection]
    var rules: [RuleItem]
    var sources: [SourceReference]
    /// How many ratings, capabilities and facts carry each evidence level, "unstated" for none.
    var evidenceCounts: [(String, Int)]

    init(_ k: KnowledgeBase) {
        name = k.info.name
        version = k.info.version
        digest = k.digest
        description = k.info.description
        criteria = k.criteria
        sources = k.sources
        let prose = RuleProse(knowledge: k)
        var counts: [String: Int] = [:]
        let evidence = { (citation: Citation) -> String in
            let level = citation.evidence?.rawValue ?? (citation.source.hasPrefix("seed") ? "seed article" : "unstated")
            counts[level, default: 0] += 1
            return level
        }
        frameworks = k.frameworks.map { framework in
            FrameworkSection(
                id: framework.id, name: framework.name, summary: framework.summary,
                ratings: k.criteria.compactMap { criterion in
                    framework.ratings[criterion.id].map { rating in
                        RatingRow(criterion: criterion.id, criterionName: criterion.name, score: rating.score,
                                  why: rating.citation.why, source: rating.citation.source,
                                  evidence: evidence(rating.citation), reviewed: rating.citation.reviewed ?? "")
                    }
                },
                capabilities: framework.capabilities.map { capability in
                    CitedItem(head: k.capabilities.first { $0.id == capability.id }?.name ?? capability.id,
                              id: capability.id, why: capability.citation.why, source: capability.citation.source,
                              evidence: evidence(capability.citation), reviewed: capability.citation.reviewed ?? "")
                },
                facts: framework.facts.map { fact in
                    CitedItem(head: fact.statement, id: fact.id, why: fact.citation.why, source: fact.citation.source,
                              evidence: evidence(fact.citation), reviewed: fact.citation.reviewed ?? "")
                })
        }
        questions = k.questions.enumerated().map { index, question in
            QuestionSection(number: index + 1, id: question.id, prompt: question.prompt, kind: question.kind.rawValue,
                            help: question.help, why: question.why,
                            askIf: question.askIf.map { [.text(prose.condition($0.compiled).plain)] },
                            options: question.options.map { ($0.value, $0.label) }, source: question.source)
        }
        rules = k.rules.map { rule in
            RuleItem(id: rule.id, sentence: prose.sentence(rule), condition: rule.when.text)
        }
        let order = ["seed article", "documented", "measured", "inferred", "unstated"]
        evidenceCounts = order.compactMap { level in counts[level].map { (level, $0) } }
    }

    func address(of source: String) -> String? {
        sources.first { $0.id == source }?.address.flatMap { DecisionRecord.isWebAddress($0) ? $0 : nil }
    }

    /// A citation as text: `why [source]`, the source linked when it has an address.
    static func cited(_ why: String, _ source: String) -> Text {
        [.text(why + " "), .link("[\(source)]", source: source)]
    }
}
