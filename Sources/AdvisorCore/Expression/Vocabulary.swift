/// What an identifier in a condition names. The type checker needs nothing else from the knowledge base.
public enum IdentifierKind: Hashable, Sendable {
    /// A single-choice question; `ordered` for scale questions, which compare by option order.
    case choice(index: Int, values: [String], ordered: Bool)
    /// A multi-choice question.
    case multi(index: Int, values: [String])
    /// A yes/no question.
    case yesNo(index: Int)
    /// A derived fact asserted by rules.
    case fact(index: Int)
}

/// Maps identifiers to what they name.
public protocol ExpressionVocabulary {
    func kind(of identifier: String) -> IdentifierKind?
    /// Every identifier, for "did you mean" suggestions.
    var identifiers: [String] { get }
}
