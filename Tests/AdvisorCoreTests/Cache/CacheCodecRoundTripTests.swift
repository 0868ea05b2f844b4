@testable import AdvisorCore
import Testing

/// The cache codec carries every field of every model type, in both directions: a knowledge base
/// with every field set comes back equal, and reflection checks that it does set every field.
@Suite("Cache codec round trip")
struct CacheCodecRoundTripTests {
    /// Everything the cache entry carries, as one value to reflect over.
    struct Carried {
        var info: KnowledgeInfo
        var digest: String
        var origins: [String]
        var facts: [String]
        var sources: [SourceReference]
        var criteria: [Criterion]
        var capabilities: [Capability]
        var frameworks: [Framework]
        var questions: [Question]
        var rules: [Rule]
        var plan: InferencePlan.Stored
        var layers: [KnowledgeLayer]
        var overrides: [KnowledgeOverride]
        var warnings: [Diagnostic]

        init(_ k: KnowledgeBase, warnings: [Diagnostic]) {
            info = k.info; digest = k.digest; origins = k.origins; facts = k.facts; sources = k.sources
            criteria = k.criteria; capabilities = k.capabilities; frameworks = k.frameworks; questions = k.questions
            rules = k.rules; plan = k.plan.stored; layers = k.layers; overrides = k.overrides
            self.warnings = warnings
        }
    }

    /// Every case of each enumeration the entry carries. The switches below are exhaustive, so a
    /// new case stops this file compiling until it is listed here (and the fixture uses it).
    static let expectedCases: [String: Set<String>] = [
        "AdvisorCore.Action": ["weight", "rating", "fact", "require", "exclude", "want", "note"],
        "AdvisorCore.Condition": ["constant", "fact", "yes", "choiceIn", "includes", "not", "all", "any"],
        "AdvisorCore.WeightChange": ["add", "multiply"],
        "AdvisorCore.RatingChange": ["set", "add"],
        "AdvisorCore.Tri": ["false", "unknown", "true"],
        "AdvisorCore.KnowledgeOverride.Target": ["rating", "weight"],
        "AdvisorCore.Diagnostic.Severity": ["error", "warning", "note"],
        "AdvisorCore.Evidence": Set(Evidence.allCases.map(\.rawValue)),
        "AdvisorCore.Question.Kind": Set(Question.Kind.allCases.map(\.rawValue)),
    ]

    static func listed(_ a: Action) -> Bool {
        switch a { case .weight, .rating, .fact, .require, .exclude, .want, .note: true }
    }

    static func listed(_ c: Condition) -> Bool {
        switch c { case .constant, .fact, .yes, .choiceIn, .includes, .not, .all, .any: true }
    }

    static func listed(_ w: WeightChange, _ r: RatingChange, _ t: Tri, _ o: KnowledgeOverride.Target,
                       _ s: Diagnostic.Severity) -> Bool {
        switch w { case .add, .multiply: break }
        switch r { case .set, .add: break }
        switch t { case .false, .unknown, .true: break }
        switch o { case .rating, .weight: break }
        switch s { case .error, .warning, .note: break }
        return true
    }

    /// What reflection found: each type's stored properties, those with a value other than the
    /// default somewhere, and each enumeration's cases used.
    struct Coverage {
        var properties: [String: Set<String>] = [:]
        var set: [String: Set<String>] = [:]
        var cases: [String: Set<String>] = [:]

        mutating func visit(_ value: Any) {
            let mirror = Mirror(reflecting: value)
            let type = String(reflecting: Swift.type(of: value))
            switch mirror.displayStyle {
            case .struct?, .class?:
                for child in mirror.children {
                    let label = child.label ?? "?"
                    properties[type, default: []].insert(label)
                    if !Self.isDefault(child.value) { set[type, default: []].insert(label) }
                    visit(child.value)
                }
            case .enum?:
                cases[type, default: []].insert(mirror.children.first?.label ?? String(describing: value))
                for child in mirror.children { visit(child.value) }
            default:
                for child in mirror.children { visit(child.value) }
            }
        }

