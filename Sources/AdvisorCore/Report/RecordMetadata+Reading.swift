/// Reading the metadata back from a record written by `advisor`.
extension RecordMetadata {
    /// What a record's text holds.
    public enum Reading: Sendable {
        /// No `advisor:` metadata: a record the advisor did not write.
        case notWritten
        /// Metadata that cannot be read, as one line `path:line:col: error: …`.
        case malformed(String)
        case metadata(RecordMetadata, FrontMatter)
    }

    /// The fields of a Markdown record's front matter that a superseding record keeps.
    public struct FrontMatter: Hashable, Sendable {
        public var status: String?
        public var decisionMakers: String?
        public var consulted: String?
        public var informed: String?
        /// The 0-based index of the `status:` line in the file's lines, if there is one.
        public var statusLine: Int?
    }

    /// The metadata of the record `text`, named `path` in messages: the front matter of a Markdown
    /// record, or the `<!-- advisor: … -->` comment of an HTML record.
    public static func read(_ text: String, path: String) -> Reading {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
        if lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." }) {
            let body = lines[1..<end].joined(separator: "\n")
            // Quick refusal: most foreign records have no `advisor:` key at all.
            guard lines[1..<end].contains(where: { $0.hasPrefix("advisor:") }) else { return .notWritten }
            return parse(body, path: path, line: 1, column: 0, frontMatter: true)
        }
        if let index = lines.firstIndex(where: { $0.hasPrefix(commentPrefix) }) {
            let line = lines[index]
            guard line.hasSuffix(" -->") else {
                return .malformed("\(path):\(index + 1):1: error: the advisor comment does not end on its line")
            }
            let json = line.dropFirst(commentPrefix.count).dropLast(4)
            return parse(String(json), path: path, line: index, column: commentPrefix.count, frontMatter: false)
        }
        return .notWritten
    }

    /// The HTML comment that opens the metadata of an HTML record.
    public static let commentPrefix = "<!-- advisor: "

    private static func parse(_ text: String, path: String, line: Int, column: Int, frontMatter: Bool) -> Reading {
        func at(_ mark: YAMLNode.Mark) -> String {
            "\(path):\(mark.line + line):\(mark.column + (mark.line == 1 ? column : 0))"
        }
        let root: YAMLNode
        switch YAMLDocument.compose(text, kind: "decision records") {
        case .empty: return .notWritten
        case .problem(let problem): return .malformed("\(at(problem.mark)): error: \(problem.message)")
        case .root(let node): root = node
        }
        do throws(Problem) {
            var block = root
            var matter = FrontMatter()
            if frontMatter {
                guard case .mapping(let top) = root else { return .notWritten }
                guard let advisor = top.first(where: { $0.key.scalar?.string == "advisor" })?.value else {
                    return .notWritten
                }
                block = advisor
                for (key, value) in top {
                    let text = value.scalar?.string
                    switch key.scalar?.string {
                    case "status":
                        matter.status = text
                        matter.statusLine = key.mark.line + line - 1
                    case "decision-makers": matter.decisionMakers = text
                    case "consulted": matter.consulted = text
                    case "informed": matter.informed = text
                    default: break
                    }
                }
            }
            return .metadata(try metadata(block), matter)
        } catch {
            return .malformed("\(at(error.mark)): error: advisor metadata: \(error.message)")
        }
    }

    private struct Problem: Error {
        var message: String
        var mark: YAMLNode.Mark
    }

    private static func metadata(_ node: YAMLNode) throws(Problem) -> RecordMetadata {
        let fields = try mapping(node, "'advisor' must be a mapping")
        var result = RecordMetadata()
        var seen: Set<String> = []
        for (key, value) in fields {
            let name = try string(key, "keys must be plain words")
            seen.insert(name)
            switch name {
            case "version":
                guard try string(value, "'version' must be 1") == "1" else {
                    throw Problem(message: "version \(TextSanitizer.inert(value.scalar?.string ?? "")) is not "
                                  + "one this advisor reads (1)", mark: value.mark)
                }
            case "answers":
                result.answers = try answers(value)
            case "members":
                for (name, member) in try mapping(value, "'members' must map member names to their answers") {
                    let id = try string(name, "member names must be plain words")
                    var entry = Member(name: id, answers: [], pairwise: nil)
                    var answered = false
                    for (field, item) in try mapping(member, "member '\(id)' must be a mapping") {
                        switch try string(field, "keys must be plain words") {
                        case "answers":
                            entry.answers = try answers(item)
                            answered = true
                        case "pairwise":
                            entry.pairwise = try string(item, "'pairwise' must be a file path")
                        default:
                            break
                        }
                    }
                    guard answered else {
                        throw Problem(message: "member '\(TextSanitizer.inert(id))' has no answers", mark: member.mark)
                    }
                    result.members.append(entry)
                }
            case "weights":
                for (criterion, weight) in try mapping(value, "'weights' must map criterion ids to numbers") {
                    let id = try string(criterion, "criterion ids must be plain words")
                    result.weights.append(Weight(criterion: id, value: try number(weight, "the weight of '\(id)'")))
                }
            case "pairwise":
                result.pairwise = try string(value, "'pairwise' must be a file path")
            case "knowledge":
                for (field, item) in try mapping(value, "'knowledge' must be a mapping") {
                    switch try string(field, "keys must be plain words") {
                    case "directories":
                        result.knowledgeDirectories = try strings(item, "'directories' must be a list of paths")
                    case "digest":
                        result.digest = try string(item, "'digest' must be a text")
                    default:
                        break
                    }
                }
            case "title":
                result.title = try string(value, "'title' must be a text")
            case "winner":
                result.winner = try string(value, "'winner' must be a framework id")
            case "criteria":
                result.criteria = try strings(value, "'criteria' must be a list of criterion ids")
            case "scores":
                for (framework, score) in try mapping(value, "'scores' must map framework ids to numbers") {
                    let id = try string(framework, "framework ids must be plain words")
                    result.frameworks.append(Scored(framework: id, score: try number(score, "the score of '\(id)'"),
                                                    points: []))
                }
            case "points":
                for (framework, list) in try mapping(value, "'points' must map framework ids to lists of numbers") {
                    let id = try string(framework, "framework ids must be plain words")
                    guard let index = result.frameworks.firstIndex(where: { $0.framework == id }) else {
                        throw Problem(message: "'\(TextSanitizer.inert(id))' has points but no score",
                                      mark: framework.mark)
                    }
                    guard case .sequence(let items) = list else {
                        throw Problem(message: "the points of '\(TextSanitizer.inert(id))' must be a list of numbers",
                                      mark: list.mark)
                    }
                    var points: [Double] = []
                    for item in items { points.append(try number(item, "a point of '\(id)'")) }
                    guard points.count == result.criteria.count else {
                        throw Problem(message: "'\(TextSanitizer.inert(id))' has \(points.count) points for "
                                      + "\(result.criteria.count) criteria", mark: list.mark)
                    }
                    result.frameworks[index].points = points
                }
            default:
                break
            }
        }
        for required in ["answers", "scores", "criteria"] where !seen.contains(required) {
            throw Problem(message: "'\(required)' is missing", mark: node.mark)
        }
        if let winner = result.winner, result.score(of: winner) == nil {
            throw Problem(message: "the winner '\(TextSanitizer.inert(winner))' has no score", mark: node.mark)
        }
        return result
    }

    private static func answers(_ node: YAMLNode) throws(Problem) -> [Answer] {
        var result: [Answer] = []
        for (question, answer) in try mapping(node, "'answers' must map question ids to answers") {
            let id = try string(question, "question ids must be plain words")
            switch answer {
            case .scalar(let scalar):
                result.append(Answer(question: id, values: [scalar.string], isList: false))
            case .sequence(let items):
                var values: [String] = []
                for item in items { values.append(try string(item, "answers to '\(id)' must be plain values")) }
                result.append(Answer(question: id, values: values, isList: true))
            case .mapping:
                throw Problem(message: "the answer to '\(id)' must be a value or a list of values", mark: answer.mark)
            }
        }
        return result
    }

    private static func mapping(_ node: YAMLNode, _ message: String) throws(Problem) -> YAMLNode.Mapping {
        guard case .mapping(let mapping) = node else { throw Problem(message: message, mark: node.mark) }
        return mapping
    }

    private static func string(_ node: YAMLNode, _ message: String) throws(Problem) -> String {
        guard case .scalar(let scalar) = node else { throw Problem(message: message, mark: node.mark) }
        return scalar.string
    }

    private static func strings(_ node: YAMLNode, _ message: String) throws(Problem) -> [String] {
        guard case .sequence(let items) = node else { throw Problem(message: message, mark: node.mark) }
        var result: [String] = []
        for item in items { result.append(try string(item, message)) }
        return result
    }

    private static func number(_ node: YAMLNode, _ what: String) throws(Problem) -> Double {
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Double(scalar.string),
              value.isFinite else {
            throw Problem(message: "\(TextSanitizer.inert(what)) must be a number", mark: node.mark)
        }
        return value
    }
}

extension RecordMetadata {
    /// Largest record read, in bytes.
    public static let maximumRecordSize = 4 * 1024 * 1024

    /// The record at `path`: its text, when it could be read, and its metadata.
    public static func read(path: String) -> (text: String?, reading: Reading) {
        switch RawFile.load(path, limit: maximumRecordSize) {
        case .bytes(let bytes):
            var body = bytes[...]
            if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
            guard let text = String(validating: body, as: UTF8.self) else {
                return (nil, .malformed("\(path):1:1: error: the record is not valid UTF-8"))
            }
            return (text, read(text, path: path))
        case .tooLarge:
            return (nil, .malformed("\(path): error: the record is more than \(maximumRecordSize) bytes"))
        case .unreadable:
            return (nil, .malformed("\(path): error: cannot read the record"))
        }
    }
}
