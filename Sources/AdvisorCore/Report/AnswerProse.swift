/// Turns answers into the sentences of a decision record's "Context and Problem Statement", and
/// names the project for its title.
///
/// The shipped questionnaire has a phrasing for each question; any other knowledge falls back to
/// a sentence built from the question's prompt and the chosen labels, which reads well enough.
enum AnswerProse {
    // MARK: - Sentences

    /// One sentence per answer, in questionnaire order.
    static func sentences(_ c: Consultation) -> [String] {
        c.answers.ordered(by: c.knowledge).map { sentence(for: $0.question, $0.value) }
    }

    /// The sentence for one answer.
    static func sentence(for question: Question, _ value: AnswerValue) -> String {
        if let phrased = phrased(question, value) { return phrased }
        switch value {
        case .one(let option):
            let label = question.label(of: option)
            return "Asked \u{201C}\(question.prompt)\u{201D}, the team answered \u{201C}\(label)\u{201D}."
        case .many(let options):
            let labels = options.map { question.label(of: $0) }
            return labels.isEmpty
                ? "Asked \u{201C}\(question.prompt)\u{201D}, the team chose none of the options."
                : "Asked \u{201C}\(question.prompt)\u{201D}, the team chose \(list(labels.map(lowercasedFirst)))."
        case .yes(let flag):
            return "Asked \u{201C}\(question.prompt)\u{201D}, the team answered \(flag ? "yes" : "no")."
        }
    }

    // swiftlint:disable:next cyclomatic_complexity
    private static func phrased(_ question: Question, _ value: AnswerValue) -> String? {
        let label = { (option: String) in lowercasedFirst(question.label(of: option)) }
        switch (question.id, value) {
        case ("project_type", .one(let option)):
            return "The team is building \(label(option))."
        case ("architecture", .one("undecided")):
            return "How it will be deployed is not decided yet."
        case ("architecture", .one(let option)):
            return "It will be deployed as \(label(option))."
        case ("builtins", .many(let options)):
            return options.isEmpty ? "The team needs none of the usual built-in features (admin, ORM, forms…)."
                : "The team wants \(list(options.map(label))) built in, rather than added by hand."
        case ("traffic", .one(let option)):
            return "Peak traffic is expected to be \(label(option))."
        case ("async_workload", .yes(let flag)):
            return flag ? "The service holds long-lived connections, streams data or makes many concurrent I/O calls."
                : "The service holds no long-lived connections and makes few concurrent I/O calls."
        case ("security", .one(let option)):
            return "The security and compliance bar is \(label(option))."
        case ("time_to_market", .one(let option)):
            return "The pressure to ship the first release is \(label(option))."
        case ("team_experience", .one("both")):
            return "The team already knows both Django and FastAPI."
        case ("team_experience", .one("neither")):
            return "The team knows none of these frameworks yet."
        case ("team_experience", .one(let option)):
            return "The team already knows \(question.label(of: option))."
        case ("api_docs", .yes(let flag)):
            return flag ? "Generated, interactive API docs (OpenAPI / Swagger) matter."
                : "Generated, interactive API docs do not matter."
        case ("type_safety", .one(let option)):
            return "Reliance on type hints and automatic validation is \(label(option))."
        case ("ml_models", .yes(let flag)):
            return flag ? "The service will serve machine-learning models or call AI services."
                : "The service will not serve machine-learning models or call AI services."
        case ("longevity", .one(let option)):
            return "The importance of a mature, long-stable ecosystem is \(label(option))."
        case ("must_have", .many(let options)):
            return options.isEmpty ? "No feature is a hard requirement."
                : "The framework must have \(list(options.map(label))); without that, a framework is out."
        default:
            return nil
        }
    }

    // MARK: - The project

    /// The project named in the title: `--title`, or a phrase for the kind of project, or "the project".
    static func project(_ c: Consultation, title: String?) -> String {
        if let title, !title.trimmingWhitespace().isEmpty { return title.trimmingWhitespace() }
        guard case .one(let kind)? = c.answers["project_type"] else { return "the project" }
        switch kind {
        case "api": return "an API service"
        case "web_app": return "a full-stack web application"
        case "content_platform": return "a content platform"
        case "ecommerce": return "an e-commerce site"
        case "ai_service": return "an AI service"
        case "realtime": return "a real-time system"
        case "enterprise": return "an enterprise business system"
        default:
            return c.knowledge.question("project_type").map { lowercasedFirst($0.label(of: kind)) } ?? "the project"
        }
    }

    // MARK: - Helpers

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// The text with its first letter lowercased, unless the first word looks like an acronym
    /// (`API`, `ORM`) or a name with capitals inside (`FastAPI`).
    static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let word = text.prefix { $0.isLetter }
        if word.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }
}
