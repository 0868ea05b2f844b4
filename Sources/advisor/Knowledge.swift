import AdvisorCore
import ArgumentParser
import Foundation

extension KnowledgeReport.DocumentFormat: ExpressibleByArgument {}

/// `advisor knowledge`: the knowledge base as a document to review, its stale facts, or its answer landscape.
struct Knowledge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review the knowledge base: the whole of it as a document, its stale facts, or its answer landscape.",
        subcommands: [KnowledgeDocument.self, Landscape.self],
        defaultSubcommand: KnowledgeDocument.self
    )
}

/// `advisor knowledge [document]`: the whole knowledge base as a Markdown or HTML document, or with
/// `--stale DAYS` the facts that describe a date more than DAYS ago.
struct KnowledgeDocument: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "document",
        abstract: "Print the whole knowledge base as a document to review: criteria, ratings, questions, rules.",
        discussion: """
            Examples:
              advisor knowledge > knowledge.md
              advisor knowledge --format html --output knowledge.html
              advisor knowledge --knowledge ./Knowledge --output review.md
              advisor knowledge --stale 730
            """
    )

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("List instead the facts whose evidence describes a date more than DAYS "
                                            + "days ago, oldest first.", valueName: "days"))
    var stale: Int?

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: ArgumentHelp("Output format: markdown or html. Default: from the --output extension, "
                                            + "else markdown.", valueName: "format"))
    var format: KnowledgeReport.DocumentFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write the report to PATH (atomically) instead of standard "
                                                      + "output; '-' is standard output.", valueName: "path"))
    var output: String?

    @Flag(name: .long, help: "Replace the --output file if it exists.")
    var force = false

    func validate() throws {
        if let stale, stale < 0 { throw ValidationError("--stale takes a number of days, 0 or more; found \(stale)") }
    }

    func run() throws {
        let destination: ReportDestination = output.map { $0 == "-" ? .standardOutput : .file($0) } ?? .standardOutput
        let knowledge = try knowledgeOptions.load().knowledge
        if let stale {
            try ReportOutput.deliver(Self.staleList(knowledge, days: stale), to: destination, winner: nil, overwrite: force)
            return
        }
        let format = try resolvedFormat(for: destination)
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

extension KnowledgeDocument {
    /// One line per stale fact: its age, the date it describes, what it is, and its source.
    static func staleList(_ k: AdvisorCore.KnowledgeBase, days: Int) -> String {
        let stale = FactDates.stale(k, days: days)
        let safe = { (text: String) in TextSanitizer.inert(text) }
        guard !stale.isEmpty else { return "No fact describes a date more than \(days) days ago.\n" }
        var lines = ["\(stale.count) fact\(stale.count == 1 ? "" : "s") describe a date more than \(days) days ago, oldest first:"]
        for (fact, age) in stale {
            let asOf = fact.asOf.map { $0.date + ($0.version.isEmpty ? "" : " " + safe($0.version)) } ?? ""
            lines.append("  \(AsOf.describe(days: age)) old (as of \(asOf)): \(safe(fact.subject)) "
                         + "[\(safe(fact.citation.source))]")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `advisor knowledge landscape`: every framework's share of wins over the whole answer space.
struct Landscape: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the knowledge across the whole answer space: who wins how often, and what weighs most.",
        discussion: """
            Every question is answered in each profile. When the space has more profiles than --samples, a
            seeded uniform sample is drawn and each share comes with a 95% (Wilson) interval.

            Examples:
              advisor knowledge landscape
              advisor knowledge landscape --format json --samples 2000000
            """
    )

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: ArgumentHelp("Output format: text or json.", valueName: "format"))
    var format: LandscapeFormat = .text

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Profiles to sample when the space is larger (at least 1000).",
                                            valueName: "n"))
    var samples: Int = AdvisorCore.Landscape.defaultSampleSize

    @Option(name: .long, help: ArgumentHelp("Seed of the sample.", valueName: "n"))
    var seed: UInt64 = 1

    enum LandscapeFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if samples < 1000 { throw ValidationError("--samples must be at least 1000; found \(samples)") }
    }

    func run() throws {
        let knowledge = try knowledgeOptions.load().knowledge
        let landscape = AdvisorCore.Landscape.run(knowledge, sampleSize: samples, seed: seed)
        switch format {
        case .text: try Output.write(LandscapeReport.text(landscape, knowledge: knowledge))
        case .json: try Output.write(LandscapeReport.json(landscape, knowledge: knowledge))
        }
    }
}
