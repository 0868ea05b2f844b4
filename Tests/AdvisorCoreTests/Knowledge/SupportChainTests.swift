@testable import AdvisorCore
import AdvisorKnowledge
import AdvisorSynth
import Foundation
import Testing
import TestSupport

/// The decision record names, for each weight a rule changed, the answers behind that rule,
/// following derived facts back. It follows precomputed links; these tests hold it to the plain
/// definition (search every firing for the rules that asserted each fact) on generated rules with
/// chains of facts, and on the shipped knowledge.
@Suite("Decision record: answers behind a rule")
struct SupportChainTests {
    /// The definition, as the record first computed it: depth first, in firing order, each answer once.
    static func reference(_ c: Consultation, behind rule: String) -> [String] {
        var result: [String] = []
        var visited: Set<String> = []
        func collect(_ rule: String) {
            guard visited.insert(rule).inserted, let firing = c.firings.first(where: { $0.rule == rule }) else { return }
            for support in firing.support {
                switch support {
                case .answer(let question, let value):
                    let text = "\(question)=\(value.text)"
                    if !result.contains(text) { result.append(text) }
                case .fact(let name):
                    for other in c.firings where c.knowledge.rule(at: other.ruleIndex).actions.contains(.fact(name)) {
                        collect(other.rule)
                    }
                }
            }
        }
        collect(rule)
        return result
    }

    /// Every rule that changed a weight, and one that never fired.
    static func expectSameChains(_ c: Consultation, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int {
        let builder = DecisionRecord.Builder(c)
        var rules: [String] = []
        for weight in c.weights {
            for step in weight.steps { if case .rule(let id) = step.origin { rules.append(id) } }
        }
        var longest = 0
        for rule in rules + ["no-such-rule"] {
            let chain = builder.answers(behind: rule)
            #expect(chain == reference(c, behind: rule), "\(rule)", sourceLocation: sourceLocation)
            longest = max(longest, chain.count)
        }
        return longest
    }

    @Test("on generated rules with chains of facts, the same answers in the same order", arguments: [1, 2, 3])
    func generated(seed: UInt64) throws {
        let root = TestTemporary.root + "support-chain-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let workload = SyntheticWorkload(.init(rules: 1_500, options: 20, criteria: 10, seed: seed))
        let layout = try workload.write(to: root)
        let knowledge = try KnowledgeLoader.load(directories: [layout.knowledge], cache: .disabled, limits: .large).knowledge
        let answers = Answers(Dictionary(uniqueKeysWithValues: workload.answers.enumerated().map {
            (workload.questionName($0.offset), AnswerValue.one(workload.valueName($0.element)))
        }))
        let c = Engine.consult(knowledge, answers: answers)
        // Derived facts chain, so some weights owe to answers several rules back.
        #expect(c.firings.contains { $0.support.contains { if case .fact = $0 { true } else { false } } })
        #expect(Self.expectSameChains(c) > 1)
    }

    @Test("on the shipped knowledge, for every profile the engine tests use")
    func shipped() throws {
        let knowledge = try ShippedKnowledge.load()
        for answers in EngineTests.profiles {
            _ = Self.expectSameChains(Engine.consult(knowledge, answers: answers))
        }
    }
}
