import Foundation

/// The `advisor recommend` command that reproduces a report byte for byte: the same knowledge,
/// answers, weights, title, authors, date and format.
public enum ReproduceCommand {
    /// The command as argument groups: `advisor recommend`, then one `--flag value` per element,
    /// each already quoted for a POSIX shell.
    public static func groups(_ c: Consultation, format: ReportFormat, options: ReportOptions) -> [String] {
        var groups = answerGroups(c, knowledgeDirectories: options.knowledgeDirectories)
        if let pairwise = options.pairwise { groups.append("--pairwise " + quote(pairwise.file)) }
        if let analysis = options.analysis {
            let r = analysis.robustness
            groups.append("--analysis")
            if r.samples != 10_000 { groups.append("--samples \(r.samples)") }
            if r.seed != 1 { groups.append("--seed \(r.seed)") }
            if r.sampling != .around { groups.append("--robustness \(r.sampling.rawValue)") }
        }
        if let title = options.title { groups.append("--title " + quote(title)) }
        if let makers = options.decisionMakers { groups.append("--decision-makers " + quote(makers)) }
        if let consulted = options.consulted { groups.append("--consulted " + quote(consulted)) }
        if let informed = options.informed { groups.append("--informed " + quote(informed)) }
        groups.append("--format \(format.rawValue)")
        groups.append("--date " + quote(options.date))
        return groups
    }

    /// `advisor recommend` with the knowledge directories, answers and weights: the command that
    /// gives the same recommendation.
    public static func answerGroups(_ c: Consultation, knowledgeDirectories: [String]) -> [String] {
        var groups = ["advisor recommend"]
        for directory in knowledgeDirectories {
            groups.append("--knowledge " + quote(directory))
        }
        // Answers set aside still go in: they make the notes of the report.
        var all = c.answers
        for ignored in c.ignored { all[ignored.question] = ignored.value }
        for (question, value) in all.ordered(by: c.knowledge) {
            let text: String = switch value {
            case .many(let options) where options.isEmpty: "none"
            default: value.text
            }
            groups.append("--answer " + quote("\(question.id)=\(text)"))
        }
        for criterion in c.knowledge.criteria {
            if let weight = c.overrides[criterion.id] {
                groups.append("--weight " + quote("\(criterion.id)=\(Format.number(weight, decimals: 6))"))
            }
        }
        return groups
    }

    /// The command on one line.
    public static func line(_ c: Consultation, format: ReportFormat, options: ReportOptions) -> String {
        groups(c, format: format, options: options).joined(separator: " ")
    }

    /// `text` as one shell word: unchanged when it is made only of safe characters, else single-quoted.
    public static func quote(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-=,./:@%+")
        if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
