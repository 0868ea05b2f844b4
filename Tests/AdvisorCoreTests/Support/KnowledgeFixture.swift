import AdvisorCore
import Foundation
import TestSupport

/// A small, valid knowledge base written to a temporary folder, which tests then break one way at a time.
struct KnowledgeFixture {
    var files: [String: String]

    static let minimal = KnowledgeFixture(files: [
        "knowledge.yaml": """
            knowledge:
              name: Test knowledge
              version: "1"
              description: A small knowledge base for tests.
            sources:
              - id: doc
                title: A document
                address: https://example.org/doc
            criteria:
              - id: speed
                name: Speed
                description: How fast.
                weight: 2
                source: doc
              - id: batteries
                name: Batteries
                description: What is built in.
                weight: 1
                source: doc
            capabilities:
              - { id: admin, name: an admin panel }

            """,
        "questions.yaml": """
            questions:
              - id: kind
                prompt: What kind?
                help: Pick one.
                why: It matters.
                kind: choice
                source: doc
                options:
                  - { value: api, label: An API }
                  - { value: site, label: A site }
              - id: load
                prompt: How much load?
                help: Pick one.
                why: It matters.
                kind: scale
                source: doc
                options:
                  - { value: low, label: Low }
                  - { value: high, label: High }
              - id: extras
                prompt: Which extras?
                help: Pick any.
                why: It matters.
                kind: multi
                source: doc
                options:
                  - { value: admin, label: Admin }
                  - { value: forms, label: Forms }
              - id: streaming
                prompt: Streaming?
                help: Yes or no.
                why: It matters.
                kind: yesno
                source: doc

            """,
        "rules.yaml": """
            rules:
              - id: api-speed
                when: kind == "api"
                then:
                  - weight: { speed: "*2" }
                  - fact: api_first
                because: APIs need speed.
                source: doc
              - id: not-api
                when: not api_first
                then:
                  - weight: { batteries: "+1" }
                because: Sites want batteries.
                source: doc

            """,
        "frameworks/fast.yaml": """
            id: fast
            name: Fast
            summary: A fast framework.
            ratings:
              speed: { score: 5, why: Fast., source: doc }
              batteries: { score: 1, why: Few batteries., source: doc }

            """,
        "frameworks/full.yaml": """
            id: full
            name: Full
            summary: A full framework.
            capabilities:
              - { id: admin, why: Has admin., source: doc }
            ratings:
              speed: { score: 2, why: Slower., source: doc }
              batteries: { score: 5, why: All batteries., source: doc }

            """,
    ])

    /// The fixture with `old` replaced by `new` in `file`.
    func replacing(_ old: String, with new: String, in file: String) -> KnowledgeFixture {
        var copy = self
        copy.files[file] = files[file]?.replacingOccurrences(of: old, with: new)
        return copy
    }

    /// The fixture with `text` appended to `file` (creating it).
    func appending(_ text: String, to file: String) -> KnowledgeFixture {
        var copy = self
        copy.files[file, default: ""] += text
        return copy
    }

    /// Writes the files under a new temporary folder and returns its path.
    func write() throws -> String {
        let root = TestTemporary.root + "advisor-fixture-" + UUID().uuidString
        for (name, text) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        }
        return root
    }

    /// Loads the fixture, returning the knowledge or the rendered diagnostics with the temporary
    /// folder replaced by `K`, so expected texts don't depend on where it was written.
    func load() throws -> LoadOutcome {
        let root = try write()
        defer { try? FileManager.default.removeItem(atPath: root) }
        do {
            return .success(try KnowledgeLoader.load(directories: [root]).knowledge)
        } catch {
            return .failure(error.rendered().replacingOccurrences(of: root, with: "K"))
        }
    }
}

/// A fixture's load: the knowledge base, or the rendered diagnostics.
enum LoadOutcome {
    case success(KnowledgeBase)
    case failure(String)
}
