/// The knowledge report as one self-contained HTML page: the decision record's stylesheet plus a
/// few rules for the ratings tables, no scripts and nothing fetched. Everything from the knowledge
/// files is escaped.
extension KnowledgeReport {
    static func html(_ d: KnowledgeDocument) -> String {
        let e = HTMLReport.escape
        var html = HTMLReport.head(title: "Knowledge: " + d.name,
                                   stylesheet: HTMLReport.stylesheet + "\n" + stylesheet) + [
            "<body>",
            "<main class=\"knowledge\">",
            "<header>",
            "<p class=\"kind\">Knowledge base</p>",
            "<h1>\(e(d.name))</h1>",
            "<dl class=\"meta\">",
            "<dt>Version</dt><dd>\(e(d.version))</dd>",
            "<dt>Digest</dt><dd><code>\(e(d.digest))</code></dd>",
            "</dl>",
            "</header>",
            HTMLReport.paragraph([.text(d.description)], d),
            HTMLReport.paragraph(summary(d), d),
            navigation,
        ]
        html += HTMLReport.section("criteria", "Criteria", [
            HTMLReport.paragraph([.text("A framework's score is 100 × Σ weight × rating / (Σ weights × 5). The base "
                                        + "weight is a criterion's importance before any answer; rules change it.")], d),
            criteriaTable(d),
        ])
        html += HTMLReport.section("frameworks", "Frameworks", [
            HTMLReport.paragraph([.text("Every framework is rated 0 to 5 on every criterion. Evidence says how firm a "
                                        + "rating is: from the seed article, documented, measured or inferred; "
                                        + "reviewed is the date it was last checked against its source.")], d),
        ] + d.frameworks.map { framework($0, d) })
        html += HTMLReport.section("questions", "Questions", d.questions.map { q in
            var parts = ["<article class=\"question\" id=\"question-\(e(q.id))\">",
                         "<h3>\(q.number). \(e(q.prompt))</h3>",
                         "<p class=\"note\"><code>\(e(q.id))</code>, \(e(q.kind))</p>",
                         HTMLReport.paragraph([.text(q.help)], d),
                         HTMLReport.paragraph([.text("Why it is asked: ")] + KnowledgeDocument.cited(q.why, q.source), d)]
            if let askIf = q.askIf {
                parts.append(HTMLReport.paragraph([.text("Asked only when ")] + askIf + [.text(".")], d))
            }
            parts.append(HTMLReport.list(q.options.map { [.code($0.value), .text(": " + $0.label)] }, d))
            return (parts + ["</article>"]).joined(separator: "\n")
        })
        html += HTMLReport.section("rules", "Rules", [
            HTMLReport.paragraph([.text("A rule fires when its condition holds; an unknown condition does not fire. "
                                        + "Weight changes that add apply before those that multiply, each in rule-id "
                                        + "order.")], d),
            "<ul class=\"rules\">\n" + d.rules.map { rule in
                "<li id=\"rule-\(e(rule.id))\"><strong>\(e(rule.id))</strong>: " + HTMLReport.inline(rule.sentence, d)
                    + "<br><code class=\"condition\">\(e(rule.condition))</code></li>"
            }.joined(separator: "\n") + "\n</ul>",
        ])
        html += HTMLReport.section("sources", "Sources", [
            HTMLReport.list(d.sources.map { source in
                var text: KnowledgeDocument.Text = [.code(source.id), .text(": " + source.title)]
                if let address = source.address { text += [.text(", "), .address(address)] }
                return text
            }, d),
        ])
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    /// Links to the page's sections.
    private static let navigation: String = {
        let sections = [("criteria", "Criteria"), ("frameworks", "Frameworks"), ("questions", "Questions"),
                        ("rules", "Rules"), ("sources", "Sources")]
        let items = sections.map { id, title in "<li><a href=\"#\(id)\">\(title)</a></li>" }
        return "<nav><ul class=\"toc\">" + items.joined() + "</ul></nav>"
    }()

    private static func framework(_ f: KnowledgeDocument.FrameworkSection, _ d: KnowledgeDocument) -> String {
        let e = HTMLReport.escape
        var parts = ["<article class=\"framework\" id=\"framework-\(e(f.id))\">",
                     "<h3>\(e(f.name)) <code>\(e(f.id))</code></h3>",
                     HTMLReport.paragraph([.text(f.summary)], d),
                     ratingsTable(f, d)]
        if !f.capabilities.isEmpty {
            parts.append("<h4>Capabilities</h4>")
            parts.append(HTMLReport.list(f.capabilities.map { item in
                [.strong(item.head), .text(" ("), .code(item.id), .text(", \(stamp(item))): ")]
                    + KnowledgeDocument.cited(item.why, item.source)
            }, d))
        }
        if !f.facts.isEmpty {
            parts.append("<h4>Facts</h4>")
            parts.append(HTMLReport.list(f.facts.map { item in
                [.strong(item.head), .text(" (\(stamp(item))): ")] + KnowledgeDocument.cited(item.why, item.source)
            }, d))
        }
        return (parts + ["</article>"]).joined(separator: "\n")
    }

    private static func criteriaTable(_ d: KnowledgeDocument) -> String {
        let e = HTMLReport.escape
        let rows: [String] = d.criteria.map { c in
            let weight: String = e(Format.number(c.weight))
            let meaning: String = HTMLReport.inline(KnowledgeDocument.cited(c.description, c.source), d)
            return "<tr><td>\(e(c.name))</td><td><code>\(e(c.id))</code></td><td class=\"num\">\(weight)</td>"
                + "<td>\(meaning)</td></tr>"
        }
        return "<table>\n<thead><tr><th>Criterion</th><th>Id</th><th class=\"num\">Base weight</th><th>Meaning</th>"
            + "</tr></thead>\n<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    private static func ratingsTable(_ f: KnowledgeDocument.FrameworkSection, _ d: KnowledgeDocument) -> String {
        let e = HTMLReport.escape
        let head = "<table class=\"ratings\">\n<thead><tr><th>Criterion</th><th class=\"num\">Score</th><th>Why</th>"
            + "<th>Source</th><th>Evidence</th><th>Reviewed</th></tr></thead>\n<tbody>\n"
        let rows: [String] = f.ratings.map { r in
            let score: String = e(Format.number(r.score))
            let source: String = HTMLReport.inline([.link(r.source, source: r.source)], d)
            let evidence = "<span class=\"evidence \(cssClass(r.evidence))\">\(e(r.evidence))</span>"
            let reviewed: String = e(r.reviewed.isEmpty ? "–" : r.reviewed)
            var row = "<tr><td>\(e(r.criterionName))</td><td class=\"num score\">\(score)</td>"
            row += "<td>\(e(r.why))</td><td>\(source)</td><td>\(evidence)</td><td>\(reviewed)</td></tr>"
            return row
        }
        return head + rows.joined(separator: "\n") + "\n</tbody>\n</table>"
    }

    /// A class name for an evidence level: letters only, so nothing from the knowledge reaches markup.
    private static func cssClass(_ evidence: String) -> String {
        String(evidence.lowercased().filter { $0.isASCII && $0.isLetter })
    }

    static let stylesheet = """
        main.knowledge { max-width: 72rem; }
        nav ul.toc { list-style: none; padding: 0; display: flex; gap: 1.2rem; flex-wrap: wrap; }
        article.framework, article.question { margin-bottom: 1.6rem; }
        article.framework h3 code { font-size: .8em; color: var(--muted); }
        table.ratings { width: 100%; font-size: .92rem; }
        table.ratings td { vertical-align: top; }
        table.ratings td:last-child { white-space: nowrap; }
        td.score { font-weight: 700; }
        .evidence { border-radius: 4px; padding: 0 .35rem; font-size: .85em; white-space: nowrap; }
        .evidence.documented { background: #e3f1e7; color: var(--good); }
        .evidence.measured { background: #e3ecfa; color: var(--accent); }
        .evidence.inferred { background: #fff4d6; color: var(--neutral); }
        .evidence.seedarticle { background: var(--shade); color: var(--muted); }
        .evidence.unstated { background: #fbe4e2; color: var(--bad); }
        ul.rules li { margin: .6rem 0; }
        code.condition { color: var(--muted); }
        """
}
