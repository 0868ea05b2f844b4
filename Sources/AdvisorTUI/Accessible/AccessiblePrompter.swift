import AdvisorCore

/// Where the accessible advisor reads what the user types, a line at a time.
public protocol LineSource {
    /// The next line without its line ending, or nil once the input has ended.
    mutating func nextLine() -> String?
}

/// Where the accessible advisor writes its text.
public protocol TextSink {
    mutating func write(_ text: String) throws
}

/// Lines given in advance: a script of what the user types.
public struct ScriptedLines: LineSource, Sendable {
    public private(set) var remaining: ArraySlice<String>

    public init(_ lines: [String]) {
        remaining = lines[...]
    }

    public mutating func nextLine() -> String? {
        remaining.popFirst()
    }
}

/// Text collected in memory.
public struct Transcript: TextSink, Sendable {
    public private(set) var text = ""

    public init() {}

    public mutating func write(_ text: String) {
        self.text += text
    }
}

/// The questionnaire as plain numbered prompts, one question at a time, for screen readers, terminals
/// that cannot address the cursor (`TERM=dumb`) and pipes: no cursor movement, no colour, no redraws.
///
/// It drives the same `AdvisorState` as the full-screen advisor, through the same operations (answer,
/// skip, back), so the questions asked and their order are the TUI's. At the end, or when the input
/// ends, it prints the recommendation as `advisor recommend` prints it for the same answers, and the
/// `advisor recommend` command that reproduces it. Every line written passes `TextSanitizer.inert`.
public struct AccessiblePrompter<Input: LineSource, Output: TextSink> {
    /// How the questionnaire ended.
    public enum Ending: Equatable, Sendable {
        /// Every asked question had its turn.
        case finished
        /// The input ended first; the recommendation is for the answers so far.
        case endOfInput
    }

    public private(set) var state: AdvisorState
    public var input: Input
    public var output: Output
    /// Whether the report may draw its bars with Unicode blocks (as `recommend` would on this locale).
    public var unicode: Bool
    /// Arguments the reproducing command needs before the answers, each already quoted for a shell
    /// (`--knowledge DIR`).
    public var knowledgeArguments: [String]
    /// A line printed after the introduction, such as where prefilled answers came from.
    public var note: String?

    public init(state: AdvisorState, input: Input, output: Output, unicode: Bool = true,
                knowledgeArguments: [String] = [], note: String? = nil) {
        self.state = state
        self.input = input
        self.output = output
        self.unicode = unicode
        self.knowledgeArguments = knowledgeArguments
        self.note = note
    }

    /// Asks the questions, then prints the recommendation and the command that reproduces it.
    public mutating func run() throws -> Ending {
        try introduce()
        state.start()
        var ending = Ending.finished
        while case .question(let index) = state.screen {
            if try !ask(index) {
                ending = .endOfInput
                break
            }
        }
        try conclude(ending)
        return ending
    }

    // MARK: - Asking

    private mutating func introduce() throws {
        let about = state.knowledge.questions.contains { $0.askIf != nil } ? "about " : ""
        try say("Choose a Python web framework: \(about)\(state.asked.count) questions, one at a time.")
        try say("Type an option's number or value and press Enter; for several, separate them with commas "
                + "or spaces. An empty line skips a question (no preference), ? tells why it is asked, "
                + "b goes back. End the input (Ctrl-D) to get the recommendation for the answers so far.")
        if let note { try say(note) }
    }

    /// Asks question `index` until an entry moves the state on. False when the input ended.
    private mutating func ask(_ index: Int) throws -> Bool {
        let question = state.knowledge.questions[index]
        try present(question)
        while true {
            try output.write("> ")
            guard let line = input.nextLine() else { return false }
            switch Self.interpret(line, for: question, current: state.answers[question.id]) {
            case .answer(let value):
                state.answer(value, at: index)
                return true
            case .skip:
                state.skip(at: index)
                return true
            case .back:
                guard state.asked.contains(where: { $0 < index }) else {
                    try say("This is the first question.")
                    continue
                }
                state.goBack()
                return true
            case .why:
                try say("Why we ask: \(question.why.trimmed) [\(question.source)]")
            case .invalid(let message):
                try say(message)
            }
        }
    }

