import AdvisorCore
import Foundation

// MARK: - Team: colleagues' answers beside your own

/// A colleague whose answers were loaded on the results screen (`t`), compared with yours as
/// `advisor team` compares members.
public struct TeamMember: Sendable {
    public var name: String
    /// The answers file, as typed.
    public var answersPath: String
    /// The pairwise file, as typed, if one was given.
    public var pairwisePath: String?
    public var answers: Answers
    public var judgements: PairwiseJudgements?

    public init(name: String, answersPath: String, pairwisePath: String? = nil, answers: Answers,
                judgements: PairwiseJudgements? = nil) {
        self.name = name
        self.answersPath = answersPath
        self.pairwisePath = pairwisePath
        self.answers = answers
        self.judgements = judgements
    }
}

/// The team overlay's form: the member being added, and where keys go.
public struct TeamForm: Hashable, Sendable {
    public enum Field: Int, CaseIterable, Hashable, Sendable {
        /// Your own name in the comparison and its report.
        case own
        case name, answers, pairwise
    }

    /// Keys go to the form's fields, or to the comparison below it (scrolling, choosing a member).
    public enum Focus: Hashable, Sendable {
        case form(Field)
        case comparison
    }

    /// The name your own answers go by ("you" until changed).
    public internal(set) var own = AdvisorState.ownMemberName
    public internal(set) var name = ""
    public internal(set) var answers = ""
    public internal(set) var pairwise = ""
    public internal(set) var focus: Focus = .form(.answers)
    /// The loaded member highlighted in the comparison (index into the loaded members), for `x`.
    public internal(set) var selected = 0
    /// A line shown under the fields: why Enter did nothing, or a loading error.
    public internal(set) var message: String?

    subscript(field: Field) -> String {
        get {
            switch field {
            case .own: own
            case .name: name
            case .answers: answers
            case .pairwise: pairwise
            }
        }
        set {
            switch field {
            case .own: own = newValue
            case .name: name = newValue
            case .answers: answers = newValue
            case .pairwise: pairwise = newValue
            }
        }
    }
}

/// Files the state machine wants read for a new member. The app loop (or a test) reads them with a
/// `TeamLoader` and hands the outcome back through `finishTeamLoad(_:)`.
public struct TeamLoadRequest: Hashable, Sendable {
    public var name: String
    public var answersPath: String
    public var pairwisePath: String?
}

/// How reading a member's files went.
public enum TeamLoadOutcome: Sendable {
    case loaded(TeamMember)
    /// One line, such as "answers file 'x.yaml' does not exist" or "x.yaml:3:5: unknown question …".
    case failed(String)
}

/// The team comparison on screen: the decision of you and the loaded members, worked out when the
/// members or your answers change, never while drawing.
public struct TeamView: Sendable {
    public var decision: TeamDecision
    /// The group's robustness, with the same settings as the results' verdict.
    public var robustness: Robustness
}

extension TeamView {
    /// How the team's report is rendered, on screen and exported: dated `date`, with this view's
    /// robustness and the `members`' pairwise files.
    func reportOptions(date: String, members: [TeamMember], knowledgeDirectories: [String] = []) -> TeamReport.Options {
        TeamReport.Options(date: date, robustness: robustness,
                           pairwise: Dictionary(members.compactMap { member in member.pairwisePath.map { (member.name, $0) } },
                                                uniquingKeysWith: { first, _ in first }),
                           knowledgeDirectories: knowledgeDirectories)
    }
}

extension AdvisorState {
    /// The name that stands for the person at the keyboard until they type their own.
    public static let ownMemberName = "you"

    /// `t` on the results: opens the team overlay, with the members loaded so far.
    mutating func openTeam() {
        var form = teamForm ?? TeamForm()
        form.message = nil
        form.focus = teamMembers.isEmpty ? .form(.answers) : .comparison
        teamForm = form
        overlay = .team
        scroll = 0
        refreshTeam()
    }

    /// Puts back the members a saved session had loaded (read again by a `TeamLoader`); the first
    /// member that could not be read is named on the status line.
    public mutating func restoreTeam(_ restored: TeamLoader.Restored, ownName: String) {
        teamMembers = restored.members
        teamUnavailable = restored.unavailable
        teamOwnName = ownName
        let problems = restored.problems
        if !teamMembers.isEmpty || !teamUnavailable.isEmpty || ownName != Self.ownMemberName {
            var form = TeamForm()
            form.own = ownName
            teamForm = form
        }
        if let first = problems.first {
            notice = problems.count == 1 ? first : first + " (and \(problems.count - 1) more)"
        }
        team = nil
    }

