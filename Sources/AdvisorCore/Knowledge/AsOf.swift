import Foundation

/// The date a fact describes, read from an `as_of` field: `2015`, `2025-12` or `2025-12-03`, then
/// optionally a space and the version, as in `2025-12-03 Django 6.0`.
public struct AsOf: Hashable, Sendable, Comparable {
    public var year: Int
    public var month: Int?
    public var day: Int?
    /// What follows the date: the version or edition the fact describes, or "".
    public var version: String

    public init?(_ text: String) {
        let trimmed = text.trimmingWhitespace()
        let head = trimmed.prefix { $0 != " " }
        version = String(trimmed.dropFirst(head.count)).trimmingWhitespace()
        let parts = head.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1900
        else { return nil }
        self.year = year
        if parts.count > 1 {
            guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self.month = month
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let day = Int(parts[2]), (1...31).contains(day) else { return nil }
            self.day = day
        }
    }

    /// The date as written: `2025-12`.
    public var date: String {
        var text = Format.zeroPadded(year, width: 4)
        if let month { text += "-" + Format.zeroPadded(month, width: 2) }
        if let day { text += "-" + Format.zeroPadded(day, width: 2) }
        return text
    }

    /// The last day the date can mean (a year is read as its 31 December), as days since 1970.
    public var lastDay: Int {
        let m = month ?? 12
        let d = day ?? Self.daysIn(month: m, year: year)
        return Self.daysSinceEpoch(year: year, month: m, day: d)
    }

    /// Whole days from the date to `today` (days since 1970), counting from its last possible day.
    public func age(today: Int) -> Int { max(0, today - lastDay) }

    /// `11 years`, `8 months`, `20 days`: an age for a reader.
    public static func describe(days: Int) -> String {
        if days >= 730 { return "\(days / 365) years" }
        if days >= 60 { return "\(days / 30) months" }
        return days == 1 ? "1 day" : "\(days) days"
    }

    public static func < (lhs: AsOf, rhs: AsOf) -> Bool { lhs.lastDay < rhs.lastDay }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's algorithm).
    public static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Today, as days since 1970 (UTC).
    public static var today: Int { Int(Date().timeIntervalSince1970 / 86_400) }
}
