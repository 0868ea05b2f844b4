/// A question of the questionnaire.
public struct Question: Hashable, Sendable, Codable, Identifiable {
    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        /// Pick one option.
        case choice
        /// Pick any number of options.
        case multi
        /// Yes or no.
        case yesno
        /// Pick one option of an ordered list; conditions may compare with `<`, `>=` and so on.
        case scale
    }

    public struct Option: Hashable, Sendable, Codable {
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var id: String
    public var prompt: String
    /// Guidance on answering, shown under the prompt.
    public var help: String
    /// Why the advisor asks: what the answer decides.
    public var why: String
    public var kind: Kind
    /// The options; for yes/no questions, `yes` then `no`.
    public var options: [Option]
    /// When present, the question is asked only when this holds.
    public var askIf: RuleCondition?
    public var source: String
    public var location: SourceLocation?

    public init(id: String, prompt: String, help: String, why: String, kind: Kind, options: [Option],
                askIf: RuleCondition? = nil, source: String, location: SourceLocation? = nil) {
        self.id = id
        self.prompt = prompt
        self.help = help
        self.why = why
        self.kind = kind
        self.options = options
        self.askIf = askIf
        self.source = source
        self.location = location
    }

    public var values: [String] { options.map(\.value) }

    public func label(of value: String) -> String {
        options.first { $0.value == value }?.label ?? value
    }
}
