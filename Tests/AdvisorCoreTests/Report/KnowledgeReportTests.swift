@testable import AdvisorCore
import Foundation
import Testing
import TestSupport

/// `advisor knowledge`: the whole knowledge base as a review document.
@Suite("Knowledge report")
struct KnowledgeReportTests {
    static var knowledge: KnowledgeBase { EngineTests.knowledge }

    /// The shipped knowledge with Markdown and HTML syntax, control characters and a `javascript:`
    /// address in its texts.
    static var tricky: KnowledgeBase {
        var k = knowledge
        if let index = k.frameworkIndex["flask"] {
            var frameworks = k.frameworks
            frameworks[index].name = "Fl*a*sk <b>"
            frameworks[index].summary = "# Not a heading\n- not a list\n1. no `code` _x_ <script>alert(1)</script> | "
                + "pipe & 2 > 1 \u{1B}[31mred " + String(repeating: "long-word ", count: 12)
            frameworks[index].ratings["performance"]?.citation.why = "+ 3. = - # 12) <img src=x onerror=alert(1)> "
                + String(repeating: "wrapping-word ", count: 10) + "-- 1) +"
            k.replace(frameworks: frameworks)
        }
        if let index = k.sources.firstIndex(where: { $0.id == "flask-async" }) {
            var sources = k.sources
            sources[index].address = "javascript:alert(1)"
            k.replace(sources: sources)
        }
        return k
    }

    /// Inline text as plain words, for comparing sentences.
    static func plain(_ text: DecisionRecord.Text) -> String {
        text.map { inline in
            switch inline {
            case .text(let value), .code(let value), .strong(let value), .address(let value): value
            case .link(let value, _): value
            }
        }.joined()
    }

    // MARK: - Golden files

    @Test("the Markdown report of the shipped knowledge", arguments: [KnowledgeReport.DocumentFormat.markdown, .html])
    func golden(_ format: KnowledgeReport.DocumentFormat) {
        let text = KnowledgeReport.render(Self.knowledge, format: format)
        assertSnapshot(text, named: "knowledge." + (format == .markdown ? "md" : "html"), in: snapshotDirectory())
        #expect(text == KnowledgeReport.render(Self.knowledge, format: format), "the same knowledge gives the same bytes")
    }

