import AdvisorCore
import Foundation

/// Saved progress of the interactive advisor: `$XDG_STATE_HOME/advisor/session.yaml`
/// (default `~/.local/state/advisor/`), rewritten atomically after every step.
///
/// The file is an answers file (`advisor recommend --answers` reads it) whose leading comments
/// say where to resume, which questions were skipped, and which colleagues' files the team
/// comparison had loaded. Exporting a report of the answers clears it, so a finished session is
/// never offered by `--resume`.
public struct SessionStore: Sendable {
    /// What is saved: the answers, the skipped questions, where to resume, and the team comparison's
    /// members (their files, read again on resuming) and your name in it.
    public struct Snapshot: Hashable, Sendable {
        public var answers: Answers
        public var skipped: Set<String>
        /// A question id, or `review`.
        public var resumePoint: String?
        public var team: [TeamLoadRequest]
        public var teamOwnName: String

        public init(answers: Answers, skipped: Set<String> = [], resumePoint: String? = nil,
                    team: [TeamLoadRequest] = [], teamOwnName: String = AdvisorState.ownMemberName) {
            self.answers = answers
            self.skipped = skipped
            self.resumePoint = resumePoint
            self.team = team
            self.teamOwnName = teamOwnName
        }

        init(_ state: AdvisorState) {
            self.init(answers: state.answers, skipped: state.skipped,
                      resumePoint: state.screen == .results ? "results" : state.resumePoint,
                      team: state.teamMembers.map {
                          TeamLoadRequest(name: $0.name, answersPath: $0.answersPath, pairwisePath: $0.pairwisePath)
                      } + state.teamUnavailable,
                      teamOwnName: state.teamOwnName)
        }
    }

    /// The session file.
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The standard place, from `XDG_STATE_HOME` or `HOME`; nil (saving off) when neither is usable.
    public static func standard(environment: [String: String]) -> SessionStore? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return SessionStore(path: state + "/advisor/session.yaml")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return SessionStore(path: home + "/.local/state/advisor/session.yaml")
        }
        return nil
    }

    // MARK: - Saving

    /// Writes the snapshot atomically, creating the folder (mode 700) if needed.
    public func save(_ snapshot: Snapshot, knowledge: KnowledgeBase) throws(AtomicFile.Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreate("cannot create '\(folder)'")
        }
        var header = ["# Framework Advisor session; continue it with 'advisor --resume'."]
        header.append("# at: \(snapshot.resumePoint ?? "start")")
        let skipped = knowledge.questions.map(\.id).filter(snapshot.skipped.contains)
        if !skipped.isEmpty { header.append("# skipped: \(skipped.joined(separator: ", "))") }
        if snapshot.teamOwnName != AdvisorState.ownMemberName { header.append("# team-you: \(snapshot.teamOwnName)") }
        for member in snapshot.team {
            // One JSON array a member: the name and the files, their paths quoted whatever they hold.
            let fields = [member.name, member.answersPath] + (member.pairwisePath.map { [$0] } ?? [])
            header.append("# team-member: [" + fields.map(JSONValue.quote).joined(separator: ", ") + "]")
        }
        let text = header.joined(separator: "\n") + "\n" + AnswersFile.serialize(snapshot.answers, knowledge: knowledge)
        try AtomicFile.write(text, to: path, overwrite: true)
    }

    /// Removes the session file, if any.
    public func clear() {
        unlink(path)
    }

    // MARK: - Loading

    /// The saved session, nil if there is none. Throws when the file no longer fits the knowledge.
    public func load(knowledge: KnowledgeBase) throws(AnswerError) -> Snapshot? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        var snapshot = Snapshot(answers: Answers())
        var hasAnswers = false
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# at: ") {
                let point = String(line.dropFirst(6)).trimmingCharacters(in: .whitespaces)
                snapshot.resumePoint = point == "start" ? nil : point
            } else if line.hasPrefix("# team-you: ") {
                let name = String(line.dropFirst(12)).trimmingCharacters(in: .whitespaces)
                if TeamDecision.isMemberName(name) { snapshot.teamOwnName = name }
            } else if line.hasPrefix("# team-member: ") {
                // A hand-edited line that doesn't read is left out, as an unknown skipped question is.
                if let fields = try? JSONSerialization.jsonObject(with: Data(line.dropFirst(15).utf8)) as? [String],
                   (2...3).contains(fields.count), TeamDecision.isMemberName(fields[0]) {
                    snapshot.team.append(TeamLoadRequest(name: fields[0], answersPath: fields[1],
                                                         pairwisePath: fields.count == 3 ? fields[2] : nil))
                }
            } else if line.hasPrefix("# skipped: ") {
                let ids = line.dropFirst(11).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                snapshot.skipped = Set(ids.filter { knowledge.question($0) != nil })
            } else if !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
                hasAnswers = true
            }
        }
        if hasAnswers {
            snapshot.answers = try AnswersFile.parse(text, path: path, parser: AnswerParser(knowledge: knowledge))
        }
        return snapshot
    }
}
