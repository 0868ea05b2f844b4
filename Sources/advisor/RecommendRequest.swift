import AdvisorCore
import ArgumentParser

// The option groups' settings as protocols: the ArgumentParser groups (`KnowledgeOptions`, …)
// conform through their property wrappers, and the plain `…Request` values below conform with
// stored properties. The groups' methods live in extensions of the protocols, so they serve both.

protocol KnowledgeChoice {
    var knowledge: [String] { get }
    var largeKnowledge: Bool { get }
}

protocol AnswerChoice {
    var answer: [String] { get }
    var answers: String? { get }
    var weight: [String] { get }
}

protocol ColorChoice {
    var color: Bool? { get }
}

protocol ReportChoice {
    var format: ReportFormat? { get }
    var output: String? { get }
    var force: Bool { get }
    var adrDirectory: String? { get }
    var title: String? { get }
    var date: String? { get }
    var decisionMakers: String? { get }
    var consulted: String? { get }
    var informed: String? { get }
}

protocol AnalysisChoice {
    var analysis: Bool { get }
    var samples: Int { get }
    var seed: UInt64 { get }
    var robustness: Robustness.Sampling { get }
}

protocol PairwiseChoice {
    var pairwise: String? { get }
}

/// What `advisor recommend` was asked, as plain values: built by ArgumentParser's `Recommend`, or
/// directly by `FastRecommend` without creating ArgumentParser's property wrappers, whose
/// creation is a noticeable part of a short run.
struct RecommendRequest: Equatable {
    struct Knowledge: KnowledgeChoice, Equatable {
        var knowledge: [String] = []
        var largeKnowledge = false
    }

    struct Answer: AnswerChoice, Equatable {
        var answer: [String] = []
        var answers: String?
        var weight: [String] = []
    }

    struct Color: ColorChoice, Equatable {
        var color: Bool?
    }

    struct Report: ReportChoice, Equatable {
        var format: ReportFormat?
        var output: String?
        var force = false
        var adrDirectory: String?
        var title: String?
        var date: String?
        var decisionMakers: String?
        var consulted: String?
        var informed: String?
    }

    struct Analysis: AnalysisChoice, Equatable {
        var analysis = false
        var samples = AnalysisOptions.defaultSamples
        var seed = AnalysisOptions.defaultSeed
        var robustness = AnalysisOptions.defaultSampling
    }

    struct Pairwise: PairwiseChoice, Equatable {
        var pairwise: String?
    }

    var knowledge = Knowledge()
    var answers = Answer()
    var color = Color()
    var report = Report()
    var analysis = Analysis()
    var pairwise = Pairwise()

    init() {}

    /// The request ArgumentParser parsed.
    init(_ command: Recommend) {
        let k = command.knowledgeOptions, a = command.answerOptions, r = command.reportOptions
        let n = command.analysisOptions
        knowledge = Knowledge(knowledge: k.knowledge, largeKnowledge: k.largeKnowledge)
        answers = Answer(answer: a.answer, answers: a.answers, weight: a.weight)
        color = Color(color: command.colorOptions.color)
        report = Report(format: r.format, output: r.output, force: r.force, adrDirectory: r.adrDirectory,
                        title: r.title, date: r.date, decisionMakers: r.decisionMakers, consulted: r.consulted,
                        informed: r.informed)
        analysis = Analysis(analysis: n.analysis, samples: n.samples, seed: n.seed, robustness: n.robustness)
        pairwise = Pairwise(pairwise: command.pairwiseOptions.pairwise)
    }

    /// What a run built, handed back so that the process can end without freeing it.
    struct Finished {
        var loaded: KnowledgeLoader.Result
        var consultation: Consultation
        var rendered: ReportBytes
    }

    @discardableResult
    func run() throws -> Finished {
        let destination = try report.destination()
        let format = try report.format(for: destination)
        let date = try report.resolvedDate()
        let loaded = try knowledge.load()
        let person = try Self.personal(loaded.knowledge, answers: answers, pairwise: pairwise)
        let judgements = person.judgements
        let consultation = Engine.consult(person.knowledge, answers: person.answers, weights: person.weights)
        try consultation.requireSomeWeight()
        var options = ReportOptions(
            title: report.title, date: date, decisionMakers: report.decisionMakers, consulted: report.consulted,
            informed: report.informed,
            knowledgeDirectories: knowledge.knowledge,
            textStyle: destination == .standardOutput ? color.style() : TextStyle(color: false, unicode: true))
        options.analysis = try analysis.run(consultation, format: format)
        options.pairwise = judgements.map { ReportOptions.Pairwise(file: pairwise.pairwise ?? "", judgements: $0) }
        let rendered: ReportBytes
        if destination == .standardOutput {
            // Written out as it is rendered: a JSON report of megabytes never sits whole in memory.
            var failure: Failure?
            _ = ReportRenderer.stream(consultation, format: format, options: options) { bytes in
                do throws(Failure) {
                    try Output.write(buffer: bytes)
                    return true
                } catch {
                    failure = error
                    return false
                }
            }
            if let failure { throw failure }
            rendered = ReportBytes([])
        } else {
            rendered = ReportRenderer.renderBytes(consultation, format: format, options: options)
            try ReportOutput.deliver(bytes: rendered, to: destination, winner: consultation.winner?.name,
                                     overwrite: report.force)
        }
        return Finished(loaded: loaded, consultation: consultation, rendered: rendered)
    }
}

extension RecommendRequest {
    /// One person's input to the engine: the knowledge with their pairwise judgements applied as
    /// base weights, their answers and their `--weight` overrides. `recommend` and each member of
    /// `team` are consulted from this.
    struct Personal {
        var knowledge: KnowledgeBase
        var answers: Answers
        var weights: [String: Double]
        var judgements: PairwiseJudgements?
    }

    static func personal(_ knowledge: KnowledgeBase, answers: some AnswerChoice,
                         pairwise: some PairwiseChoice) throws(Failure) -> Personal {
        let judgements = try pairwise.load(knowledge: knowledge)
        let base = judgements.map { $0.applied(to: knowledge) } ?? knowledge
        return Personal(knowledge: base, answers: try answers.answers(for: base),
                        weights: try answers.weights(for: base), judgements: judgements)
    }
}
