@testable import AdvisorCore
import AdvisorKnowledge
import Foundation
import Testing
import TestSupport

/// External programs the report tests use, found on `PATH` (pyenv shims included).
enum ReportTool {
    /// The executable `name` on the test process's `PATH`, or in the usual folders.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/local/bin", "/usr/bin", "/bin"]
        return folders.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `tool` with the test process's environment (so that pyenv shims work).
    static func run(_ tool: String, _ arguments: [String]) throws -> CommandResult {
        try CommandRunner.run(tool, arguments, environment: ProcessInfo.processInfo.environment)
    }

    /// A fresh temporary folder.
    static func temporaryFolder(_ label: String) throws -> String {
        let path = TestTemporary.root + "advisor-\(label)-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Every scenario's Markdown record, plus one whose knowledge text is full of Markdown syntax.
    static func records() throws -> [(String, String)] {
        let knowledge = try ShippedKnowledge.load()
        var records = try ReportScenario.all.map { scenario in
            (scenario.name, MarkdownReport.render(try scenario.consultation(knowledge), options: scenario.options()))
        }
        var tricky = knowledge
        if let index = tricky.frameworkIndex["fastapi"] {
            var frameworks = tricky.frameworks
            frameworks[index].summary = "# Not a heading\n- not a list\n1. not a list; `code` *stars* _under_ "
                + "<b>html</b> [link](x) | pipe & 2 > 1 ~~strike~~ " + String(repeating: "long-word ", count: 12)
            frameworks[index].ratings["performance"]?.citation.why = "+ 3. = - # 12) <script>x</script> "
                + String(repeating: "wrapping-word ", count: 10) + "-- 1) +"
            tricky.replace(frameworks: frameworks)
        }
        let c = try ReportScenario.apiFirst.consultation(tricky)
        records.append(("tricky", MarkdownReport.render(c, options: ReportOptions(title: "# `title` | *x*",
                                                                                  date: ReportScenario.date))))
        return records
    }
}

@Suite("Markdown records pass markdownlint")
struct ReportLintTests {
    /// The command README.md states: `pymarkdown --enable-extensions front-matter scan FILE`.
    /// pymarkdown (PyPI `pymarkdownlnt`) follows markdownlint's rules; its front-matter extension
    /// reads the MADR front matter as front matter (without it, the closing `---` makes the last
    /// front-matter line a setext heading, which MD003, MD022 and MD041 report). No rule is changed.
    static let pymarkdownArguments = ["--enable-extensions", "front-matter", "scan"]

    /// Every golden Markdown record, as checked in, plus the records `ReportTool.records()` renders.
    static func recordFiles(into folder: String) throws -> [(String, String)] {
        let snapshots = snapshotDirectory()
        let goldens = try FileManager.default.contentsOfDirectory(atPath: snapshots)
            .filter { $0.hasPrefix("report-") && $0.hasSuffix(".md") }.sorted()
        #expect(goldens.count == ReportScenario.all.count, "one golden Markdown record a scenario")
        var files = goldens.map { ($0, snapshots + "/" + $0) }
        for (name, record) in try ReportTool.records() {
            let path = "\(folder)/\(name).md"
            try Data(record.utf8).write(to: URL(fileURLWithPath: path))
            files.append((name, path))
        }
        return files
    }

    @Test("pymarkdown scan with default rules, front matter read as front matter",
          .enabled(if: ReportTool.find("pymarkdown") != nil,
                   "pymarkdown is not installed (pip install pymarkdownlnt)"))
    func pymarkdown() throws {
        let tool = try #require(ReportTool.find("pymarkdown"))
        let folder = try ReportTool.temporaryFolder("lint")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, path) in try Self.recordFiles(into: folder) {
            let result = try ReportTool.run(tool, Self.pymarkdownArguments + [path])
            #expect(result.exitCode == 0, "\(name): \(result)")
            #expect(result.stdout.isEmpty, "\(name): \(result.stdout)")
        }
    }

