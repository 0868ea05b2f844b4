/// Checks a parsed condition against the vocabulary and compiles it to a `Condition`.
///
/// Comparing a question with a value it doesn't offer is an error at the value's offset,
/// with a "did you mean" suggestion.
public struct TypeChecker<Vocabulary: ExpressionVocabulary> {
    public let vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    /// Compiles `expr`, which must be a condition (a truth value).
    public func check(_ expr: Expr) throws(ExpressionError) -> Condition {
        switch expr {
        case .identifier(let name, let at):
            switch try lookup(name, at: at) {
            case .fact(let index): return .fact(index)
            case .yesNo(let index): return .yes(question: index)
            case .choice(_, let values, let ordered):
                let example = values.first.map { " == \"\($0)\"" } ?? ""
                let kind = ordered ? "scale" : "choice"
                throw ExpressionError("'\(name)' is a \(kind) question, not a condition; compare it, as in "
                                      + "'\(name)\(example)'", at: at)
            case .multi(_, let values):
                let example = values.first.map { " contains \"\($0)\"" } ?? ""
                throw ExpressionError("'\(name)' is a multi-choice question, not a condition; test it, as in "
                                      + "'\(name)\(example)'", at: at)
            }
        case .bool(let value, _):
            return .constant(Tri(value))
        case .string(_, let at), .number(_, let at):
            throw ExpressionError("a value alone is not a condition", at: at)
        case .not(let inner, _):
            return .not(try check(inner))
        case .and:
            return .all(try flatten(expr, isAnd: true).map { (part) throws(ExpressionError) in try check(part) })
        case .or:
            return .any(try flatten(expr, isAnd: false).map { (part) throws(ExpressionError) in try check(part) })
        case .compare(let lhs, let op, let rhs, let at):
            return try compare(lhs, op, rhs, at: at)
        case .member(let lhs, let items, let at):
            return try member(lhs, items, at: at)
        case .contains(let lhs, let rhs, let at):
            return try contains(lhs, rhs, at: at)
        }
    }

    // MARK: - Helpers

    private func lookup(_ name: String, at offset: Int) throws(ExpressionError) -> IdentifierKind {
        if let kind = vocabulary.kind(of: name) { return kind }
        guard let suggestion = Suggestion.closest(to: name, in: vocabulary.identifiers) else {
            throw ExpressionError("'\(name)' is neither a question nor a fact that any rule asserts", at: offset)
        }
        let what = if case .fact = vocabulary.kind(of: suggestion) { "fact" } else { "question" }
        throw ExpressionError("unknown \(what) '\(name)'; did you mean '\(suggestion)'?", at: offset)
    }

    private func flatten(_ expr: Expr, isAnd: Bool) -> [Expr] {
        var parts: [Expr] = []
        var stack = [expr]
        while let next = stack.popLast() {
            switch next {
            case .and(let lhs, let rhs) where isAnd: stack.append(rhs); stack.append(lhs)
            case .or(let lhs, let rhs) where !isAnd: stack.append(rhs); stack.append(lhs)
            default: parts.append(next)
            }
        }
        return parts
    }

    private func option(_ value: Expr, of name: String, in values: [String]) throws(ExpressionError) -> Int {
        guard case .string(let text, let at) = value else {
            throw ExpressionError("'\(name)' takes a quoted value: \(Self.list(values))", at: value.offset)
        }
        guard let index = values.firstIndex(of: text) else {
            let hint = Suggestion.closest(to: text, in: values).map { "; did you mean \"\($0)\"?" } ?? ""
            throw ExpressionError("'\(name)' has no value \"\(text)\"\(hint) (allowed: \(Self.list(values)))", at: at)
        }
        return index
    }

    static func list(_ values: [String]) -> String {
        values.joined(separator: ", ")
    }

