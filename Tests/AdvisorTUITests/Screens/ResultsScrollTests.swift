import AdvisorCore
import Testing
@testable import AdvisorTUI

/// The end of every framework's explanation on the results can be reached, with End or with PgDn,
/// at every supported size: the scroll range is worked out with the same layout the screen draws.
struct ResultsScrollTests {
    @Test("End and PgDn reach the last line of every framework's detail", arguments: [
        Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 200, height: 60),
    ])
    func lastLineReachable(size: Size) throws {
        let knowledge = try #require(shipped)
        var state = session(knowledge, answerAll(knowledge) + [.enter], size: size)
        #expect(state.screen == .results)
        for row in state.resultsOrder.indices {
            state.apply(.home)
            let layout = ResultsLayout(size: size, frameworks: state.resultsOrder.count,
                                       insight: state.resultsInsight, unicode: true)
            let lines = ResultsDetail.lines(for: state.resultsOrder[state.cursor], in: state.consultation,
                                            width: layout.detailWidth, unicode: true)
            state.apply(.end)
            let atEnd = frame(state).text
            #expect(atEnd.contains("of \(lines.count) · end") || !atEnd.contains("PgDn more"),
                    "row \(row) at \(size): \(atEnd.split(separator: "\n").suffix(3).joined(separator: " / "))")
            state.apply(.home)
            for _ in 0..<(lines.count / 2 + 2) { state.apply(.pageDown) }
            #expect(!frame(state).text.contains("PgDn more"), "row \(row) at \(size): PgDn stops short")
            state.apply(.down)
        }
    }

    @Test("from 160 columns the detail stands beside the list, from the top")
    func wideLayout() throws {
        let knowledge = try #require(shipped)
        let state = session(knowledge, answerAll(knowledge) + [.enter], size: Size(width: 200, height: 60))
        let rows = frame(state).text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let heading = try #require(rows.firstIndex { $0.contains("How ") && $0.contains(" scores ") })
        #expect(heading <= 4, "the detail starts at the top")
        let column = try #require(rows[heading].range(of: "How ")).lowerBound
        #expect(rows[heading].distance(from: rows[heading].startIndex, to: column) >= 90, "the detail is on the right")
        #expect(rows[heading].contains("Recommendation:") || rows[heading - 1].contains("Recommendation:")
                || rows.prefix(heading + 1).contains { $0.contains("Recommendation:") })
    }
}
