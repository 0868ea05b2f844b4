import AdvisorCore
import ArgumentParser
import Foundation

/// `--pairwise FILE`: criterion importance from pairwise comparisons (AHP) instead of the base weights.
struct PairwiseOptions: ParsableArguments, PairwiseChoice {
    @Option(name: .long, help: ArgumentHelp(
        "Set the compared criteria's base weights from pairwise comparisons on Saaty's 1-9 scale, a YAML or JSON "
            + "list such as '- {a: performance, b: security, value: 3}'. Rules and --weight still apply.",
        valueName: "file"))
    var pairwise: String?
}

extension PairwiseChoice {
    /// The judgements in the file, if one was given. Inconsistent judgements (CR ≥ 0.1) are
    /// accepted with a warning on stderr naming the comparison to revise.
    func load(knowledge: KnowledgeBase) throws(Failure) -> PairwiseJudgements? {
        guard let path = pairwise else { return nil }
        if let absence = InputFile.absence(of: path, kind: "pairwise file") { throw .noInput(absence) }
        let judgements: PairwiseJudgements
        do {
            judgements = try PairwiseFile.read(path: path, knowledge: knowledge)
        } catch {
            throw .dataAt(error.line)
        }
        if let warning = judgements.warning() {
            let location = judgements.mostInconsistent?.entry.location.map { "\($0): " } ?? "\(path): "
            Output.error(TextSanitizer.inert(location + "warning: " + warning))
        }
        return judgements
    }
}
