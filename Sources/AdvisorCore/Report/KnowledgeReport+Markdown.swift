/// The knowledge report as Markdown, clean under markdownlint's default rules (`mdl` and
/// `pymarkdown`): headings are unique and end without punctuation, long text sits in wrapped
/// lists rather than in table cells, and every cited source is a link reference.
extension KnowledgeReport {
    static func markdown(_ d: KnowledgeDocument) -> String {
        var out = MarkdownLines(record: d)
        out.raw("# Knowledge base")
        out.paragraph([.text("\(d.name), version \(d.version). Digest "), .code(d.digest),
                       .text(" (SHA-256 over the knowledge files).")])
        out.paragraph([.text(d.description)])
        out.paragraph(summary(d))
        criteria(d, into: &out)
        out.heading("Frameworks")
        out.paragraph([.text("Every framework is rated 0 to 5 on every criterion. Evidence says how firm a rating is: "
                             + "from the seed article, documented (a page states it), measured (a published "
                             + "benchmark) or inferred (a judgement, whose why says from what); reviewed is the date "
                             + "it was last checked against its source.")])
        d.frameworks.forEach { framework($0, into: &out) }
        questions(d, into: &out)
        out.heading("Rules")
        out.paragraph([.text("A rule fires when its condition holds; an unanswered question makes a condition unknown, "
                             + "and an unknown condition does not fire. Weight changes that add apply before those "
                             + "that multiply, each in rule-id order, so the order below never changes a result.")])
        out.bullets(d.rules.map { rule in
            [.strong(rule.id), .text(": ")] + rule.sentence + [.text(" Written as: " + rule.condition)]
        })
        out.heading("Sources")
        out.bullets(d.sources.map { source in
            var text: KnowledgeDocument.Text = [.code(source.id), .text(": " + source.title)]
            if let address = source.address { text += [.text(", "), .address(address)] }
            return text
        })
        let cited = d.citedSources
        let linked = d.sources.filter { cited.contains($0.id) }.compactMap { source in
            d.address(of: source.id).map { (source.id, $0) }
        }
        if !linked.isEmpty {
            out.blank()
            for (id, address) in linked {
                out.raw("[\(MarkdownText.reference(id))]: \(TextSanitizer.inert(address))")
            }
        }
        return out.text
    }

    static func summary(_ d: KnowledgeDocument) -> KnowledgeDocument.Text {
        var text = "It holds \(d.criteria.count) criteria, \(d.frameworks.count) frameworks, \(d.questions.count) "
            + "questions, \(d.rules.count) rules and \(d.sources.count) sources."
        if !d.evidenceCounts.isEmpty {
            text += " Ratings, capabilities and facts by evidence: "
                + RuleProse.joined(d.evidenceCounts.map { "\($0.1) \($0.0)" }) + "."
        }
        return [.text(text)]
    }

    private static func criteria(_ d: KnowledgeDocument, into out: inout MarkdownLines) {
        out.heading("Criteria")
        out.paragraph([.text("A framework's score is 100 × Σ weight × rating / (Σ weights × 5). The base weight is "
                             + "a criterion's importance before any answer; rules change it.")])
        out.table(["Criterion", "Id", "Base weight"], alignRight: [false, false, true],
                  rows: d.criteria.map { [$0.name, $0.id, Format.number($0.weight)] })
        out.bullets(d.criteria.map { criterion in
            [.strong(criterion.name), .text(": ")] + KnowledgeDocument.cited(criterion.description, criterion.source)
        })
    }

    private static func framework(_ f: KnowledgeDocument.FrameworkSection, into out: inout MarkdownLines) {
        out.heading("\(f.name) (\(f.id))", level: 3)
        out.paragraph([.text(f.summary)])
        out.table(["Criterion", "Score", "Evidence", "Reviewed"], alignRight: [false, true, false, false],
                  rows: f.ratings.map { [$0.criterionName, Format.number($0.score), $0.evidence,
                                         $0.reviewed.isEmpty ? "-" : $0.reviewed] })
        out.heading("\(f.name): why each rating", level: 4)
        out.bullets(f.ratings.map { rating in
            [.strong(rating.criterionName), .text(", \(Format.number(rating.score)): ")]
                + KnowledgeDocument.cited(rating.why, rating.source)
        })
        if !f.capabilities.isEmpty {
            out.heading("\(f.name): capabilities", level: 4)
            out.bullets(f.capabilities.map { item in
                [.strong(item.head), .text(" ("), .code(item.id), .text(", \(stamp(item))): ")]
                    + KnowledgeDocument.cited(item.why, item.source)
            })
        }
        if !f.facts.isEmpty {
            out.heading("\(f.name): facts", level: 4)
            out.bullets(f.facts.map { item in
                [.text(item.head + " (\(stamp(item))). Why: ")] + KnowledgeDocument.cited(item.why, item.source)
            })
        }
    }

    private static func questions(_ d: KnowledgeDocument, into out: inout MarkdownLines) {
        out.heading("Questions")
        out.paragraph([.text("In the order they are asked. Values are what scripts pass as "), .code("--answer id=value"),
                       .text(".")])
        for q in d.questions {
            out.heading("\(q.number). \(q.id) (\(q.kind))", level: 3)
            out.paragraph([.text("Asks: " + q.prompt + " " + q.help)])
            out.paragraph([.text("Why it is asked: ")] + KnowledgeDocument.cited(q.why, q.source))
            if let askIf = q.askIf {
                out.paragraph([.text("Asked only when ")] + askIf + [.text(".")])
            }
            out.bullets(q.options.map { [.code($0.value), .text(": " + $0.label)] })
        }
    }

    /// "documented, reviewed 2026-11-25", or just the evidence.
    static func stamp(_ item: KnowledgeDocument.CitedItem) -> String {
        item.reviewed.isEmpty ? item.evidence : "\(item.evidence), reviewed \(item.reviewed)"
    }
}

extension KnowledgeDocument {
    /// Every source id cited anywhere in the document.
    var citedSources: Set<String> {
        var ids = Set(criteria.map(\.source))
        for framework in frameworks {
            framework.ratings.forEach { ids.insert($0.source) }
            (framework.capabilities + framework.facts).forEach { ids.insert($0.source) }
        }
        questions.forEach { ids.insert($0.source) }
        for rule in rules {
            for case .link(_, let source) in rule.sentence { ids.insert(source) }
        }
        return ids
    }
}
