/// Parses an expression by recursive descent.
///
///     expr    := and ('or' and)*
///     and     := unary ('and' unary)*
///     unary   := 'not' unary | compare
///     compare := primary (OP primary | 'in' list | 'contains' primary)?
///     primary := IDENT | STRING | NUMBER | 'true' | 'false' | '(' expr ')'
///     list    := '[' (primary (',' primary)*)? ']'
public struct ExpressionParser {
    /// How deeply parentheses and `not` may nest before the parser refuses the expression.
    public static let maximumDepth = 64
    /// The longest expression text accepted, in Unicode scalars.
    public static let maximumLength = 1_024

    private let tokens: [Token]
    private var index = 0
    private var depth = 0

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses `text`, or throws the first syntax error with its offset.
    public static func parse(_ text: String) throws(ExpressionError) -> Expr {
        let length = text.unicodeScalars.count
        guard length <= maximumLength else {
            throw ExpressionError("expression is \(length) characters long; the limit is \(maximumLength)", at: 0)
        }
        var parser = ExpressionParser(tokens: try Lexer.tokenize(text))
        if parser.current.kind == .end {
            throw ExpressionError("empty condition", at: 0)
        }
        let expr = try parser.parseOr()
        guard parser.current.kind == .end else {
            throw ExpressionError("unexpected \(parser.current.kind.describe) after the end of the condition",
                                  at: parser.current.offset)
        }
        return expr
    }

    private var current: Token { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.maximumDepth {
            throw ExpressionError("condition nests more than \(Self.maximumDepth) levels deep", at: current.offset)
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expr {
        var lhs = try parseAnd()
        while current.kind == .keyword(.or) {
            advance()
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expr {
        var lhs = try parseUnary()
        while current.kind == .keyword(.and) {
            advance()
            lhs = .and(lhs, try parseUnary())
        }
        return lhs
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expr {
        if current.kind == .keyword(.not) {
            let offset = current.offset
            advance()
            try enter()
            defer { depth -= 1 }
            return .not(try parseUnary(), at: offset)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expr {
        let lhs = try parsePrimary()
        let offset = current.offset
        switch current.kind {
        case .compare(let op):
            advance()
            return .compare(lhs, op, try parsePrimary(), at: offset)
        case .keyword(.in):
            advance()
            return .member(lhs, try parseList(), at: offset)
        case .keyword(.contains):
            advance()
            return .contains(lhs, try parsePrimary(), at: offset)
        default:
            return lhs
        }
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expr {
        let token = current
        switch token.kind {
        case .identifier(let name): advance(); return .identifier(name, at: token.offset)
        case .string(let value): advance(); return .string(value, at: token.offset)
        case .number(let value): advance(); return .number(value, at: token.offset)
        case .keyword(.true): advance(); return .bool(true, at: token.offset)
        case .keyword(.false): advance(); return .bool(false, at: token.offset)
        case .leftParen:
            advance()
            try enter()
            defer { depth -= 1 }
            let inner = try parseOr()
            guard current.kind == .rightParen else {
                throw ExpressionError("expected ')' to close the '(' at column \(token.offset + 1)", at: current.offset)
            }
            advance()
            return inner
        default:
            throw ExpressionError("expected a question, fact or value, found \(token.kind.describe)", at: token.offset)
        }
    }

    private mutating func parseList() throws(ExpressionError) -> [Expr] {
        guard current.kind == .leftBracket else {
            throw ExpressionError("expected '[' after 'in'", at: current.offset)
        }
        let open = current.offset
        advance()
        var items: [Expr] = []
        if current.kind == .rightBracket {
            throw ExpressionError("empty list after 'in'", at: current.offset)
        }
        while true {
            items.append(try parsePrimary())
            if current.kind == .comma { advance(); continue }
            if current.kind == .rightBracket { advance(); return items }
            throw ExpressionError("expected ',' or ']' in the list opened at column \(open + 1)", at: current.offset)
        }
    }
}

extension Token.Kind {
    var describe: String {
        switch self {
        case .identifier(let name): "'\(name)'"
        case .string(let value): "\"\(value)\""
        case .number(let value): "\(value)"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .compare(let op): "'\(op.rawValue)'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .comma: "','"
        case .end: "the end of the condition"
        }
    }
}