    @Test("the report covers every criterion, framework, rating, question, rule and source")
    func complete() {
        let k = Self.knowledge
        let markdown = KnowledgeReport.render(k, format: .markdown)
        let html = KnowledgeReport.render(k, format: .html)
        for rule in k.rules {
            #expect(markdown.contains("**\(MarkdownText.escape(rule.id))**"), "\(rule.id)")
            #expect(html.contains("id=\"rule-\(rule.id)\""), "\(rule.id)")
        }
        for framework in k.frameworks {
            #expect(html.contains("id=\"framework-\(framework.id)\""))
            #expect(markdown.contains("#### \(MarkdownText.escape(framework.name)): why each rating"))
        }
        for question in k.questions { #expect(html.contains("id=\"question-\(question.id)\"")) }
        for source in k.sources { #expect(markdown.contains("`\(source.id)`"), "\(source.id)") }
        #expect(html.components(separatedBy: "<td class=\"num score\">").count - 1
                == k.frameworks.count * k.criteria.count)
    }

    // MARK: - Rules in words

    @Test("rules read as sentences", arguments: [
        ("api-project", "When the fact “api_first” holds, the weight of API development is multiplied by 2, the "
            + "weight of Type safety and validation is multiplied by 1.5 and the weight of Built-in features you "
            + "asked for is multiplied by 0.5, because FastAPI was built for API development; Django relies on DRF, "
            + "which adds complexity; an API needs fewer of the parts a full-stack framework bundles "
            + "[seed#api-development]."),
        ("high-traffic", "When the answer to “How much traffic do you expect at peak?” is “High: 500 to 5,000 "
            + "requests/s (a busy public service)”, the weight of Performance and concurrency is multiplied by 1.5, "
            + "because FastAPI's async design gives faster request processing and better concurrency for "
            + "high-traffic APIs [seed#performance-comparison]."),
        ("full-stack-without-api-focus", "When the fact “full_stack” holds and the answer to “How will the pages be "
            + "built?” is “Server-rendered pages (templates, maybe HTMX)”, the weight of API development is "
            + "multiplied by 0.5 and the weight of Type safety and validation is multiplied by 0.5, because where "
            + "server-rendered pages are the product, a separate API layer matters less "
            + "[seed#which-framework-will-dominate-in-2027]."),
        ("requires-builtin-admin", "When the answers to “Is any of these a hard requirement, without which a "
            + "framework is out?” include “A built-in admin panel”, every framework without a built-in admin panel "
            + "is knocked out, because only a framework with an admin panel built in meets this requirement "
            + "[seed#understanding-django]."),
        ("team-knows-django", "When the answers to “Which of these frameworks does your team already know well?” "
            + "include “Django”, Django's rating on Team familiarity is set to 5 and Django Ninja's rating on Team "
            + "familiarity is set to 4, because a team fluent in Django delivers sooner with it; a Django Ninja API "
            + "lives in a Django project, so only its typed API layer is new [ninja-motivation]."),
        ("api-first-project", "When the answer to “What are you building first?” is “An API for web or mobile "
            + "clients” or “An AI or ML service (model inference behind an API)”, or the answer to “How will it be "
            + "deployed?” is “Microservices”, or the answer to “How will the pages be built?” is “A single-page app "
            + "or mobile app on a JSON API”, the fact “api_first” is established, because API-first ecosystems and "
            + "distributed microservices are where FastAPI is expected to lead; a single-page app makes the back "
            + "end an API [seed#future-trends]."),
        ("wants-orm", "When the answers to “Which of these do you want built in, rather than added yourself?” "
            + "include “ORM (database layer)”, or the answer to “How will it store its data?” is “A relational "
            + "database through an ORM, with migrations” or “A relational database, queried asynchronously end to "
            + "end”, a built-in ORM with migrations counts towards the criteria scored by capabilities and the "
            + "weight of Built-in features you asked for rises by 0.5, because Django provides an ORM out of the "
            + "box, with migrations [seed#developer-productivity]."),
    ])
    func ruleSentence(_ id: String, _ expected: String) throws {
        let rule = try #require(Self.knowledge.rule(id))
        #expect(Self.plain(RuleProse(knowledge: Self.knowledge).sentence(rule)) == expected)
    }

    @Test("conditions on yes/no answers, negations and the complement of one option")
    func conditions() throws {
        let k = Self.knowledge
        let prose = RuleProse(knowledge: k)
        let askIf = try #require(k.question("ml_models")?.askIf)
        #expect(prose.condition(askIf.compiled).plain == "the answer to “What are you building first?” is anything "
                + "but “An AI or ML service (model inference behind an API)”")
        let apiDocs = try #require(k.rule("api-docs-matter"))
        #expect(prose.condition(apiDocs.when.compiled).plain
                == "the answer to “Do generated, interactive API docs (OpenAPI / Swagger) matter to you?” is yes")
        let low = try #require(k.rule("traffic-low"))
        #expect(prose.condition(low.when.compiled).plain == "the answer to “How much traffic do you expect at peak?” "
                + "is “Low: under 20 requests/s (an internal tool, a small audience)”")
    }

    // MARK: - Lint and escaping

    @Test("the Markdown passes mdl with default rules", .enabled(if: ReportTool.find("mdl") != nil,
                                                                 "mdl is not installed (apt-get install ruby-mdl)"))
    func mdl() throws {
        let tool = try #require(ReportTool.find("mdl"))
        let folder = try ReportTool.temporaryFolder("knowledge-mdl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, k) in [("shipped", Self.knowledge), ("tricky", Self.tricky)] {
            let path = "\(folder)/\(name).md"
            try Data(KnowledgeReport.render(k, format: .markdown).utf8).write(to: URL(fileURLWithPath: path))
            let result = try ReportTool.run(tool, [path])
            #expect(result.exitCode == 0, "\(name): \(result)")
        }
    }

    @Test("the Markdown passes pymarkdown scan with default rules",
          .enabled(if: ReportTool.find("pymarkdown") != nil, "pymarkdown is not installed (pip install pymarkdownlnt)"))
    func pymarkdown() throws {
        let tool = try #require(ReportTool.find("pymarkdown"))
        let folder = try ReportTool.temporaryFolder("knowledge-pymarkdown")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, k) in [("shipped", Self.knowledge), ("tricky", Self.tricky)] {
            let path = "\(folder)/\(name).md"
            try Data(KnowledgeReport.render(k, format: .markdown).utf8).write(to: URL(fileURLWithPath: path))
            let result = try ReportTool.run(tool, ["scan", path])
            #expect(result.exitCode == 0, "\(name): \(result)")
            #expect(result.stdout.isEmpty, "\(name): \(result.stdout)")
        }
    }

    @Test("knowledge text stays text in Markdown: markup is escaped, control characters are inert")
    func markdownEscaping() {
        let markdown = KnowledgeReport.render(Self.tricky, format: .markdown)
        #expect(!markdown.contains("\u{1B}"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("\\<script\\>"))
        #expect(markdown.contains("### Fl\\*a\\*sk \\<b\\> (flask)"))
        #expect(!markdown.contains("](javascript:"))
        #expect(!markdown.contains("[flask-async]: javascript"))
    }

    @Test("the HTML page is self-contained and escapes everything from the knowledge")
    func htmlEscaping() {
        let html = KnowledgeReport.render(Self.tricky, format: .html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("<h3>Fl*a*sk &lt;b&gt; <code>flask</code></h3>"))
        #expect(!html.contains("\u{1B}"))
        #expect(!html.contains("href=\"javascript"))
        for match in html.components(separatedBy: "href=\"").dropFirst() {
            #expect(match.hasPrefix("http://") || match.hasPrefix("https://") || match.hasPrefix("#"),
                    "\(match.prefix(40))")
        }
        #expect(!html.contains("<link") && !html.contains("src=\""), "nothing is fetched")
    }
}
