import AdvisorCore
import Foundation
import Testing

/// Overlays: later `--knowledge` directories add to and override the base, keeping provenance.
extension LoadOutcome {
    var knowledge: KnowledgeBase? {
        if case .success(let knowledge) = self { return knowledge }
        return nil
    }
}

struct OverlayTests {
    static func overlay(_ name: String, ratings: String? = nil, weights: String? = nil, header: Bool = true,
                        extra: [String: String] = [:]) -> KnowledgeFixture {
        var files: [String: String] = [:]
        if header {
            files["\(name)/knowledge.yaml"] = """
                knowledge:
                  name: Team \(name)
                  version: "2"
                  description: A team's overlay.
                  overlay: true
                sources:
                  - id: \(name)#adr-1
                    title: ADR 1
                    address: https://wiki.\(name).internal/adr/1
                    internal: true

                """
        }
        if let ratings { files["\(name)/ratings.yaml"] = "ratings:\n" + ratings }
        if let weights { files["\(name)/weights.yaml"] = "weights:\n" + weights }
        for (path, text) in extra { files["\(name)/\(path)"] = text }
        return KnowledgeFixture(files: files)
    }

    static func rating(_ framework: String, _ criterion: String, _ score: Int, source: String) -> String {
        "  - { framework: \(framework), criterion: \(criterion), score: \(score), why: Measured here., source: \(source) }\n"
    }

    /// Loads the base fixture and the overlays (in a common folder shown as `K`), or the rendered errors.
    static func load(base: KnowledgeFixture? = KnowledgeFixture.minimal, _ overlays: [(String, KnowledgeFixture)],
                     builtIn: Bool = false) throws -> LoadOutcome {
        var all = KnowledgeFixture(files: [:])
        if let base { for (path, text) in base.files { all.files["base/" + path] = text } }
        for (_, overlay) in overlays { all.files.merge(overlay.files) { $1 } }
        let root = try all.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var directories = overlays.map { root + "/" + $0.0 }
        var files: KnowledgeFiles?
        if builtIn {
            files = try KnowledgeFiles.read(directory: root + "/base")
        } else if base != nil {
            directories.insert(root + "/base", at: 0)
        }
        do {
            return .success(try KnowledgeLoader.load(directories: directories, builtIn: files).knowledge)
        } catch {
            return .failure(error.rendered().replacingOccurrences(of: root, with: "K"))
        }
    }

