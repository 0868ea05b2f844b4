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

    /// The kind of thing being chosen, from the knowledge's name: "Python web framework" for
    /// "Python web frameworks (Django, …)", else "framework".
    static func subject(_ knowledge: KnowledgeBase) -> String {
        let name = knowledge.info.name.split(separator: "(").first.map { String($0).trimmingWhitespace() } ?? ""
        guard name.lowercased().hasSuffix("frameworks"), name.count < 60,
              name.allSatisfy({ $0.isLetter || $0 == " " || $0 == "-" }) else { return "framework" }
        return String(name.dropLast())
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

    /// The answer as a clause that can follow "because" and join others in a list: the sentence
    /// without its full stop, its first letter lowercased and any detail after a colon dropped; or,
    /// for a question without a phrasing, the answer named with its question.
    static func clause(for question: Question, _ value: AnswerValue) -> String {
        switch (question.id, value) {
        case ("project_type", .one(let option)):
            return "the project is " + lowercasedFirst(question.label(of: option)).prefix { $0 != ":" }
        case ("builtins", .many(let options)) where !options.isEmpty:
            return "the team wants built-in \(list(options.map { lowercasedFirst(question.label(of: $0)) }))"
        default:
            break
        }
        if let phrased = phrased(question, value) {
            var text = Substring(phrased)
            if let colon = text.range(of: ": ") { text = text[..<colon.lowerBound] }
            if text.hasSuffix(".") { text = text.dropLast() }
            return lowercasedFirst(String(text))
        }
        let answer: String
        switch value {
        case .one(let option): answer = "\u{201C}\(question.label(of: option))\u{201D}"
        case .many(let options):
            answer = options.isEmpty ? "none of the options"
                : list(options.map { "\u{201C}\(question.label(of: $0))\u{201D}" })
        case .yes(let flag): answer = flag ? "yes" : "no"
        }
        return "the team answered \(answer) to \u{201C}\(question.prompt)\u{201D}"
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
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
                : "The team wants these built in rather than added by hand: \(list(options.map(label)))."
        case ("traffic", .one(let option)):
            return "Peak traffic is expected to be \(label(option))."
        case ("async_workload", .yes(let flag)):
            return flag ? "The service holds long-lived connections, streams data or makes many concurrent I/O calls."
                : "The service holds no long-lived connections and makes few concurrent I/O calls."
        case ("websockets", .yes(let flag)):
            return flag ? "Clients will hold WebSocket connections to the service."
                : "Clients will not hold WebSocket connections to the service."
        case ("security", .one("standard")):
            return "Standard good security practice is enough."
        case ("security", .one("regulated")):
            return "It must meet a regulated or audited compliance bar (finance, health, government)."
        case ("security", .one(let option)):
            return "The security and compliance bar is \(label(option))."
        case ("time_to_market", .one("flexible")):
            return "The first release can wait: quality comes before speed."
        case ("time_to_market", .one("normal")):
            return "The first release is on a normal schedule."
        case ("time_to_market", .one("critical")):
            return "The first release is critical and must ship as soon as possible."
        case ("time_to_market", .one(let option)):
            return "The pressure to ship the first release is \(label(option))."
        case ("team_experience", .one("both")):
            return "Both Django and FastAPI are already familiar to the team."
        case ("team_experience", .one("neither")):
            return "None of the candidate frameworks is familiar to the team yet."
        case ("team_experience", .one(let option)):
            return "\(question.label(of: option)) is already familiar to the team."
        case ("team_experience", .many(let options)):
            if options.isEmpty { return "None of the candidate frameworks is familiar to the team yet." }
            return "\(list(options.map { question.label(of: $0) })) \(options.count == 1 ? "is" : "are") already "
                + "familiar to the team."
        case ("team_size", .one("solo")):
            return "One or two developers will work on it."
        case ("team_size", .one("small")):
            return "Three to ten developers will work on it."
        case ("team_size", .one("large")):
            return "More than ten developers, or several teams, will work on it."
        case ("existing_code", .one("none")):
            return "It starts as a new codebase."
        case ("existing_code", .one("django")):
            return "It joins an existing Django project, or shares its Django models."
        case ("existing_code", .one("flask")):
            return "It joins an existing Flask application."
        case ("existing_code", .one("fastapi")):
            return "It joins an existing FastAPI or Starlette service."
        case ("existing_code", .one("other")):
            return "It joins existing code in another framework or language."
        case ("database", .one("none")):
            return "It needs no database."
        case ("database", .one(let option)):
            return "Its data lives in \(label(option))."
        case ("background_jobs", .one("none")):
            return "No work runs outside the request."
        case ("background_jobs", .one("after_response")):
            return "Short jobs run after the response."
        case ("background_jobs", .one("queue")):
            return "Work outside the request needs a durable job queue with retries and schedules."
        case ("api_docs", .yes(let flag)):
            return flag ? "Generated, interactive API docs (OpenAPI / Swagger) matter."
                : "Generated, interactive API docs do not matter."
        case ("graphql", .yes(let flag)):
            return flag ? "The API will be GraphQL rather than REST." : "The API will be REST rather than GraphQL."
        case ("type_safety", .one("low")):
            return "The team relies little on type hints and automatic validation."
        case ("type_safety", .one("medium")):
            return "The team relies moderately on type hints and automatic validation."
        case ("type_safety", .one("high")):
            return "The team relies heavily on type hints and automatic validation."
        case ("ml_models", .yes(let flag)):
            return flag ? "The service will serve machine-learning models or call AI services."
                : "The service will not serve machine-learning models or call AI services."
        case ("longevity", .one("low")):
            return "A mature, long-stable ecosystem matters little."
        case ("longevity", .one("medium")):
            return "A mature, long-stable ecosystem matters moderately."
        case ("longevity", .one("high")):
            return "A mature, long-stable ecosystem matters a great deal."
        case ("support_window", .one("latest")):
            return "The team upgrades as new releases come out."
        case ("support_window", .one("lts")):
            return "A deployed release must keep getting security fixes for years, from a long-term support release."
        case ("frontend", .one("server_rendered")):
            return "Its pages are rendered on the server (templates, maybe HTMX)."
        case ("frontend", .one("spa")):
            return "Its front end is a single-page or mobile app on a JSON API."
        case ("hosting", .one("servers")):
            return "It will run on servers, VMs or a platform service (PaaS)."
        case ("hosting", .one("containers")):
            return "It will run in containers on Kubernetes or similar."
        case ("hosting", .one("serverless")):
            return "It will run as serverless functions."
        case ("must_have", .many(let options)):
            guard !options.isEmpty else { return "No feature is a hard requirement." }
            return "A framework is out unless it " + list(options.map { option in
                switch option {
                case "builtin_admin": "has a built-in admin panel"
                case "openapi_docs": "generates interactive API docs itself"
                case "asgi_native": "has a native async (ASGI) design"
                case "microframework": "is a microframework, with a small core and the database layer and "
                    + "validation left to the team"
                default: "has \(label(option))"
                }
            }) + "."
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