        /// Empty text, zero, false, nil, and lists and structures of nothing but those.
        static func isDefault(_ value: Any) -> Bool {
            switch value {
            case let text as String: return text.isEmpty
            case let number as Int: return number == 0
            case let number as Double: return number == 0
            case let number as UInt64: return number == 0
            case let flag as Bool: return !flag
            default: break
            }
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional?, .collection?, .dictionary?, .set?, .struct?, .tuple?:
                return mirror.children.allSatisfy { isDefault($0.value) }
            default:
                return false
            }
        }
    }

    @Test("the fixture sets every stored property of every carried type somewhere, and uses every enumeration case")
    func fixtureCoversEveryField() {
        #expect(Self.listed(.note("")) && Self.listed(.constant(.true))
                && Self.listed(.add(0), .set(0), .true, .weight(criterion: ""), .note))
        var coverage = Coverage()
        coverage.visit(Carried(EveryFieldKnowledge.make(), warnings: EveryFieldKnowledge.warnings))
        for (type, properties) in coverage.properties.sorted(by: { $0.key < $1.key }) {
            let unset = properties.subtracting(coverage.set[type] ?? [])
            #expect(unset.isEmpty, "\(type): \(unset.sorted()) left at their defaults in EveryFieldKnowledge")
        }
        for (type, used) in coverage.cases.sorted(by: { $0.key < $1.key }) where !type.hasPrefix("Swift.") {
            let expected = Self.expectedCases[type]
            #expect(expected != nil, "\(type): an enumeration the entry carries, not listed in expectedCases")
            let unused = (expected ?? []).subtracting(used)
            #expect(unused.isEmpty, "\(type): cases \(unused.sorted()) unused in EveryFieldKnowledge")
        }
        // The walk reached every model type the codec writes.
        for type in ["AdvisorCore.SourceLocation", "AdvisorCore.Citation", "AdvisorCore.FrameworkFact",
                     "AdvisorCore.Question.Option", "AdvisorCore.WeightBounds", "AdvisorCore.KnowledgeLayer",
                     "AdvisorCore.InferencePlan.RatingAction", "AdvisorCore.FlatLists<Swift.Int>"] {
            #expect(coverage.properties[type] != nil, "\(type) not reached")
        }
        #expect(Set(Self.expectedCases.keys).isSubset(of: Set(coverage.cases.keys)))
    }

    @Test("a knowledge base with every field set comes back from the codec equal, part for part and byte for byte")
    func everyFieldRoundTrips() throws {
        let a = EveryFieldKnowledge.make(), warnings = EveryFieldKnowledge.warnings
        let parts = KnowledgeCodec.encode(a, warnings: warnings)
        let (b, decodedWarnings) = try KnowledgeCodec.decode(parts.table + parts.body, from: 0)
        // One at a time first, as a report asks for them, then whole.
        for index in a.rules.indices {
            #expect(b.rule(at: index) == a.rules[index])
            #expect(b.ruleTexts(at: index) == (a.rules[index].because, a.rules[index].source))
        }
        for index in a.frameworks.indices { #expect(b.framework(at: index) == a.frameworks[index]) }
        #expect(b.rulesAndFrameworksBuilt == (false, false))
        let left = Carried(a, warnings: warnings), right = Carried(b, warnings: decodedWarnings)
        #expect(left.info == right.info)
        #expect(left.digest == right.digest && left.origins == right.origins && left.facts == right.facts)
        #expect(left.sources == right.sources)
        #expect(left.criteria == right.criteria)
        #expect(left.capabilities == right.capabilities)
        #expect(left.frameworks == right.frameworks)
        #expect(left.questions == right.questions)
        #expect(left.rules == right.rules)
        #expect(left.plan == right.plan)
        #expect(left.layers == right.layers && left.overrides == right.overrides)
        #expect(left.warnings == right.warnings)
        // What the knowledge base derives from them.
        #expect(a.frameworkIDs == b.frameworkIDs && a.frameworkNames == b.frameworkNames)
        #expect(a.frameworkCapabilities == b.frameworkCapabilities
                && a.frameworkPartialCapabilities == b.frameworkPartialCapabilities)
        #expect(a.baseRatingValues == b.baseRatingValues && a.baseRatings == b.baseRatings)
        #expect(a.criterionIndex == b.criterionIndex && a.frameworkIndex == b.frameworkIndex
                && a.questionIndex == b.questionIndex && a.sourceIndex == b.sourceIndex)
        #expect(a.plan.conditions == b.plan.conditions && a.plan.ruleIDs == b.plan.ruleIDs
                && a.plan.otherActions == b.plan.otherActions && a.plan.ratingRules == b.plan.ratingRules
                && a.plan.strata == b.plan.strata && a.plan.idRank == b.plan.idRank)
        // Encoding the decoded base gives the same bytes.
        let again = KnowledgeCodec.encode(b, warnings: decodedWarnings)
        #expect(again.table == parts.table && again.body == parts.body)
    }

    @Test("every stored property of the knowledge base is carried by the entry or rebuilt from what it carries")
    func knowledgeBaseStoredPropertiesAreAccountedFor() {
        let labels = Set(Mirror(reflecting: EveryFieldKnowledge.make()).children.compactMap(\.label))
        // Compared by `everyFieldRoundTrips` through `Carried`.
        let carried: Set = ["info", "sources", "criteria", "capabilities", "questions", "facts", "digest", "origins",
                            "layers", "overrides", "frameworkList", "ruleList", "plan"]
        // Built by `KnowledgeBase` from the carried parts.
        let derived: Set = ["ruleTexts", "frameworkIDs", "frameworkNames", "frameworkCapabilities",
                            "frameworkPartialCapabilities", "criterionIndex", "frameworkIndex", "questionIndex",
                            "sourceIndex", "rulesById", "factsBySearch", "baseRatings", "baseRatingValues"]
        #expect(labels.subtracting(carried.union(derived)).isEmpty,
                "KnowledgeBase has stored properties neither carried nor derived: \(labels.subtracting(carried.union(derived)).sorted())")
        #expect(carried.union(derived).subtracting(labels).isEmpty)
    }
}
