import AdvisorCore
import AdvisorSynth
import Foundation

/// The synthetic workload benchmark: generates the workload at each size, runs the advisor and
/// CLIPS on the same files, checks that they (and a plain Swift loop) agree, and prints medians.
///
///     advisor-bench                    the shipped knowledge, then the workload at every size
///     advisor-bench --smoke            one small size, one run: the CI check (fails only on disagreement)
///     advisor-bench --workload         the workload only
///     advisor-bench --rules R --options N --criteria M   one size (repeatable lists: --rules 1000,10000)
///     --workload-runs N (process runs; default 10), --keep DIR (keep the generated files), --seed S
struct WorkloadBench {
    var runs = 10
    var smoke = false
    var sizes: [SyntheticWorkload.Parameters] = []
    var root: String
    var keep = false
    var seed: UInt64 = 1
    let advisor: String
    let bench: String

    /// The headline sizes of the issue, and the scaling grid.
    static func defaultSizes(seed: UInt64) -> [SyntheticWorkload.Parameters] {
        var sizes: [SyntheticWorkload.Parameters] = []
        for (n, m) in [(100, 50), (10, 10), (100, 10), (10, 50)] {
            for r in [100, 1_000, 10_000, 100_000] {
                sizes.append(.init(rules: r, options: n, criteria: m, seed: seed))
            }
        }
        sizes.insert(.init(rules: 50_000, options: 100, criteria: 50, seed: seed), at: 3)
        return sizes
    }

