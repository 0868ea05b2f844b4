import AdvisorCore

// MARK: - Export: the form, and the write it asks for

/// The export overlay's form: the report format and the path, as the user is editing them.
public struct ExportForm: Hashable, Sendable {
    /// Which part of the form keys go to. Digits pick a format on the list and are typed in the path.
    public enum Focus: Hashable, Sendable {
        case format
        case path
    }

    /// The formats offered, in the order shown (1-3).
    public static let formats: [ReportFormat] = [.markdown, .html, .json]

    public internal(set) var format: ReportFormat = .markdown
    public internal(set) var path: String
    public internal(set) var focus: Focus = .format
    /// Set while asking whether to replace an existing file.
    public internal(set) var confirmingOverwrite = false
    /// A line shown in the overlay, such as why Enter did nothing.
    public internal(set) var message: String?
    /// Whether the report is the team comparison's (`e` in the team overlay) rather than yours.
    public let team: Bool

    /// A form for a report dated `date` (`YYYY-MM-DD`): Markdown, `./decision-<date>.md`
    /// (`./team-decision-<date>.md` for the team's).
    public init(date: String, team: Bool = false) {
        self.team = team
        path = "./\(team ? "team-" : "")decision-\(date).\(ReportFormat.markdown.fileExtension)"
    }

    /// Picks `format`; a path ending in a report extension follows it (`.md` → `.html`).
    mutating func choose(_ newFormat: ReportFormat) {
        guard newFormat != format else { return }
        format = newFormat
        guard ReportFormat(path: path) != nil, let dot = path.lastIndex(of: ".") else { return }
        path = String(path[..<dot]) + "." + newFormat.fileExtension
    }

    /// Moves the format selection by `step` places, stopping at either end.
    mutating func moveFormat(by step: Int) {
        let index = Self.formats.firstIndex(of: format) ?? 0
        choose(Self.formats[min(Self.formats.count - 1, max(0, index + step))])
    }
}

/// A report the state machine wants written. The app loop (or a test) performs it with a
/// `ReportExporter` and hands the outcome back through `finishExport(_:)`.
public struct ExportRequest: Hashable, Sendable {
    public var path: String
    public var format: ReportFormat
    /// The report's date, `YYYY-MM-DD`.
    public var date: String
    /// Whether an existing file may be replaced (the user said yes).
    public var overwrite: Bool
    /// The team comparison's report rather than yours.
    public var team = false
}

/// How a requested export went.
public enum ExportOutcome: Hashable, Sendable {
    /// Written to the path (as the user typed it).
    case wrote(String)
    /// The file exists and overwriting wasn't allowed: ask first.
    case exists(String)
    /// Anything else, as one line.
    case failed(String)
}

extension AdvisorState {
    /// `e` on the results (or, with `team`, in the team overlay): opens the export overlay, keeping
    /// the last format and path of this session for the same kind of report.
    mutating func openExport(team: Bool = false) {
        var form = exportForm.flatMap { $0.team == team ? $0 : nil } ?? ExportForm(date: reportDate, team: team)
        form.confirmingOverwrite = false
        form.message = nil
        form.focus = .format
        exportForm = form
        overlay = .export
    }

    /// A key while the export overlay is open.
    mutating func applyExport(_ key: Key) {
        guard var form = exportForm else {
            overlay = nil
            return
        }
        defer { if overlay == .export { exportForm = form } }
        form.message = nil
        if form.confirmingOverwrite {
            switch key {
            case .character("y"), .character("Y"):
                form.confirmingOverwrite = false
                exportRequest = ExportRequest(path: form.path, format: form.format, date: reportDate, overwrite: true,
                                              team: form.team)
            case .character("n"), .character("N"), .escape:
                form.confirmingOverwrite = false
                form.focus = .path
                form.message = "Not overwritten; change the path or press Enter to ask again."
            default:
                break
            }
            return
        }
        switch key {
        case .escape:
            overlay = form.team ? .team : nil
            exportForm = form
        case .enter:
            if form.path.allSatisfy(\.isWhitespace) {
                form.message = "Type a file name to export to."
                form.focus = .path
            } else {
                exportRequest = ExportRequest(path: form.path, format: form.format, date: reportDate, overwrite: false,
                                              team: form.team)
            }
        case .up: form.moveFormat(by: -1)
        case .down: form.moveFormat(by: 1)
        case .tab, .backTab: form.focus = form.focus == .format ? .path : .format
        case .backspace:
            form.focus = .path
            if !form.path.isEmpty { form.path.removeLast() }
        case .character("\u{15}"):
            form.focus = .path
            form.path = ""
        case .character(let c) where form.focus == .format && c.isASCII
            && ExportForm.formats.indices.contains((c.wholeNumberValue ?? 0) - 1):
            form.choose(ExportForm.formats[(c.wholeNumberValue ?? 1) - 1])
        case .character(let c) where Self.typeable(c):
            form.focus = .path
            form.path.append(c)
        case .space:
            form.focus = .path
            form.path.append(" ")
        default:
            break
        }
    }

    /// Whether `c` may be typed into the path: printable, no control or format characters.
    static func typeable(_ c: Character) -> Bool {
        !c.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned: true
            default: false
            }
        }
    }

    /// The pending write, if a key asked for one; taking it clears it.
    public mutating func takeExportRequest() -> ExportRequest? {
        defer { exportRequest = nil }
        return exportRequest
    }

    /// Shows how the write went: "Wrote <path>" or the error on the status line, or the overwrite question.
    public mutating func finishExport(_ outcome: ExportOutcome) {
        switch outcome {
        case .wrote(let path):
            // The session is kept until a report of your own answers is written.
            let team = exportForm?.team ?? false
            overlay = team ? .team : nil
            if !team { exported = true }
            notice = "Wrote \(path)"
        case .exists:
            guard var form = exportForm else { return }
            form.confirmingOverwrite = true
            form.message = nil
            exportForm = form
            overlay = .export
        case .failed(let message):
            // The form stays open with the error in it, so the path can be corrected.
            guard var form = exportForm else {
                notice = message
                return
            }
            form.confirmingOverwrite = false
            form.message = message
            exportForm = form
            overlay = .export
        }
    }
}
