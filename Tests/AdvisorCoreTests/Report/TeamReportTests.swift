import AdvisorCore
import Foundation
import TestSupport
import Testing

/// The team's HTML record as a reader gets it: the whole page against its golden file
/// (`RECORD_SNAPSHOTS=1` records), and the page as headless Chromium builds and prints it.
@Suite struct TeamReportTests {
    /// Three members of a team choosing for an orders service: two know Django, one FastAPI.
    static func team() throws -> TeamDecision {
        let k = EngineTests.knowledge
        func member(_ name: String, _ answers: [String: AnswerValue]) -> TeamDecision.Member {
            TeamDecision.Member(name: name, knowledge: k, answers: Answers(answers))
        }
        return TeamDecision.decide([
            member("ana", ["project_type": .one("api"), "traffic": .one("high"), "team_experience": .many(["fastapi"])]),
            member("ben", ["project_type": .one("web_app"), "traffic": .one("low"), "team_experience": .many(["django"]),
                           "must_have": .many(["builtin_admin"])]),
            member("cy", ["project_type": .one("api"), "traffic": .one("high"), "team_experience": .many(["django"]),
                          "time_to_market": .one("critical")]),
        ])
    }

    static let options = TeamReport.Options(title: "Orders <service>", date: "2026-12-05")

    @Test("the team's HTML page matches its golden file")
    func htmlGolden() throws {
        let html = TeamReport.render(try Self.team(), format: .html, options: Self.options)
        #expect(html.contains("<h1>Use "))
        #expect(html.contains("Orders &lt;service&gt;"))
        #expect(html.contains("<p>Each one's own recommendation: ana → "))
        assertSnapshot(html, named: "team-report.html", in: snapshotDirectory())
    }

    @Test("renders and prints in headless Chromium: the members, the disagreements, two pages at most",
          .enabled(if: ReportTool.find("chromium") != nil, "chromium is not installed (apt-get install chromium)"))
    func chromium() throws {
        let chromium = try #require(ReportTool.find("chromium"))
        let folder = try ReportTool.temporaryFolder("team")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let team = try Self.team()
        let page = folder + "/team.html"
        try Data(TeamReport.render(team, format: .html, options: Self.options).utf8).write(to: URL(fileURLWithPath: page))
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(folder)/profile"]
        let timeout = ReportTool.find("timeout") ?? "/usr/bin/timeout"
        let dom = try ReportTool.run(timeout, ["120", chromium] + common + ["--dump-dom", "file://" + page])
        #expect(dom.exitCode == 0, "\(dom.stderr)")
        #expect(dom.stdout.contains("<h2>Where the team differs</h2>"))
        #expect(dom.stdout.contains("<th scope=\"col\">cy</th>"))
        let knockout = try #require(team.group.knockouts.first)
        #expect(dom.stdout.contains("<strong>\(knockout.name)</strong>: ben's answers:"))
        let pdf = folder + "/team.pdf"
        let printed = try ReportTool.run(timeout, ["120", chromium] + common + ["--print-to-pdf=\(pdf)",
                                                                               "--no-pdf-header-footer", "file://" + page])
        #expect(printed.exitCode == 0, "\(printed.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let pages = ReportHTMLTests.pageCount(bytes)
        #expect((1...2).contains(pages), "\(pages) pages")
    }
}
