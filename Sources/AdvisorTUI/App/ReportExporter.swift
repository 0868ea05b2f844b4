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
        let contents = ReportRenderer.render(consultation, format: request.format, options: options)
        let target = request.path.hasPrefix("~") ? NSString(string: request.path).expandingTildeInPath : request.path
        do {
            try writer(contents, target, request.overwrite)
            return .wrote(request.path)
        } catch let failure as AtomicFile.Failure {
            if case .exists = failure { return .exists(request.path) }
            return .failed(Self.oneLine(failure.message))
        } catch {
            return .failed(Self.oneLine("cannot write '\(request.path)': \(error)"))
        }
    }

    /// Runs the write `state` is waiting for, if any, and shows its outcome. True if there was one.
    @discardableResult
    public func performPending(in state: inout AdvisorState) -> Bool {
        guard let request = state.takeExportRequest() else { return false }
        state.finishExport(perform(request, consultation: state.consultation))
        return true
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
