@testable import AdvisorCore
import AdvisorKnowledge
import Testing

/// An answers file is composed by the fast composer first and by Yams where it gives up. Both
/// paths give the same answers, and the same error with the same position, for every input.
@Suite("Answers file: fast and Yams paths agree")
struct AnswersFileTests {
    static let knowledge: KnowledgeBase = {
        do { return try ShippedKnowledge.load() } catch { preconditionFailure("embedded knowledge: \(error)") }
    }()

    /// What a parse gave: the answers, or the error's message and position.
    enum Result: Equatable {
        case answers(Answers)
        case error(AnswerError)
    }

    static func parse(_ text: String, fast: Bool) -> Result {
        do {
            return .answers(try AnswersFile.parse(text, path: "a.yaml", parser: AnswerParser(knowledge: knowledge), fast: fast))
        } catch {
            return .error(error)
        }
    }

    static let texts: [String] = [
        // Accepted: block and flow style, comments, quotes, lists, a document marker, a BOM-less CRLF file.
        "project_type: api\n",
        "project_type: api\narchitecture: microservices\nasync_workload: yes\nbuiltins: [admin, orm]\n",
        "# saved answers\nproject_type: \"api\"   # quoted\nbuiltins:\n  - admin\n  - auth\n",
        "---\nproject_type: 'web_app'\nmust_have: builtin_admin, openapi_docs\n",
        "{project_type: api, async_workload: no}\n",
        "project_type: api\r\narchitecture: monolith\r\n",
        "builtins: []\n",
        "async_workload: true\n",
        // Refused by the answers' own checks: an unknown question, a bad value, a list for one choice.
        "project_tipe: api\n",
        "project_type: spaceship\n",
        "project_type: [api, web_app]\n",
        "async_workload: maybe\n",
        "builtins:\n  nested: mapping\n",
        "builtins: [[admin]]\n",
        // Refused as a whole: not a mapping, empty, comments only, a bare null.
        "- project_type\n- api\n",
        "just text\n",
        "",
        "# nothing but a comment\n",
        "~\n",
        "---\n",
        // Refused by YAML or its limits, from wherever the fast composer hands over: a repeated key,
        // anchors and aliases, a merge key, a tag, a syntax error, tabs, two documents, a mapping as a key.
        "project_type: api\nproject_type: web_app\n",
        "project_type: &a api\narchitecture: *a\n",
        "<<: {project_type: api}\n",
        "project_type: !!str api\n",
        "project_type: [api\n",
        "project_type: api\n\tarchitecture: monolith\n",
        "project_type: api\n---\narchitecture: monolith\n",
        "? [a, b]\n: api\n",
    ]

    @Test("both paths give the same answers or the same error", arguments: texts)
    func samePaths(_ text: String) {
        let fast = Self.parse(text, fast: true)
        let yams = Self.parse(text, fast: false)
        #expect(fast == yams, "\(text.debugDescription)")
    }

    @Test("the fast path reads the plain answers files that `advisor` itself saves")
    func savedAnswers() throws {
        var answers = Answers()
        answers["project_type"] = .one("api")
        answers["builtins"] = .many(["admin", "orm"])
        answers["async_workload"] = .yes(true)
        let text = AnswersFile.serialize(answers, knowledge: Self.knowledge)
        guard case .root = FastComposer.compose(text) else {
            Issue.record("the fast composer gave up on a saved answers file:\n\(text)")
            return
        }
        #expect(Self.parse(text, fast: true) == .answers(answers))
    }
}
