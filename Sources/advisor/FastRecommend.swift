import AdvisorCore

/// A hand-written parser for `advisor recommend` with well-formed flags: the path scripts and CI take.
///
/// ArgumentParser builds its view of the options by reflection on every run, a large part of a
/// short `recommend` (see the benchmark README's speed paths). The result is a plain
/// `RecommendRequest`. This parser accepts only what it is sure
/// of: each flag spelled in full, each value the next argument and not starting with `-`, each
/// single-valued flag given once, `--samples` and `--seed` as plain numbers, and `--format` and
/// `--robustness` from their lists. Anything else (help, a typo, a missing value, a flag given twice,
/// `--flag=value`) returns nil, and ArgumentParser parses the line as before, with its messages.
/// `FastRecommendTests` checks that both parsers build the same request for a thousand lines.
enum FastRecommend {
    static func parse(_ arguments: [String]) -> RecommendRequest? {
        var knowledge: [String] = [], largeKnowledge = false
        var answer: [String] = [], answersFile: String?, weight: [String] = []
        var color: Bool?
        var format: ReportFormat?, output: String?, force = false, adrDirectory: String?
        var title: String?, date: String?, decisionMakers: String?, consulted: String?, informed: String?
        var analysis = false, samples = AnalysisOptions.defaultSamples, seed = AnalysisOptions.defaultSeed
        var robustness = AnalysisOptions.defaultSampling
        var pairwise: String?

        var seen: [String] = []
        var index = 0
        /// The next argument as a value, or nil when there is none or it looks like a flag.
        func value() -> String? {
            guard index < arguments.count else { return nil }
            let text = arguments[index]
            guard !text.isEmpty, !text.hasPrefix("-") else { return nil }
            index += 1
            return text
        }
        while index < arguments.count {
            let flag = arguments[index]
            index += 1
            let repeatable = flag == "--knowledge" || flag == "--answer" || flag == "--weight"
            // `-o` and `--output` are one option; `--color` and `--no-color` exclude each other.
            let key = flag == "-o" ? "--output" : flag == "--no-color" ? "--color" : flag
            guard repeatable || !seen.contains(key) else { return nil }
            if !repeatable { seen.append(key) }
            switch flag {
            case "--knowledge": guard let v = value() else { return nil }; knowledge.append(v)
            case "--large-knowledge": largeKnowledge = true
            case "--answer": guard let v = value() else { return nil }; answer.append(v)
            case "--answers": guard let v = value() else { return nil }; answersFile = v
            case "--weight": guard let v = value() else { return nil }; weight.append(v)
            case "--color": color = true
            case "--no-color": color = false
            case "--format":
                guard let v = value(), let parsed = ReportFormat(rawValue: v) else { return nil }
                format = parsed
            case "-o", "--output": guard let v = value() else { return nil }; output = v
            case "--force": force = true
            case "--adr-dir": guard let v = value() else { return nil }; adrDirectory = v
            case "--title": guard let v = value() else { return nil }; title = v
            case "--date": guard let v = value() else { return nil }; date = v
            case "--decision-makers": guard let v = value() else { return nil }; decisionMakers = v
            case "--consulted": guard let v = value() else { return nil }; consulted = v
            case "--informed": guard let v = value() else { return nil }; informed = v
            case "--analysis": analysis = true
            case "--samples":
                guard let v = value(), let parsed = Int(v) else { return nil }
                samples = parsed
            case "--seed":
                guard let v = value(), let parsed = UInt64(v) else { return nil }
                seed = parsed
            case "--robustness":
                guard let v = value(), let parsed = Robustness.Sampling(rawValue: v) else { return nil }
                robustness = parsed
            case "--pairwise": guard let v = value() else { return nil }; pairwise = v
            default: return nil
            }
        }

        var request = RecommendRequest()
        request.knowledge = .init(knowledge: knowledge, largeKnowledge: largeKnowledge)
        request.answers = .init(answer: answer, answers: answersFile, weight: weight)
        request.color = .init(color: color)
        request.report = .init(format: format, output: output, force: force, adrDirectory: adrDirectory, title: title,
                               date: date, decisionMakers: decisionMakers, consulted: consulted, informed: informed)
        request.analysis = .init(analysis: analysis, samples: samples, seed: seed, robustness: robustness)
        request.pairwise = .init(pairwise: pairwise)
        return request
    }
}
