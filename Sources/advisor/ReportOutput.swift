import AdvisorCore
import ArgumentParser
import Foundation

extension ReportFormat: ExpressibleByArgument {}

/// Where a report goes.
enum ReportDestination: Equatable {
    case standardOutput
    /// `--output PATH`.
    case file(String)
    /// `--adr-dir DIR`: the next numbered record in DIR.
    case adrDirectory(String)
}

/// `--format`, `--output` and `--force`: where a report goes, for every command that writes one.
struct ReportFileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output format: text, json, markdown (a MADR decision record) or html. "
                                            + "Default: from the --output extension, else text.", valueName: "format"))
    var format: ReportFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to PATH (atomically) instead of standard "
                                                      + "output; '-' is standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false
}

/// `--format`, `--output`, `--force`, `--adr-dir`, and what a decision record says about itself.
struct ReportOutputOptions: ParsableArguments, ReportChoice {
    @OptionGroup var file: ReportFileOptions
    var format: ReportFormat? { file.format }
    var output: String? { file.output }
    var force: Bool { file.force }

    @Option(name: .customLong("adr-dir"),
            help: ArgumentHelp("Write the next numbered Markdown decision record (NNNN-use-<winner>.md) into DIR, "
                               + "as adr-tools numbers them.", valueName: "dir"))
    var adrDirectory: String?

    @Option(name: .long, help: ArgumentHelp("The project's name, as in \"Use FastAPI for <title>\".",
                                            valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The decision's date (default: today). Pin it for reproducible reports.",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(name: .customLong("decision-makers"),
            help: ArgumentHelp("Who decides, for the record's front matter (default: left out).",
                               valueName: "names"))
    var decisionMakers: String?

    @Option(name: .long,
            help: ArgumentHelp("Whose opinions were sought (subject-matter experts), for the record's front matter.",
                               valueName: "names"))
    var consulted: String?

    @Option(name: .long,
            help: ArgumentHelp("Who is kept up to date on the decision, for the record's front matter.",
                               valueName: "names"))
    var informed: String?
}

extension ReportChoice {
    func destination() throws(Failure) -> ReportDestination {
        switch (output, adrDirectory) {
        case (_?, _?): throw .usage("give --output or --adr-dir, not both")
        case ("-"?, nil): return .standardOutput
        case (let path?, nil): return .file(path)
        case (nil, let directory?): return .adrDirectory(directory)
        case (nil, nil): return .standardOutput
        }
    }

    /// `--format`, else the one the output's extension names, else text.
    func format(for destination: ReportDestination) throws(Failure) -> ReportFormat {
        switch destination {
        case .adrDirectory:
            if let format, format != .markdown {
                throw .usage("--adr-dir writes a Markdown decision record; drop --format \(format.rawValue)")
            }
            return .markdown
        case .file(let path):
            if let format { return format }
            if let inferred = ReportFormat(path: path) { return inferred }
            let name = (path as NSString).lastPathComponent
            if name.dropFirst().contains(".") {
                throw .usage("cannot tell the format from '\(name)'; name it .md, .json, .html or .txt, "
                             + "or give --format")
            }
            return .text
        case .standardOutput:
            return format ?? .text
        }
    }

    /// `--date`, checked, or today.
    func resolvedDate() throws(Failure) -> String {
        guard let date else { return ReportOptions.today() }
        guard ReportOptions.isValidDate(date) else {
            throw .usage("--date takes a date as YYYY-MM-DD, as in 2026-01-31; got \(Echo.quoted(date))")
        }
        return date
    }
}

/// Writing a rendered report where it goes, with file errors mapped to exit codes 73 and 74.
enum ReportOutput {
    static func deliver(_ report: String, to destination: ReportDestination, winner: String?,
                        overwrite: Bool) throws(Failure) {
        try deliver(bytes: Array(report.utf8), to: destination, winner: winner, overwrite: overwrite)
    }

    static func deliver(bytes report: [UInt8], to destination: ReportDestination, winner: String?,
                        overwrite: Bool) throws(Failure) {
        try deliver(bytes: ReportBytes(report), to: destination, winner: winner, overwrite: overwrite)
    }

    /// The same, from bytes wherever they were rendered: standard output takes them without a copy.
    static func deliver(bytes rendered: ReportBytes, to destination: ReportDestination, winner: String?,
                        overwrite: Bool) throws(Failure) {
        switch destination {
        case .standardOutput:
            try rendered.withBytes { (bytes) throws(Failure) in try Output.write(buffer: bytes) }
        case .file(let path):
            try write(rendered.array, to: path, overwrite: overwrite)
            try Output.write("wrote \(path)\n")
        case .adrDirectory(let directory):
            signal(SIGXFSZ, SIG_IGN)
            let path: String
            do {
                path = try ADRDirectory.writeNext(rendered.array, in: directory, winner: winner)
            } catch {
                throw Failure(error)
            }
            try Output.write("wrote \(path)\n")
        }
    }

    private static func write(_ report: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        // A file-size limit must fail the write (EFBIG), not kill the process mid-file.
        signal(SIGXFSZ, SIG_IGN)
        do {
            try ReportFile.write(bytes: report, to: path, overwrite: overwrite)
        } catch {
            throw Failure(error)
        }
    }
}

extension Failure {
    /// The failure for a file that couldn't be written: 73 when it can't be created, 74 when writing failed.
    init(_ error: AtomicFile.Failure) {
        switch error {
        case .exists(let message), .cannotCreate(let message): self = .cannotCreate(message)
        case .io(let message): self = .io(message)
        }
    }
}