    private func compare(_ lhs: Expr, _ op: CompareOperator, _ rhs: Expr, at: Int) throws(ExpressionError)
        -> Condition {
        // Put the identifier on the left.
        if case .identifier = rhs, !isIdentifier(lhs) {
            return try compare(rhs, op.mirrored, lhs, at: at)
        }
        guard case .identifier(let name, let nameAt) = lhs else {
            return try foldLiterals(lhs, op, rhs, at: at)
        }
        if case .identifier = rhs {
            throw ExpressionError("compare a question with a value, not with another question or fact", at: at)
        }
        switch try lookup(name, at: nameAt) {
        case .choice(_, let values, let ordered) where !ordered && op != .equal && op != .notEqual:
            _ = values
            throw ExpressionError("'\(op.rawValue)' needs a scale question; '\(name)' is a choice question "
                                  + "(use '==', '!=' or 'in')", at: at)
        case .choice(let index, let values, _):
            let target = try option(rhs, of: name, in: values)
            var mask: UInt64 = 0
            for ordinal in values.indices where op.holds(ordinal, target) {
                mask |= 1 << UInt64(ordinal)
            }
            return .choiceIn(question: index, mask: mask)
        case .multi(_, let values):
            let example = values.first.map { " contains \"\($0)\"" } ?? ""
            throw ExpressionError("'\(name)' is a multi-choice question; test it with 'contains', as in "
                                  + "'\(name)\(example)'", at: at)
        case .yesNo(let index):
            return try truth(.yes(question: index), name: name, op, rhs, at: at, acceptsYesNo: true)
        case .fact(let index):
            return try truth(.fact(index), name: name, op, rhs, at: at, acceptsYesNo: false)
        }
    }

    private func truth(_ base: Condition, name: String, _ op: CompareOperator, _ rhs: Expr, at: Int,
                       acceptsYesNo: Bool) throws(ExpressionError) -> Condition {
        guard op == .equal || op == .notEqual else {
            throw ExpressionError("'\(op.rawValue)' needs a scale question; '\(name)' is true or false", at: at)
        }
        let value: Bool
        switch rhs {
        case .bool(let flag, _): value = flag
        case .string("yes", _) where acceptsYesNo: value = true
        case .string("no", _) where acceptsYesNo: value = false
        default:
            throw ExpressionError("'\(name)' is true or false; compare it with true or false", at: rhs.offset)
        }
        return (value == (op == .equal)) ? base : .not(base)
    }

    private func foldLiterals(_ lhs: Expr, _ op: CompareOperator, _ rhs: Expr, at: Int) throws(ExpressionError)
        -> Condition {
        switch (lhs, rhs) {
        case (.number(let a, _), .number(let b, _)):
            return .constant(Tri(op.holds(a, b)))
        case (.string(let a, _), .string(let b, _)) where op == .equal || op == .notEqual:
            return .constant(Tri((a == b) == (op == .equal)))
        case (.bool(let a, _), .bool(let b, _)) where op == .equal || op == .notEqual:
            return .constant(Tri((a == b) == (op == .equal)))
        default:
            throw ExpressionError("cannot compare these values with '\(op.rawValue)'", at: at)
        }
    }

    private func member(_ lhs: Expr, _ items: [Expr], at: Int) throws(ExpressionError) -> Condition {
        guard case .identifier(let name, let nameAt) = lhs else {
            throw ExpressionError("'in' needs a choice or scale question on its left", at: at)
        }
        guard case .choice(let index, let values, _) = try lookup(name, at: nameAt) else {
            throw ExpressionError("'in' needs a choice or scale question; '\(name)' is not one", at: at)
        }
        var mask: UInt64 = 0
        for item in items {
            mask |= 1 << UInt64(try option(item, of: name, in: values))
        }
        return .choiceIn(question: index, mask: mask)
    }

    private func contains(_ lhs: Expr, _ rhs: Expr, at: Int) throws(ExpressionError) -> Condition {
        guard case .identifier(let name, let nameAt) = lhs else {
            throw ExpressionError("'contains' needs a multi-choice question on its left", at: at)
        }
        guard case .multi(let index, let values) = try lookup(name, at: nameAt) else {
            throw ExpressionError("'contains' needs a multi-choice question; '\(name)' is not one "
                                  + "(use '==' or 'in')", at: at)
        }
        return .includes(question: index, option: try option(rhs, of: name, in: values))
    }

    private func isIdentifier(_ expr: Expr) -> Bool {
        if case .identifier = expr { return true }
        return false
    }
}
