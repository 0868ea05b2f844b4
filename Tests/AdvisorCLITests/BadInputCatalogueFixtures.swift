import Foundation
import TestSupport

/// The files the bad-input catalogue points the advisor at, made once per test run in a
/// temporary folder. Knowledge cases are overlays (`--knowledge <shipped> --knowledge <case>`)
/// unless they stand alone.
enum BadInputFixtures {
    /// The folder holding every fixture; `{F}` in a case stands for it.
    static let folder: String = {
        let folder = TestTemporary.root + "advisor-bad-inputs-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (path, bytes) in files {
            let full = folder + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
        }
        makeLinks(in: folder)
        return folder
    }()

    /// The shipped knowledge; `{K}` in a case stands for it.
    static let shipped = CommandRunner.packageRoot + "/Knowledge"

    static let rule = """
        rules:
          - id: extra-rule
            when: project_type == "api"
            then:
              - weight: { performance: "*2" }
            because: An extra rule.
            source: seed#api-development

        """

    static func criterion(weight: String) -> String {
        """
        criteria:
          - id: extra
            name: Extra
            description: An extra criterion.
            weight: \(weight)
            source: seed#api-development

        """
    }

    /// A billion-laughs alias bomb: nine levels of nine aliases each.
    static let aliasBomb: String = {
        var text = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
            previous = name
        }
        return text
    }()

    static let deepFlow = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
    /// Block sequences nested 10,000 deep on one line: `- - - … x`.
    static let deepBlock = String(repeating: "- ", count: 10_000) + "x\n"

    /// A copy of the shipped FastAPI under another id, its performance rated `score`.
    static func framework(score: String) -> String {
        let text = (try? String(contentsOfFile: shipped + "/frameworks/fastapi.yaml", encoding: .utf8)) ?? ""
        return text.replacingOccurrences(of: "id: fastapi\n", with: "id: fastapi-copy\n")
            .replacingOccurrences(of: "  performance:\n    score: 5\n", with: "  performance:\n    score: \(score)\n")
    }

    static func ruleWhen(_ condition: String) -> String {
        rule.replacingOccurrences(of: "when: project_type == \"api\"", with: "when: \(condition)")
    }

    static let tenMegabytes = "# " + String(repeating: "x", count: 10 * 1024 * 1024) + "\n"

    static var files: [(String, [UInt8])] {
        var files: [(String, String)] = [
            ("k-empty/extra.yaml", ""),
            ("k-comments/extra.yaml", "# nothing but a comment\n\n"),
            ("k-bom/extra.yaml", "\u{FEFF}" + rule),
            ("k-crlf/extra.yaml", rule.replacingOccurrences(of: "\n", with: "\r\n")),
            ("k-tabs/extra.yaml", "rules:\n\t- id: tabbed\n"),
            ("k-nul/extra.yaml", "rules: []\n\0\n"),
            ("k-anchor/extra.yaml", rule.replacingOccurrences(of: "rules:\n", with: "rules: &all\n")),
            ("k-alias/extra.yaml", "criteria: &c []\ncapabilities: *c\n"),
            ("k-merge/extra.yaml", rule.replacingOccurrences(of: "    because:", with: "    <<: { because: x }\n    because:")),
            ("k-bomb/extra.yaml", aliasBomb),
            ("k-deep-flow/extra.yaml", deepFlow),
            ("k-deep-block/extra.yaml", deepBlock),
            ("k-deep-33/extra.yaml", String(repeating: "[", count: 33) + String(repeating: "]", count: 33) + "\n"),
            ("k-expr-deep/extra.yaml", ruleWhen(String(repeating: "(", count: 10_000) + "api_first"
                                                + String(repeating: ")", count: 10_000))),
            ("k-expr-nest/extra.yaml", ruleWhen(String(repeating: "(", count: 100) + "api_first"
                                                + String(repeating: ")", count: 100))),
            ("k-expr-not/extra.yaml", ruleWhen(String(repeating: "not ", count: 200) + "api_first")),
            ("k-expr-long/extra.yaml", ruleWhen(Array(repeating: "api_first", count: 500).joined(separator: " and "))),
            ("k-10mb/extra.yaml", tenMegabytes),
            ("k-dup-criterion/extra.yaml", criterion(weight: "1").replacingOccurrences(of: "id: extra",
                                                                                       with: "id: performance")),
            ("k-dup-rule/extra.yaml", rule.replacingOccurrences(of: "id: extra-rule", with: "id: api-project")),
            ("k-cycle-negative/extra.yaml", """
                rules:
                  - id: a-unless-b
                    when: not fact_b
                    then: [ { fact: fact_a } ]
                    because: A cycle through negation.
                    source: seed#api-development
                  - id: b-unless-a
                    when: not fact_a
                    then: [ { fact: fact_b } ]
                    because: A cycle through negation.
                    source: seed#api-development

                """),
            ("k-cycle-positive/extra.yaml", """
                rules:
                  - id: a-if-b
                    when: fact_b
                    then: [ { fact: fact_a } ]
                    because: A positive cycle.
                    source: seed#api-development
                  - id: b-if-a
                    when: fact_a
                    then: [ { fact: fact_b } ]
                    because: A positive cycle.
                    source: seed#api-development

                """),
            ("k-nan/copy.yaml", framework(score: ".nan")),
            ("k-inf/copy.yaml", framework(score: ".inf")),
            ("k-1e309/copy.yaml", framework(score: "1e309")),
            ("k-rating-nan/extra.yaml", rule.replacingOccurrences(
                of: "- weight: { performance: \"*2\" }",
                with: "- rating: { framework: fastapi, criterion: performance, score: .nan }")),
            ("k-weight-1e309/extra.yaml", criterion(weight: "1e309")),
            ("k-weight-huge/extra.yaml", criterion(weight: "1e300")),
            ("k-weight-negative/extra.yaml", criterion(weight: "-1")),
            ("k-change-huge/extra.yaml", rule.replacingOccurrences(of: "\"*2\"", with: "\"*1e300\"")),
            ("k-source-file/extra.yaml", rule.replacingOccurrences(of: "seed#api-development", with: "/etc/passwd")),
            ("k-source-url/extra.yaml", rule.replacingOccurrences(of: "seed#api-development",
                                                                  with: "file:///etc/passwd")),
            ("k-escape/fastapi.yaml", "id: fastapi\nsummary: \"\\e]0;pwned\\a\\e[2J\"\n"),
            ("k-no-yaml/readme.txt", "not knowledge\n"),
            ("a-empty.yaml", ""),
            ("a-bom.yaml", "\u{FEFF}project_type: api\n"),
            ("a-crlf.yaml", "project_type: api\r\ntraffic: high\r\n"),
            ("a-tabs.yaml", "project_type:\n\t- api\n"),
            ("a-nul.yaml", "project_type: api\0\n"),
            ("a-anchor.yaml", "project_type: &p api\ntraffic: high\n"),
            ("a-alias.yaml", "project_type: &p api\narchitecture: *p\n"),
            ("a-merge.yaml", "<<: { project_type: api }\n"),
            ("a-bomb.yaml", aliasBomb),
            ("a-deep.yaml", deepFlow),
            ("a-10mb.yaml", tenMegabytes),
            ("a-mapping.yaml", "project_type: { kind: api }\n"),
            ("a-number.yaml", "traffic: 3\n"),
            ("a-1e309.yaml", "traffic: 1e309\n"),
            ("a-null.json", "{\"project_type\": null}\n"),
            ("a-bool.yaml", "project_type: true\n"),
            ("a-multi-mapping.yaml", "builtins: [admin, { orm: yes }]\n"),
            ("a-scalar.yaml", "api\n"),
            ("a-duplicate.yaml", "project_type: api\nproject_type: web_app\n"),
            ("a-long.yaml", "project_type: " + String(repeating: "x", count: 900_000) + "\n"),
            ("p-bomb.yaml", aliasBomb),
            ("o-existing.md", "an earlier record\n"),
            ("k-plain-folder/notes/readme.txt", "not knowledge\n"),
            ("k-plain-folder/data.json", "{}\n"),
            ("k-odd-links/extra.yaml", rule),
            ("k-folder-link/extra.yaml", rule),
        ]
        files += (0..<2).map { ("k-dup-files/f\($0).yaml", criterion(weight: "1")) }
        var result = files.map { ($0.0, Array($0.1.utf8)) }
        result.append(("k-latin1/extra.yaml", Array("criteria:\n  - id: caf".utf8) + [0xE9] + Array("\n".utf8)))
        result.append(("a-latin1.yaml", Array("project_type: caf".utf8) + [0xE9] + Array("\n".utf8)))
        return result
    }

    /// Symbolic links: a loop, a link out of the knowledge directory, a link to a folder, a dangling link.
    static func makeLinks(in folder: String) {
        let manager = FileManager.default
        for name in ["k-loop", "k-outside", "k-folder-link", "k-dangling"] {
            try? manager.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
        }
        try? manager.createSymbolicLink(atPath: folder + "/k-loop/a.yaml", withDestinationPath: "b.yaml")
        try? manager.createSymbolicLink(atPath: folder + "/k-loop/b.yaml", withDestinationPath: "a.yaml")
        try? manager.createSymbolicLink(atPath: folder + "/k-loop/self", withDestinationPath: ".")
        try? manager.createSymbolicLink(atPath: folder + "/k-outside/passwd.yaml", withDestinationPath: "/etc/passwd")
        try? manager.createSymbolicLink(atPath: folder + "/k-folder-link/up", withDestinationPath: "..")
        try? manager.createSymbolicLink(atPath: folder + "/k-dangling/gone.yaml", withDestinationPath: "nowhere.yaml")
        try? manager.createDirectory(atPath: folder + "/a-directory.yaml", withIntermediateDirectories: true)
        try? manager.createDirectory(atPath: folder + "/out", withIntermediateDirectories: true)
        try? manager.createSymbolicLink(atPath: folder + "/o-dangling.md", withDestinationPath: "nowhere/missing.md")
        // A knowledge directory may hold links to anything that is not YAML; they are not followed.
        try? manager.createDirectory(atPath: folder + "/k-odd-links", withIntermediateDirectories: true)
        try? manager.createSymbolicLink(atPath: folder + "/k-odd-links/notes.txt", withDestinationPath: "/etc/passwd")
        try? manager.createSymbolicLink(atPath: folder + "/k-odd-links/gone", withDestinationPath: "nowhere")
    }
}