    /// Works out the comparison of your answers and the loaded members' (nil with no member loaded).
    mutating func refreshTeam() {
        guard !teamMembers.isEmpty else {
            team = nil
            return
        }
        let own = TeamDecision.Member(name: teamOwnName, knowledge: knowledge, answers: answers)
        let others = teamMembers.map { member in
            TeamDecision.Member(name: member.name,
                                knowledge: member.judgements.map { $0.applied(to: loadedKnowledge) } ?? loadedKnowledge,
                                answers: member.answers)
        }
        let decision = TeamDecision.decide([own] + others)
        let settings = ResultsInsight.settings
        team = TeamView(decision: decision,
                        robustness: Robustness.analyse(decision.group.consultation, samples: settings.samples,
                                                       seed: settings.seed, sampling: settings.sampling))
    }

    /// A key while the team overlay is open.
    mutating func applyTeam(_ key: Key) {
        guard var form = teamForm else {
            overlay = nil
            return
        }
        defer { if overlay == .team { teamForm = form } }
        // Scrolling keys that never type anything work in both focuses.
        switch key {
        case .pageUp:
            scroll = max(0, scroll - 10)
            return
        case .pageDown:
            scroll += 10
            return
        case .home where form.focus == .comparison:
            scroll = 0
            return
        case .end where form.focus == .comparison:
            scroll = maximumScroll
            return
        default:
            break
        }
        switch form.focus {
        case .form(let field): applyTeamForm(key, field: field, form: &form)
        case .comparison: applyTeamComparison(key, form: &form)
        }
    }

    private mutating func applyTeamForm(_ key: Key, field: TeamForm.Field, form: inout TeamForm) {
        form.message = nil
        let fields = TeamForm.Field.allCases
        switch key {
        case .escape:
            form.own = teamOwnName
            if teamMembers.isEmpty {
                overlay = nil
            } else {
                form.focus = .comparison
            }
        case .tab, .down:
            form.focus = .form(fields[(field.rawValue + 1) % fields.count])
        case .up, .backTab:
            form.focus = .form(fields[(field.rawValue + fields.count - 1) % fields.count])
        case .backspace:
            if !form[field].isEmpty { form[field].removeLast() }
        case .character("\u{15}"):
            form[field] = ""
        case .enter:
            requestTeamLoad(&form)
        case .space:
            form[field].append(" ")
        case .character(let c) where Self.typeable(c):
            form[field].append(c)
        default:
            break
        }
    }

    private mutating func applyTeamComparison(_ key: Key, form: inout TeamForm) {
        form.message = nil
        switch key {
        case .up, .character("k"): scroll = max(0, scroll - 1)
        case .down, .character("j"): scroll += 1
        case .space: scroll += 10
        case .left: form.selected = max(0, form.selected - 1)
        case .right: form.selected = min(max(0, teamMembers.count + teamUnavailable.count - 1), form.selected + 1)
        case .character("a"), .tab:
            form.focus = .form(form.answers.isEmpty ? .answers : .name)
        case .character("x"), .backspace:
            // The selection runs over the loaded members, then those whose files are missing.
            if teamMembers.indices.contains(form.selected) {
                notice = "Removed \(teamMembers.remove(at: form.selected).name) from the comparison"
                refreshTeam()
            } else if teamUnavailable.indices.contains(form.selected - teamMembers.count) {
                notice = "Removed \(teamUnavailable.remove(at: form.selected - teamMembers.count).name) from the comparison"
            } else {
                return
            }
            form.selected = min(form.selected, max(0, teamMembers.count + teamUnavailable.count - 1))
            if teamMembers.isEmpty && teamUnavailable.isEmpty { form.focus = .form(.answers) }
        case .character("e") where team != nil:
            teamForm = form
            openExport(team: true)
        case .escape, .character("q"):
            overlay = nil
            scroll = 0
        default:
            break
        }
    }

