import AdvisorCore
import AdvisorSynth
import Foundation

/// Everything measured at one size.
struct Measurement {
    var parameters: SyntheticWorkload.Parameters
    var floor = 0.0
    /// A whole load from the files without a cache, then one that also writes the cache entry.
    var load = 0.0, loadAndCacheWrite = 0.0
    var warmLoad: Double?
    /// `Engine.consult`, and `Engine.outcome` (the same inference and scores without the trace).
    var consult = 0.0, outcome = 0.0
    var analysis: Double?
    var fired = 0, excluded = 0, scored = 0
    var warm: ProcessFigures?, cold: ProcessFigures?, clips: ProcessFigures?, validateProcess: ProcessFigures?
    var processRuns = 0

    var agreement: String {
        "advisor, clips and the plain loop agree (\(scored) scores, \(excluded) exclusions, \(fired) rules fired)"
    }
}

/// Medians of whole-process runs: wall time, CPU time, and the largest peak RSS.
struct ProcessFigures {
    var wall: Double
    var cpu: Double
    var rss: Double?

    init?(_ runs: [Runner.Outcome]) {
        guard !runs.isEmpty else { return nil }
        wall = Clock.median(runs.map(\.seconds))
        cpu = Clock.median(runs.map(\.cpu))
        rss = runs.map(\.peakRSS).max() ?? 0
    }
}

/// The tables printed at the end.
struct Report {
    var results: [Measurement]

    func print() {
        Swift.print("\nIn-process medians of whole calls (no cache unless stated)")
        var phases = Table("size", "load (YAML)", "load + cache write", "warm load (cache)",
                           "infer+score", "without trace", "analysis*", "plain loop")
        for m in results {
            phases.add("\(m.parameters)", formatTime(m.load), formatTime(m.loadAndCacheWrite), formatTime(m.warmLoad),
                       formatTime(m.consult), formatTime(m.outcome), formatTime(m.analysis), formatTime(m.floor))
        }
        phases.print()
        Swift.print("infer+score is Engine.consult (inference, trace, effects, scores); without trace is Engine.outcome")
        Swift.print("* robustness with 1,000 samples, weight stability, single-answer counterfactuals (120 re-runs)")

        Swift.print("\nWhole process: advisor recommend --format json vs clips -f2 (load the .clp, run, print); "
                    + "wall time, then CPU time (user + system)")
        var process = Table("size", "runs", "advisor warm", "advisor cold", "clips", "clips ÷ warm", "clips ÷ cold",
                            "validate", "CPU warm", "CPU cold", "CPU clips", "CPU clips ÷ warm", "RSS warm", "RSS cold",
                            "RSS clips")
        for m in results {
            process.add("\(m.parameters)", "\(m.processRuns)", formatTime(m.warm?.wall), formatTime(m.cold?.wall),
                        formatTime(m.clips?.wall), ratio(m.warm?.wall, m.clips?.wall), ratio(m.cold?.wall, m.clips?.wall),
                        formatTime(m.validateProcess?.wall), formatTime(m.warm?.cpu), formatTime(m.cold?.cpu), formatTime(m.clips?.cpu),
                        ratio(m.warm?.cpu, m.clips?.cpu), mib(m.warm?.rss), mib(m.cold?.rss), mib(m.clips?.rss))
        }
        process.print()

        // Growth with R: per doubling, from consecutive sizes with the same N and M.
        var growth = Table("N, M", "R → R'", "warm", "cold", "infer+score", "validate", "clips")
        var any = false
        for (index, m) in results.enumerated() {
            guard let previous = results[..<index].last(where: {
                $0.parameters.options == m.parameters.options && $0.parameters.criteria == m.parameters.criteria
                    && $0.parameters.rules < m.parameters.rules }) else { continue }
            let doublings = log2(Double(m.parameters.rules) / Double(previous.parameters.rules))
            func perDoubling(_ a: Double?, _ b: Double?) -> String {
                guard let a, let b, a > 0, doublings > 0 else { return "–" }
                return Format.fixed(pow(b / a, 1 / doublings), decimals: 2) + "×"
            }
            growth.add("N=\(m.parameters.options), M=\(m.parameters.criteria)",
                       "\(previous.parameters.rules) → \(m.parameters.rules)",
                       perDoubling(previous.warm?.wall, m.warm?.wall), perDoubling(previous.cold?.wall, m.cold?.wall),
                       perDoubling(previous.consult, m.consult),
                       perDoubling(previous.validateProcess?.wall, m.validateProcess?.wall),
                       perDoubling(previous.clips?.wall, m.clips?.wall))
            any = true
        }
        if any {
            Swift.print("\nGrowth per doubling of R (time ratio per doubling; linear = 2.00×)")
            growth.print()
        }
    }
}
