internal import CYaml
import Yams

/// Builds the YAML tree straight from libyaml's events: the knowledge loader's fast path.
///
/// Yams' composer allocates an event object and a tag object per node, decodes every scalar
/// through Foundation and checks duplicate keys by hashing whole nodes; on large knowledge bases
/// that is most of the load. This composer shares two tag objects, decodes scalars directly and
/// checks duplicate keys by their text. It gives up (`.fallback`) on anything it doesn't handle
/// exactly like the loader's Yams path (syntax errors, anchors, aliases, explicit tags, merge
/// keys, duplicate or non-scalar keys, several documents, the size limits), and the caller then
/// composes the file with Yams, which reports such problems with their positions as before.
enum FastComposer {
    enum Outcome {
        case empty
        case root(Node)
        /// Past `YAMLLimits.maximumNodes`: stopped there, rather than composing the rest with Yams.
        case tooManyNodes(Mark)
        case fallback
    }

    private enum Frame {
        case sequence(Mark, [Node])
        case mapping(Mark, [(Node, Node)], key: Node?, keys: KeySet)
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

    /// Yams' `Mark` (line and column) has no public initializer. It is a struct of two `Int`s;
    /// marks are made by reinterpreting a pair, and only if a trial run shows that the layout
    /// matches (otherwise every file takes Yams' path).
    static func mark(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }

    static let marksWork: Bool = {
        guard MemoryLayout<Mark>.size == MemoryLayout<(Int, Int)>.size,
              MemoryLayout<Mark>.alignment == MemoryLayout<(Int, Int)>.alignment else { return false }
        let trial = mark(line: 3, column: 7)
        return trial.line == 3 && trial.column == 7
    }()

    static func compose(_ text: String) -> Outcome {
        guard marksWork else { return .fallback }
        var text = text
        return text.withUTF8 { buffer in compose(buffer) }
    }

    private static func compose(_ buffer: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .fallback }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        let plainTag = Tag(.implicit, .basic, .default)
        let stringTag = Tag(.str, .basic, .default)
        var stack: [Frame] = []
        var root: Node?
        var documents = 0
        var nodes = 0
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else { return .fallback }
            defer { yaml_event_delete(&event) }
            let mark = Self.mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            var finished: Node?
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
                guard let style = Node.Scalar.Style(rawValue: numericCast(scalar.style.rawValue)) else {
                    return .fallback
                }
                finished = .scalar(.init(value, scalar.quoted_implicit == 1 ? stringTag : plainTag, style, mark))
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
                finished = .sequence(.init(items, plainTag, .any, start))
            case YAML_MAPPING_END_EVENT:
                guard let frame = stack.popLast(), case .mapping(let start, let pairs, let key, _) = frame, key == nil else {
                    return .fallback
                }
                finished = .mapping(.init(pairs, plainTag, .any, start))
            default:
                return .fallback
            }
            guard let node = finished else { continue }
            nodes += 1
            if nodes > YAMLLimits.maximumNodes { return .tooManyNodes(node.mark ?? Self.mark(line: 1, column: 1)) }
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
                    pairs.append((key, node))
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
