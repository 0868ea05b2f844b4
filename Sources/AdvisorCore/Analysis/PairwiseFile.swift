import Foundation

/// Pairwise judgements of criterion importance, as read from a `--pairwise` file or made on the
/// TUI's pairwise screen, with the weights they give.
///
/// The file is a YAML (or JSON) list, one comparison per entry, on Saaty's 1–9 scale:
///
///     # performance is 3 times as important as security
///     - {a: performance, b: security, value: 3}
///     # security is 5 times as important as time to market
///     - {a: time_to_market, b: security, value: 1/5}
///
/// `value` is how many times `a` is as important as `b`: 1 (equally), 3 (moderately), 5 (strongly),
/// 7 (very strongly), 9 (extremely), the even numbers between, or a reciprocal such as `1/3`. The
/// criteria compared are those named; every pair of them must be compared exactly once (2 to 10
/// criteria, since Saaty's random index stops at 10).
///
/// How the weights combine with the rules: the principal-eigenvector weights replace the *base*
/// weights of the compared criteria, scaled so that those criteria keep their total base weight.
/// Rules then change weights as usual, and `--weight` still sets a final weight.
public struct PairwiseJudgements: Sendable {
    /// One entry as given.
    public struct Entry: Hashable, Sendable {
        public var a: String
        public var b: String
        /// How many times `a` is as important as `b`.
        public var value: Double
        public var location: SourceLocation?

        public init(a: String, b: String, value: Double, location: SourceLocation? = nil) {
            self.a = a
            self.b = b
            self.value = value
            self.location = location
        }
    }

    /// The entry that disagrees most with the derived weights, and the value the weights imply.
    public struct Inconsistency: Hashable, Sendable {
        public var entry: Entry
        /// `w_a / w_b`: what the whole set of judgements says about this pair.
        public var implied: Double
        /// `implied` rounded to the nearest value of the scale (1/9 … 9).
        public var consistent: Double
    }

    /// The criteria compared, in knowledge order.
    public var criteria: [String]
    public var entries: [Entry]
    public var weights: PairwiseWeights

    /// Judgements over `criteria` (already checked: each pair once, values on the scale).
    public init(criteria: [String], entries: [Entry]) {
        self.criteria = criteria
        self.entries = entries
        weights = PairwiseWeights.derive(criteria: criteria, comparisons: entries.map {
            PairwiseWeights.Comparison(first: $0.a, second: $0.b, ratio: $0.value)
        })
    }

    /// The eigenvector weight of `criterion`, if it was compared.
    public func weight(of criterion: String) -> Double? {
        criteria.firstIndex(of: criterion).map { weights.weights[$0] }
    }

    /// The entry whose value deviates most from `w_a / w_b` (by |ln(value · w_b / w_a)|), when
    /// three or more criteria are compared (with two, any value is consistent).
    public var mostInconsistent: Inconsistency? {
        guard criteria.count > 2 else { return nil }
        var best: Inconsistency?
        var worst = -1.0
        for entry in entries {
            guard let wa = weight(of: entry.a), let wb = weight(of: entry.b), wa > 0, wb > 0 else { continue }
            let implied = wa / wb
            let error = abs(Foundation.log(entry.value / implied))
            if error > worst + 1e-12 {
                worst = error
                best = Inconsistency(entry: entry, implied: implied, consistent: Self.nearestScaleValue(implied))
            }
        }
        return best
    }

    /// The base weights the judgements give: each compared criterion's eigenvector weight times the
    /// compared criteria's total base weight (their count when that total is 0).
    public func baseWeights(in knowledge: KnowledgeBase) -> [String: Double] {
        let total = criteria.compactMap { knowledge.criterion($0)?.weight }.reduce(0, +)
        let scale = total > 0 ? total : Double(criteria.count)
        var result: [String: Double] = [:]
        for (index, criterion) in criteria.enumerated() { result[criterion] = weights.weights[index] * scale }
        return result
    }

    /// `knowledge` with the compared criteria's base weights replaced (see `baseWeights(in:)`).
    public func applied(to knowledge: KnowledgeBase) -> KnowledgeBase {
        let bases = baseWeights(in: knowledge)
        var criteria = knowledge.criteria
        for index in criteria.indices {
            if let weight = bases[criteria[index].id] { criteria[index].weight = weight }
        }
        var copy = knowledge
        copy.replace(criteria: criteria)
        return copy
    }

    // MARK: - The scale

