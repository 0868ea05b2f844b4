import AdvisorCore
import ArgumentParser
import Foundation

extension KnowledgeReport.DocumentFormat: ExpressibleByArgument {}

/// `advisor knowledge`: the whole knowledge base as a Markdown or HTML document to review.
struct Knowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole knowledge base as a document to review: criteria, ratings, questions, rules.",
        discussion: """
            Examples:
              advisor knowledge > knowledge.md
              advisor knowledge --format html --output knowledge.html
              advisor knowledge --knowledge ./Knowledge --output review.md
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: ArgumentHelp("Output format: markdown or html. Default: from the --output extension, "
                                            + "else markdown.", valueName: "format"))
    var format: KnowledgeReport.DocumentFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to PATH (atomically) instead of standard "
                                                      + "output; '-' is standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    func run() throws {
        let destination: ReportDestination = output.map { $0 == "-" ? .standardOutput : .file($0) } ?? .standardOutput
        let format = try resolvedFormat(for: destination)
        let knowledge = try knowledgeOptions.load().knowledge
        let report = KnowledgeReport.render(knowledge, format: format)
        try ReportOutput.deliver(report, to: destination, winner: nil, overwrite: force)
    }

    /// `--format`, else the one the output's extension names, else Markdown.
    func resolvedFormat(for destination: ReportDestination) throws(Failure) -> KnowledgeReport.DocumentFormat {
        if let format { return format }
        guard case .file(let path) = destination else { return .markdown }
        if let inferred = KnowledgeReport.DocumentFormat(path: path) { return inferred }
        let name = (path as NSString).lastPathComponent
        if name.dropFirst().contains(".") {
            throw .usage("cannot tell the format from '\(name)'; name it .md or .html, or give --format")
        }
        return .markdown
    }
}
