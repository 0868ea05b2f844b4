internal import CYaml

/// Builds the YAML tree straight from libyaml's events: the knowledge loader's fast path.
///
/// Yams' composer allocates an event object and a tag object per node, decodes every scalar
/// through Foundation and checks duplicate keys by hashing whole nodes; on large knowledge bases
/// that is most of the load. This composer builds the loader's own `YAMLNode` trees, decodes
/// scalars directly and checks duplicate keys by their text. It gives up (`.fallback`) on
/// anything it doesn't handle exactly like the loader's Yams path (syntax errors, anchors,
/// aliases, explicit tags, merge keys, duplicate or non-scalar keys, several documents, the size
/// limits), and the caller then composes the file with Yams, which reports such problems with
/// their positions as before.
enum FastComposer {
    enum Outcome {
        case empty
        case root(YAMLNode)
        /// Past `YAMLLimits.maximumNodes`: stopped there, rather than composing the rest with Yams.
        case tooManyNodes(YAMLNode.Mark)
        case fallback
    }

    private enum Frame {
        case sequence(YAMLNode.Mark, [YAMLNode])
        case mapping(YAMLNode.Mark, [(key: YAMLNode, value: YAMLNode)], key: YAMLNode?, keys: KeySet)
    }

    /// A mapping's keys so far, to find a repeated one: a short list searched in order (hashing
    /// every key of every small mapping cost more), then a set past `listLimit` keys.
    struct KeySet {
        static let listLimit = 16
        private var list: [String] = []
        private var set: Set<String> = []

        /// Adds `key`; false if it was already there.
        mutating func insert(_ key: String) -> Bool {
            if list.count < Self.listLimit {
                if list.contains(key) { return false }
                list.append(key)
                if list.count == Self.listLimit { set = Set(list) }
                return true
            }
            return set.insert(key).inserted
        }
    }

    static func compose(_ text: String) -> Outcome {
        var text = text
        return text.withUTF8 { buffer in compose(buffer) }
    }

    private static func compose(_ buffer: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .fallback }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var stack: [Frame] = []
        var root: YAMLNode?
        var documents = 0
        var nodes = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .fallback }
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
                if documents > 1 { return .fallback }
                continue
            case YAML_ALIAS_EVENT:
                return .fallback
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.anchor == nil, scalar.tag == nil || scalar.quoted_implicit == 1 else { return .fallback }
                let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: Int(scalar.length)),
                                   as: UTF8.self)
                let style: YAMLNode.Scalar.Style
                switch scalar.style {
                case YAML_PLAIN_SCALAR_STYLE: style = .plain
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: return .fallback
                }
                finished = .scalar(.init(string: value, style: style, mark: mark))
            case YAML_SEQUENCE_START_EVENT:
                let start = event.data.sequence_start
                guard start.anchor == nil, start.tag == nil || start.implicit == 1, stack.count < YAMLLimits.maximumDepth - 1
                else { return .fallback }
                stack.append(.sequence(mark, []))
            case YAML_MAPPING_START_EVENT:
                let start = event.data.mapping_start
                guard start.anchor == nil, start.tag == nil || start.implicit == 1, stack.count < YAMLLimits.maximumDepth - 1
                else { return .fallback }
                stack.append(.mapping(mark, [], key: nil, keys: KeySet()))
            case YAML_SEQUENCE_END_EVENT:
                guard let frame = stack.popLast(), case .sequence(let start, let items) = frame else { return .fallback }
                finished = .sequence(.init(items: items, mark: start))
            case YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast(), case .mapping(let start, let pairs, let key, _) = frame, key == nil else {
                    return .fallback
                }
                finished = .mapping(.init(pairs: pairs, mark: start))
            default:
                return .fallback
            }
            guard let node = finished else { continue }
            nodes += 1
            if nodes > YAMLLimits.maximumNodes { return .tooManyNodes(node.mark) }
            // Attach the finished node to its parent.
            switch stack.popLast() {
            case nil:
                guard root == nil else { return .fallback }
                root = node
            case .sequence(let start, var items)?:
                items.append(node)
                stack.append(.sequence(start, items))
            case .mapping(let start, var pairs, let key, var keys)?:
                if let key {
                    pairs.append((key: key, value: node))
                    stack.append(.mapping(start, pairs, key: nil, keys: keys))
                } else {
                    guard case .scalar(let scalar) = node, scalar.string != "<<", keys.insert(scalar.string)
                    else { return .fallback }
                    stack.append(.mapping(start, pairs, key: node, keys: keys))
                }
            }
        }
    }
}
