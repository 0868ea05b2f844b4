import AdvisorCore

/// What the results screen says beyond the scores: the robustness verdict and the smallest answer
/// changes that would make another framework win. Worked out once when the results are entered
/// (`AdvisorState.showResults()`), never while drawing.
public struct ResultsInsight: Sendable {
    /// "FastAPI wins in 91% of plausible weightings." or "Close call: …".
    public var verdict: String
    /// Whether the verdict is a close call.
    public var isCloseCall: Bool
    /// The smallest counterfactuals in words, fewest changes first, at most one per framework.
    public var changes: [String]
    /// The whole analysis, for the sensitivity overlay: rank shares, stability, every counterfactual.
    public var analysis: DecisionAnalysis

    /// Samples for the verdict: the same default and seed as `advisor recommend --analysis`, so
    /// both say the same.
    public static let settings = DecisionAnalysis.Settings()

    public init(_ c: Consultation) {
        analysis = DecisionAnalysis.run(c, settings: Self.settings)
        verdict = analysis.robustness.verdict
        isCloseCall = analysis.robustness.verdict.hasPrefix("Close call")
        var seen: Set<String> = []
        changes = analysis.counterfactuals.sorted { $0.changes.count < $1.changes.count }
            .filter { seen.insert($0.winner).inserted }
            .map { $0.sentence + "." }
    }
}
