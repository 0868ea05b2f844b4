/// A token of the expression language.
public struct Token: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case identifier(String)
        case string(String)
        case number(Double)
        case keyword(Keyword)
        case compare(CompareOperator)
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    public enum Keyword: String, Hashable, Sendable {
        case and, or, not, `in`, contains, `true`, `false`
    }

    public var kind: Kind
    /// Offset of the token's first scalar in the expression text.
    public var offset: Int
}

/// A problem in an expression, with the offset of the scalar it points at.
public struct ExpressionError: Error, Hashable, Sendable {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}
