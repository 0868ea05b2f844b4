/// The syntax tree of a condition such as `project_type == "api" or architecture == "microservices"`.
///
/// Offsets count Unicode scalars from the start of the expression text, so that a diagnostic
/// can point at the exact token inside a YAML scalar.
public indirect enum Expr: Hashable, Sendable {
    case identifier(String, at: Int)
    case string(String, at: Int)
    case number(Double, at: Int)
    case bool(Bool, at: Int)
    case not(Expr, at: Int)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, CompareOperator, Expr, at: Int)
    case member(Expr, [Expr], at: Int)
    case contains(Expr, Expr, at: Int)

    /// Where the expression starts.
    public var offset: Int {
        switch self {
        case .identifier(_, let at), .string(_, let at), .number(_, let at), .bool(_, let at), .not(_, let at):
            return at
        case .and(let lhs, _), .or(let lhs, _), .compare(let lhs, _, _, _), .member(let lhs, _, _),
             .contains(let lhs, _, _):
            return lhs.offset
        }
    }
}

/// A comparison operator.
public enum CompareOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether the operator holds between two ordinals.
    public func holds(_ lhs: Int, _ rhs: Int) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }

    /// Whether the operator holds between two numbers.
    public func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }

    /// The operator with its operands swapped: `a < b` is `b > a`.
    public var mirrored: CompareOperator {
        switch self {
        case .equal, .notEqual: self
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}