    /// The Ruby markdownlint, `mdl` (Debian `ruby-mdl`), with its default rules.
    @Test("mdl with default rules", .enabled(if: ReportTool.find("mdl") != nil,
                                             "mdl is not installed (apt-get install ruby-mdl)"))
    func mdl() throws {
        let tool = try #require(ReportTool.find("mdl"))
        let folder = try ReportTool.temporaryFolder("mdl")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, path) in try Self.recordFiles(into: folder) {
            let result = try ReportTool.run(tool, [path])
            #expect(result.exitCode == 0, "\(name): \(result)")
        }
    }

    @Test("no line passes 80 columns unless it is one unbreakable word")
    func lineLength() throws {
        for (name, record) in try ReportTool.records() {
            for line in record.split(separator: "\n") where line.count > MarkdownText.width {
                let isDefinition = line.hasPrefix("[") && line.contains("]: ")
                let tail = line.dropFirst(MarkdownText.width)
                #expect(isDefinition || !tail.contains(" "), "\(name): \(line)")
            }
        }
    }

    @Test("Markdown syntax in knowledge text stays text")
    func escaping() throws {
        let record = try #require(ReportTool.records().last?.1)
        #expect(record.contains("\\<script\\>x\\</script\\>"))
        #expect(!record.contains("<b>"))
        #expect(record.contains("# \\`title\\` \\| \\*x\\*"))
        for line in record.split(separator: "\n") {
            let trimmed = line.drop { $0 == " " }
            #expect(!trimmed.hasPrefix("+ ") && !trimmed.hasPrefix("- ") && !trimmed.hasPrefix("= "), "\(line)")
        }
    }
}

@Suite("Markdown text helpers")
struct ReportMarkdownTextTests {
    @Test("escape", arguments: [
        ("plain text", "plain text"),
        ("a*b_c`d", "a\\*b\\_c\\`d"),
        ("<script>", "\\<script\\>"),
        ("x | y & z", "x \\| y \\& z"),
        ("line\nbreak", "line break"),
        ("[l](u)", "\\[l\\](u)"),
    ])
    func escape(_ input: String, _ expected: String) {
        #expect(MarkdownText.escape(input) == expected)
    }

    @Test("wrapping escapes words that would start a block", arguments: [
        ("-", "\\-"), ("+", "\\+"), ("#", "\\#"), ("=", "\\="), ("1.", "1\\."), ("12)", "12\\)"),
        ("83.5", "83.5"), ("-x", "\\-x"), ("1234567890.", "1234567890."),
    ])
    func wrapping(_ word: String, _ expected: String) {
        // Sixteen four-letter words fill 79 columns, so the next word starts the second line.
        let words = Array(repeating: "word", count: 16).joined(separator: " ")
        let lines = MarkdownText.wrap(words + " " + word + " tail")
        #expect(lines == [words, expected + " tail"])
        let item = MarkdownText.wrap(Array(repeating: "word", count: 15).joined(separator: " ") + " abc " + word,
                                     first: "* ", rest: "  ")
        #expect(item.last == "  " + expected)
    }

    @Test("code spans hold backticks")
    func codeSpans() {
        #expect(MarkdownText.code("a") == "`a`")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`a") == "`` `a ``")
    }

    @Test("answers become sentences")
    func prose() throws {
        let knowledge = try ShippedKnowledge.load()
        let c = try ReportScenario.contentPlatform.consultation(knowledge)
        #expect(AnswerProse.sentences(c) == [
            "The team is building a content platform or CMS.",
            "The team wants these built in rather than added by hand: admin panel, authentication and ORM (database "
                + "layer).",
        ])
        let question = Question(id: "colour", prompt: "Which colour?", help: "", why: "", kind: .choice,
                                options: [.init(value: "red", label: "Red")], source: "x")
        #expect(AnswerProse.sentence(for: question, .one("red")) == "Asked \u{201C}Which colour?\u{201D}, the team "
                + "answered \u{201C}Red\u{201D}.")
        #expect(AnswerProse.lowercasedFirst("API docs") == "API docs")
        #expect(AnswerProse.lowercasedFirst("FastAPI") == "FastAPI")
        #expect(AnswerProse.lowercasedFirst("An AI service") == "an AI service")
    }

    @Test("dates are checked", arguments: [
        ("2026-01-15", true), ("2024-02-29", true), ("2025-02-29", false), ("2026-13-01", false),
        ("2026-1-15", false), ("26-01-15", false), ("2026-01-15x", false), ("", false), ("２０２６-01-15", false),
    ])
    func dates(_ text: String, _ valid: Bool) {
        #expect(ReportOptions.isValidDate(text) == valid)
    }

    @Test("the reproducing command quotes for the shell")
    func quoting() {
        #expect(ReproduceCommand.quote("project_type=api") == "project_type=api")
        #expect(ReproduceCommand.quote("Acme orders") == "'Acme orders'")
        #expect(ReproduceCommand.quote("it's") == "'it'\\''s'")
        #expect(ReproduceCommand.quote("") == "''")
    }
}
