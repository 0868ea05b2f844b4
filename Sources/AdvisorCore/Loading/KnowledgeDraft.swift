/// What the loader has read so far from all files, before cross-references are checked.
struct KnowledgeDraft {
    /// An identifier used somewhere, to be resolved once every file is read.
    struct Reference {
        enum Kind: String {
            case source, criterion, framework, capability, question
        }

        var kind: Kind
        var id: String
        var location: SourceLocation
    }

    /// A condition's text and where it starts, to be compiled once every question and fact is known.
    struct PendingCondition {
        var text: String
        /// Where the expression's first character is.
        var location: SourceLocation
    }

    struct RuleDraft {
        var id: String
        var when: PendingCondition
        var actions: [(action: Action, location: SourceLocation)]
        var because: String
        var source: String
        var location: SourceLocation
    }

    struct QuestionDraft {
        var question: Question
        var askIf: PendingCondition?
    }

    var info: (KnowledgeInfo, SourceLocation)?
    var sources: [SourceReference] = []
    var criteria: [Criterion] = []
    var capabilities: [Capability] = []
    var frameworks: [Framework] = []
    var questions: [QuestionDraft] = []
    var rules: [RuleDraft] = []
    var references: [Reference] = []
    /// Criteria each framework rates, valid or not, so a bad rating isn't also reported as missing.
    var rated: [String: Set<String>] = [:]
    /// Where each id was first defined, per kind, for duplicate detection.
    var definitions: [String: [String: SourceLocation]] = [:]
}
