import AdvisorCore
import Foundation

/// Performs the writes the state machine asks for (`ExportRequest`): renders the report with
/// `ReportRenderer` and writes it atomically with `ReportFile`. The writing step is injectable.
public struct ReportExporter: Sendable {
    /// Writes contents to a path, replacing an existing file only when told to.
    public typealias Writer = @Sendable (_ contents: String, _ path: String, _ overwrite: Bool) throws -> Void

    /// The options reports are rendered with; each request's date replaces `date`.
    public var options: ReportOptions
    let writer: Writer

    public init(options: ReportOptions = ReportOptions(date: ReportOptions.today()),
                writer: @escaping Writer = { contents, path, overwrite in
                    try ReportFile.write(contents, to: path, overwrite: overwrite)
                }) {
        self.options = options
        self.writer = writer
    }

    /// Writes the report `request` asks for, of `consultation`.
    public func perform(_ request: ExportRequest, consultation: Consultation) -> ExportOutcome {
        var options = options
        options.date = request.date
        // The report says what the results screen showed: the robustness verdict and what would
        // change the winner, from the same settings.
        options.analysis = DecisionAnalysis.run(consultation, settings: ResultsInsight.settings)
        return write(ReportRenderer.render(consultation, format: request.format, options: options), for: request)
    }

    /// Writes `contents` where `request` says, as the outcome the form shows.
    private func write(_ contents: String, for request: ExportRequest) -> ExportOutcome {
        let target = Self.absolute(request.path)
        do {
            try writer(contents, target, request.overwrite)
            return .wrote(target)
        } catch let failure as AtomicFile.Failure {
            if case .exists = failure { return .exists(request.path) }
            return .failed(Self.oneLine(failure.message))
        } catch {
            return .failed(Self.oneLine("cannot write '\(request.path)': \(error)"))
        }
    }

    /// Writes the team comparison's report `request` asks for.
    public func perform(_ request: ExportRequest, team: TeamView, members: [TeamMember]) -> ExportOutcome {
        let options = team.reportOptions(date: request.date, members: members,
                                         knowledgeDirectories: options.knowledgeDirectories)
        return write(TeamReport.render(team.decision, format: request.format, options: options), for: request)
    }

    /// Runs the write `state` is waiting for, if any, and shows its outcome. True if there was one.
    @discardableResult
    public func performPending(in state: inout AdvisorState) -> Bool {
        guard let request = state.takeExportRequest() else { return false }
        if request.team {
            guard let team = state.team else {
                state.finishExport(.failed("No colleague is loaded, so there is no team comparison to export."))
                return true
            }
            state.finishExport(perform(request, team: team, members: state.teamMembers))
        } else {
            state.finishExport(perform(request, consultation: state.consultation))
        }
        return true
    }

    /// The path to write: `~` and `~/…` from `$HOME` (as a shell expands them), and relative to the
    /// working directory made absolute, so the notice says exactly where the file went.
    static func absolute(_ path: String) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty {
            expanded = home + path.dropFirst()
        } else if path.hasPrefix("~") {
            expanded = NSString(string: path).expandingTildeInPath
        }
        if !expanded.hasPrefix("/") {
            expanded = FileManager.default.currentDirectoryPath + "/" + expanded
        }
        return (expanded as NSString).standardizingPath
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
