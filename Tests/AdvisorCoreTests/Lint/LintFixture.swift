import AdvisorCore
import Foundation

/// A small knowledge base on which no lint fires, which tests then change one way at a time.
enum LintFixture {
    static let clean = KnowledgeFixture.minimal
        .replacing("""
              - id: not-api
                when: not api_first
                then:
                  - weight: { batteries: "+1" }
                because: Sites want batteries.
                source: doc
            """, with: """
              - id: not-api
                when: not api_first
                then:
                  - weight: { batteries: "+1" }
                because: Sites want batteries.
                source: doc
              - id: heavy-load
                when: load == "high"
                then:
                  - weight: { speed: "+1" }
                because: Load needs speed.
                source: doc
              - id: wants-admin
                when: extras contains "admin"
                then:
                  - require: admin
                because: Only an admin panel will do.
                source: doc
              - id: streams
                when: streaming
                then:
                  - weight: { speed: "*1.5" }
                because: Streaming needs speed.
                source: doc
            """, in: "rules.yaml")
        .replacing("source: doc }", with: "source: doc, evidence: documented, as_of: \"2026\" }", in: "frameworks/fast.yaml")
        .replacing("source: doc }", with: "source: doc, evidence: documented, as_of: \"2026\" }", in: "frameworks/full.yaml")

    /// The lint findings on `fixture`, rendered, with the temporary folder shown as `K`.
    static func lint(_ fixture: KnowledgeFixture, only check: KnowledgeLint.Check? = nil,
                     exhaustiveLimit: Int = 20_000) throws -> String {
        let root = try fixture.write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let loaded = try KnowledgeLoader.load(directories: [root])
        var report = KnowledgeLint.run(loaded.knowledge, exhaustiveLimit: exhaustiveLimit)
        if let check {
            // Keep the check's findings and the notes that follow them.
            var kept: [Diagnostic] = []
            var keeping = false
            for diagnostic in report.diagnostics {
                if diagnostic.severity != .note { keeping = diagnostic.message.hasSuffix("[\(check.rawValue)]") }
                if keeping { kept.append(diagnostic) }
            }
            report.diagnostics = kept
        }
        guard !report.diagnostics.isEmpty else { return "" }
        return DiagnosticError(report.diagnostics, sources: loaded.sources).rendered()
            .replacingOccurrences(of: root, with: "K")
    }
}
