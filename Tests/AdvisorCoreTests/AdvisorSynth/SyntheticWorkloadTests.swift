import AdvisorCore
import AdvisorSynth
import Foundation
import TestSupport
import Testing

/// The benchmark's synthetic workload: deterministic, loadable by the advisor, and scored the same
/// by the advisor's engine as by a plain loop over the same data.
@Suite("Synthetic workload")
struct SyntheticWorkloadTests {
    func temporaryFolder() -> String {
        TestTemporary.root + "advisor-synth-test-" + UUID().uuidString
    }

    func files(in root: String) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            if let data = FileManager.default.contents(atPath: root + "/" + path) { result[path] = data }
        }
        return result
    }

    @Test("the same seed writes the same files; another seed, other rules")
    func deterministic() throws {
        let parameters = SyntheticWorkload.Parameters(rules: 500, options: 10, criteria: 10, seed: 7)
        let a = temporaryFolder(), b = temporaryFolder()
        defer { for path in [a, b] { try? FileManager.default.removeItem(atPath: path) } }
        try SyntheticWorkload(parameters).write(to: a)
        try SyntheticWorkload(parameters).write(to: b)
        var first = try files(in: a), second = try files(in: b)
        #expect(first.count == 6)
        // The batch file names the rules file by its absolute path; everything else is identical.
        let batchA = first.removeValue(forKey: "clips/run.clp"), batchB = second.removeValue(forKey: "clips/run.clp")
        #expect(batchA.map { String(decoding: $0, as: UTF8.self) } == "(load* \"\(a)/clips/workload.clp\")\n(reset)\n(run)\n(report)\n(exit)\n")
        #expect(batchB.map { String(decoding: $0, as: UTF8.self).replacingOccurrences(of: b, with: a) }
                == batchA.map { String(decoding: $0, as: UTF8.self) })
        #expect(first == second)
        var other = parameters
        other.seed = 8
        #expect(SyntheticWorkload(other).rules != SyntheticWorkload(parameters).rules)
    }

    @Test("rule kinds follow the workload's mix: about 1 rule in 200 excludes, and every factor is one of four")
    func mix() {
        let workload = SyntheticWorkload(.init(rules: 20_000, options: 100, criteria: 50))
        let excludes = workload.rules.filter { if case .exclude = $0.effect { true } else { false } }.count
        #expect((60...140).contains(excludes))
        for rule in workload.rules {
            if case .multiply(_, let factor) = rule.effect { #expect(SyntheticWorkload.factors.contains(factor)) }
        }
        #expect(workload.answers.count == 30 && workload.answers.allSatisfy { (0...4).contains($0) })
    }

    @Test("the advisor loads the workload and agrees with the plain loop",
          arguments: [(200, 10, 10, UInt64(1)), (2_000, 30, 20, 2), (5_000, 100, 50, 3)])
    func agreesWithReference(rules: Int, options: Int, criteria: Int, seed: UInt64) throws {
        let workload = SyntheticWorkload(.init(rules: rules, options: options, criteria: criteria, seed: seed))
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let layout = try workload.write(to: root)
        let knowledge = try KnowledgeLoader.load(directories: [layout.knowledge], limits: .large).knowledge
        #expect(knowledge.rules.count == rules)
        var answers = Answers()
        for (q, v) in workload.answers.enumerated() { answers[workload.questionName(q)] = .one(workload.valueName(v)) }
        let c = Engine.consult(knowledge, answers: answers)
        let advisor = SyntheticOutcome(weights: c.weights.map(\.final),
                                       scores: Dictionary(uniqueKeysWithValues: c.ranking.map { ($0.framework, $0.score) }),
                                       excluded: Set(c.excluded.map(\.framework)))
        let expected = workload.reference()
        #expect(advisor.differences(from: expected, mine: "advisor", theirs: "loop", tolerance: 1e-9) == [])
        #expect(!c.firings.isEmpty)
        // Every rule reads one answer or one fact: its trace names it, and a fact only after an
        // earlier firing asserted it.
        var asserted: Set<String> = []
        for firing in c.firings {
            #expect(firing.support.count == 1)
            if case .fact(let name) = firing.support.first { #expect(asserted.contains(name)) }
            for case .fact(let name) in knowledge.rules[firing.ruleIndex].actions { asserted.insert(name) }
        }
    }

    @Test("the comparison catches a different score, a missing exclusion and a different weight")
    func differencesAreReported() {
        let base = SyntheticOutcome(weights: [1, 2], scores: ["o001": 50, "o002": 40], excluded: ["o003"])
        #expect(base.differences(from: base, mine: "a", theirs: "b") == [])
        var other = base
        other.scores["o001"] = 50.01
        other.excluded = []
        other.weights[1] = 2.5
        #expect(base.differences(from: other, mine: "a", theirs: "b") == [
            "weight of criterion 2: a 2.0, b 2.5",
            "o003 is excluded by a only",
            "score of o001: a 50.0, b 50.01",
        ])
    }

    @Test("CLIPS output is parsed into weights, scores and exclusions")
    func parsesCLIPS() {
        let text = "weight 1 3.0000000000000000\nweight 2 0.90000000000000002\nscore o001 71.5\nexcluded o002\n"
        let outcome = SyntheticOutcome.parseCLIPS(text, criteria: 2)
        #expect(outcome == SyntheticOutcome(weights: [3, 0.9], scores: ["o001": 71.5], excluded: ["o002"]))
        #expect(SyntheticOutcome.parseCLIPS("weight 1 3\n", criteria: 2) == nil)
    }
}
