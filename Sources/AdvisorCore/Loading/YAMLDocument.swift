import CLibYAML

/// Composes one YAML document into a `YAMLNode` tree, straight from libyaml's events, with the
/// loader's limits checked as the events arrive: nothing past them is ever built.
///
/// Knowledge, answers and pairwise files are data for people to read, so some YAML is refused with
/// its position: anchors and aliases (which also makes an alias bomb harmless), merge keys (`<<`),
/// tags other than `!!str`, a key given twice in one mapping, more than one document, nesting past
/// `maximumDepth` and more than `maximumNodes` nodes. libyaml's own errors keep its wording.
enum YAMLDocument {
    static let maximumDepth = 32
    static let maximumNodes = 100_000

    struct Problem: Error {
        var message: String
        var mark: YAMLNode.Mark
    }

    enum Outcome {
        case empty
        case root(YAMLNode)
        case problem(Problem)
    }

    private enum Frame {
        case sequence(YAMLNode.Mark, [YAMLNode])
        case mapping(YAMLNode.Mark, [(key: YAMLNode, value: YAMLNode)], key: YAMLNode?, keys: [String: YAMLNode.Mark])
    }

    /// `kind` names the input in messages, as in "knowledge files" or "answers files".
    static func compose(_ text: String, kind: String = "knowledge files") -> Outcome {
        var text = text
        return text.withUTF8 { buffer in
            do throws(Problem) {
                return try compose(buffer, kind: kind)
            } catch {
                return .problem(error)
            }
        }
    }

    private static func compose(_ buffer: UnsafeBufferPointer<UInt8>, kind: String) throws(Problem) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Problem(message: "cannot read YAML: out of memory", mark: .init(line: 1, column: 1))
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var nodes = 0
        var event = yaml_event_t()
        func refused(_ what: String, _ mark: YAMLNode.Mark) -> Problem {
            Problem(message: "YAML \(what) are not supported in \(kind); write the value out", mark: mark)
        }
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { throw error(of: parser) }
            defer { yaml_event_delete(&event) }
            let mark = YAMLNode.Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: YAMLNode?
            switch event.type {
            case YAML_STREAM_START_EVENT, YAML_DOCUMENT_END_EVENT:
                continue
            case YAML_STREAM_END_EVENT:
                return root.map(Outcome.root) ?? .empty
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw Problem(message: "invalid YAML: but found another document (expected a single document "
                                  + "in the stream at line 1)", mark: mark)
                }
                continue
            case YAML_ALIAS_EVENT:
                throw refused("anchors and aliases", mark)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { throw refused("anchors and aliases", mark) }
                try checkTag(scalar.tag, implicit: scalar.plain_implicit == 1 || scalar.quoted_implicit == 1,
                             kind: kind, mark: mark)
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                                   as: UTF8.self)
                let style: YAMLNode.Scalar.Style = switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
                finished = .scalar(.init(string: value, style: style, mark: mark))
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isSequence = event.type == YAML_SEQUENCE_START_EVENT
                let anchor = isSequence ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                let tag = isSequence ? event.data.sequence_start.tag : event.data.mapping_start.tag
                let implicit = isSequence ? event.data.sequence_start.implicit : event.data.mapping_start.implicit
                if anchor != nil { throw refused("anchors and aliases", mark) }
                try checkTag(tag, implicit: implicit == 1, kind: kind, mark: mark)
                if stack.count + 1 > maximumDepth {
                    throw Problem(message: "YAML nests more than \(maximumDepth) levels deep", mark: mark)
                }
                stack.append(isSequence ? .sequence(mark, []) : .mapping(mark, [], key: nil, keys: [:]))
            case YAML_SEQUENCE_END_EVENT:
                guard case .sequence(let start, let items)? = stack.popLast() else { throw unexpected(mark) }
                finished = .sequence(.init(items: items, mark: start))
            case YAML_MAPPING_END_EVENT:
                guard case .mapping(let start, let pairs, nil, _)? = stack.popLast() else { throw unexpected(mark) }
                finished = .mapping(.init(pairs: pairs, mark: start))
            default:
                continue
            }
            guard let node = finished else { continue }
            nodes += 1
            if nodes > maximumNodes {
                throw Problem(message: "file has more than \(maximumNodes) YAML nodes", mark: node.mark)
            }
            switch stack.popLast() {
            case nil:
                root = node
            case .sequence(let start, var items)?:
                items.append(node)
                stack.append(.sequence(start, items))
            case .mapping(let start, var pairs, let key, var keys)?:
                if let key {
                    pairs.append((key: key, value: node))
                    stack.append(.mapping(start, pairs, key: nil, keys: keys))
                } else {
                    if case .scalar(let scalar) = node {
                        if scalar.string == "<<" && scalar.style == .plain {
                            throw Problem(message: "YAML merge keys ('<<') are not supported in \(kind)",
                                          mark: scalar.mark)
                        }
                        if let first = keys[scalar.string] {
                            throw Problem(message: "duplicate key '\(TextSanitizer.inert(scalar.string))' in one "
                                          + "mapping", mark: first)
                        }
                        keys[scalar.string] = scalar.mark
                    }
                    stack.append(.mapping(start, pairs, key: node, keys: keys))
                }
            }
        }
    }

    /// The core schema's tags (`!!str`, `!!int`, …) are accepted: every value is read as its text
    /// anyway. Other tags ask for types the advisor does not have, and are refused.
    private static func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, implicit: Bool, kind: String,
                                 mark: YAMLNode.Mark) throws(Problem) {
        guard let tag, !implicit else { return }
        let name = String(cString: tag)
        let core = ["str", "int", "float", "bool", "null", "seq", "map"].map { "tag:yaml.org,2002:" + $0 }
        if name == "!" || core.contains(name) { return }
        throw Problem(message: "YAML tags such as '\(TextSanitizer.inert(name))' are not supported in \(kind)",
                      mark: mark)
    }

    private static func unexpected(_ mark: YAMLNode.Mark) -> Problem {
        Problem(message: "invalid YAML: unexpected end of a collection", mark: mark)
    }

    /// libyaml's error, worded as libyaml words it, at its position.
    private static func error(of parser: yaml_parser_t) -> Problem {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return Problem(message: "cannot read YAML: out of memory", mark: .init(line: 1, column: 1))
        case YAML_READER_ERROR:
            return Problem(message: "cannot read YAML: \(problem)", mark: .init(line: 1, column: 1))
        default:
            var message = "invalid YAML: \(problem)"
            if let context = parser.context {
                message += " (\(String(cString: context)) at line \(parser.context_mark.line + 1))"
            }
            return Problem(message: message, mark: .init(line: Int(parser.problem_mark.line) + 1,
                                                         column: Int(parser.problem_mark.column) + 1))
        }
    }
}
