@testable import AdvisorCore
import AdvisorKnowledge
import Foundation
import Testing
import TestSupport

/// Reading an answers file: what is accepted, and the exact error, with its position, for what is not.
@Suite("Answers file")
struct AnswersFileTests {
    static let knowledge: KnowledgeBase = {
        do { return try ShippedKnowledge.load() } catch { preconditionFailure("embedded knowledge: \(error)") }
    }()

    /// What a parse gave: the answers, or the error's message and position.
    enum Parsed: Equatable {
        case answers(Answers)
        case error(AnswerError)
    }

    static func parse(_ text: String) -> Parsed {
        do {
            return .answers(try AnswersFile.parse(text, path: "a.yaml", parser: AnswerParser(knowledge: knowledge)))
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
        // Refused by YAML or its limits: a repeated key,
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

    /// Every input above with what it gave: the answers read, or the error with its position.
    @Test("each answers file gives the answers or the exact error recorded in the golden file")
    func outcomes() {
        var lines: [String] = []
        for text in Self.texts {
            lines.append("input: " + text.debugDescription)
            switch Self.parse(text) {
            case .answers(let answers):
                let given = answers.values.keys.sorted().map { "\($0)=\(answers[$0]?.text ?? "")" }
                lines.append("  answers: " + given.joined(separator: "; "))
            case .error(let error):
                lines.append("  error: " + error.line)
            }
        }
        assertSnapshot(lines.joined(separator: "\n") + "\n", named: "answers-files.txt", in: snapshotDirectory())
    }

    @Test("the answers files that `advisor` itself saves read back the same")
    func savedAnswers() throws {
        var answers = Answers()
        answers["project_type"] = .one("api")
        answers["builtins"] = .many(["admin", "orm"])
        answers["async_workload"] = .yes(true)
        let text = AnswersFile.serialize(answers, knowledge: Self.knowledge)
        #expect(Self.parse(text) == .answers(answers))
    }

    /// A pipe at `path` that a shell fills with `bytes` bytes of `text` repeated, then closes.
    static func fillPipe(_ path: String, text: String, bytes: Int) throws -> Process {
        #expect(mkfifo(path, 0o600) == 0)
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = ["-c", "yes \"$1\" | head -c \"$2\" > \"$0\"", path, text, String(bytes)]
        try writer.run()
        return writer
    }

    @Test("a pipe over the limit is refused with one line, read once; one at the limit is read whole",
          arguments: [2_000_000, AnswersFile.maximumSize + 1, AnswersFile.maximumSize, 18])
    func pipe(_ size: Int) throws {
        let path = TestTemporary.root + "answers-pipe-\(UUID().uuidString)"
        defer { unlink(path) }
        // 18 bytes: one answer. Up to the limit: comment lines (the last one cut), so an empty file.
        let writer = try Self.fillPipe(path, text: size == 18 ? "project_type: api" : "# a comment line", bytes: size)
        defer { writer.waitUntilExit() }
        let outcome = Result { () throws(AnswerError) in
            try AnswersFile.read(path: path, parser: AnswerParser(knowledge: Self.knowledge))
        }
        switch size {
        case 18:
            #expect(try outcome.get()["project_type"] == .one("api"))
        case AnswersFile.maximumSize:
            #expect(throws: AnswerError("answers file is empty", origin: .file,
                                        at: SourceLocation(file: path, line: 1, column: 1))) { try outcome.get() }
        default:
            #expect(throws: AnswerError("answers file '\(path)' is more than 1048576 bytes; the limit is 1048576",
                                        origin: .file)) { try outcome.get() }
        }
    }

    @Test("a regular file is read whole up to the limit and refused one byte past it")
    func regularFileLimit() throws {
        let path = TestTemporary.root + "raw-\(UUID().uuidString)"
        defer { unlink(path) }
        let bytes = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(RawFile.load(path, limit: 10_000) == .bytes(bytes))
        #expect(RawFile.load(path, limit: 9_999) == .tooLarge)
        #expect(RawFile.load(path) == .bytes(bytes))
        #expect(RawFile.load(path + "-missing") == .unreadable)
        #expect(RawFile.load(TestTemporary.root) == .unreadable)
    }
}