    /// Enter in the form: checks the names and asks the app loop to read the files; with no file
    /// typed, only takes your new name.
    private mutating func requestTeamLoad(_ form: inout TeamForm) {
        let own = form.own.trimmingCharacters(in: .whitespaces)
        guard TeamDecision.isMemberName(own), !teamMembers.contains(where: { $0.name == own }) else {
            form.message = TeamDecision.isMemberName(own)
                ? "'\(own)' is a loaded member's name; type another name for yourself."
                : "Type your name as a plain word: letters, digits, '-' and '_', starting with a letter."
            form.focus = .form(.own)
            return
        }
        form.own = own
        let renamed = own != teamOwnName
        teamOwnName = own
        if renamed { refreshTeam() }
        let path = Self.unquoted(form.answers)
        if path.isEmpty && form.name.allSatisfy(\.isWhitespace) && !teamMembers.isEmpty {
            form.focus = .comparison
            return
        }
        guard !path.isEmpty else {
            form.message = "Type the path of the member's answers file."
            form.focus = .form(.answers)
            return
        }
        var name = form.name.trimmingCharacters(in: .whitespaces)
        if name.isEmpty {
            guard let derived = Self.memberName(fromFile: path) else {
                form.message = "Type a name for this member (the file's name has no letters to make one from): "
                    + "letters, digits, '-' and '_', starting with a letter."
                form.focus = .form(.name)
                return
            }
            name = derived
        }
        guard TeamDecision.isMemberName(name) else {
            form.message = "\(Echo.quoted(name)) is not a plain word; use letters, digits, '-' and '_', "
                + "starting with a letter."
            form.focus = .form(.name)
            return
        }
        // Names differing only in case would read as one person in every report.
        guard name.lowercased() != own.lowercased(), name.lowercased() != Self.ownMemberName else {
            form.message = "'\(name)' stands for your own answers; give this member another name."
            form.focus = .form(.name)
            return
        }
        guard !teamMembers.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            form.message = "'\(name)' is already in the comparison; give this member another name."
            form.focus = .form(.name)
            return
        }
        let pairwise = Self.unquoted(form.pairwise)
        teamRequest = TeamLoadRequest(name: name, answersPath: path, pairwisePath: pairwise.isEmpty ? nil : pairwise)
    }

    /// A typed path without the quotes a drag-and-drop or a copied shell word puts around it.
    static func unquoted(_ typed: String) -> String {
        let path = typed.trimmingCharacters(in: .whitespaces)
        for quote in ["'", "\""] where path.count >= 2 && path.hasPrefix(quote) && path.hasSuffix(quote) {
            return String(path.dropFirst().dropLast())
        }
        return path
    }

    /// A member's name made from their file's name: `cy answers.yaml` → `cy-answers`; nil when it
    /// has no letter to start with.
    static func memberName(fromFile path: String) -> String? {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let stem = file.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? file
        var name = ""
        for character in stem {
            let fits = TeamDecision.isMemberName("a" + String(character))
            if fits {
                name.append(character)
            } else if !name.isEmpty, name.last != "-" {
                name.append("-")
            }
        }
        while let first = name.first, !TeamDecision.isMemberName(String(first)) { name.removeFirst() }
        while name.last == "-" || name.last == "_" { name.removeLast() }
        name = String(name.prefix(40))
        return TeamDecision.isMemberName(name) ? name : nil
    }

    /// The pending read, if a key asked for one; taking it clears it.
    public mutating func takeTeamRequest() -> TeamLoadRequest? {
        defer { teamRequest = nil }
        return teamRequest
    }

    /// Adds the loaded member and shows the comparison, or shows why the files could not be read
    /// with the form kept as typed.
    public mutating func finishTeamLoad(_ outcome: TeamLoadOutcome) {
        guard var form = teamForm else { return }
        switch outcome {
        case .loaded(let member):
            if let same = teamMembers.first(where: { $0.answersPath == member.answersPath }) {
                // The same person's answers twice would double their say in the group.
                form.message = "'\(member.answersPath)' is already loaded as \(same.name)."
                break
            }
            teamMembers.append(member)
            // A member whose file had gone missing is replaced by the one loaded under their name.
            teamUnavailable.removeAll { $0.name.lowercased() == member.name.lowercased() }
            let own = form.own
            form = TeamForm()
            form.own = own
            form.selected = teamMembers.count - 1
            form.focus = .comparison
            notice = "Added \(member.name)"
            if let warning = member.judgements?.warning() { form.message = "Warning: \(member.name)'s \(warning)" }
            scroll = 0
            refreshTeam()
        case .failed(let message):
            form.message = message
        }
        teamForm = form
        overlay = .team
    }
}
