/// Splits an expression into tokens.
public struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    public init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    /// Every token of the text, ending with `.end`.
    public static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(text)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while position < scalars.count, scalars[position].properties.isWhitespace {
            position += 1
        }
        let start = position
        guard position < scalars.count else { return Token(kind: .end, offset: start) }
        let scalar = scalars[position]
        switch scalar {
        case "(": position += 1; return Token(kind: .leftParen, offset: start)
        case ")": position += 1; return Token(kind: .rightParen, offset: start)
        case "[": position += 1; return Token(kind: .leftBracket, offset: start)
        case "]": position += 1; return Token(kind: .rightBracket, offset: start)
        case ",": position += 1; return Token(kind: .comma, offset: start)
        case "=", "!", "<", ">":
            return try comparison(start: start)
        case "\"", "'":
            return try string(quote: scalar, start: start)
        default:
            if scalar.isASCIIDigit || (scalar == "-" && peekIsDigit(at: position + 1)) || scalar == "." {
                return try number(start: start)
            }
            if scalar.isIdentifierStart {
                while position < scalars.count, scalars[position].isIdentifierPart { position += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<position]))
                if let keyword = Token.Keyword(rawValue: word) {
                    return Token(kind: .keyword(keyword), offset: start)
                }
                return Token(kind: .identifier(word), offset: start)
            }
            throw ExpressionError("unexpected character '\(Character(scalar))'", at: start)
        }
    }

    private func peekIsDigit(at index: Int) -> Bool {
        index < scalars.count && scalars[index].isASCIIDigit
    }

    private mutating func comparison(start: Int) throws(ExpressionError) -> Token {
        let first = scalars[position]
        let hasEquals = position + 1 < scalars.count && scalars[position + 1] == "="
        position += hasEquals ? 2 : 1
        switch (first, hasEquals) {
        case ("=", true): return Token(kind: .compare(.equal), offset: start)
        case ("!", true): return Token(kind: .compare(.notEqual), offset: start)
        case ("<", false): return Token(kind: .compare(.less), offset: start)
        case ("<", true): return Token(kind: .compare(.lessOrEqual), offset: start)
        case (">", false): return Token(kind: .compare(.greater), offset: start)
        case (">", true): return Token(kind: .compare(.greaterOrEqual), offset: start)
        case ("=", false): throw ExpressionError("'=' is not an operator; use '==' to compare", at: start)
        default: throw ExpressionError("'!' is not an operator; use 'not' or '!='", at: start)
        }
    }

    private mutating func string(quote: Unicode.Scalar, start: Int) throws(ExpressionError) -> Token {
        position += 1
        var value = String.UnicodeScalarView()
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == quote {
                position += 1
                return Token(kind: .string(String(value)), offset: start)
            }
            if scalar == "\\", position + 1 < scalars.count {
                position += 1
                value.append(scalars[position])
            } else {
                value.append(scalar)
            }
            position += 1
        }
        throw ExpressionError("unterminated string", at: start)
    }

    private mutating func number(start: Int) throws(ExpressionError) -> Token {
        position += 1
        while position < scalars.count,
              scalars[position].isASCIIDigit || scalars[position] == "." || scalars[position] == "e"
                || scalars[position] == "E" {
            position += 1
        }
        let text = String(String.UnicodeScalarView(scalars[start..<position]))
        guard let value = Double(text), value.isFinite else {
            throw ExpressionError("'\(text)' is not a valid number", at: start)
        }
        return Token(kind: .number(value), offset: start)
    }
}

extension Unicode.Scalar {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isIdentifierStart: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_" }
    var isIdentifierPart: Bool { isIdentifierStart || isASCIIDigit || self == "-" }
}
