import Foundation

/// What a report says beyond the consultation itself: its title, date and authors, and how to reproduce it.
public struct ReportOptions: Sendable {
    /// The project's name, as in "Use FastAPI for *Acme checkout*". Nil derives one from the answers.
    public var title: String?
    /// The decision's date, `YYYY-MM-DD`.
    public var date: String
    /// Who takes the decision, written as given. Nil leaves it out of the record.
    public var decisionMakers: String?
    /// Whose opinions were sought (MADR's `consulted`), written as given; nil leaves it out.
    public var consulted: String?
    /// Who is kept up to date (MADR's `informed`), written as given; nil leaves it out.
    public var informed: String?
    /// The `--knowledge` directories the consultation loaded, for the command that reproduces the report.
    public var knowledgeDirectories: [String]
    /// Colour and drawing for the text format.
    public var textStyle: TextStyle
    /// Robustness, stability and counterfactuals to include (text and JSON), if requested.
    public var analysis: DecisionAnalysis?
    /// Pairwise judgements that set base weights (`--pairwise FILE`), if any.
    public var pairwise: Pairwise?

    /// Pairwise judgements and the file they came from (named in the reproducing command).
    public struct Pairwise: Sendable {
        public var file: String
        public var judgements: PairwiseJudgements

        public init(file: String, judgements: PairwiseJudgements) {
            self.file = file
            self.judgements = judgements
        }
    }

    /// Options for a report dated `date`; everything else is optional.
    public init(title: String? = nil, date: String, decisionMakers: String? = nil, consulted: String? = nil,
                informed: String? = nil, knowledgeDirectories: [String] = [], textStyle: TextStyle = .plain) {
        self.title = title
        self.date = date
        self.decisionMakers = decisionMakers
        self.consulted = consulted
        self.informed = informed
        self.knowledgeDirectories = knowledgeDirectories
        self.textStyle = textStyle
    }

    // MARK: - Dates

    /// Whether `text` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not).
    public static func isValidDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// Today's date in the local time zone, `YYYY-MM-DD`.
    public static func today(now: Date = Date()) -> String {
        // The C library's local time: Foundation's Calendar would load ICU's time zone data first,
        // a fifth of `recommend`'s own time.
        var seconds = time_t(now.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "1970-01-01" }
        let pad = { (value: Int32, width: Int) -> String in
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
    }
}
