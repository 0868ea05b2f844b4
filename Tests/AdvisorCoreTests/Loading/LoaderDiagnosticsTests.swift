import AdvisorCore
import Foundation
import TestSupport
import Testing

/// Each broken knowledge base, with the whole diagnostic text `advisor validate` would print.
struct LoaderDiagnosticsTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var fixture: @Sendable () -> KnowledgeFixture
        var expected: String
        var testDescription: String { name }
    }

    static let base = KnowledgeFixture.minimal

    static let cases: [Case] = [
        Case(name: "YAML syntax error", fixture: {
            base.replacing("  - weight: { speed: \"*2\" }", with: "  - weight: { speed: \"*2\" ", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:6:7: error: invalid YAML: did not find expected ',' or '}' (while parsing a flow mapping at line 5)
                  - fact: api_first
                  ^
            1 error generated.
            """),
        Case(name: "unknown key with suggestion", fixture: {
            base.replacing("    weight: 2", with: "    wieght: 2", in: "knowledge.yaml")
        }, expected: """
            K/knowledge.yaml:10:5: error: missing field 'weight' in a criterion
              - id: speed
                ^
            K/knowledge.yaml:13:5: error: unknown key 'wieght' in a criterion; did you mean 'weight'? (allowed: id, name, description, weight, source, scored_by)
                wieght: 2
                ^
            2 errors generated.
            """),
        Case(name: "missing field", fixture: {
            base.replacing("speed: { score: 5, why: Fast., source: doc }", with: "speed: { score: 5, source: doc }",
                           in: "frameworks/fast.yaml")
        }, expected: """
            K/frameworks/fast.yaml:5:10: error: missing field 'why' in the rating of 'fast' on 'speed'
              speed: { score: 5, source: doc }
                     ^
            1 error generated.
            """),
        Case(name: "wrong type", fixture: {
            base.replacing("    weight: 2", with: "    weight: heavy", in: "knowledge.yaml")
        }, expected: """
            K/knowledge.yaml:13:13: error: expected 'weight' to be a number, found 'heavy'
                weight: heavy
                        ^
            1 error generated.
            """),
        Case(name: "duplicate id", fixture: {
            base.replacing("  - id: batteries", with: "  - id: speed", in: "knowledge.yaml")
        }, expected: """
            K/frameworks/fast.yaml:6:3: error: unknown criterion 'batteries'
              batteries: { score: 1, why: Few batteries., source: doc }
              ^
            K/frameworks/full.yaml:8:3: error: unknown criterion 'batteries'
              batteries: { score: 5, why: All batteries., source: doc }
              ^
            K/knowledge.yaml:15:9: error: duplicate criterion id 'speed'; first defined at K/knowledge.yaml:10:9
              - id: speed
                    ^
            K/rules.yaml:12:19: error: unknown criterion 'batteries'
                  - weight: { batteries: "+1" }
                              ^
            4 errors generated.
            """),
        Case(name: "rating out of range", fixture: {
            base.replacing("score: 5, why: All", with: "score: 7, why: All", in: "frameworks/full.yaml")
        }, expected: """
            K/frameworks/full.yaml:8:23: error: rating 7 of 'full' on 'batteries' is out of range 0...5
              batteries: { score: 7, why: All batteries., source: doc }
                                  ^
            1 error generated.
            """),
        Case(name: "framework missing a rating", fixture: {
            base.replacing("  batteries: { score: 1, why: Few batteries., source: doc }\n", with: "",
                           in: "frameworks/fast.yaml")
        }, expected: """
            K/frameworks/fast.yaml:1:1: error: framework 'fast' has no rating for 'batteries'; every framework is rated on every criterion
            id: fast
            ^
            1 error generated.
            """),
        Case(name: "unknown question in a condition", fixture: {
            base.replacing("when: kind == \"api\"", with: "when: kidn == \"api\"", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:3:11: error: unknown question 'kidn'; did you mean 'kind'?
                when: kidn == "api"
                      ^
            1 error generated.
            """),
        Case(name: "value the question doesn't offer", fixture: {
            base.replacing("when: kind == \"api\"", with: "when: kind == \"apii\"", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:3:19: error: 'kind' has no value "apii"; did you mean "api"? (allowed: api, site)
                when: kind == "apii"
                              ^
            1 error generated.
            """),
        Case(name: "unknown criterion in an action", fixture: {
            base.replacing("weight: { speed: \"*2\" }", with: "weight: { sped: \"*2\" }", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:5:19: error: unknown criterion 'sped'; did you mean 'speed'?
                  - weight: { sped: "*2" }
                              ^
            1 error generated.
            """),
        Case(name: "unknown framework", fixture: {
            base.replacing("      - weight: { batteries: \"+1\" }",
                           with: "      - exclude: { framework: fsat, reason: Too slow. }", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:12:31: error: unknown framework 'fsat'; did you mean 'fast'?
                  - exclude: { framework: fsat, reason: Too slow. }
                                          ^
            1 error generated.
            """),
        Case(name: "unknown source", fixture: {
            base.replacing("speed: { score: 5, why: Fast., source: doc }",
                           with: "speed: { score: 5, why: Fast., source: dco }", in: "frameworks/fast.yaml")
        }, expected: """
            K/frameworks/fast.yaml:5:42: error: unknown source 'dco'; did you mean 'doc'?
              speed: { score: 5, why: Fast., source: dco }
                                                     ^
            1 error generated.
            """),
        Case(name: "fact read but never asserted", fixture: {
            base.replacing("when: not api_first", with: "when: not api_frist", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:10:15: error: unknown fact 'api_frist'; did you mean 'api_first'?
                when: not api_frist
                          ^
            1 error generated.
            """),
        Case(name: "condition that doesn't type-check", fixture: {
            base.replacing("when: kind == \"api\"", with: "when: kind < \"api\"", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:3:16: error: '<' needs a scale question; 'kind' is a choice question (use '==', '!=' or 'in')
                when: kind < "api"
                           ^
            1 error generated.
            """),
        Case(name: "multi-choice compared with ==", fixture: {
            base.replacing("when: kind == \"api\"", with: "when: extras == \"admin\"", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:3:18: error: 'extras' is a multi-choice question; test it with 'contains', as in 'extras contains "admin"'
                when: extras == "admin"
                             ^
            1 error generated.
            """),
        Case(name: "unknown capability", fixture: {
            base.replacing("      - weight: { batteries: \"+1\" }", with: "      - require: admni", in: "rules.yaml")
        }, expected: """
            K/rules.yaml:12:18: error: unknown capability 'admni'; did you mean 'admin'?
                  - require: admni
                             ^
            1 error generated.
            """),
        Case(name: "negation in a cycle", fixture: {
            base.appending("""
                  - id: paradox
                    when: not calm
                    then:
                      - fact: calm
                    because: A fact that denies itself.
                    source: doc

                """, to: "rules.yaml")
        }, expected: """
            K/rules.yaml:15:5: error: rule 'paradox' reads 'calm' negatively, and that fact depends on this rule: negation in a cycle has no consistent answer
              - id: paradox
                ^
            1 error generated.
            """),
        Case(name: "empty file", fixture: {
            base.appending("# nothing here\n", to: "empty.yaml")
        }, expected: """
            K/empty.yaml:1:1: error: file is empty
            # nothing here
            ^
            1 error generated.
            """),
        Case(name: "anchors and aliases", fixture: {
            base.replacing("  speed: { score: 5, why: Fast., source: doc }",
                           with: "  speed: &s { score: 5, why: Fast., source: doc }", in: "frameworks/fast.yaml")
        }, expected: """
            K/frameworks/fast.yaml:5:10: error: YAML anchors and aliases are not supported in knowledge files; write the value out
              speed: &s { score: 5, why: Fast., source: doc }
                     ^
            1 error generated.
            """),
        Case(name: "unknown question kind", fixture: {
            base.replacing("    kind: yesno", with: "    kind: yesorno", in: "questions.yaml")
        }, expected: """
            K/questions.yaml:33:11: error: unknown question kind 'yesorno'; did you mean 'yesno'? (allowed: choice, multi, yesno, scale)
                kind: yesorno
                      ^
            1 error generated.
            """),
        Case(name: "ask_if reading a later question", fixture: {
            base.replacing("    kind: choice\n", with: "    kind: choice\n    ask_if: streaming\n", in: "questions.yaml")
        }, expected: """
            K/questions.yaml:7:13: error: 'ask_if' of question 'kind' reads 'streaming', which is not asked before it
                ask_if: streaming
                        ^
            1 error generated.
            """),
    ]

    @Test("broken knowledge is reported with the whole compiler-style text", arguments: cases)
    func diagnostics(_ testCase: Case) throws {
        let result = try testCase.fixture().load()
        guard case .failure(let text) = result else {
            Issue.record("expected a load error")
            return
        }
        #expect(text == testCase.expected)
    }

    @Test("every problem is reported in one run")
    func reportsEverything() throws {
        let fixture = Self.base
            .replacing("    weight: 2", with: "    weight: -1", in: "knowledge.yaml")
            .replacing("when: kind == \"api\"", with: "when: kind == \"apii\"", in: "rules.yaml")
            .replacing("score: 2, why: Slower.", with: "score: 9, why: Slower.", in: "frameworks/full.yaml")
        guard case .failure(let text) = try fixture.load() else {
            Issue.record("expected a load error")
            return
        }
        #expect(text.contains("K/knowledge.yaml:13:13: error: 'weight' must be 0 or more, found -1"))
        #expect(text.contains("K/rules.yaml:3:19: error: 'kind' has no value \"apii\""))
        #expect(text.contains("K/frameworks/full.yaml:7:19: error: rating 9 of 'full' on 'speed' is out of range"))
        #expect(text.hasSuffix("3 errors generated."))
    }

    @Test("a cycle through negation names the same rule however many rules come before it",
          arguments: [0, 1, 2, 3, 7])
    func negativeCycleReportIsStable(_ padding: Int) throws {
        var fixture = Self.base
        for index in 0..<padding {
            fixture = fixture.appending("""
                  - id: padding-\(index)
                    when: kind == "api"
                    then:
                      - weight: { speed: "*1.01" }
                    because: Padding.
                    source: doc

                """, to: "rules.yaml")
        }
        fixture = fixture.appending("""
              - id: a-unless-b
                when: not fact_b
                then:
                  - fact: fact_a
                because: A cycle through negation.
                source: doc
              - id: b-unless-a
                when: not fact_a
                then:
                  - fact: fact_b
                because: A cycle through negation.
                source: doc

            """, to: "rules.yaml")
        guard case .failure(let text) = try fixture.load() else {
            Issue.record("expected a load error")
            return
        }
        #expect(text.contains("error: rule 'a-unless-b' reads 'fact_b' negatively"), "\(text)")
        #expect(text.hasSuffix("1 error generated."))
    }

    /// CI once ran from a checkout whose path sorted before the temporary folder, and the order
    /// of the diagnostics flipped. They follow the order the directories were given instead.
    @Test("diagnostics follow the order the directories were given, not where they live",
          arguments: [["z-base", "a-overlay"], ["a-base", "z-overlay"]])
    func diagnosticsFollowReadOrder(_ names: [String]) throws {
        let baseName = names[0], overlayName = names[1]
        let root = TestTemporary.root + "advisor-order-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: root) }
        let base = Self.base.replacing("    weight: 2", with: "    weight: -1", in: "knowledge.yaml")
        let overlay = KnowledgeFixture(files: ["extra.yaml": """
            knowledge:
              name: Extra
              version: "1"
              description: An overlay.
              overlay: true
            criteria:
              - id: extra
                name: Extra
                description: More.
                weight: -2
                source: doc

            """])
        for (fixture, name) in [(base, baseName), (overlay, overlayName)] {
            for (file, text) in fixture.files {
                let path = root + "/" + name + "/" + file
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            }
        }
        let loaded = Result { try KnowledgeLoader.load(directories: [root + "/" + baseName, root + "/" + overlayName]) }
        guard case .failure(let failure) = loaded, let error = failure as? DiagnosticError else {
            Issue.record("expected a load error")
            return
        }
        let errors = error.rendered().replacingOccurrences(of: root + "/", with: "")
            .split(separator: "\n").filter { $0.contains(": error: ") }
        let files = errors.map { String($0.prefix { $0 != ":" }) }
        #expect(files == [baseName + "/frameworks/fast.yaml", baseName + "/frameworks/full.yaml",
                          baseName + "/knowledge.yaml", overlayName + "/extra.yaml"], "\(errors)")
        #expect(errors.last?.hasSuffix("extra.yaml:10:13: error: 'weight' must be 0 or more, found -2") == true)
    }

    @Test("past 1,000 problems in one file the rest are counted in one last diagnostic")
    func problemsPerFileAreCapped() throws {
        let entries = (0..<700).map { "  - { id: extra\($0), wrong: 1 }\n" }.joined()
        let fixture = Self.base.appending("criteria:\n" + entries, to: "extra.yaml")
        let root = try fixture.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = Result { try KnowledgeLoader.load(directories: [root]) }
        guard case .failure(let failure) = loaded, let error = failure as? DiagnosticError else {
            Issue.record("expected a load error")
            return
        }
        let inFile = error.diagnostics.filter { $0.location?.file.hasSuffix("/extra.yaml") == true }
        #expect(inFile.count == 1_001, "\(inFile.count)")
        #expect(inFile.last?.message.hasSuffix("more problems in this file, not listed (the first 1000 are)") == true,
                "\(inFile.last?.message ?? "")")
        let lines = inFile.compactMap { $0.location?.line }
        #expect(lines.last == lines.max() && (lines.last ?? 0) > 100, "\(lines.suffix(3))")
    }

    @Test("past 100 diagnostics the rest are counted, not shown")
    func diagnosticsAreCapped() {
        let diagnostics = (1...150).map { Diagnostic.error("problem \($0)", at: SourceLocation(file: "k.yaml", line: $0, column: 1)) }
        let text = DiagnosticError(diagnostics).rendered()
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 102)
        #expect(lines[99] == "k.yaml:100:1: error: problem 100")
        #expect(lines[100] == "note: 50 more not shown; fix these first")
        #expect(lines[101] == "150 errors generated.")
    }

    @Test("a long source line is shown as a window around the column, the caret under it",
          arguments: [1, 500, 9_990, 10_000])
    func longLinesAreWindowed(_ column: Int) {
        let line = String((0..<10_000).map { index in Character(UnicodeScalar(UInt8(97 + index % 26))) })
        var sources = SourceTexts()
        sources.add(line + "\n", for: "k.yaml")
        let text = DiagnosticError([.error("here", at: SourceLocation(file: "k.yaml", line: 1, column: column))],
                                   sources: sources).rendered()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let excerpt = lines[1], caret = lines[2]
        #expect(excerpt.unicodeScalars.count <= 160 + 6)
        #expect(excerpt.hasPrefix("...") == (column > 81))
        #expect(excerpt.hasSuffix("...") == (column <= 10_000 - 80))
        // The character under the caret is the one at the diagnostic's column.
        let under = Array(excerpt.unicodeScalars)[caret.unicodeScalars.count - 1]
        #expect(under == Array(line.unicodeScalars)[column - 1])
    }

    @Test("the minimal fixture and the shipped knowledge load cleanly")
    func validKnowledge() throws {
        guard case .success(let knowledge) = try Self.base.load() else {
            Issue.record("the fixture should load")
            return
        }
        #expect(knowledge.facts == ["api_first"])
        let shipped = try KnowledgeLoader.load(directories: [CommandRunnerPaths.knowledge])
        #expect(shipped.warnings.isEmpty)
        #expect(shipped.knowledge.frameworks.map(\.id).contains("django"))
    }
}

enum CommandRunnerPaths {
    static var knowledge: String { CommandRunner.packageRoot + "/Knowledge" }
}
