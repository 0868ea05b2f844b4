import Foundation

/// The whole answer space at once: how often each framework wins, an example profile it wins,
/// how large a share of the total weight each criterion can reach, and how far each question can
/// move the winner's margin. Every question is answered in each profile (a multi-choice question
/// with any subset of its options). When the space has at most `sampleSize` profiles it is walked
/// whole; otherwise a seeded uniform sample of `sampleSize` profiles is drawn, and each share gets
/// a Wilson 95% interval.
public struct Landscape: Sendable {
    public enum Method: String, Sendable { case exhaustive, sample }

    /// A share of the profiles, with its 95% interval (the share itself, twice, when exhaustive).
    public struct Share: Sendable {
        public var fraction: Double
        public var low: Double
        public var high: Double
    }

    public var method: Method
    public var profiles: Int
    /// Framework ids in knowledge order.
    public var frameworks: [String]
    /// Share of profiles each framework wins when hard requirements knock nothing out.
    public var winShare: [Share]
    /// The same with the knock-outs the answers call for.
    public var winShareWithKnockOuts: [Share]
    /// For each framework, the first profile it wins in which nothing is knocked out (so that
    /// `advisor recommend` with these answers names it), or nil if none was seen.
    public var examples: [Answers?]
    /// Criterion ids in knowledge order, and the largest share of the total weight each reaches.
    public var criteria: [String]
    public var maxWeightShare: [Double]
    /// Question ids in questionnaire order, and the largest change in the winner's margin (points)
    /// that changing that question's answer alone caused, over `swingProfiles` profiles.
    public var questions: [String]
    public var questionSwing: [Double]
    public var swingProfiles: Int

    public static let defaultSampleSize = 1_000_000

    public static func run(_ k: KnowledgeBase, sampleSize: Int = defaultSampleSize, seed: UInt64 = 1,
                           swingProfiles: Int = 1_000) -> Landscape {
        let space = Space(k)
        let exhaustive = space.count.map { $0 <= sampleSize } ?? false
        let total = exhaustive ? (space.count ?? 0) : sampleSize
        let chunkSize = 20_000
        let chunks = (total + chunkSize - 1) / chunkSize
        let swingPerChunk = max(1, (swingProfiles + chunks - 1) / max(1, chunks))
        // Each chunk consults its own copy of the knowledge, decoded from the compiled form: two
        // threads reading one copy contend on its reference counts, which cost a third of the time.
        let payload = KnowledgeCodec.encode(k, warnings: [])
        let compiled = payload.table + payload.body
        let partials = ParallelMap.map(chunks) { chunk -> Partial in
            let own = (try? KnowledgeCodec.decode(compiled, from: 0).0) ?? k
            let space = Space(own)
            var partial = Partial(own)
            var random = RandomSource(seed: seed &+ UInt64(chunk) &* 0x9E37_79B9_7F4A_7C15)
            let start = chunk * chunkSize, end = min(total, start + chunkSize)
            for index in start..<end {
                let profile = exhaustive ? space.profile(number: index) : space.randomProfile(&random)
                partial.add(profile, space: space, swing: index - start < swingPerChunk)
            }
            return partial
        }
        var sum = Partial(k)
        for case let partial? in partials { sum.merge(partial) }
        let n = Double(max(1, total))
        func share(_ count: Int) -> Share {
            let p = Double(count) / n
            if exhaustive { return Share(fraction: p, low: p, high: p) }
            let (low, high) = wilson(p, n: n)
            return Share(fraction: p, low: low, high: high)
        }
        return Landscape(
            method: exhaustive ? .exhaustive : .sample, profiles: total, frameworks: k.frameworkIDs,
            winShare: sum.wins.map(share), winShareWithKnockOuts: sum.winsWithKnockOuts.map(share),
            examples: sum.examples.map { $0.map { space.answers($0.profile) } },
            criteria: k.criteria.map(\.id), maxWeightShare: sum.maxWeightShare,
            questions: k.questions.map(\.id), questionSwing: sum.swing, swingProfiles: sum.swingProfiles)
    }

    /// Wilson score interval at 95%.
    static func wilson(_ p: Double, n: Double) -> (Double, Double) {
        let z = 1.959_963_984_540_054, z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let half = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / (1 + z2 / n)
        return (max(0, centre - half), min(1, centre + half))
    }

    // MARK: - The space of answered profiles

    /// Each question's answers as engine entries: options for choices, yes and no, and for
    /// multi-choice questions every subset of the options (drawn as a random mask).
    struct Space: Sendable {
        let knowledge: KnowledgeBase
        /// For choice, scale and yes/no questions, the number of answers; for multi, the options.
        let sizes: [Int]
        let kinds: [Question.Kind]
        /// Each question's unanswered entry, to fill in.
        let blanks: [AnswerState.Entry]

        init(_ k: KnowledgeBase) {
            knowledge = k
            kinds = k.questions.map(\.kind)
            sizes = k.questions.map { $0.kind == .yesno ? 2 : $0.options.count }
            blanks = k.questions.map { AnswerState.Entry(nil, question: $0) }
        }

        /// How many answers question `q` has (2^options for multi-choice).
        func answers(of q: Int) -> Int? {
            guard kinds[q] == .multi else { return sizes[q] }
            return sizes[q] < 62 ? 1 << sizes[q] : nil
        }

