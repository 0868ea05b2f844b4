/// The formats a consultation can be reported in.
public enum ReportFormat: String, CaseIterable, Hashable, Sendable {
    /// The terminal summary (`TextReport`).
    case text
    /// The `recommend --format json` document, schema 2 (`JSONReport`).
    case json
    /// A decision record in the MADR 4.0 layout (`MarkdownReport`).
    case markdown
    /// One self-contained HTML page with inline SVG charts (`HTMLReport`).
    case html

    /// The format a file name's extension names: `.md`, `.json`, `.html`, `.txt` and their variants.
    /// Nil for any other extension, or none.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        case "txt", "text": self = .text
        default: return nil
        }
    }

    /// The format a path's extension names, if any (see `init(pathExtension:)`).
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        self.init(pathExtension: String(name[name.index(after: dot)...]))
    }

    /// The usual extension for files of this format, without the dot.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .json: "json"
        case .markdown: "md"
        case .html: "html"
        }
    }
}

/// The one entry point every face of the advisor (the CLI, the TUI's export) renders reports through.
public enum ReportRenderer {
    /// The report of `consultation` in `format`. The same consultation and options give the same bytes.
    public static func render(_ consultation: Consultation, format: ReportFormat, options: ReportOptions) -> String {
        switch format {
        case .text: TextReport.render(consultation, style: options.textStyle, analysis: options.analysis)
        case .json: JSONReport.render(consultation, analysis: options.analysis, pairwise: options.pairwise?.judgements)
        case .markdown: MarkdownReport.render(DecisionRecord(consultation, options: options, format: format))
        case .html: HTMLReport.render(DecisionRecord(consultation, options: options, format: format))
        }
    }

    /// The same report as UTF-8 bytes; JSON is written as bytes to begin with.
    public static func renderUTF8(_ consultation: Consultation, format: ReportFormat, options: ReportOptions) -> [UInt8] {
        renderBytes(consultation, format: format, options: options).array
    }

    /// The same, JSON left in the buffer it was written into.
    public static func renderBytes(_ consultation: Consultation, format: ReportFormat,
                                   options: ReportOptions) -> ReportBytes {
        guard format == .json else { return ReportBytes(Array(render(consultation, format: format, options: options).utf8)) }
        return JSONReport.renderBytes(consultation, analysis: options.analysis, pairwise: options.pairwise?.judgements)
    }

    /// The same report handed to `sink`: JSON a part at a time as it is written, the other formats
    /// whole. False if the sink refused any part.
    public static func stream(_ consultation: Consultation, format: ReportFormat, options: ReportOptions,
                              to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        guard format == .json else { return renderBytes(consultation, format: format, options: options).withBytes(sink) }
        return JSONReport.stream(consultation, analysis: options.analysis, pairwise: options.pairwise?.judgements,
                                 to: sink)
    }
}
