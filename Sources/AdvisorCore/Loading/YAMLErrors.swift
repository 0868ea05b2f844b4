import Yams

/// Turns Yams' errors into diagnostics at their position.
enum YAMLErrors {
    static func diagnostic(for error: YamlError, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: path, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            if problem.contains("Maximum nesting level") || context?.text.contains("Maximum nesting level") == true {
                // libyaml stops at 1,000 levels; the loader's own limit is lower, and says so plainly.
                return .error("YAML nests more than \(YAMLLimits.maximumDepth) levels deep", at: at(mark))
            }
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line))" }
            return .error(message, at: at(mark))
        case .reader(let problem, _, _, _):
            return .error("cannot read YAML: \(problem)", at: SourceLocation(file: path, line: 1, column: 1))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("duplicate key \(keys) in one mapping", at: at(context.mark))
        default:
            return .error("invalid YAML", at: SourceLocation(file: path, line: 1, column: 1))
        }
    }
}

/// Composes one YAML document and checks its structural limits while the parser, which keeps
/// anchors alive, still exists.
enum YAMLDocument {
    enum Outcome {
        case empty
        case root(YAMLNode)
        case limit(YAMLLimits.Problem)
    }

    /// `kind` names the input in messages, as in "knowledge files" or "answers files".
    static func compose(_ text: String, kind: String = "knowledge files") throws -> Outcome {
        let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
        return try withExtendedLifetime(parser) {
            guard let root = try parser.singleRoot() else { return .empty }
            if let problem = YAMLLimits.check(root, kind: kind) { return .limit(problem) }
            return .root(YAMLNode(root))
        }
    }
}

/// Structural limits on a YAML tree, checked before it is read.
///
/// Anchors and aliases are refused: knowledge is meant to be read by people, and refusing them
/// makes an alias bomb ("billion laughs") harmless.
enum YAMLLimits {
    static let maximumDepth = 32
    static let maximumNodes = 100_000

    struct Problem {
        var message: String
        var mark: Mark?
    }

    static func check(_ root: Node, kind: String = "knowledge files") -> Problem? {
        var stack: [(Node, Int)] = [(root, 1)]
        var count = 0
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > maximumNodes {
                return Problem(message: "file has more than \(maximumNodes) YAML nodes", mark: node.mark)
            }
            if depth > maximumDepth {
                return Problem(message: "YAML nests more than \(maximumDepth) levels deep", mark: node.mark)
            }
            if node.anchor != nil {
                return Problem(message: "YAML anchors and aliases are not supported in \(kind); "
                               + "write the value out", mark: node.mark)
            }
            switch node {
            case .alias:
                return Problem(message: "YAML anchors and aliases are not supported in \(kind); "
                               + "write the value out", mark: node.mark)
            case .mapping(let mapping):
                for (key, value) in mapping {
                    if key.scalar?.string == "<<" {
                        return Problem(message: "YAML merge keys ('<<') are not supported in \(kind)",
                                       mark: key.mark)
                    }
                    stack.append((value, depth + 1))
                    stack.append((key, depth + 1))
                }
            case .sequence(let sequence):
                for item in sequence { stack.append((item, depth + 1)) }
            case .scalar:
                break
            }
        }
        return nil
    }
}