        var count: Int? {
            var total = 1
            for q in sizes.indices {
                guard let n = answers(of: q) else { return nil }
                let (product, overflow) = total.multipliedReportingOverflow(by: n)
                if overflow { return nil }
                total = product
            }
            return total
        }

        /// Profile `number` of the whole space, in mixed radix: one answer index per question.
        func profile(number: Int) -> [UInt64] {
            var rest = number
            return sizes.indices.map { q in
                let n = answers(of: q) ?? 1
                defer { rest /= n }
                return UInt64(rest % n)
            }
        }

        func randomProfile(_ random: inout RandomSource) -> [UInt64] {
            sizes.indices.map { q in
                if kinds[q] == .multi {
                    let n = sizes[q]
                    return n >= 64 ? random.next() : random.next() & ((1 << UInt64(n)) - 1)
                }
                return random.next() % UInt64(sizes[q])
            }
        }

        func entry(_ q: Int, _ value: UInt64) -> AnswerState.Entry {
            var entry = blanks[q]
            entry.answered = true
            switch kinds[q] {
            case .choice, .scale: entry.choice = Int(value)
            case .multi: entry.optionSet = value
            case .yesno: entry.yes = value == 0
            }
            return entry
        }

        func state(_ profile: [UInt64]) -> AnswerState {
            var state = AnswerState(knowledge: knowledge, answers: Answers())
            for q in profile.indices { state.set(q, entry(q, profile[q])) }
            return state
        }

        /// The profile as answers, without those whose question is not asked.
        func answers(_ profile: [UInt64]) -> Answers {
            let evaluation = Engine.evaluate(knowledge, state: state(profile))
            let ignored = Set(evaluation.ignored)
            var answers = Answers()
            for q in profile.indices where !ignored.contains(q) {
                let question = knowledge.questions[q]
                switch kinds[q] {
                case .choice, .scale: answers[question.id] = .one(question.values[Int(profile[q])])
                case .yesno: answers[question.id] = .yes(profile[q] == 0)
                case .multi:
                    answers[question.id] = .many(question.values.indices.filter { profile[q] & (1 << UInt64($0)) != 0 }
                        .map { question.values[$0] })
                }
            }
            return answers
        }

        /// The other answers question `q` could take: every other option, or for multi-choice each
        /// option toggled.
        func alternatives(_ q: Int, _ value: UInt64) -> [UInt64] {
            if kinds[q] == .multi { return (0..<min(sizes[q], 63)).map { value ^ (1 << UInt64($0)) } }
            return (0..<UInt64(sizes[q])).filter { $0 != value }
        }
    }

    // MARK: - Tallies

    struct Partial: Sendable {
        var wins: [Int]
        var winsWithKnockOuts: [Int]
        /// The lowest-numbered profile each framework wins with nothing knocked out.
        var examples: [(order: Int, profile: [UInt64])?]
        var maxWeightShare: [Double]
        var swing: [Double]
        var swingProfiles = 0
        var seen = 0
        var offset = 0

        init(_ k: KnowledgeBase) {
            wins = Array(repeating: 0, count: k.frameworkIDs.count)
            winsWithKnockOuts = wins
            examples = Array(repeating: nil, count: k.frameworkIDs.count)
            maxWeightShare = Array(repeating: 0, count: k.criteria.count)
            swing = Array(repeating: 0, count: k.questions.count)
        }

        mutating func add(_ profile: [UInt64], space: Space, swing measure: Bool) {
            let k = space.knowledge
            let state = space.state(profile)
            let evaluation = Engine.evaluate(k, state: state)
            guard let winner = evaluation.best(knockOuts: false) else { return }
            wins[winner] += 1
            if let first = evaluation.best(knockOuts: true) { winsWithKnockOuts[first] += 1 }
            if examples[winner] == nil, !evaluation.excluded.contains(true) { examples[winner] = (seen, profile) }
            seen += 1
            let total = evaluation.weights.reduce(0, +)
            if total > 0 {
                for c in maxWeightShare.indices { maxWeightShare[c] = max(maxWeightShare[c], evaluation.weights[c] / total) }
            }
            let order = evaluation.ranked(knockOuts: false)
            guard measure, order.count > 1 else { return }
            swingProfiles += 1
            let margin = evaluation.scores[winner] - evaluation.scores[order[1]]
            for q in profile.indices {
                for alternative in space.alternatives(q, profile[q]) {
                    var changed = state
                    changed.set(q, space.entry(q, alternative))
                    let other = Engine.evaluate(k, state: changed)
                    var best = -Double.infinity
                    for f in other.scores.indices where f != winner { best = max(best, other.scores[f]) }
                    swing[q] = max(swing[q], abs((other.scores[winner] - best) - margin))
                }
            }
        }

        mutating func merge(_ other: Partial) {
            for f in wins.indices {
                wins[f] += other.wins[f]
                winsWithKnockOuts[f] += other.winsWithKnockOuts[f]
                if examples[f] == nil, let example = other.examples[f] {
                    examples[f] = (seen + example.order, example.profile)
                }
            }
            seen += other.seen
            for c in maxWeightShare.indices { maxWeightShare[c] = max(maxWeightShare[c], other.maxWeightShare[c]) }
            for q in swing.indices { swing[q] = max(swing[q], other.swing[q]) }
            swingProfiles += other.swingProfiles
        }
    }
}
