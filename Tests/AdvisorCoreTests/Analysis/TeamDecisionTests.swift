import AdvisorCore
import AdvisorKnowledge
import Foundation
import Testing

/// The group consultation of `TeamDecision`: its definition, and properties it must keep.
struct TeamDecisionTests {
    static let knowledge: KnowledgeBase = {
        do { return try ShippedKnowledge.load() } catch { preconditionFailure("embedded knowledge: \(error)") }
    }()

    static func member(_ name: String, _ values: [String: AnswerValue]) -> TeamDecision.Member {
        TeamDecision.Member(name: name, knowledge: knowledge, answers: Answers(values))
    }

    static let ana = member("ana", ["project_type": .one("api"), "traffic": .one("high"), "async_workload": .yes(true),
                                    "team_experience": .one("fastapi")])
    static let ben = member("ben", ["project_type": .one("api"), "traffic": .one("low"), "async_workload": .yes(false),
                                    "team_experience": .one("django"), "builtins": .many(["admin", "auth"])])
    static let cy = member("cy", ["project_type": .one("web_app"), "traffic": .one("moderate")])

    static func summary(_ group: TeamDecision.Group) -> [String] {
        group.consultation.ranking.map { "\($0.framework) \(Format.fixed($0.score, decimals: 9))" }
            + group.knockouts.map { "out \($0.framework)" }
            + group.consultation.weights.map { "\($0.criterion) \(Format.fixed($0.final, decimals: 9))" }
    }

    @Test("the member order does not change the group's weights, ranking, knock-outs or disagreements")
    func orderIndependence() {
        let forward = TeamDecision.decide([Self.ana, Self.ben, Self.cy])
        for order in [[Self.cy, Self.ana, Self.ben], [Self.ben, Self.cy, Self.ana], [Self.cy, Self.ben, Self.ana]] {
            let other = TeamDecision.decide(order)
            #expect(Self.summary(other.group) == Self.summary(forward.group))
            #expect(other.disagreements.map(\.question) == forward.disagreements.map(\.question))
            #expect(other.disagreements.map { $0.outcomes.map { $0.winner?.framework } }
                    == forward.disagreements.map { $0.outcomes.map { $0.winner?.framework } })
        }
    }

    @Test("identical members: no disagreements, and the group is the member")
    func identicalMembers() {
        let twin = TeamDecision.Member(name: "twin", knowledge: Self.knowledge, answers: Self.ana.answers)
        let team = TeamDecision.decide([Self.ana, twin, TeamDecision.Member(name: "third", knowledge: Self.knowledge,
                                                                           answers: Self.ana.answers)])
        let alone = Engine.consult(Self.knowledge, answers: Self.ana.answers)
        #expect(team.disagreements.isEmpty)
        #expect(team.group.consultation.ranking.map(\.framework) == alone.ranking.map(\.framework))
        for (group, own) in zip(team.group.consultation.ranking, alone.ranking) {
            #expect(abs(group.score - own.score) < 1e-9)
        }
        #expect(team.group.knockouts.map(\.framework) == alone.excluded.map(\.framework))
    }

    @Test("the group weight is the geometric mean of the final weights, 0 when any member weighs 0")
    func geometricMean() {
        let team = TeamDecision.decide([Self.ana, Self.ben])
        for (c, weight) in team.group.consultation.weights.enumerated() {
            let a = team.members[0].consultation.weights[c].final, b = team.members[1].consultation.weights[c].final
            #expect(abs(weight.final - (a * b).squareRoot()) < 1e-9, "\(weight.criterion)")
        }
    }

    @Test("a framework any member's answers knock out is out for the group, and the report says whose")
    func knockoutsAreTheUnion() {
        let team = TeamDecision.decide([Self.ana, Self.ben, Self.cy])
        var expected: [String: [String]] = [:]
        for member in team.members {
            for exclusion in member.consultation.excluded { expected[exclusion.framework, default: []].append(member.member.name) }
        }
        #expect(Dictionary(uniqueKeysWithValues: team.group.knockouts.map { ($0.framework, $0.by.map(\.member)) })
                == expected)
        for knockout in team.group.knockouts { #expect(team.group.consultation.scored(knockout.framework) == nil) }
    }

    @Test("disagreements are sorted by swing, and each outcome is the group re-run with that answer")
    func disagreements() {
        let members = [Self.ana, Self.ben, Self.cy]
        let team = TeamDecision.decide(members)
        #expect(!team.disagreements.isEmpty)
        #expect(team.disagreements.map(\.swing) == team.disagreements.map(\.swing).sorted(by: >))
        for item in team.disagreements {
            for outcome in item.outcomes {
                let rerun = TeamDecision.group(members, answering: item.question, with: outcome.value)
                #expect(rerun.winner?.framework == outcome.winner?.framework)
            }
        }
    }
}
