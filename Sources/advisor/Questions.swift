import AdvisorCore
import ArgumentParser

/// `advisor questions`: the questionnaire's ids, prompts, kinds and allowed values.
struct Questions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the questions, their kinds and allowed values.")

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let knowledge = try knowledgeOptions.load().knowledge
        switch format {
        case .text: try Output.write(CatalogueReport.questionsText(knowledge))
        case .json: try Output.write(CatalogueReport.questionsJSON(knowledge).serialized() + "\n")
        }
    }
}

/// `advisor frameworks`: the frameworks, and with `--criteria` the criteria.
struct Frameworks: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the frameworks and their ratings.")

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Flag(name: .long, help: "List the criteria and their base weights instead.")
    var criteria = false

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let knowledge = try knowledgeOptions.load().knowledge
        switch (format, criteria) {
        case (.text, false): try Output.write(CatalogueReport.frameworksText(knowledge))
        case (.text, true): try Output.write(CatalogueReport.criteriaText(knowledge))
        case (.json, false): try Output.write(CatalogueReport.frameworksJSON(knowledge).serialized() + "\n")
        case (.json, true): try Output.write(CatalogueReport.criteriaJSON(knowledge).serialized() + "\n")
        }
    }
}

/// `advisor validate`: load knowledge and report every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check knowledge files and report every problem, compiler-style.")

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    func run() throws {
        let loaded = try knowledgeOptions.load(useCache: false)
        let knowledge = loaded.knowledge
        if !loaded.warnings.isEmpty {
            Output.error(DiagnosticError(loaded.warnings, sources: loaded.sources).rendered())
        }
        let origin = knowledgeOptions.knowledge.isEmpty ? "built-in knowledge" : knowledgeOptions.knowledge
            .joined(separator: ", ")
        try Output.write("OK: \(origin): \(knowledge.criteria.count) criteria, \(knowledge.frameworks.count) "
                         + "frameworks, \(knowledge.questions.count) questions, \(knowledge.rules.count) rules, "
                         + "\(knowledge.sources.count) sources; digest \(knowledge.digest)\n")
    }
}
