import AdvisorCore

/// The answers-file reader on arbitrary bytes, against the shipped questionnaire. Accepted answers
/// must be valid for their questions, survive a write and re-read unchanged, and consult cleanly.
enum AnswersFuzz {
    static func run(_ bytes: [UInt8]) {
        let knowledge = FuzzKnowledge.knowledge
        let parser = AnswerParser(knowledge: knowledge)
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let answers: Answers
        do {
            answers = try AnswersFile.parse(text, path: "fuzz.yaml", parser: parser)
        } catch {
            invariant(!error.line.isEmpty, "an answers error must say why")
            invariant(!hasEscape(error.line), "answers errors must not carry escape characters")
            return
        }
        for (question, value) in answers.ordered(by: knowledge) {
            switch value {
            case .one(let option):
                invariant(question.values.contains(option), "'\(option)' is not an option of \(question.id)")
            case .many(let options):
                invariant(options.allSatisfy(question.values.contains), "bad options for \(question.id)")
            case .yes:
                invariant(question.kind == .yesno, "yes/no answer to \(question.id)")
            }
        }
        invariant(answers.ordered(by: knowledge).count == answers.count, "an answer to an unknown question")
        let written = AnswersFile.serialize(answers, knowledge: knowledge)
        do {
            let reread = try AnswersFile.parse(written, path: "rewritten.yaml", parser: parser)
            invariant(reread == answers, "answers changed through a write and re-read")
        } catch {
            invariant(false, "serialized answers do not read back: \(error.line)\n\(written)")
        }
        _ = Engine.consult(knowledge, answers: answers)
    }
}