    init(arguments: [String], binDirectory: String) {
        advisor = binDirectory + "/advisor"
        bench = binDirectory + "/advisor-bench"
        root = NSTemporaryDirectory() + "advisor-bench-\(getpid())"
        func value(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { arguments[safe: $0 + 1] } }
        func list(_ name: String) -> [Int]? {
            value(name).map { $0.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) } }
        }
        if let text = value("--seed"), let parsed = UInt64(text) { seed = parsed }
        if let directory = value("--keep") { root = directory; keep = true }
        smoke = arguments.contains("--smoke")
        runs = value("--workload-runs").flatMap(Int.init) ?? (smoke ? 1 : 10)
        if smoke {
            sizes = [.init(rules: 300, options: 10, criteria: 10, seed: seed)]
        } else if let rules = list("--rules") {
            let options = list("--options") ?? [100], criteria = list("--criteria") ?? [50]
            for n in options { for m in criteria { for r in rules { sizes.append(.init(rules: r, options: n, criteria: m, seed: seed)) } } }
        } else {
            sizes = Self.defaultSizes(seed: seed)
        }
    }

    // MARK: - Running

    /// Runs every size; returns the exit status (1 if any engine disagreed or failed).
    func run() -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: advisor) else {
            print("advisor-bench: \(advisor) is missing; build it first: swift build -c release")
            return 1
        }
        guard let clips = CLIPS.locate() else { return 1 }
        print("")
        print("Synthetic workload (Q = 30 questions answered 0..4; R rules, N options, M criteria; seed \(seed)).")
        print("Process figures are medians of up to \(runs) runs; 'warm' reuses the compiled cache, 'cold' starts "
              + "with an empty one.")
        defer { if !keep { try? FileManager.default.removeItem(atPath: root) } }
        var results: [Measurement] = []
        for parameters in sizes {
            do {
                let measurement = try measure(parameters, clips: clips)
                print("  \(parameters): \(measurement.agreement)")
                results.append(measurement)
            } catch let failure as BenchFailure {
                print("  \(parameters): FAILED")
                print("advisor-bench: \(failure.message)")
                return 1
            } catch {
                print("  \(parameters): FAILED: \(error)")
                return 1
            }
        }
        Report(results: results).print()
        if keep { print("\nGenerated files kept in \(root)") }
        return 0
    }

    struct BenchFailure: Error { var message: String }

    /// How many times to repeat something that costs about `R` units.
    func repeats(_ rules: Int, base: Int) -> Int {
        if smoke { return 1 }
        if rules >= 100_000 { return max(1, base / 4) }
        if rules >= 50_000 { return max(1, base / 2) }
        return base
    }

    func measure(_ p: SyntheticWorkload.Parameters, clips: String) throws -> Measurement {
        let workload = SyntheticWorkload(p)
        let directory = "\(root)/R\(p.rules)-N\(p.options)-M\(p.criteria)"
        let layout = try workload.write(to: directory)
        let written = Date()
        var m = Measurement(parameters: p)

        // The floor: a plain loop over the same data.
        let expected = workload.reference()
        m.floor = Clock.median(Clock.measure(runs: repeats(p.rules, base: 20), warmup: 1) { _ = workload.reference() })

        // In-process, timed from outside: whole loads without a cache, then writing and reading one.
        let loadRuns = repeats(p.rules, base: 5)
        var loaded: KnowledgeLoader.Result?
        m.load = Clock.median(Clock.measure(runs: loadRuns, warmup: 0) {
            loaded = try? KnowledgeLoader.load(directories: [layout.knowledge], limits: .large)
        })
        guard let knowledge = loaded?.knowledge else {
            var detail = ""
            do { _ = try KnowledgeLoader.load(directories: [layout.knowledge], limits: .large) } catch {
                detail = error.rendered().split(separator: "\n").prefix(5).joined(separator: "\n")
            }
            throw BenchFailure(message: "the advisor could not load the generated knowledge:\n\(detail)")
        }
        // Cache write and read, in a private folder: the first load compiles and writes the entry,
        // the next ones read it.
        let cacheFolder = directory + "/cache-inprocess"
        try? FileManager.default.removeItem(atPath: cacheFolder)
        let cache = KnowledgeCache(directory: cacheFolder)
        m.loadAndCacheWrite = Clock.median(Clock.measure(runs: 1, warmup: 0) {
            _ = try? KnowledgeLoader.load(directories: [layout.knowledge], cache: cache, limits: .large)
        })
        var warm: [Double] = []
        for _ in 0..<loadRuns {
            let start = Clock.now()
            let result = try? KnowledgeLoader.load(directories: [layout.knowledge], cache: cache, limits: .large)
            let seconds = Clock.now() - start
            if result?.cacheHit != nil { warm.append(seconds) }
        }
        if warm.count == loadRuns {
            m.warmLoad = Clock.median(warm)
        }

        let answers = Answers(Dictionary(uniqueKeysWithValues: workload.answers.enumerated().map {
            (workload.questionName($0.offset), AnswerValue.one(workload.valueName($0.element)))
        }))
        // The whole consultation (inference, trace, effects, scores), and the same without the trace.
        var consultation = Engine.consult(knowledge, answers: answers)
        m.consult = Clock.median(Clock.measure(runs: repeats(p.rules, base: 50), warmup: 0) {
            consultation = Engine.consult(knowledge, answers: answers)
        })
        m.outcome = Clock.median(Clock.measure(runs: repeats(p.rules, base: 50), warmup: 0) {
            _ = Engine.outcome(knowledge, answers: answers)
        })
        m.fired = consultation.firings.count
        let inProcess = SyntheticOutcome(weights: consultation.weights.map(\.final),
                                         scores: Dictionary(uniqueKeysWithValues: consultation.ranking.map {
                                             ($0.framework, $0.score) }),
                                         excluded: Set(consultation.excluded.map(\.framework)))
        try agree(inProcess, expected, "the advisor (in-process)", p)
        // Analysis: robustness (1,000 samples), weight stability, and single-answer counterfactuals
        // (pairs re-run the engine thousands of times with 100 options, so they are left out here).
        m.analysis = Clock.median(Clock.measure(runs: repeats(p.rules, base: 3), warmup: 0) {
            _ = Robustness.analyse(consultation, samples: 1_000)
            _ = StabilityInterval.analyse(consultation)
            _ = Counterfactual.analyse(consultation, includePairs: false)
        })

        // Whole processes: first the cross-check, then the timings. A warm start takes the digest
        // from the files' stamps only once the files are older than the cache's margin (a file
        // changed within the file system's timestamp granularity could keep its times), as
        // knowledge nobody is editing is; until then it reads and hashes them. Wait for that.
        let age = Date().timeIntervalSince(written)
        if age < KnowledgeCache.trustedStampAge {
            Thread.sleep(forTimeInterval: KnowledgeCache.trustedStampAge - age + 0.1)
        }
        let processCache = directory + "/cache"
        let environment = ["XDG_CACHE_HOME": processCache]
        let recommend = ["recommend", "--large-knowledge", "--knowledge", layout.knowledge, "--answers", layout.answers, "--format", "json"]
        try? FileManager.default.removeItem(atPath: processCache)
        let coldOutput = directory + "/advisor-cold.json", warmOutput = directory + "/advisor-warm.json"
        let errors = directory + "/advisor.stderr"
        guard let first = Runner.run(advisor, recommend, environment: environment, stdout: coldOutput, stderr: errors),
              first.status == 0 else {
            let text = (try? String(contentsOfFile: errors, encoding: .utf8)) ?? ""
            throw BenchFailure(message: "advisor recommend failed:\n\(text.prefix(2_000))")
        }
        _ = Runner.run(advisor, recommend, environment: environment, stdout: warmOutput)
        guard let cold = FileManager.default.contents(atPath: coldOutput),
              let fromProcess = SyntheticOutcome.parseAdvisorJSON(cold) else {
            throw BenchFailure(message: "cannot read advisor's JSON output (\(coldOutput))")
        }
        guard FileManager.default.contents(atPath: warmOutput) == cold else {
            throw BenchFailure(message: "advisor's output with a warm cache differs from its output without one "
                               + "(\(coldOutput), \(warmOutput))")
        }
        try agree(fromProcess, expected, "advisor recommend", p)
        let clipsOutput = directory + "/clips.out"
        guard let clipsRun = Runner.run(clips, ["-f2", layout.clipsBatch], stdout: clipsOutput, stderr: errors),
              clipsRun.status == 0,
              let text = try? String(contentsOfFile: clipsOutput, encoding: .utf8),
              let fromCLIPS = SyntheticOutcome.parseCLIPS(text, criteria: p.criteria) else {
            throw BenchFailure(message: "clips failed or printed something unexpected (\(clipsOutput))")
        }
        try agree(fromCLIPS, expected, "clips", p)
        try agree(fromProcess, fromCLIPS, "advisor recommend", p, theirs: "clips")
        m.excluded = expected.excluded.count
        m.scored = expected.scores.count

        let processRuns = repeats(p.rules, base: runs)
        var warmTimes: [Runner.Outcome] = [], coldTimes: [Runner.Outcome] = [], clipsTimes: [Runner.Outcome] = []
        var validateTimes: [Runner.Outcome] = []
        for _ in 0..<processRuns {
            if let run = Runner.run(advisor, recommend, environment: environment), run.status == 0 {
                warmTimes.append(run)
            }
            try? FileManager.default.removeItem(atPath: processCache)
            if let run = Runner.run(advisor, recommend, environment: environment), run.status == 0 {
                coldTimes.append(run)
            }
            if let run = Runner.run(clips, ["-f2", layout.clipsBatch]), run.status == 0 {
                clipsTimes.append(run)
            }
            if let run = Runner.run(advisor, ["validate", "--large-knowledge", "--knowledge", layout.knowledge], environment: environment),
               run.status == 0 {
                validateTimes.append(run)
            }
        }
        m.warm = ProcessFigures(warmTimes)
        m.cold = ProcessFigures(coldTimes)
        m.clips = ProcessFigures(clipsTimes)
        m.validateProcess = ProcessFigures(validateTimes)
        // Peak RSS through a small probe process: a child spawned from this (large) process
        // would report this process's own peak.
        m.warm?.rss = peakRSS(advisor, recommend, environment: environment, directory: directory)
        try? FileManager.default.removeItem(atPath: processCache)
        m.cold?.rss = peakRSS(advisor, recommend, environment: environment, directory: directory)
        m.clips?.rss = peakRSS(clips, ["-f2", layout.clipsBatch], environment: [:], directory: directory)
        m.processRuns = processRuns
        return m
    }

    /// The peak RSS of `program arguments` in MiB, measured by `advisor-bench --rss-probe`.
    func peakRSS(_ program: String, _ arguments: [String], environment: [String: String], directory: String) -> Double? {
        let output = directory + "/rss.txt"
        guard let run = Runner.run(bench, ["--rss-probe", program] + arguments, environment: environment, stdout: output),
              run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8),
              let kib = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { return nil }
        return kib / 1024
    }

    /// `advisor-bench --rss-probe PROGRAM ARGUMENTS...`: runs the program from this small process
    /// and prints its peak resident set in KiB.
    static func probe(_ arguments: [String]) -> Int32 {
        guard let index = arguments.firstIndex(of: "--rss-probe"), index + 1 < arguments.count else { return 64 }
        guard let run = Runner.run(arguments[index + 1], Array(arguments[(index + 2)...])), run.status == 0 else {
            return 1
        }
        print(Int(run.peakRSS * 1024))
        return 0
    }

    /// Throws, listing the first differences, unless the two outcomes agree.
    func agree(_ mine: SyntheticOutcome, _ theirs: SyntheticOutcome, _ name: String, _ p: SyntheticWorkload.Parameters,
               theirs other: String = "the plain loop") throws {
        let differences = mine.differences(from: theirs, mine: name, theirs: other)
        guard differences.isEmpty else {
            throw BenchFailure(message: "MISMATCH at \(p): \(name) and \(other) disagree "
                               + "(\(differences.count) differences):\n  "
                               + differences.prefix(10).joined(separator: "\n  "))
        }
    }
}
