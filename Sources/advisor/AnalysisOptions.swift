import AdvisorCore
import ArgumentParser

extension Robustness.Sampling: ExpressibleByArgument {}

/// `--analysis`, `--samples`, `--seed`, `--robustness`: how sure the advice is and what would change it.
struct AnalysisOptions: ParsableArguments, AnalysisChoice {
    static let defaultSamples = 10_000, defaultSeed: UInt64 = 1, defaultSampling = Robustness.Sampling.around

    @Flag(name: .long, help: "Add robustness, weight stability and what would change the winner (text and json).")
    var analysis = false

    // `.unconditional`: `--samples -1` is a value to refuse with a clear message, not a missing one.
    @Option(name: .long, parsing: .unconditional, help: "Weight samples for robustness.")
    var samples = Self.defaultSamples

    @Option(name: .long, help: "Seed of the sampler; the same seed gives the same figures everywhere.")
    var seed: UInt64 = Self.defaultSeed

    @Option(name: .long, help: "How weights are sampled: around (log-normal around your weights) or uniform.")
    var robustness: Robustness.Sampling = Self.defaultSampling
}

extension AnalysisChoice {
    func run(_ consultation: Consultation, format: ReportFormat) throws(Failure) -> DecisionAnalysis? {
        guard analysis else { return nil }
        guard (1...1_000_000).contains(samples) else {
            throw .usage("--samples must be between 1 and 1000000, got \(samples)")
        }
        return DecisionAnalysis.run(consultation, settings: .init(samples: samples, seed: seed, sampling: robustness))
    }
}
