import AdvisorCore
import AdvisorKnowledge
import Foundation

// advisor-bench: prints timings (medians) of the advisor on the shipped knowledge. It never fails
// on a time; it prints figures and ratios against a peer measured in the same run.
//
// Usage: swift run -c release advisor-bench [--runs N] [--shipped: only the shipped knowledge]
//        [--tui | --analysis | --landscape: only those]
//        advisor-bench --workload | --smoke | --rules R --options N --criteria M  (see Workload.swift)

let arguments = CommandLine.arguments
let runs = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 200
let binDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

func row(_ name: String, _ value: String, _ note: String = "") {
    print(name.padding(toLength: 46, withPad: " ", startingAt: 0) + value.padding(toLength: 14, withPad: " ", startingAt: 0)
          + note)
}

// The synthetic workload only (CI smoke, chosen sizes, or all of it).
if arguments.contains("--rss-probe") { exit(WorkloadBench.probe(arguments)) }
if arguments.contains("--smoke") || arguments.contains("--workload") || arguments.contains("--rules") {
    exit(WorkloadBench(arguments: arguments, binDirectory: binDirectory).run())
}

if arguments.contains("--cold") {
    // One cold decode in a fresh process: what `advisor` pays at start-up.
    let start = Clock.now()
    _ = try? ShippedKnowledge.load()
    let middle = Clock.now()
    _ = try? ShippedKnowledge.load()
    print("cold decode \(Clock.format(middle - start)), warm \(Clock.format(Clock.now() - middle))")
    exit(0)
}

/// The answers every in-process timing uses.
let answers = Answers(["project_type": .one("api"), "traffic": .one("high"), "api_docs": .yes(true),
                       "builtins": .many(["auth"]), "team_experience": .many(["fastapi"])])

// The answer landscape: `advisor knowledge landscape` (a sample of 1,000,000 profiles) as a whole
// process, against the same process held to one core (the floor it would be without the second).
if arguments.contains("--landscape") {
    let advisor = binDirectory + "/advisor"
    let landscapeRuns = arguments.firstIndex(of: "--runs").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 3
    guard let both = Spawn.median(advisor, ["knowledge", "landscape"], runs: landscapeRuns),
          let one = Spawn.median("/usr/bin/taskset", ["-c", "0", advisor, "knowledge", "landscape"], runs: 1)
    else {
        print("advisor-bench: build advisor first with `swift build -c release`; the one-core run needs taskset")
        exit(1)
    }
    row("landscape, 1,000,000 profiles, all cores", Clock.format(both), "median of \(landscapeRuns); target < 10 s")
    row("landscape, one core", Clock.format(one), Format.fixed(one / both, decimals: 2) + "× the all-core run")
    exit(0)
}

// The TUI's frame and keystroke timings alone (for profiling them).
if arguments.contains("--tui") {
    guard let knowledge = try? ShippedKnowledge.load() else { exit(1) }
    TUIBench.run(knowledge, runs: runs)
    exit(0)
}
// The analyses' timings alone.
if arguments.contains("--analysis") {
    guard let knowledge = try? ShippedKnowledge.load() else { exit(1) }
    AnalysisBench.run(knowledge: knowledge, answers: answers, runs: runs, advisor: binDirectory + "/advisor")
    exit(0)
}

print("advisor-bench: medians of \(runs) runs (in-process) on the shipped knowledge")
print(String(repeating: "-", count: 90))

// MARK: - In-process

var knowledge: KnowledgeBase
do {
    knowledge = try ShippedKnowledge.load()
} catch {
    print("cannot decode the embedded knowledge: \(error)")
    exit(1)
}
let decode = Clock.median(Clock.measure(runs: runs) { _ = try? ShippedKnowledge.load() })
row("decode embedded knowledge", Clock.format(decode))
let yamlRuns = max(5, runs / 10)
let yaml = Clock.median(Clock.measure(runs: yamlRuns) {
    _ = try? KnowledgeLoader.load(directories: [packageRoot + "/Knowledge"])
})
row("load + validate Knowledge/ from YAML", Clock.format(yaml), "(what --knowledge costs; \(yamlRuns) runs)")
let consult = Clock.median(Clock.measure(runs: runs) { _ = Engine.consult(knowledge, answers: answers) })
row("inference + scoring (Engine.consult)", Clock.format(consult))
let consultation = Engine.consult(knowledge, answers: answers)
let json = Clock.median(Clock.measure(runs: runs) { _ = JSONReport.render(consultation) })
row("JSON report rendering", Clock.format(json))
row("load + infer + score, in-process", Clock.format(decode + consult), "target < 2 ms")

// MARK: - Whole process

print(String(repeating: "-", count: 90))
let advisor = binDirectory + "/advisor"
let hello = binDirectory + "/bench-hello"
let processRuns = max(20, runs / 4)
let recommendArgs = ["recommend", "--answer", "project_type=api", "--answer", "traffic=high", "--format", "json"]
if let helloTime = Spawn.median(hello, [], runs: processRuns),
   let advisorTime = Spawn.median(advisor, recommendArgs, runs: processRuns) {
    row("hello-world (Foundation), whole process", Clock.format(helloTime), "(\(processRuns) runs)")
    row("advisor recommend --format json, whole process", Clock.format(advisorTime),
        Format.fixed(advisorTime / helloTime, decimals: 2) + "× hello-world (target ≤ 1.5×)")
    row("peak RSS of any child", Format.fixed(Spawn.peakChildRSS(), decimals: 1) + " MiB")
} else {
    print("whole-process timings skipped: build both first with `swift build -c release` (\(advisor), \(hello))")
}

AnalysisBench.run(knowledge: knowledge, answers: answers, runs: runs, advisor: advisor)

// MARK: - TUI

print(String(repeating: "-", count: 90))
TUIBench.run(knowledge, runs: runs)

// MARK: - Synthetic workload against CLIPS

if !arguments.contains("--shipped") {
    exit(WorkloadBench(arguments: arguments, binDirectory: binDirectory).run())
}
