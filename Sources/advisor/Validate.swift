import AdvisorCore
import ArgumentParser

/// `advisor validate`: load knowledge, lint it, and report every problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check knowledge files and report every problem, compiler-style.",
        discussion: """
            Besides load errors, reports warnings: facts without a source, sources without an address,
            inferred facts that decide a knock-out, questions no rule reads, rules that can never fire
            or are subsumed by another, criteria whose weight no answer changes, and frameworks that no
            answer profile makes win. With --strict every warning is an error (exit 65).
            """)

    @OptionGroup var knowledgeOptions: KnowledgeOptions

    @Flag(name: .long, help: "Treat every warning as an error: exit 65 unless the knowledge is clean.")
    var strict = false

    func run() throws {
        let loaded = try knowledgeOptions.load(sourceTexts: true, useCache: false)
        let knowledge = loaded.knowledge
        // The lints enumerate answer profiles and compare rules pairwise: past the standard rule limit
        // (generated rule bases, --large-knowledge) they would take hours, so they are skipped, and said so.
        let lintable = knowledge.ruleCount <= KnowledgeLimits.standard.maximumRules
        let lint = lintable ? KnowledgeLint.run(knowledge) : KnowledgeLint.Report()
        if !lintable {
            Output.error("note: lints skipped: \(knowledge.ruleCount) rules is more than the "
                         + "\(KnowledgeLimits.standard.maximumRules) they run on")
        }
        var diagnostics = loaded.warnings + lint.diagnostics
        if strict {
            diagnostics = diagnostics.map { diagnostic in
                var copy = diagnostic
                if copy.severity == .warning { copy.severity = .error }
                return copy
            }
        }
        let report = DiagnosticError(diagnostics, sources: loaded.sources)
        for remark in lint.remarks { Output.error("note: " + remark) }
        if strict && report.errorCount > 0 {
            throw Failure.knowledge(report)
        }
        if !diagnostics.isEmpty { Output.error(report.rendered()) }
        let origin = knowledgeOptions.knowledge.isEmpty ? "built-in knowledge" : knowledge.origins
            .joined(separator: " + ")
        var summary = "OK: \(origin): \(knowledge.criteria.count) criteria, \(knowledge.frameworks.count) "
            + "frameworks, \(knowledge.questions.count) questions, \(knowledge.ruleCount) rules, "
            + "\(knowledge.sources.count) sources"
        if !knowledge.overrides.isEmpty { summary += ", \(knowledge.overrides.count) overrides" }
        try Output.write(summary + "; digest \(knowledge.digest)\n")
        for line in knowledge.overrideLines() { try Output.write("  " + TextSanitizer.inert(line) + "\n") }
    }
}
