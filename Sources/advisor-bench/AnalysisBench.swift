import AdvisorCore
import Foundation

/// Speed of the decision analyses: robustness sampling, single-answer counterfactuals,
/// and `recommend --analysis` against plain `recommend` as whole processes.
enum AnalysisBench {
    static func run(knowledge: KnowledgeBase, answers: Answers, runs: Int, advisor: String) {
        print(String(repeating: "-", count: 90))
        let c = Engine.consult(knowledge, answers: answers)
        let analysisRuns = max(10, runs / 4)
        let robustness = Clock.median(Clock.measure(runs: analysisRuns) {
            _ = Robustness.analyse(c, samples: 10_000, seed: 1)
        })
        row("robustness, 10,000 weight samples", Clock.format(robustness), "target < 5 ms")
        let singles = Clock.median(Clock.measure(runs: analysisRuns) {
            _ = Counterfactual.analyse(c, includePairs: false)
        })
        row("single-answer counterfactuals, all questions", Clock.format(singles), "target < 10 ms")
        let stability = Clock.median(Clock.measure(runs: analysisRuns) { _ = StabilityInterval.analyse(c) })
        row("weight stability intervals", Clock.format(stability))
        let all = Clock.median(Clock.measure(runs: analysisRuns) { _ = DecisionAnalysis.run(c) })
        row("all analyses (DecisionAnalysis.run)", Clock.format(all), "(pairs only when no single change wins)")
        let processRuns = max(20, runs / 4)
        let plain = ["recommend", "--answer", "project_type=api", "--answer", "traffic=high", "--answer", "api_docs=yes",
                     "--answer", "builtins=auth", "--answer", "team_experience=fastapi"]
        guard FileManager.default.isExecutableFile(atPath: advisor),
              let base = Spawn.median(advisor, plain, runs: processRuns),
              let analysed = Spawn.median(advisor, plain + ["--analysis"], runs: processRuns) else {
            print("whole-process analysis timings skipped: build advisor first with `swift build -c release`")
            return
        }
        row("advisor recommend, whole process", Clock.format(base), "(\(processRuns) runs)")
        row("advisor recommend --analysis, whole process", Clock.format(analysed),
            Format.fixed(analysed / base, decimals: 2) + "× plain recommend (target < 2×)")
    }
}
