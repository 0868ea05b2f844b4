/// What the loader has read so far from all files, before cross-references are checked.
struct KnowledgeDraft {
    /// An identifier used somewhere, to be resolved once every file is read.
    struct Reference {
        enum Kind: String {
            case source, criterion, framework, capability, question, rule
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
        var stacksWith: [String] = []
        var location: SourceLocation
    }

    struct QuestionDraft {
        var question: Question
        var askIf: PendingCondition?
    }

    /// A rating or base weight an overlay sets by id (`ratings:` and `weights:` in an overlay file).
    struct PendingOverride {
        var target: KnowledgeOverride.Target
        var value: Double
        var citation: Citation
        /// The layer it comes from (1 for the first overlay).
        var layer: Int
        /// Where it is written, as diagnostics show it (the path as given).
        var location: SourceLocation
        /// The same place as provenance shows it: the path relative to the overlay's parent.
        var shownLocation: SourceLocation
        /// Where the criterion and framework ids are written, to report unknown ones.
        var frameworkLocation: SourceLocation?
        var criterionLocation: SourceLocation
    }

    /// The layer being read: 0 for the base, 1... for overlays.
    var layer = 0
    /// The directory each layer was read from, and its last path component.
    var layerOrigins: [(origin: String, name: String)] = []
    /// Each layer's `knowledge:` block, and whether it said `overlay: true`.
    var layerInfos: [Int: (info: KnowledgeInfo, overlay: Bool, location: SourceLocation)] = [:]
    var overrides: [PendingOverride] = []

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
