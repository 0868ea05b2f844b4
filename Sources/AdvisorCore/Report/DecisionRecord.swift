/// The content of a decision record, worked out once from a `Consultation` and laid out by the
/// Markdown and HTML renderers, so that both say the same thing.
///
/// Text in it is plain: each renderer escapes it for its own format.
struct DecisionRecord: Hashable, Sendable {
    /// A run of text inside a paragraph or list item.
    enum Inline: Hashable, Sendable {
        /// Plain text, from the knowledge, the answers or the advisor itself.
        case text(String)
        /// An identifier or an answer as typed, such as `traffic=high`.
        case code(String)
        /// Emphasised text, such as a criterion's name at the head of an item.
        case strong(String)
        /// A citation: `text` linked to the address of the source with this id, when it has one.
        case link(String, source: String)
        /// An address shown as itself, and linked.
        case address(String)
    }

    typealias Text = [Inline]

    /// How an argument weighs on an option, in MADR's words.
    enum Verdict: String, Hashable, Sendable {
        case good = "Good"
        case neutral = "Neutral"
        case bad = "Bad"
    }

    /// "Good, because …": one argument for or against an option.
    struct Argument: Hashable, Sendable {
        var verdict: Verdict
        var because: Text
    }

    /// One framework under "Pros and Cons of the Options".
    struct Option: Hashable, Sendable {
        var id: String
        var name: String
        var summary: Text
        var arguments: [Argument]
    }

    /// One row of the scores table.
    struct ScoreRow: Hashable, Sendable {
        /// Nil for a framework that was knocked out.
        var rank: Int?
        var name: String
        var score: Double
        var note: String
    }

    /// One segment of a framework's stacked bar: a criterion's points.
    struct Segment: Hashable, Sendable {
        var criterion: Int
        var name: String
        var points: Double
    }

    /// A framework's share of each rank (1st, 2nd, …) under sampled weights.
    struct RankShares: Hashable, Sendable {
        var name: String
        var shares: [Double]
    }

    /// A ranked framework's bar in the charts.
    struct Bar: Hashable, Sendable {
        var name: String
        var score: Double
        var winner: Bool
        var segments: [Segment]
    }

    // MARK: - Front matter and title

    var status = "proposed"
    var date: String
    var decisionMakers: String?
    /// MADR's `consulted` and `informed`, written as given; nil leaves them out.
    var consulted: String?
    var informed: String?
    var title: String
    /// The chosen framework's name, if any framework was left.
    var winner: String?

    // MARK: - MADR sections

    /// "Context and Problem Statement": what the answers say, then the question being decided.
    var context: [Text]
    /// "Decision Drivers": the criteria by final weight, in words, with the answers that moved each.
    var drivers: [Text]
    /// "How the weights were set": the exact steps behind each weight (rules, factors, answers).
    var weightTrace: [Text] = []
    /// "Knock-outs": each knocked-out framework's rule, the answers behind it and the engine's reason.
    var knockOuts: [Text] = []
    /// "Considered Options": every framework, knocked-out ones included.
    var considered: [Text]
    /// "Decision Outcome": `Chosen option: "…", because …`.
    var outcome: Text
    /// The winner's strongest reasons, in order.
    var reasons: [Text]
    /// "### Consequences": good and bad, from the winner's strong and weak criteria.
    var consequences: [Argument]
    /// "### Confirmation": how the team checks the decision holds, ending where `command` follows.
    var confirmation: [Text] = []
    /// Advice the knowledge's rules add where the answers pull two ways (running two frameworks side
    /// by side, for example), each with its source.
    var advice: [Text] = []
    /// "Pros and Cons of the Options".
    var options: [Option]

    // MARK: - More Information

    var scores: [ScoreRow]
    /// The criteria's names, in knowledge order, as the rows of the points table and the chart's legend.
    var criteria: [String]
    /// The ranked frameworks, best first, with their per-criterion points.
    var bars: [Bar]
    /// Answers set aside, questions left unanswered.
    var notes: [Text]
    var knowledge: Text
    /// The ratings and base weights that overlays set, each with where it is written; empty without overlays.
    var overrides: [Text] = []
    /// The sources cited anywhere in the record, in knowledge order.
    var sources: [SourceReference]
    /// The command that reproduces this record, one argument group per element.
    var command: [String]
    /// The Sensitivity part of More Information: the robustness verdict, the hinges and what would
    /// change the winner, present only when the analyses were run.
    var sensitivity: [Text] = []
    /// The runner-up's largest losses against the winner, with the rules behind them.
    var whyOver: WhyOver?
    /// Each ranked framework's share of each rank under sampled weights (framework name, shares),
    /// present only when the analyses were run.
    var rankAcceptability: [RankShares] = []
    /// The robustness verdict, for the chart's caption.
    var robustnessVerdict: String?
    /// What `advisor check` needs to run the record again.
    var metadata: RecordMetadata
}

extension DecisionRecord {
    /// The address of a cited source, if it has a web (`http` or `https`) one: other schemes, such as
    /// `javascript:`, are never linked.
    func address(of source: String) -> String? {
        sources.first { $0.id == source }?.address.flatMap { Self.isWebAddress($0) ? $0 : nil }
    }

    static func isWebAddress(_ address: String) -> Bool {
        let lower = address.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://"))
            && !address.contains { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" }
    }
}
