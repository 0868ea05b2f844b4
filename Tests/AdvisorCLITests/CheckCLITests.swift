import Foundation
import Testing
import TestSupport

/// `advisor check`: records written with `--adr-dir`, re-run against changed knowledge.
struct CheckCLITests {
    /// A fresh folder under the test process's temporary folder.
    static func folder(_ name: String) throws -> String {
        let path = TestTemporary.root + "check-\(name)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// An overlay that sets one framework's rating on one criterion.
    static func overlay(_ name: String, framework: String, criterion: String, score: Int) throws -> String {
        let directory = try folder("overlay-\(name)")
        try """
            knowledge:
              name: Test overlay
              version: "1"
              description: Sets one rating.
              overlay: true
            sources:
              - id: test#note
                title: "A test note"
            ratings:
              - framework: \(framework)
                criterion: \(criterion)
                score: \(score)
                why: "Set for a test."
                source: test#note

            """.write(toFile: directory + "/knowledge.yaml", atomically: true, encoding: .utf8)
        return directory
    }

    /// A folder holding one record for an API project (FastAPI wins, Litestar is second), and its path.
    static func record(_ extra: [String] = []) throws -> (folder: String, path: String) {
        let directory = try folder("adr")
        let written = try CommandRunner.advisor(["recommend", "--answer", "project_type=api", "--adr-dir", directory,
                                                 "--date", "2026-01-15", "--decision-makers", "Ana, Ben"] + extra)
        #expect(written.exitCode == 0, "\(written)")
        return (directory, directory + "/0001-use-fastapi.md")
    }

    /// The digest of the knowledge `advisor recommend` loads with `arguments` (such as `--knowledge DIR`).
    static func digest(_ arguments: [String] = []) throws -> String {
        let result = try CommandRunner.advisor(["recommend", "--format", "json"] + arguments)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let knowledge = try #require(object?["knowledge"] as? [String: Any])
        return try #require(knowledge["digest"] as? String)
    }

    /// The line a check adds when the knowledge is not the record's: built-in then, `overlay` now.
    static func knowledgeLine(overlay: String) throws -> String {
        "  knowledge: \(try digest().prefix(12)) (built-in) when recorded, now "
            + "\(try digest(["--knowledge", overlay]).prefix(12)) (--knowledge \(overlay))"
    }

    static func edit(_ path: String, _ transform: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try transform(text).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("a record written with --adr-dir holds against the knowledge that wrote it")
    func holds() throws {
        let (directory, path) = try Self.record()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\nadvisor:\n  version: 1\n  answers:\n    project_type: \"api\"\n"))
        #expect(text.contains("\n  winner: \"fastapi\"\n"))
        let result = try CommandRunner.advisor(["check", directory])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "\(path): holds\n")
        #expect(result.stderr.isEmpty)
    }

    @Test("an overlay that lowers the winner's rating changes the winner: exit 1, both winners named")
    func winnerChanged() throws {
        let (_, path) = try Self.record()
        let overlay = try Self.overlay("flip", framework: "fastapi", criterion: "api_development", score: 1)
        let result = try CommandRunner.advisor(["check", "--knowledge", overlay, path])
        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stdout == """
            \(path): winner changed: fastapi → litestar
              api_development: fastapi's lead over litestar 0.00 → -13.52 points
            \(try Self.knowledgeLine(overlay: overlay))

            """)
    }

    @Test("a small rating change that keeps the winner reports the criterion's points, old and new")
    func scoresMoved() throws {
        let (_, path) = try Self.record()
        let overlay = try Self.overlay("move", framework: "litestar", criterion: "performance", score: 3)
        let result = try CommandRunner.advisor(["check", "--knowledge", overlay, path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == """
            \(path): scores moved
              litestar, performance: 8.45 → 5.07 points
            \(try Self.knowledgeLine(overlay: overlay))

            """)
    }

    @Test("a decision that holds against changed knowledge says which knowledge it was checked against")
    func holdsAgainstChangedKnowledge() throws {
        let (_, path) = try Self.record()
        // Flask's performance set to the rating it has: other knowledge, the same scores.
        let overlay = try Self.overlay("same", framework: "flask", criterion: "performance", score: 3)
        let result = try CommandRunner.advisor(["check", "--knowledge", overlay, path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "\(path): holds\n\(try Self.knowledgeLine(overlay: overlay))\n")
    }

    /// A folder holding the team's record (ana, ben and cy, ana with pairwise judgements), and its path.
    static func teamRecord() throws -> (folder: String, path: String) {
        let directory = try folder("team")
        let fixtures = CommandRunner.packageRoot + "/Tests/AdvisorCLITests/Fixtures/team/"
        let written = try CommandRunner.advisor([
            "team", "--member", "ana=\(fixtures)ana.yaml", "--member", "ben=\(fixtures)ben.yaml",
            "--member", "cy=\(fixtures)cy.yaml", "--pairwise-member", "ana=\(fixtures)ana-pairwise.yaml",
            "--adr-dir", directory, "--date", "2026-01-31", "--title", "the orders API"])
        #expect(written.exitCode == 0, "\(written)")
        #expect(written.stdout == "wrote \(directory)/0001-use-django-ninja.md\n")
        return (directory, directory + "/0001-use-django-ninja.md")
    }

    @Test("a team's record holds; lowering its winner's rating changes it, and --supersede writes the team's next record")
    func teamRecord() throws {
        let (directory, path) = try Self.teamRecord()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\n  members:\n    ana:\n      answers:\n        project_type: \"api\"\n"))
        #expect(text.contains("ana-pairwise.yaml\"\n    ben:\n"))
        let holds = try CommandRunner.advisor(["check", directory])
        #expect(holds.exitCode == 0, "\(holds)")
        #expect(holds.stdout == "\(path): holds\n")

        let overlay = try Self.overlay("team", framework: "django_ninja", criterion: "api_development", score: 1)
        let changed = try CommandRunner.advisor(["check", "--knowledge", overlay, "--supersede", "--date", "2026-02-01",
                                                 directory])
        #expect(changed.exitCode == 1, "\(changed)")
        let lines = changed.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(path): winner changed: django_ninja → ") == true, "\(changed)")
        #expect(lines.contains { $0.hasPrefix("  api_development: django_ninja's lead over ") }, "\(changed)")
        let written = try #require(lines.last.flatMap { $0.split(separator: ";").first }.map {
            String($0.dropFirst("  wrote ".count)) })
        let new = try String(contentsOfFile: written, encoding: .utf8)
        #expect(new.hasPrefix("---\nstatus: proposed\ndate: 2026-02-01\ndecision-makers: \"ana, ben, cy\"\nadvisor:\n"))
        #expect(new.contains("\n## Where the team differs\n"))
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("---\nstatus: \"superseded by 0002-use-"))
        let again = try CommandRunner.advisor(["check", "--knowledge", overlay, directory])
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout.hasSuffix("\(written): holds\n"), "\(again)")
    }

    @Test("a team member's answer to a question the knowledge no longer has: cannot re-run, naming the member")
    func teamCannotRerun() throws {
        let (directory, path) = try Self.teamRecord()
        try Self.edit(path) {
            $0.replacingOccurrences(of: "    cy:\n      answers:\n        project_type:",
                                    with: "    cy:\n      answers:\n        old_question:")
        }
        let result = try CommandRunner.advisor(["check", directory])
        #expect(result.exitCode == 65, "\(result)")
        #expect(result.stdout == "\(path): cannot re-run\n  cy's answers: question 'old_question' no longer exists\n")
    }

    @Test("a recorded question or answer the knowledge no longer has: cannot re-run, named, exit 65")
    func cannotRerun() throws {
        let (_, path) = try Self.record()
        try Self.edit(path) { $0.replacingOccurrences(of: "    project_type: \"api\"\n",
                                                      with: "    project_type: \"api\"\n    old_question: \"x\"\n") }
        let gone = try CommandRunner.advisor(["check", path])
        #expect(gone.exitCode == 65, "\(gone)")
        #expect(gone.stdout == "\(path): cannot re-run\n  question 'old_question' no longer exists\n")

        try Self.edit(path) { $0.replacingOccurrences(of: "    old_question: \"x\"\n", with: "    traffic: \"enormous\"\n") }
        let value = try CommandRunner.advisor(["check", path])
        #expect(value.exitCode == 65, "\(value)")
        #expect(value.stdout == "\(path): cannot re-run\n  'enormous' is no longer an answer to 'traffic'\n")
    }

    @Test("a question removed from a copy of the knowledge makes its records unable to re-run")
    func questionRemovedFromKnowledge() throws {
        let (directory, _) = try Self.record(["--answer", "traffic=high"])
        let copy = try Self.folder("knowledge")
        let knowledge = copy + "/Knowledge"
        try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/Knowledge", toPath: knowledge)
        // Rename the question and every reference to it, so the knowledge stays valid without it.
        for name in ["questions.yaml", "rules.yaml"] {
            try Self.edit(knowledge + "/" + name) { $0.replacingOccurrences(of: "traffic", with: "load_level") }
        }
        let result = try CommandRunner.advisor(["check", "--knowledge", knowledge, directory])
        #expect(result.exitCode == 65, "\(result)")
        #expect(result.stdout.hasSuffix(": cannot re-run\n  question 'traffic' no longer exists\n"), "\(result)")
    }

    @Test("hand-broken metadata is one line with its position; a plain MADR record is skipped with a note")
    func brokenAndForeign() throws {
        let (directory, path) = try Self.record()
        try Self.edit(path) { $0.replacingOccurrences(of: "  scores:\n", with: "  scores: [\n") }
        let foreign = directory + "/0002-use-postgres.md"
        try "---\nstatus: accepted\n---\n\n# Use PostgreSQL\n".write(toFile: foreign, atomically: true, encoding: .utf8)
        let result = try CommandRunner.advisor(["check", directory])
        #expect(result.exitCode == 65, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(result)")
        #expect(lines.first == "\(path): cannot re-run")
        #expect(lines.dropFirst().first?.hasPrefix("  \(path):") == true)
        #expect(lines.dropFirst().first?.contains(": error: invalid YAML:") == true, "\(result)")
        #expect(lines.last == "\(foreign): skipped: not written by advisor")

        try Self.edit(path) {
            $0.replacingOccurrences(of: "  scores: [\n", with: "  scores:\n")
                .replacingOccurrences(of: "  winner: \"fastapi\"\n", with: "  winner: [fastapi]\n")
        }
        let line = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .firstIndex { $0.hasPrefix("  winner:") }) + 1
        let shape = try CommandRunner.advisor(["check", path])
        #expect(shape.exitCode == 65)
        #expect(shape.stdout == "\(path): cannot re-run\n"
                + "  \(path):\(line):11: error: advisor metadata: 'winner' must be a framework id\n", "\(shape)")
    }

    @Test("--format json: path, status, old and new winner, what moved, the problem")
    func json() throws {
        let (_, path) = try Self.record()
        let overlay = try Self.overlay("json", framework: "fastapi", criterion: "api_development", score: 1)
        let result = try CommandRunner.advisor(["check", "--knowledge", overlay, "--format", "json", path])
        #expect(result.exitCode == 1)
        #expect(result.stdout == """
            [
              {
                "path": "\(path)",
                "status": "winner changed",
                "winner": {
                  "old": "fastapi",
                  "new": "litestar"
                },
                "moved": [
                  {
                    "criterion": "api_development",
                    "old": 0,
                    "new": -13.5211
                  }
                ],
                "problem": null,
                "knowledge": {
                  "recorded": {
                    "digest": "\(try Self.digest())",
                    "directories": []
                  },
                  "current": {
                    "digest": "\(try Self.digest(["--knowledge", overlay]))",
                    "directories": [
                      "\(overlay)"
                    ]
                  },
                  "changed": true
                }
              }
            ]

            """)
    }

    @Test("--supersede writes the next record beside the old one, and marks the old one superseded")
    func supersede() throws {
        let (directory, path) = try Self.record(["--title", "Acme <orders>"])
        let overlay = try Self.overlay("supersede", framework: "fastapi", criterion: "api_development", score: 1)
        let result = try CommandRunner.advisor(["check", "--knowledge", overlay, "--supersede", "--date", "2026-02-01",
                                                directory])
        #expect(result.exitCode == 1, "\(result)")
        let written = directory + "/0002-use-litestar.md"
        #expect(result.stdout.hasSuffix("  wrote \(written); marked 0001-use-fastapi.md superseded\n"), "\(result)")
        let old = try String(contentsOfFile: path, encoding: .utf8)
        #expect(old.hasPrefix("---\nstatus: \"superseded by 0002-use-litestar.md\"\ndate: 2026-01-15\n"))
        let new = try String(contentsOfFile: written, encoding: .utf8)
        #expect(new.hasPrefix("---\nstatus: proposed\ndate: 2026-02-01\ndecision-makers: \"Ana, Ben\"\n"))
        #expect(new.contains("\n# Use Litestar for Acme \\<orders\\>\n"))

        // Checked again: the superseded record is skipped, the new one holds.
        let again = try CommandRunner.advisor(["check", "--knowledge", overlay, directory])
        #expect(again.exitCode == 0, "\(again)")
        #expect(again.stdout == """
            \(path): skipped: superseded by 0002-use-litestar.md
            \(written): holds

            """, "the new record was written from the overlay it is checked against")
    }

    @Test("the HTML record carries the metadata in a comment, and checks too")
    func htmlRecord() throws {
        let directory = try Self.folder("html")
        let path = directory + "/decision.html"
        let written = try CommandRunner.advisor(["recommend", "--answer", "project_type=api", "--title", "a --> b",
                                                 "--output", path])
        #expect(written.exitCode == 0)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.contains("\n<!-- advisor: {\"version\":1,\"answers\":{\"project_type\":\"api\"}"))
        #expect(html.components(separatedBy: "-->").count == 2, "one comment, whose end the title cannot fake")
        let result = try CommandRunner.advisor(["check", path])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout == "\(path): holds\n")
    }

    @Test("bad input: a missing path is 66, a folder without records is 66, no path is 64")
    func badInput() throws {
        let missing = try CommandRunner.advisor(["check", "/nonexistent/decisions"])
        #expect(missing.exitCode == 66)
        #expect(missing.stderr == "advisor: '/nonexistent/decisions' does not exist\n")
        let empty = try Self.folder("empty")
        let none = try CommandRunner.advisor(["check", empty])
        #expect(none.exitCode == 66)
        #expect(none.stderr == "advisor: '\(empty)' holds no decision records (*.md)\n")
        let nothing = try CommandRunner.advisor(["check"])
        #expect(nothing.exitCode == 64)
        #expect(nothing.stderr == "advisor: give the decision records to check, or their folder, as in "
                + "'advisor check docs/decisions'\n")
    }

    @Test("1,000 records are checked with the knowledge loaded once")
    func thousandRecords() throws {
        let (directory, path) = try Self.record()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for number in 2...1000 {
            let name = String(format: "%04d-use-fastapi.md", number)
            try text.write(toFile: directory + "/" + name, atomically: false, encoding: .utf8)
        }
        let start = Date()
        let result = try CommandRunner.advisor(["check", directory])
        let elapsed = Date().timeIntervalSince(start)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1000)
        #expect(!result.stdout.contains("holds\n") || result.stdout.components(separatedBy: ": holds\n").count == 1001)
        #expect(elapsed < 60, "checking 1,000 records took \(elapsed) s")
    }
}
