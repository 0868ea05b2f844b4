/// How much knowledge the loader accepts. Past these limits a load fails with one clear error,
/// so that no knowledge directory can make the advisor run out of memory or time. Together with
/// the file limits (`KnowledgeFiles`), the YAML limits (`YAMLLimits`) and the expression limits
/// (`ExpressionParser`), they are the bounds listed in the README's Hardening section.
public enum KnowledgeLimits {
    /// Most bytes read from all the files of one load, together.
    public static let maximumTotalSize = 8 * 1024 * 1024
    /// Most rules in one knowledge base.
    public static let maximumRules = 2_000
    /// Most questions.
    public static let maximumQuestions = 200
    /// Most criteria.
    public static let maximumCriteria = 200
    /// Most frameworks.
    public static let maximumFrameworks = 200

    /// An error for every count past its limit.
    static func check(_ draft: KnowledgeDraft) -> [Diagnostic] {
        let counts: [(String, Int, Int)] = [
            ("rules", draft.rules.count, maximumRules),
            ("questions", draft.questions.count, maximumQuestions),
            ("criteria", draft.criteria.count, maximumCriteria),
            ("frameworks", draft.frameworks.count, maximumFrameworks),
        ]
        return counts.compactMap { name, count, limit in
            count > limit ? .error("the knowledge base defines \(count) \(name); the limit is \(limit)") : nil
        }
    }
}
