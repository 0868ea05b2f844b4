/// A YAML tree as the loader reads it: scalars with their text, style and position, mappings as
/// ordered pairs, and sequences.
///
/// `YAMLDocument` builds these trees from libyaml's events; anchors and aliases never reach here.
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
