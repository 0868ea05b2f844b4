/// Kleene's three-valued truth: an unanswered question makes a condition *unknown*, not false.
public enum Tri: UInt8, Hashable, Sendable, Codable, CustomStringConvertible {
    case `false` = 0
    case unknown = 1
    case `true` = 2

    public init(_ value: Bool) { self = value ? .true : .false }

    public static prefix func ! (value: Tri) -> Tri {
        Tri(rawValue: 2 - value.rawValue) ?? .unknown
    }

    /// Kleene conjunction: the minimum in false < unknown < true.
    public static func && (lhs: Tri, rhs: Tri) -> Tri {
        lhs.rawValue < rhs.rawValue ? lhs : rhs
    }

    /// Kleene disjunction: the maximum in false < unknown < true.
    public static func || (lhs: Tri, rhs: Tri) -> Tri {
        lhs.rawValue > rhs.rawValue ? lhs : rhs
    }

    public var description: String {
        switch self {
        case .false: "false"
        case .unknown: "unknown"
        case .true: "true"
        }
    }
}