    /// The 17 steps of Saaty's scale, from "a is extremely more important" to "b is": 9, 8, …, 2,
    /// 1, 1/2, …, 1/9.
    public static let scale: [Double] = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5, 1.0 / 6, 1.0 / 7,
                                         1.0 / 8, 1.0 / 9]

    /// The value as written: `3`, `1/3`.
    public static func text(of value: Double) -> String {
        if value >= 1 { return Format.number(value, decimals: 2) }
        let inverse = 1 / value
        let rounded = inverse.rounded()
        return abs(inverse - rounded) < 1e-9 ? "1/\(Format.number(rounded))" : Format.number(value, decimals: 3)
    }

    /// The scale value closest to `value` on a log scale.
    public static func nearestScaleValue(_ value: Double) -> Double {
        guard value > 0, value.isFinite else { return 1 }
        return scale.min { abs(Foundation.log($0 / value)) < abs(Foundation.log($1 / value)) } ?? 1
    }

    /// The step (0…16) of a scale value, or nil when `value` is not on the scale.
    public static func step(of value: Double) -> Int? {
        scale.firstIndex { abs($0 - value) < 1e-9 }
    }

    /// The warning for inconsistent judgements (consistency ratio ≥ 0.1), or nil.
    public func warning(names: (String) -> String = { $0 }) -> String? {
        guard !weights.isConsistent else { return nil }
        var text = "pairwise comparisons are inconsistent (consistency ratio "
            + "\(Format.fixed(weights.consistencyRatio, decimals: 2)), 0.1 or more is too much)"
        if let worst = mostInconsistent {
            text += ": the most inconsistent is \(names(worst.entry.a)) vs \(names(worst.entry.b)) = "
                + "\(Self.text(of: worst.entry.value)); the other comparisons imply "
            let implied = Format.number(worst.implied, decimals: 2)
            text += worst.consistent == 1
                ? "that the two matter about equally (\(implied))"
                : "about \(Self.text(of: worst.consistent))"
                    + (implied == Self.text(of: worst.consistent) ? "" : " (\(implied))")
        }
        return text
    }
}

// MARK: - Reading the file

/// A problem with a pairwise file, at a position.
public struct PairwiseFileError: Error, Hashable, Sendable {
    public var message: String
    public var location: SourceLocation?

    public init(_ message: String, at location: SourceLocation?) {
        self.message = message
        self.location = location
    }

    /// One line: `path:line:col: error: message`.
    public var line: String {
        (location.map { "\($0): " } ?? "") + "error: " + TextSanitizer.inert(message)
    }
}

public enum PairwiseFile {
    /// Largest file accepted, in bytes.
    public static let maximumSize = 256 * 1024
    /// Saaty's random index stops at 10 criteria.
    public static let maximumCriteria = 10

