import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor check`: re-runs decision records the advisor wrote against the current knowledge, and
/// says of each whether its decision holds.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Re-run decision records against the current knowledge: does each decision still hold?",
        discussion: """
            Each record (a file, or every *.md in a folder) is re-run with the answers and weights it
            recorded, and reported as 'holds', 'scores moved', 'winner changed' or 'cannot re-run'.
            Records the advisor did not write, and superseded ones, are skipped.
            Exit status: 0 when every decision holds or only its scores moved, 1 when a winner changed,
            65 when a record cannot be re-run.

            Examples:
              advisor check docs/decisions
              advisor check --knowledge our-knowledge docs/decisions --format json
              advisor check docs/decisions --supersede --decision-makers "Ana, Ben"
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Argument(help: ArgumentHelp("Decision records, or folders whose *.md files are records.", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: OutputFormat = .text

    @Flag(name: .long, help: ArgumentHelp(
        "Where the winner changed, write the next numbered record beside the old one, and mark the old one "
            + "'superseded by' it."))
    var supersede = false

    @Option(name: .long, help: ArgumentHelp("The date of records --supersede writes (default: today).",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    func run() throws {
        guard !paths.isEmpty else {
            throw Failure.usage("give the decision records to check, or their folder, as in "
                                + "'advisor check docs/decisions'")
        }
        if let date, !ReportOptions.isValidDate(date) {
            throw Failure.usage("--date takes a date as YYYY-MM-DD, as in 2026-01-31; got \(Echo.quoted(date))")
        }
        if date != nil && !supersede { throw Failure.usage("--date is for the records --supersede writes") }
        let files = try Self.records(in: paths)
        let loaded = try knowledgeOptions.load()
        var checker = RecordChecker(knowledge: loaded.knowledge, directories: knowledgeOptions.knowledge)
        var results: [CheckedRecord] = []
        for path in files {
            var checked = checker.check(path: path)
            if supersede, checked.result.status == .winnerChanged {
                checked.superseded = try supersedeRecord(checked)
            }
            results.append(checked)
        }
        switch format {
        case .text: try Output.write(results.map(\.textLines).joined().joined(separator: "\n") + "\n")
        case .json: try Output.write(JSONValue.array(results.map(\.json)).serialized() + "\n")
        }
        let statuses = results.map(\.result.status)
        if statuses.contains(.cannotRerun) { Foundation.exit(65) }
        if statuses.contains(.winnerChanged) { Foundation.exit(1) }
    }

    /// The record files the paths name: files as given, and each folder's `*.md` files, sorted.
    static func records(in paths: [String]) throws(Failure) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .noInput("'\(path)' does not exist")
            }
            guard isDirectory.boolValue else {
                files.append(path)
                continue
            }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw .io("cannot read the folder '\(path)'")
            }
            let prefix = path.hasSuffix("/") ? path : path + "/"
            let records = names.filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.sorted().map { prefix + $0 }
                .filter { record in
                    var isFolder: ObjCBool = false
                    return FileManager.default.fileExists(atPath: record, isDirectory: &isFolder) && !isFolder.boolValue
                }
            guard !records.isEmpty else { throw .noInput("'\(path)' holds no decision records (*.md)") }
            files += records
        }
        return files
    }

    /// Writes the record that replaces `checked`'s, beside it, and marks the old one superseded;
    /// returns the new record's path.
    private func supersedeRecord(_ checked: CheckedRecord) throws(Failure) -> String? {
        guard let c = checked.result.consultation, let metadata = checked.metadata, let text = checked.text,
              let matter = checked.frontMatter, let statusLine = matter.statusLine else { return nil }
        let bytes: [UInt8]
        if let members = checked.result.teamMembers {
            // A team's record is superseded by the team's record the members' answers give now.
            let options = TeamReport.Options(
                title: metadata.title, date: date ?? ReportOptions.today(),
                pairwise: Dictionary(metadata.members.compactMap { member in member.pairwise.map { (member.name, $0) } },
                                     uniquingKeysWith: { first, _ in first }),
                knowledgeDirectories: knowledgeOptions.knowledge)
            bytes = Array(TeamReport.render(TeamDecision.decide(members), format: .markdown, options: options).utf8)
        } else {
            var options = ReportOptions(title: metadata.title, date: date ?? ReportOptions.today(),
                                        decisionMakers: matter.decisionMakers, consulted: matter.consulted,
                                        informed: matter.informed, knowledgeDirectories: knowledgeOptions.knowledge,
                                        textStyle: TextStyle(color: false, unicode: true))
            if let pairwise = metadata.pairwise, let judgements = checked.pairwise {
                options.pairwise = ReportOptions.Pairwise(file: pairwise, judgements: judgements)
            }
            bytes = ReportRenderer.renderBytes(c, format: .markdown, options: options).array
        }
        let directory = (checked.path as NSString).deletingLastPathComponent
        signal(SIGXFSZ, SIG_IGN)
        let written: String
        do {
            written = try ADRDirectory.writeNext(bytes, in: directory.isEmpty ? "." : directory,
                                                 winner: c.winner?.name)
        } catch {
            throw Failure(error)
        }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let name = (written as NSString).lastPathComponent
        lines[statusLine] = "status: " + Self.yamlQuoted("superseded by \(name)")
        do {
            try ReportFile.write(lines.joined(separator: "\n"), to: checked.path, overwrite: true)
        } catch {
            throw Failure(error)
        }
        return written
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// Checks records against one knowledge base, loading each pairwise file once.
struct RecordChecker {
    let knowledge: KnowledgeBase
    /// The `--knowledge` directories it was loaded from (none: the built-in knowledge).
    let directories: [String]
    private var pairwise: [String: Result<PairwiseJudgements, RecordCheck.Problem>] = [:]

    init(knowledge: KnowledgeBase, directories: [String]) {
        self.knowledge = knowledge
        self.directories = directories
    }

    mutating func check(path: String) -> CheckedRecord {
        let (text, reading) = RecordMetadata.read(path: path)
        var checked = CheckedRecord(path: path, text: text, result: RecordCheck(status: .skipped),
                                    digest: knowledge.digest, directories: directories)
        switch reading {
        case .notWritten:
            checked.result.problem = "not written by advisor"
        case .malformed(let line):
            checked.result = RecordCheck(status: .cannotRerun, problem: line)
        case .metadata(let metadata, let matter):
            checked.metadata = metadata
            checked.frontMatter = matter
            if let status = matter.status, status.hasPrefix("superseded") {
                checked.result.problem = status
                return checked
            }
            if !metadata.members.isEmpty {
                checked.result = RecordCheck.runTeam(metadata) { member in
                    guard let file = member.pairwise else { return .success(knowledge) }
                    return judgements(file).map { $0.applied(to: knowledge) }
                }
                return checked
            }
            var base = knowledge
            if let file = metadata.pairwise {
                switch judgements(file) {
                case .failure(let problem):
                    checked.result = RecordCheck(status: .cannotRerun, problem: problem.message)
                    return checked
                case .success(let judgements):
                    checked.pairwise = judgements
                    base = judgements.applied(to: knowledge)
                }
            }
            checked.result = RecordCheck.run(metadata, knowledge: base)
        }
        return checked
    }

    private mutating func judgements(_ file: String) -> Result<PairwiseJudgements, RecordCheck.Problem> {
        if let known = pairwise[file] { return known }
        let result: Result<PairwiseJudgements, RecordCheck.Problem>
        if !FileManager.default.fileExists(atPath: file) {
            result = .failure(RecordCheck.Problem("pairwise file '\(file)' does not exist"))
        } else {
            do {
                result = .success(try PairwiseFile.read(path: file, knowledge: knowledge))
            } catch {
                result = .failure(RecordCheck.Problem(error.line))
            }
        }
        pairwise[file] = result
        return result
    }
}

/// One record and its verdict.
struct CheckedRecord {
    var path: String
    var text: String?
    var result: RecordCheck
    var metadata: RecordMetadata?
    var frontMatter: RecordMetadata.FrontMatter?
    var pairwise: PairwiseJudgements?
    /// The record written in its place by `--supersede`.
    var superseded: String?
    /// The digest and `--knowledge` directories of the knowledge it was checked against.
    var digest: String
    var directories: [String]

    /// Whether the record was written from other knowledge than it is checked against: another
    /// digest, or other `--knowledge` directories.
    var knowledgeDiffers: Bool {
        guard let metadata else { return false }
        return metadata.digest != digest || metadata.knowledgeDirectories != directories
    }

    /// "built-in", or "--knowledge base overlay".
    static func described(_ directories: [String]) -> String {
        directories.isEmpty ? "built-in" : "--knowledge " + directories.joined(separator: " ")
    }

    /// `path: status`, then the details, indented.
    var textLines: [String] {
        let r = result
        var head = "\(path): \(r.status.rawValue)"
        var details: [String] = []
        switch r.status {
        case .skipped:
            head += ": " + (r.problem ?? "")
        case .cannotRerun:
            details.append(r.problem ?? "")
        case .winnerChanged:
            head += ": \(r.oldWinner ?? "none") → \(r.newWinner ?? "none")"
            for move in r.moved {
                details.append("\(move.criterion): \(r.oldWinner ?? "")'s lead over \(r.newWinner ?? "") "
                               + "\(Format.fixed(move.old, decimals: 2)) → \(Format.fixed(move.new, decimals: 2)) points")
            }
        case .scoresMoved:
            for move in r.moved {
                details.append("\(move.framework ?? ""), \(move.criterion): \(Format.fixed(move.old, decimals: 2)) → "
                               + "\(Format.fixed(move.new, decimals: 2)) points")
            }
        case .holds:
            break
        }
        if let metadata, r.consultation != nil, knowledgeDiffers {
            // Which knowledge the verdict compares: a decision that holds against changed knowledge
            // is worth knowing, and so is a check run against other directories than the record's.
            details.append("knowledge: \(metadata.digest.prefix(12)) (\(Self.described(metadata.knowledgeDirectories))) "
                           + "when recorded, now \(digest.prefix(12)) (\(Self.described(directories)))")
        }
        if let superseded {
            details.append("wrote \(superseded); marked \((path as NSString).lastPathComponent) superseded")
        }
        return [TextSanitizer.inert(head)] + details.map { "  " + TextSanitizer.inert($0) }
    }

    var json: JSONValue {
        let r = result
        var members: [(String, JSONValue)] = [("path", .string(path)), ("status", .string(r.status.rawValue))]
        members.append(("winner", .object([("old", r.oldWinner.map(JSONValue.string) ?? .null),
                                           ("new", r.newWinner.map(JSONValue.string) ?? .null)])))
        members.append(("moved", .array(r.moved.map { move in
            var fields: [(String, JSONValue)] = []
            if let framework = move.framework { fields.append(("framework", .string(framework))) }
            fields += [("criterion", .string(move.criterion)), ("old", .number(move.old)), ("new", .number(move.new))]
            return .object(fields)
        })))
        members.append(("problem", r.problem.map(JSONValue.string) ?? .null))
        if let metadata {
            func knowledge(_ digest: String, _ directories: [String]) -> JSONValue {
                .object([("digest", .string(digest)), ("directories", .array(directories.map(JSONValue.string)))])
            }
            members.append(("knowledge", .object([
                ("recorded", knowledge(metadata.digest, metadata.knowledgeDirectories)),
                ("current", knowledge(digest, directories)), ("changed", .bool(knowledgeDiffers)),
            ])))
        }
        if let superseded { members.append(("superseded_by", .string(superseded))) }
        return .object(members)
    }
}
