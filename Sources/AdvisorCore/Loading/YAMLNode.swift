import Yams

/// A YAML tree as the loader reads it: scalars with their text, style and position, mappings as
/// ordered pairs, and sequences.
///
/// The loader's own type rather than Yams' `Node`: Yams is a separate module, so every copy of
/// one of its nodes went through the runtime's generic value witnesses, and on a large knowledge
/// base copying nodes was a fifth of the load. A tree Yams composed is converted once.
/// Anchors and aliases never reach here: `YAMLLimits` refuses them first.
enum YAMLNode {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A position in the file, 1-based.
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar {
        enum Style: Equatable {
            case plain, singleQuoted, doubleQuoted, literal, folded
        }

        var string: String
        var style: Style
        var mark: Mark
    }

    /// The pairs in file order.
    struct Mapping: RandomAccessCollection {
        var pairs: [(key: YAMLNode, value: YAMLNode)]
        var mark: Mark

        var startIndex: Int { 0 }
        var endIndex: Int { pairs.count }
        subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
    }

    struct Sequence: RandomAccessCollection {
        var items: [YAMLNode]
        var mark: Mark

        var startIndex: Int { 0 }
        var endIndex: Int { items.count }
        subscript(position: Int) -> YAMLNode { items[position] }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}

extension YAMLNode {
    /// The same tree as a Yams node (an alias, which `YAMLLimits` refuses before this, becomes an
    /// empty scalar).
    init(_ node: Node) {
        let mark = node.mark.map { Mark(line: $0.line, column: $0.column) } ?? Mark(line: 1, column: 1)
        switch node {
        case .scalar(let scalar):
            let style: Scalar.Style = switch scalar.style {
            case .singleQuoted: .singleQuoted
            case .doubleQuoted: .doubleQuoted
            case .literal: .literal
            case .folded: .folded
            default: .plain
            }
            self = .scalar(Scalar(string: scalar.string, style: style, mark: mark))
        case .mapping(let mapping):
            self = .mapping(Mapping(pairs: mapping.map { (YAMLNode($0.key), YAMLNode($0.value)) }, mark: mark))
        case .sequence(let sequence):
            self = .sequence(Sequence(items: sequence.map(YAMLNode.init), mark: mark))
        case .alias:
            self = .scalar(Scalar(string: "", style: .plain, mark: mark))
        }
    }
}