    private mutating func present(_ question: Question) throws {
        try output.write("\n")
        if let progress = state.progress {
            try say("Question \(progress.position) of \(progress.approximate ? "~" : "")\(progress.total)")
        }
        try say(question.prompt.trimmed)
        if !question.help.trimmed.isEmpty { try say(question.help.trimmed) }
        if question.kind == .multi {
            try say("Several answers allowed: numbers or values separated by commas or spaces, or none.")
        }
        for (number, option) in question.options.enumerated() {
            try say("  \(number + 1)) \(option.label.trimmed) (\(option.value))")
        }
        if let current = state.answers[question.id] {
            try say("Current answer: \(Self.describe(current, of: question)). An empty line keeps it; "
                    + "s skips the question (no preference).")
        }
    }

    private mutating func conclude(_ ending: Ending) throws {
        try output.write("\n")
        if ending == .endOfInput {
            try say("End of input: the recommendation for the answers so far.")
            try output.write("\n")
        }
        var report = TextReport.render(state.consultation, style: TextStyle(color: false, unicode: unicode))
        if !report.hasSuffix("\n") { report += "\n" }
        try output.write(TextSanitizer.inert(report, keepNewlines: true))
        try say("Reproduce with: " + reproduceCommand)
    }

    /// Writes `text` as one line, with anything that could drive the terminal shown instead.
    private mutating func say(_ text: String) throws {
        try output.write(TextSanitizer.inert(text) + "\n")
    }

    /// `advisor recommend` with the knowledge and every answer given: it prints the same recommendation.
    public var reproduceCommand: String {
        var groups = ["advisor recommend"] + knowledgeArguments
        for (question, value) in state.answers.ordered(by: state.knowledge) {
            let text: String = switch value {
            case .many(let options) where options.isEmpty: "none"
            default: value.text
            }
            groups.append("--answer " + ReproduceCommand.quote("\(question.id)=\(text)"))
        }
        return groups.joined(separator: " ")
    }

    // MARK: - Reading an entry

    /// What a typed line asks for.
    enum Entry: Equatable {
        case answer(AnswerValue)
        case skip
        case back
        case why
        /// The line to print before asking again.
        case invalid(String)
    }

    /// Reads `line` as an entry for `question`, whose answer so far is `current`.
    static func interpret(_ line: String, for question: Question, current: AnswerValue?) -> Entry {
        let text = line.trimmed
        let words = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        if text.isEmpty {
            // An empty line keeps an answer already given (as Enter does on the full screen), else skips.
            return current.map { .answer($0) } ?? .skip
        }
        if words.isEmpty { return .invalid(invalid(text, question)) }
        if words.count == 1, option(words[0], of: question) == nil {
            switch words[0].lowercased() {
            case "?": return .why
            case "b": return .back
            case "s": return .skip
            case "none" where question.kind == .multi: return .answer(.many([]))
            default: break
            }
        }
        switch question.kind {
        case .multi:
            var picked: Set<String> = []
            for word in words {
                guard let value = option(word, of: question) else { return .invalid(invalid(word, question)) }
                picked.insert(value)
            }
            return .answer(.many(question.values.filter(picked.contains)))
        case .choice, .scale, .yesno:
            guard words.count == 1, let value = option(words[0], of: question) else {
                return .invalid(invalid(text, question))
            }
            return .answer(question.kind == .yesno ? .yes(value != "no") : .one(value))
        }
    }

    /// The option `word` names: its number, its value (any case), or for yes/no questions y or n.
    static func option(_ word: String, of question: Question) -> String? {
        if let number = Int(word), question.values.indices.contains(number - 1) {
            return question.values[number - 1]
        }
        let lowered = word.lowercased()
        if let value = question.values.first(where: { $0.lowercased() == lowered }) { return value }
        if question.kind == .yesno {
            switch lowered {
            case "y": return question.values.first { $0 == "yes" }
            case "n": return question.values.first { $0 == "no" }
            default: return nil
            }
        }
        return nil
    }

    static func invalid(_ text: String, _ question: Question) -> String {
        let range = question.options.count == 1 ? "1" : "1–\(question.options.count)"
        return "\(Echo.quoted(text)) is not one of the options \(range); "
            + "type a number, a value, an empty line to skip, ? or b"
    }

    /// An answer as the options' labels and values: "Flask (flask), Django (django)".
    static func describe(_ value: AnswerValue, of question: Question) -> String {
        switch value {
        case .one(let option): return "\(question.label(of: option)) (\(option))"
        case .yes(let flag):
            let option = flag ? "yes" : "no"
            return "\(question.label(of: option)) (\(option))"
        case .many(let options):
            if options.isEmpty { return "none" }
            return options.map { "\(question.label(of: $0)) (\($0))" }.joined(separator: ", ")
        }
    }
}

extension String {
    /// The text without leading and trailing whitespace.
    fileprivate var trimmed: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
