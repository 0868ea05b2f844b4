import Foundation
import Testing
import TestSupport

/// The example overlay, provenance in the output, and `validate --strict`, through the built binary.
struct OverlayCLITests {
    static let example = CommandRunner.packageRoot + "/Knowledge/examples/acme"
    static let answers = ["--answer", "project_type=api", "--answer", "async_mandate=yes",
                          "--answer", "shares_django_models=yes"]

    @Test("the example overlay turns an API recommendation from FastAPI to Django, and says why")
    func exampleOverlayChangesTheRecommendation() throws {
        let plain = try CommandRunner.advisor(["recommend", "--answer", "project_type=api"])
        #expect(plain.exitCode == 0)
        #expect(plain.stdout.hasPrefix("Recommendation: FastAPI (75.2 of 100)\n"))
        #expect(!plain.stdout.contains("overlay"))

        let layered = try CommandRunner.advisor(["recommend", "--knowledge", Self.example] + Self.answers,
                                                directory: CommandRunner.packageRoot)
        #expect(layered.exitCode == 0, "\(layered)")
        #expect(layered.stdout.hasPrefix("Recommendation: Django (79.0 of 100)\n"))
        let provenance = """
            Overlay overrides (acme (Acme platform overlay (Django in production, async mandate) 2026.11)):
              Django on Team familiarity: 3 → 5, rating overridden by overlay acme/ratings.yaml:3: Every production web service at Acme runs Django, and the team has operated it since 2019 (ADR-0007). [acme#adr-0007]
              FastAPI on Team familiarity: 3 → 2, rating overridden by overlay acme/ratings.yaml:11: No Acme service runs FastAPI in production; two engineers have used it on side projects (ADR-0007, context). [acme#adr-0007]
              Django on Real-time and async I/O: 2 → 3, rating overridden by overlay acme/ratings.yaml:19: Django is served over ASGI by Uvicorn (python -m uvicorn myproject.asgi:application), which is how ADR-0031 says Acme runs it; async views then serve concurrent I/O. [django-docs#asgi-uvicorn]
              base weight of Team familiarity: 3 → 5, weight overridden by overlay acme/weights.yaml:3: The platform team asks squads to prefer the stack it already operates and pages for (ADR-0007, consequences). [acme#adr-0007]

            """
        #expect(layered.stdout.contains(provenance))
        #expect(layered.stdout.contains("""
              1. Team familiarity: Django 5 vs Litestar 3, weight 10 (set by acme-shared-django-models): +8.7 points
                 Every production web service at Acme runs Django, and the team has operated it since 2019 (ADR-0007). [acme#adr-0007] (documented, as of 2026-11) (rating overridden by overlay acme/ratings.yaml:3)
            """))
    }

    @Test("explain, JSON and the Markdown record show each override and where it is written")
    func provenanceEverywhere() throws {
        let explain = try CommandRunner.advisor(["explain", "django", "--knowledge", Self.example] + Self.answers)
        #expect(explain.exitCode == 0)
        #expect(explain.stdout.contains("""
              rating: 5: Every production web service at Acme runs Django, and the team has operated it since 2019 (ADR-0007). [acme#adr-0007]
                rating overridden by overlay acme/ratings.yaml:3 (was 3 at Knowledge/frameworks/django.yaml:127)
            """))
        #expect(explain.stdout.contains("  weight: base 5 (weight overridden by overlay acme/weights.yaml:3, was 3): "))

        let json = try CommandRunner.advisor(["recommend", "--format", "json", "--knowledge", Self.example]
                                             + Self.answers)
        #expect(json.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let knowledge = try #require(document["knowledge"] as? [String: Any])
        let overrides = try #require(knowledge["overrides"] as? [[String: Any]])
        #expect(overrides.compactMap { $0["provenance"] as? String } == [
            "rating overridden by overlay acme/ratings.yaml:3", "rating overridden by overlay acme/ratings.yaml:11",
            "rating overridden by overlay acme/ratings.yaml:19", "weight overridden by overlay acme/weights.yaml:3",
        ])

        let markdown = try CommandRunner.advisor(["recommend", "--format", "markdown", "--knowledge", Self.example]
                                                 + Self.answers)
        #expect(markdown.exitCode == 0, "\(markdown)")
        #expect(markdown.stdout.contains("### Overlay overrides"))
        let flowing = markdown.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(flowing.contains("* **Django on Team familiarity**: 3 → 5, rating overridden by overlay "
                                 + "acme/ratings.yaml:3."))
        #expect(markdown.stdout.contains("(internal address)"))
    }

    @Test("the shipped knowledge and the example overlay pass validate --strict")
    func shippedKnowledgeIsStrictlyClean() throws {
        let shipped = try CommandRunner.advisor(["validate", "--strict"])
        #expect(shipped.exitCode == 0, "\(shipped)")
        #expect(shipped.stderr == "")
        let layered = try CommandRunner.advisor(["validate", "--strict", "--knowledge", Self.example])
        #expect(layered.exitCode == 0, "\(layered)")
        #expect(layered.stdout.hasPrefix("OK: built-in + \(Self.example): "))
        #expect(layered.stdout.contains(", 4 overrides; digest "))
    }

    /// An overlay over the built-in knowledge whose rating cites no source.
    static func unsourcedOverlay(_ name: String = "team") throws -> String {
        let root = TestTemporary.root + "advisor-strict-" + UUID().uuidString + "/" + name
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try Data("""
            knowledge: { name: Team, version: "1", description: A team overlay., overlay: true }
            ratings:
              - { framework: django, criterion: performance, score: 4, why: Our load test. }

            """.utf8).write(to: URL(fileURLWithPath: root + "/knowledge.yaml"))
        return root
    }

    @Test("a fact without a source is a warning, and an error under --strict")
    func strictMode() throws {
        let overlay = try Self.unsourcedOverlay()
        defer { try? FileManager.default.removeItem(atPath: (overlay as NSString).deletingLastPathComponent) }
        let line = "\n  - { framework: django, criterion: performance, score: 4, why: Our load test. }\n    ^\n"
        let finding = "\(overlay)/knowledge.yaml:3:5: %@: the rating of 'django' on 'performance' cites no source "
            + "[missing-source]" + line
            + "\(overlay)/knowledge.yaml:3:5: %@: Django, rating on Performance and concurrency gives no 'evidence' "
            + "(seed, documented, measured or inferred) and no 'as_of' [undated-fact]" + line
        let lenient = try CommandRunner.advisor(["validate", "--knowledge", overlay])
        #expect(lenient.exitCode == 0)
        #expect(lenient.stderr == finding.replacingOccurrences(of: "%@", with: "warning") + "2 warnings generated.\n")
        let strict = try CommandRunner.advisor(["validate", "--strict", "--knowledge", overlay])
        #expect(strict.exitCode == 65)
        #expect(strict.stdout == "")
        #expect(strict.stderr == finding.replacingOccurrences(of: "%@", with: "error") + "2 errors generated.\n")
    }

    @Test("two overlays that disagree fail to load, naming both places")
    func conflictingOverlays() throws {
        let first = try Self.unsourcedOverlay("acme")
        let second = try Self.unsourcedOverlay("beta")
        defer {
            for path in [first, second] {
                try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
            }
        }
        var text = try String(contentsOfFile: second + "/knowledge.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "score: 4", with: "score: 2")
        try Data(text.utf8).write(to: URL(fileURLWithPath: second + "/knowledge.yaml"))
        let result = try CommandRunner.advisor(["recommend", "--knowledge", first, "--knowledge", second])
        #expect(result.exitCode == 65)
        #expect(result.stderr == """
            \(second)/knowledge.yaml:3:5: error: overlays disagree on the rating of 'django' on 'performance': 'beta' sets 2, 'acme' sets 4
              - { framework: django, criterion: performance, score: 2, why: Our load test. }
                ^
            \(first)/knowledge.yaml:3:5: note: overlay 'acme' sets it to 4 here
              - { framework: django, criterion: performance, score: 4, why: Our load test. }
                ^
            1 error generated.

            """)
    }
}
