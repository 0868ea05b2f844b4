/// How much knowledge the loader accepts. Past these limits a load fails with one clear error,
/// so that no knowledge directory can make the advisor run out of memory or time. Together with
/// the file limits (`KnowledgeFiles`), the YAML limits (`YAMLDocument`) and the expression limits
/// (`ExpressionParser`), they are the bounds listed in the README's Hardening section.
///
/// Two sets exist. `standard` applies unless asked otherwise, and keeps peak memory under 64 MB.
/// `large` (`--large-knowledge`) admits generated rule bases of up to 200,000 rules, whose memory
/// grows with their size (about 150 MB at 100,000 rules).
public struct KnowledgeLimits: Sendable, Hashable {
    /// Most bytes read from all the files of one knowledge directory, together.
    public var maximumTotalSize: Int
    /// Most rules in one knowledge base.
    public var maximumRules: Int
    /// Most questions.
    public static let maximumQuestions = 200
    /// Most criteria.
    public static let maximumCriteria = 200
    /// Most frameworks.
    public static let maximumFrameworks = 200

    public init(maximumTotalSize: Int, maximumRules: Int) {
        self.maximumTotalSize = maximumTotalSize
        self.maximumRules = maximumRules
    }

    /// The default limits.
    public static let standard = KnowledgeLimits(maximumTotalSize: 8 * 1024 * 1024, maximumRules: 2_000)
    /// For generated rule bases (`--large-knowledge`).
    public static let large = KnowledgeLimits(maximumTotalSize: 256 * 1024 * 1024, maximumRules: 200_000)

    /// An error for every count past its limit.
    func check(_ draft: KnowledgeDraft) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if draft.rules.count > maximumRules {
            var message = "the knowledge base defines \(draft.rules.count) rules; the limit is \(maximumRules)"
            if self == .standard { message += " (--large-knowledge raises it to \(Self.large.maximumRules))" }
            diagnostics.append(.error(message))
        }
        let counts: [(String, Int, Int)] = [
            ("questions", draft.questions.count, Self.maximumQuestions),
            ("criteria", draft.criteria.count, Self.maximumCriteria),
            ("frameworks", draft.frameworks.count, Self.maximumFrameworks),
        ]
        diagnostics += counts.compactMap { name, count, limit in
            count > limit ? .error("the knowledge base defines \(count) \(name); the limit is \(limit)") : nil
        }
        return diagnostics
    }
}
