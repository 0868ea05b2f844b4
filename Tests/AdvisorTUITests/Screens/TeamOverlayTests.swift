import AdvisorCore
import Foundation
import TestSupport
import Testing
@testable import AdvisorTUI

/// The team overlay as drawn: the form with a loading error, and the comparison, at the smallest
/// and a larger size, in colour with Unicode and in ASCII. `RECORD_SNAPSHOTS=1` records.
@Suite struct TeamOverlayTests {
    /// The results for an API team that knows FastAPI, with ana (a Django web-app team) loaded.
    static func withAna(_ knowledge: KnowledgeBase, size: Size) -> AdvisorState {
        var state = AdvisorState(knowledge: knowledge, answers: Answers(["project_type": .one("api"),
                                                                         "traffic": .one("high"),
                                                                         "team_experience": .many(["fastapi"])]),
                                 size: size)
        state.reportDate = "2026-01-15"
        state.apply(.resize(size))
        for key: Key in [.character("r"), .enter, .character("t")] { state.apply(key) }
        state.finishTeamLoad(.loaded(TeamMember(
            name: "ana", answersPath: "ana.yaml",
            answers: Answers(["project_type": .one("web_app"), "traffic": .one("low"),
                              "team_experience": .many(["django"])]))))
        return state
    }

    static let cases: [(String, [Key])] = [
        ("team-comparison", []),
        // A second member whose file is missing: the form, its message wrapped, the comparison below.
        ("team-form-error", [.character("a")] + keys("team/ben.yaml")),
    ]

    @Test(arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)], [0, 1])
    func overlay(_ size: Size, _ index: Int) throws {
        let knowledge = try #require(shipped)
        let (name, typed) = Self.cases[index]
        for (label, appearance) in [("color-utf8", TextStyle(color: true, unicode: true)),
                                    ("mono-ascii", TextStyle(color: false, unicode: false))] {
            var state = Self.withAna(knowledge, size: size)
            state.unicode = appearance.unicode
            for key in typed { state.apply(key) }
            if index == 1 {
                state.apply(.enter)
                state.finishTeamLoad(.failed("answers file '/home/lena/projects/shop/team/ben.yaml' does not exist; "
                                             + "the path is read from the folder the advisor was started in"))
            }
            let canvas = frame(state, appearance)
            #expect(canvas.contains("Members:"))
            assertSnapshot(snapshotText(canvas), named: "\(name)-\(size.width)x\(size.height)-\(label).txt",
                           in: snapshotDirectory())
        }
    }
}