    /// Reads and checks the file at `path`; a missing file is reported by the caller (exit 66).
    public static func read(path: String, knowledge: KnowledgeBase) throws(PairwiseFileError) -> PairwiseJudgements {
        let start = SourceLocation(file: path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PairwiseFileError("cannot read pairwise file", at: start)
        }
        guard data.count <= maximumSize else {
            throw PairwiseFileError("pairwise file is \(data.count) bytes; the limit is \(maximumSize)", at: start)
        }
        var bytes = Array(data)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PairwiseFileError("pairwise file is not valid UTF-8", at: start)
        }
        return try parse(text, path: path, knowledge: knowledge)
    }

    /// Parses judgements from `text`; `path` names it in messages.
    public static func parse(_ text: String, path: String,
                             knowledge: KnowledgeBase) throws(PairwiseFileError) -> PairwiseJudgements {
        let reader = NodeReader(file: path)
        let start = SourceLocation(file: path, line: 1, column: 1)
        let root: YAMLNode
        switch YAMLDocument.compose(text, kind: "pairwise files") {
        case .empty:
            throw PairwiseFileError("pairwise file is empty; expected a list such as "
                                    + "'- {a: performance, b: security, value: 3}'", at: start)
        case .problem(let problem):
            throw PairwiseFileError(problem.message, at: SourceLocation(
                file: path, line: problem.mark.line, column: problem.mark.column))
        case .root(let node):
            root = node
        }
        guard case .sequence(let sequence) = root else {
            throw PairwiseFileError("expected a list of comparisons such as '- {a: performance, b: security, "
                                    + "value: 3}', found \(reader.describe(root))", at: reader.location(of: root))
        }
        let ids = knowledge.criteria.map(\.id)
        var entries: [PairwiseJudgements.Entry] = []
        var seen: [Set<String>: SourceLocation] = [:]
        for item in sequence {
            let location = reader.location(of: item)
            guard case .mapping(let mapping) = item else {
                throw PairwiseFileError("expected a comparison {a: CRITERION, b: CRITERION, value: N}, found "
                                        + reader.describe(item), at: location)
            }
            var fields: [String: YAMLNode] = [:]
            for (key, value) in mapping {
                guard let name = key.scalar?.string, ["a", "b", "value"].contains(name) else {
                    let name = key.scalar?.string ?? "?"
                    throw PairwiseFileError("unknown key '\(name)' in a comparison; the keys are a, b and value"
                                            + Suggestion.didYouMean(name, in: ["a", "b", "value"]),
                                            at: reader.location(of: key))
                }
                fields[name] = value
            }
            for name in ["a", "b", "value"] where fields[name] == nil {
                throw PairwiseFileError("comparison lacks '\(name)'; write {a: CRITERION, b: CRITERION, value: N}",
                                        at: location)
            }
            var pair: [String] = []
            for name in ["a", "b"] {
                guard let node = fields[name], let id = node.scalar?.string.trimmingWhitespace(), !id.isEmpty else {
                    throw PairwiseFileError("'\(name)' must be a criterion id", at: fields[name].map(reader.location(of:)) ?? location)
                }
                guard ids.contains(id) else {
                    throw PairwiseFileError("unknown criterion '\(id)'" + Suggestion.didYouMean(id, in: ids)
                                            + " (see 'advisor frameworks --criteria')", at: reader.location(of: node))
                }
                pair.append(id)
            }
            guard pair[0] != pair[1] else {
                throw PairwiseFileError("'\(pair[0])' is compared with itself", at: location)
            }
            let valueNode = fields["value"] ?? item
            let value = try ratio(valueNode, reader: reader)
            let key = Set(pair)
            if let first = seen[key] {
                throw PairwiseFileError("'\(pair[0])' and '\(pair[1])' are compared twice (first at line "
                                        + "\(first.line))", at: location)
            }
            seen[key] = location
            entries.append(.init(a: pair[0], b: pair[1], value: value, location: location))
        }
        let named = Set(entries.flatMap { [$0.a, $0.b] })
        let criteria = ids.filter(named.contains)
        guard criteria.count >= 2 else {
            throw PairwiseFileError("compare at least 2 criteria", at: reader.location(of: root))
        }
        guard criteria.count <= maximumCriteria else {
            throw PairwiseFileError("\(criteria.count) criteria are compared; at most \(maximumCriteria) can be, "
                                    + "as Saaty's random index stops at 10", at: reader.location(of: root))
        }
        for (i, first) in criteria.enumerated() {
            for second in criteria[(i + 1)...] where seen[[first, second]] == nil {
                let missing = criteria.count * (criteria.count - 1) / 2 - seen.count
                throw PairwiseFileError("'\(first)' and '\(second)' are not compared; with \(criteria.count) "
                                        + "criteria every pair must be (\(missing) missing)",
                                        at: reader.location(of: root))
            }
        }
        return PairwiseJudgements(criteria: criteria, entries: entries)
    }

    /// A value of the scale: a number or a fraction `1/n`, between 1/9 and 9.
    static func ratio(_ node: YAMLNode, reader: NodeReader) throws(PairwiseFileError) -> Double {
        let location = reader.location(of: node)
        guard let text = node.scalar?.string.trimmingWhitespace(), !text.isEmpty else {
            throw PairwiseFileError("'value' must be a number from 1/9 to 9, such as 3 or 1/3", at: location)
        }
        let value: Double?
        if let slash = text.firstIndex(of: "/") {
            let top = Double(text[..<slash].trimmingWhitespace())
            let bottom = Double(text[text.index(after: slash)...].trimmingWhitespace())
            value = top.flatMap { top in bottom.flatMap { $0 != 0 ? top / $0 : nil } }
        } else {
            value = Double(text)
        }
        guard let value, value.isFinite else {
            throw PairwiseFileError("'value' must be a number from 1/9 to 9, such as 3 or 1/3; got \(Echo.quoted(text))",
                                    at: location)
        }
        guard value >= 1.0 / 9 - 1e-12, value <= 9 + 1e-12 else {
            throw PairwiseFileError("value \(text) is outside Saaty's scale 1/9 to 9", at: location)
        }
        return value
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}

// MARK: - JSON

extension PairwiseJudgements {
    /// The `pairwise` member of the JSON report.
    public var json: JSONValue {
        let inconsistency: JSONValue = mostInconsistent.map { worst in
            .object([("a", .string(worst.entry.a)), ("b", .string(worst.entry.b)), ("value", .number(worst.entry.value)),
                     ("implied", .number(worst.implied)), ("consistentValue", .number(worst.consistent))])
        } ?? .null
        return .object([
            ("weights", .object(criteria.enumerated().map { ($1, .number(weights.weights[$0])) })),
            ("consistencyRatio", .number(weights.consistencyRatio)),
            ("consistent", .bool(weights.isConsistent)),
            ("mostInconsistent", inconsistency),
            ("comparisons", .array(entries.map { entry in
                .object([("a", .string(entry.a)), ("b", .string(entry.b)), ("value", .number(entry.value))])
            })),
        ])
    }
}
