import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor team`: several people's answers in, each one's recommendation, the group's, and the
/// questions on which they differ out.
struct Team: ParsableCommand, ReportChoice {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a framework for a team from each member's answers.",
        discussion: """
            Each member is consulted alone, as 'advisor recommend' would; the group weighs each criterion \
            by the geometric mean of the members' weights, rates each framework by the mean of their ratings, \
            and drops a framework any member's answers knock out. The report shows every question the \
            members answered differently, and which framework the group gets with each answer.

            Examples:
              advisor team --member ana=ana.yaml --member ben=ben.yaml
              advisor team --member ana=ana.yaml --member ben=ben.yaml --pairwise-member ana=ana-pairwise.yaml
              advisor team --member ana=ana.yaml --member ben=ben.yaml --member cy=cy.yaml -o decision.md
              advisor team --member ana=ana.yaml --member ben=ben.yaml --adr-dir docs/decisions
            """
    )

    @Option(name: .customLong("member"), help: ArgumentHelp(
        "A member and their answers file, as NAME=FILE (YAML or JSON, as for 'recommend --answers'). "
            + "Repeatable; at least two.", valueName: "name=file"))
    var members: [String] = []

    @Option(name: .customLong("pairwise-member"), help: ArgumentHelp(
        "A member's pairwise comparisons, as NAME=FILE (as for 'recommend --pairwise').", valueName: "name=file"))
    var pairwiseMembers: [String] = []

    @OptionGroup var knowledgeOptions: KnowledgeOptions
    @OptionGroup var analysisOptions: AnalysisOptions

    @OptionGroup var file: ReportFileOptions
    var format: ReportFormat? { file.format }
    var output: String? { file.output }
    var force: Bool { file.force }

    @Option(name: .long, help: ArgumentHelp("The project's name, as in \"Use FastAPI for <title>\".",
                                            valueName: "title"))
    var title: String?

    @Option(name: .long, help: ArgumentHelp("The decision's date (default: today). Pin it for reproducible reports.",
                                            valueName: "yyyy-mm-dd"))
    var date: String?

    @Option(name: .customLong("adr-dir"), help: ArgumentHelp(
        "Write the next numbered Markdown decision record (NNNN-use-<winner>.md) into DIR, beside the "
            + "records 'advisor check' re-runs.", valueName: "dir"))
    var adrDirectory: String?
    var decisionMakers: String? { nil }
    var consulted: String? { nil }
    var informed: String? { nil }

    /// One `--member`, checked.
    struct MemberFiles: Equatable {
        var name: String
        var answers: String
        var pairwise: String?
    }

    func run() throws {
        let roster = try Self.roster(members: members, pairwise: pairwiseMembers)
        let destination = try destination()
        let format = try format(for: destination)
        let date = try resolvedDate()
        if analysisOptions.analysis && !(1...1_000_000).contains(analysisOptions.samples) {
            throw Failure.usage("--samples must be between 1 and 1000000, got \(analysisOptions.samples)")
        }
        let loaded = try knowledgeOptions.load()
        var inputs: [TeamDecision.Member] = []
        for files in roster {
            let person = try RecommendRequest.personal(
                loaded.knowledge, answers: RecommendRequest.Answer(answers: files.answers),
                pairwise: RecommendRequest.Pairwise(pairwise: files.pairwise))
            inputs.append(TeamDecision.Member(name: files.name, knowledge: person.knowledge, answers: person.answers))
        }
        let team = TeamDecision.decide(inputs)
        for member in team.members { try member.consultation.requireSomeWeight() }
        if team.group.consultation.weights.allSatisfy({ $0.final == 0 }) {
            throw Failure.data("every criterion weighs 0 for some member, so the group's weights (their geometric "
                               + "means) are all 0 and nothing tells the frameworks apart")
        }
        let robustness = analysisOptions.analysis
            ? Robustness.analyse(team.group.consultation, samples: analysisOptions.samples, seed: analysisOptions.seed,
                                 sampling: analysisOptions.robustness)
            : nil
        let options = TeamReport.Options(
            title: title, date: date, robustness: robustness,
            pairwise: Dictionary(roster.compactMap { files in files.pairwise.map { (files.name, $0) } },
                                 uniquingKeysWith: { first, _ in first }),
            knowledgeDirectories: knowledgeOptions.knowledge)
        let report = TeamReport.render(team, format: format, options: options)
        try ReportOutput.deliver(report, to: destination, winner: team.group.winner?.name, overwrite: force)
    }

    /// The members and their files from `--member` and `--pairwise-member`, in the order given.
    static func roster(members: [String], pairwise: [String]) throws(Failure) -> [MemberFiles] {
        var roster: [MemberFiles] = []
        for item in members {
            let (name, path) = try split(item, option: "--member", example: "ana=ana.yaml")
            if path.isEmpty {
                throw .usage("member '\(name)' has no answers file; give --member \(name)=FILE")
            }
            if roster.contains(where: { $0.name == name }) {
                throw .usage("member '\(name)' is given twice; give each member once")
            }
            roster.append(MemberFiles(name: name, answers: path))
        }
        for item in pairwise {
            let (name, path) = try split(item, option: "--pairwise-member", example: "ana=ana-pairwise.yaml")
            guard let index = roster.firstIndex(where: { $0.name == name }) else {
                throw .usage("--pairwise-member '\(name)' names no member; add --member \(name)=FILE")
            }
            if path.isEmpty {
                throw .usage("--pairwise-member '\(name)' has no file; give --pairwise-member \(name)=FILE")
            }
            if roster[index].pairwise != nil {
                throw .usage("member '\(name)' has two --pairwise-member files; give one")
            }
            roster[index].pairwise = path
        }
        guard roster.count >= 2 else {
            throw .usage("a team decision needs at least two members, each as --member NAME=FILE; got \(roster.count)")
        }
        return roster
    }

    /// `NAME=FILE`, with NAME a plain word.
    private static func split(_ item: String, option: String, example: String) throws(Failure) -> (String, String) {
        guard let equals = item.firstIndex(of: "=") else {
            throw .usage("\(option) takes NAME=FILE, as in \(example); got \(Echo.quoted(item))")
        }
        let name = String(item[..<equals])
        guard TeamDecision.isMemberName(name) else {
            throw .usage("member name \(Echo.quoted(name)) is not a plain word; use letters, digits, '-' and '_', "
                         + "starting with a letter")
        }
        return (name, String(item[item.index(after: equals)...]))
    }
}