    @Test("an overlay overrides a rating and a weight, and says where")
    func overrides() throws {
        let acme = Self.overlay("acme", ratings: Self.rating("fast", "batteries", 3, source: "acme#adr-1"),
                                weights: "  - { criterion: speed, weight: 4, why: Our SLOs., source: acme#adr-1 }\n")
        let knowledge = try #require(try Self.load([("acme", acme)]).knowledge)
        #expect(knowledge.framework("fast")?.ratings["batteries"]?.score == 3)
        #expect(knowledge.criterion("speed")?.weight == 4)
        #expect(knowledge.overrides.map(\.phrase) == ["rating overridden by overlay acme/ratings.yaml:2",
                                                      "weight overridden by overlay acme/weights.yaml:2"])
        #expect(knowledge.overrideLines() == [
            "Fast on Batteries: 1 → 3, rating overridden by overlay acme/ratings.yaml:2: Measured here. [acme#adr-1]",
            "base weight of Speed: 2 → 4, weight overridden by overlay acme/weights.yaml:2: Our SLOs. [acme#adr-1]",
        ])
        #expect(knowledge.overlays.map(\.title) == ["acme (Team acme 2)"])
        #expect(knowledge.source("acme#adr-1")?.isInternal == true)
        let consultation = Engine.consult(knowledge, answers: Answers())
        #expect(TextReport.render(consultation).contains(
            "  Fast on Batteries: 1 → 3, rating overridden by overlay acme/ratings.yaml:2: Measured here. [acme#adr-1]"))
    }

    @Test("an overlay adds questions and rules that read the base")
    func additions() throws {
        let acme = Self.overlay("acme", extra: ["rules.yaml": """
            questions:
              - { id: mandate, prompt: Mandate?, help: Yes or no., why: Policy., kind: yesno, source: acme#adr-1 }
            rules:
              - id: acme-mandate
                when: mandate and kind == "api"
                then:
                  - exclude: { framework: full, reason: Not allowed here. }
                because: Policy.
                source: acme#adr-1

            """])
        let knowledge = try #require(try Self.load([("acme", acme)]).knowledge)
        let result = Engine.consult(knowledge, answers: Answers(["mandate": .yes(true), "kind": .one("api")]))
        #expect(result.excluded.map(\.framework) == ["full"])
        #expect(knowledge.questions.last?.id == "mandate")
    }

    @Test("an overlay over the built-in knowledge equals the same overlay over the same base directory")
    func overBuiltIn() throws {
        let acme = Self.overlay("acme", ratings: Self.rating("fast", "batteries", 3, source: "acme#adr-1"))
        let layered = try #require(try Self.load([("acme", acme)]).knowledge)
        let overBuiltIn = try #require(try Self.load([("acme", acme)], builtIn: true).knowledge)
        let baseOnly = try #require(try Self.load([]).knowledge)
        #expect(overBuiltIn.digest == layered.digest)
        #expect(layered.digest != baseOnly.digest)
        #expect(overBuiltIn.origins.first == "built-in")
        #expect(overBuiltIn.overrides.map(\.phrase) == ["rating overridden by overlay acme/ratings.yaml:2"])
    }

    struct Bad: CustomTestStringConvertible, Sendable {
        var name: String
        var overlays: [(String, KnowledgeFixture)]
        var base: KnowledgeFixture? = KnowledgeFixture.minimal
        var expected: String
        var testDescription: String { name }
    }

    static let bad: [Bad] = [
        Bad(name: "two overlays disagree", overlays: [
            ("acme", overlay("acme", ratings: rating("fast", "batteries", 3, source: "acme#adr-1"))),
            ("beta", overlay("beta", ratings: rating("fast", "batteries", 4, source: "beta#adr-1"))),
        ], expected: """
            K/beta/ratings.yaml:2:5: error: overlays disagree on the rating of 'fast' on 'batteries': 'beta' sets 4, 'acme' sets 3
              - { framework: fast, criterion: batteries, score: 4, why: Measured here., source: beta#adr-1 }
                ^
            K/acme/ratings.yaml:2:5: note: overlay 'acme' sets it to 3 here
              - { framework: fast, criterion: batteries, score: 3, why: Measured here., source: acme#adr-1 }
                ^
            1 error generated.
            """),
        Bad(name: "one overlay sets a weight twice", overlays: [
            ("acme", overlay("acme", weights: """
                  - { criterion: speed, weight: 4, why: Ours., source: acme#adr-1 }
                  - { criterion: speed, weight: 5, why: Ours., source: acme#adr-1 }

                """)),
        ], expected: """
            K/acme/weights.yaml:3:5: error: overlay 'acme' sets the base weight of 'speed' twice
              - { criterion: speed, weight: 5, why: Ours., source: acme#adr-1 }
                ^
            K/acme/weights.yaml:2:5: note: first set here
              - { criterion: speed, weight: 4, why: Ours., source: acme#adr-1 }
                ^
            1 error generated.
            """),
        Bad(name: "a later directory is not marked as an overlay", overlays: [
            ("acme", KnowledgeFixture(files: ["acme/k.yaml": "knowledge: { name: A, version: '1', description: D }\n"])),
        ], expected: """
            K/acme/k.yaml:1:12: error: a second --knowledge directory is an overlay: add 'overlay: true' to its 'knowledge' block, or give only one directory
            knowledge: { name: A, version: '1', description: D }
                       ^
            1 error generated.
            """),
        Bad(name: "an overlay with nothing beneath it", overlays: [
            ("acme", overlay("acme", ratings: rating("fast", "batteries", 3, source: "acme#adr-1"))),
        ], base: nil, expected: """
            error: 'K/acme' is an overlay ('overlay: true'), and no knowledge comes before it: give the base knowledge with --knowledge first
            1 error generated.
            """),
        Bad(name: "an override names an unknown framework", overlays: [
            ("acme", overlay("acme", ratings: rating("fsat", "batteries", 3, source: "acme#adr-1"))),
        ], expected: """
            K/acme/ratings.yaml:2:18: error: unknown framework 'fsat'; did you mean 'fast'?
              - { framework: fsat, criterion: batteries, score: 3, why: Measured here., source: acme#adr-1 }
                             ^
            1 error generated.
            """),
    ]

    @Test("overlay errors name every place", arguments: bad)
    func errors(_ item: Bad) throws {
        let result = try Self.load(base: item.base, item.overlays)
        guard case .failure(let text) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(text == item.expected)
    }

    @Test("the same value set by two overlays is no conflict; the later one is the provenance")
    func agreeingOverlays() throws {
        let knowledge = try #require(try Self.load([
            ("acme", Self.overlay("acme", ratings: Self.rating("fast", "batteries", 3, source: "acme#adr-1"))),
            ("beta", Self.overlay("beta", ratings: Self.rating("fast", "batteries", 3, source: "beta#adr-1"))),
        ]).knowledge)
        #expect(knowledge.ratingOverride(framework: "fast", criterion: "batteries")?.phrase
                    == "rating overridden by overlay beta/ratings.yaml:2")
    }

    @Test("rating overrides in the base knowledge are an error")
    func overridesInBase() throws {
        let base = KnowledgeFixture.minimal.appending("ratings:\n" + Self.rating("fast", "speed", 1, source: "doc"),
                                                      to: "extra.yaml")
        let result = try Self.load(base: base, [])
        guard case .failure(let text) = result else {
            Issue.record("expected an error")
            return
        }
        #expect(text == """
            K/base/extra.yaml:1:1: error: 'ratings' sets ratings by id and belongs in an overlay; this is the base knowledge (mark an overlay with 'overlay: true' in its 'knowledge' block)
            ratings:
            ^
            1 error generated.
            """)
    }
}
