import Foundation

/// Reads an answers file: a YAML or JSON mapping of question id to a value or a list of values.
public enum AnswersFile {
    /// Largest answers file accepted, in bytes.
    public static let maximumSize = 1024 * 1024

    /// Reads and checks the answers on standard input, named `<stdin>` in messages.
    public static func readStandardInput(parser: AnswerParser) throws(AnswerError) -> Answers {
        try read(path: "/dev/stdin", shown: "<stdin>", parser: parser)
    }

    /// Reads and checks the file at `path`, named `shown` (or its path) in messages. Missing files are
    /// reported by the caller (exit 66).
    public static func read(path: String, shown: String? = nil, parser: AnswerParser) throws(AnswerError) -> Answers {
        let name = shown ?? path
        // Refuse an oversized file before reading it into memory (`stat`, where Foundation's
        // attributes also looked up the owner's name).
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, Int(status.st_size) > maximumSize {
            throw AnswerError("answers file '\(name)' is \(status.st_size) bytes; the limit is \(maximumSize)",
                              origin: .file)
        }
        let data: [UInt8]
        switch RawFile.load(path, limit: maximumSize) {
        case .bytes(let bytes):
            data = bytes
        case .tooLarge:
            // Over the limit only now: it grew since, or it is not a regular file (a pipe, a device).
            throw AnswerError("answers file '\(name)' is more than \(maximumSize) bytes; the limit is \(maximumSize)",
                              origin: .file)
        case .unreadable:
            throw AnswerError("cannot read answers file '\(name)'", origin: .file)
        }
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw AnswerError("answers file is not valid UTF-8", origin: .file,
                              at: SourceLocation(file: name, line: 1, column: 1))
        }
        return try parse(text, path: name, parser: parser)
    }

    /// Parses answers from `text`; `path` names it in messages.
    public static func parse(_ text: String, path: String, parser: AnswerParser) throws(AnswerError) -> Answers {
        let reader = NodeReader(file: path)
        let root = try compose(text, path: path)
        guard case .mapping(let mapping) = root else {
            throw AnswerError("expected a mapping of question ids to answers, found \(reader.describe(root))",
                              origin: .file, at: reader.location(of: root))
        }
        var answers = Answers()
        for (key, value) in mapping {
            let location = reader.location(of: key)
            guard let id = key.scalar?.string else {
                throw AnswerError("question ids must be plain words", origin: .file, at: location)
            }
            let question = try parser.question(id, origin: .file, at: location)
            let valueLocation = reader.location(of: value)
            let values: [String]
            var listGiven = false
            switch value {
            case .scalar(let scalar):
                values = question.kind == .multi
                    ? scalar.string.split(separator: ",").map { String($0).trimmingWhitespace() }
                    : [scalar.string.trimmingWhitespace()]
            case .sequence(let sequence):
                listGiven = true
                var items: [String] = []
                for item in sequence {
                    guard let text = item.scalar?.string else {
                        throw AnswerError("answers to '\(id)' must be plain values", origin: .file,
                                          at: reader.location(of: item))
                    }
                    items.append(text.trimmingWhitespace())
                }
                values = items
            default:
                throw AnswerError("the answer to '\(id)' must be a value or a list of values, found a mapping",
                                  origin: .file, at: valueLocation)
            }
            answers[id] = try parser.value(for: question, values, listGiven: listGiven, origin: .file,
                                           at: valueLocation)
        }
        return answers
    }

    private static func compose(_ text: String, path: String) throws(AnswerError) -> YAMLNode {
        let start = SourceLocation(file: path, line: 1, column: 1)
        switch YAMLDocument.compose(text, kind: "answers files") {
        case .empty:
            throw AnswerError("answers file is empty", origin: .file, at: start)
        case .problem(let problem):
            throw AnswerError(problem.message, origin: .file, at: SourceLocation(
                file: path, line: problem.mark.line, column: problem.mark.column))
        case .root(let node):
            return node
        }
    }
}

extension AnswersFile {
    /// The answers as an answers file (YAML), in questionnaire order, readable by `read(path:parser:)`.
    public static func serialize(_ answers: Answers, knowledge: KnowledgeBase) -> String {
        var lines = ["# Framework Advisor answers (knowledge digest \(knowledge.digest.prefix(12)))"]
        for (question, value) in answers.ordered(by: knowledge) {
            switch value {
            case .one(let option): lines.append("\(question.id): \(option)")
            case .many(let options): lines.append("\(question.id): [\(options.joined(separator: ", "))]")
            case .yes(let flag): lines.append("\(question.id): \(flag ? "yes" : "no")")
            }
        }
        // No answers: an empty mapping, so the file still reads back (fuzzer finding, Tests/Fuzz/regressions).
        if answers.isEmpty { lines.append("{}") }
        return lines.joined(separator: "\n") + "\n"
    }
}
