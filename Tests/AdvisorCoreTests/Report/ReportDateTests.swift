import AdvisorCore
import Foundation
import Testing

struct ReportDateTests {
    /// `today` reads the C library's local time; Foundation's Calendar in the same time zone is the oracle.
    @Test("today's date is the local calendar date, zero-padded", arguments: [Double]([
        0, 951_782_400, 1_767_225_599, 1_798_761_600, -31_536_000, 4_102_444_800,
    ]))
    func today(_ seconds: Double) {
        let now = Date(timeIntervalSince1970: seconds)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        let expected = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        #expect(ReportOptions.today(now: now) == expected)
    }
}
