@testable import AdvisorCore

/// A knowledge base, by hand, in which every stored property of every model type the cache entry
/// carries has a value other than its default somewhere, and every case of every enumeration it
/// carries is used: what the codec round-trip tests encode. `CacheCodecRoundTripTests` checks by
/// reflection that it stays so when a type gains a field or a case.
enum EveryFieldKnowledge {
    static func location(_ line: Int) -> SourceLocation {
        SourceLocation(file: line.isMultiple(of: 2) ? "every/field.yaml" : "every/rules.yaml", line: line,
                       column: line % 7 + 2)
    }

    static func citation(_ n: Int, _ evidence: Evidence) -> Citation {
        Citation(why: "why \(n)", source: "src-\(n % 2)", evidence: evidence, reviewed: "2026-0\(n % 3 + 1)-12",
                 asOf: "2025-1\(n % 3) Thing \(n % 3).0")
    }

    static let info = KnowledgeInfo(name: "Every field", version: "7.1", description: "A knowledge base using every field.",
                                    weightBounds: WeightBounds(lower: 0.123456789, upper: 4.5))

    static let sources = [
        SourceReference(id: "src-0", title: "Source zero", section: "§ 2", address: "https://example.org/zero",
                        isInternal: true, asOf: "2025-06", location: location(1)),
        SourceReference(id: "src-1", title: "Source one", section: "Part 1", address: "docs/one.md",
                        isInternal: false, asOf: "2024", location: location(2)),
    ]

    static let criteria = [
        Criterion(id: "speed", name: "Speed", description: "How fast.", weight: 2.5, source: "src-0",
                  byCapabilities: false, location: location(3)),
        Criterion(id: "batteries", name: "Batteries", description: "What is built in.", weight: 1.25, source: "src-1",
                  byCapabilities: true, location: location(4)),
    ]

    static let capabilities = [
        Capability(id: "admin", name: "an admin panel", means: "Edit rows in a browser.", location: location(5)),
        Capability(id: "orm", name: "an ORM", means: "Rows as objects.", location: location(6)),
    ]

    static let frameworks = [
        Framework(id: "fastapi", name: "FastAPI", summary: "Fast APIs.",
                  capabilities: [FrameworkCapability(id: "orm", partial: true, citation: citation(1, .seed),
                                                     location: location(7))],
                  ratings: ["speed": Rating(score: 4.75, citation: citation(2, .documented), location: location(8)),
                            "batteries": Rating(score: 1.5, citation: citation(3, .measured), location: location(9))],
                  facts: [FrameworkFact(id: "async", statement: "Async first.", citation: citation(4, .inferred),
                                        location: location(10))],
                  location: location(11)),
        Framework(id: "flask", name: "Flask", summary: "Small core.",
                  capabilities: [FrameworkCapability(id: "admin", partial: false, citation: citation(5, .measured),
                                                     location: location(12))],
                  ratings: ["speed": Rating(score: 3, citation: citation(6, .seed), location: location(13)),
                            "batteries": Rating(score: 2, citation: citation(7, .documented), location: location(14))],
                  facts: [FrameworkFact(id: "wsgi", statement: "WSGI.", citation: citation(8, .seed),
                                        location: location(15))],
                  location: location(16)),
    ]

    static func options(_ values: String...) -> [Question.Option] {
        values.map { Question.Option(value: $0, label: "The \($0) one") }
    }

    static let questions = [
        Question(id: "kind", prompt: "What kind?", help: "Pick one.", why: "Decides the shape.", kind: .choice,
                 options: options("api", "site"), askIf: nil, source: "src-0", location: location(17)),
        Question(id: "load", prompt: "How much load?", help: "Pick a level.", why: "Decides speed.", kind: .scale,
                 options: options("low", "high"),
                 askIf: RuleCondition(text: "kind == \"api\"", compiled: .choiceIn(question: 0, mask: 0b01),
                                      location: location(18)),
                 source: "src-1", location: location(19)),
        Question(id: "extras", prompt: "Which extras?", help: "Pick any.", why: "Decides batteries.", kind: .multi,
                 options: options("admin", "forms"), askIf: nil, source: "src-0", location: location(20)),
        Question(id: "streaming", prompt: "Streaming?", help: "Yes or no.", why: "Decides async.", kind: .yesno,
                 options: options("yes", "no"), askIf: nil, source: "src-1", location: location(21)),
    ]

    static let facts = ["api_first", "fast_path"]

    /// Not in id order (so the plan keeps an id order); `a-rule` reads a fact `b-rule` asserts,
    /// and `c-rule` negates one `a-rule` asserts (so it sits in a higher stratum).
    static let rules = [
        Rule(id: "b-rule",
             when: RuleCondition(text: "kind == \"api\" and not streaming",
                                 compiled: .all([.choiceIn(question: 0, mask: 0b01), .not(.yes(question: 3))]),
                                 location: location(22)),
             actions: [.weight(criterion: "batteries", change: .multiply(1.5)), .fact("api_first"),
                       .rating(framework: "flask", criterion: "batteries", change: .set(4))],
             because: "APIs want speed.", source: "src-0", stacksWith: ["a-rule"], location: location(23)),
        Rule(id: "a-rule",
             when: RuleCondition(text: "api_first or \"forms\" in extras or true",
                                 compiled: .any([.fact(0), .includes(question: 2, option: 1), .constant(.true)]),
                                 location: location(24)),
             actions: [.weight(criterion: "speed", change: .add(0.5)),
                       .rating(framework: "fastapi", criterion: "speed", change: .add(-1)), .fact("fast_path"),
                       .require(capability: "orm"), .exclude(framework: "flask", reason: "No async."),
                       .want(capability: "admin"), .note("Run both side by side.")],
             because: "Forms want batteries.", source: "src-1", stacksWith: ["b-rule", "c-rule"], location: location(25)),
        Rule(id: "c-rule",
             when: RuleCondition(text: "false or not fast_path or unknown",
                                 compiled: .any([.constant(.false), .not(.fact(1)), .constant(.unknown)]),
                                 location: location(26)),
             actions: [.note("Never fires.")], because: "Covers the constants.", source: "src-0", stacksWith: [],
             location: location(27)),
    ]

    static let layers = [
        KnowledgeLayer(name: "base", origin: "/k/base", info: info, isOverlay: false),
        KnowledgeLayer(name: "acme", origin: "/k/acme",
                       info: KnowledgeInfo(name: "Acme", version: "2026.11", description: "Acme's rules.",
                                           weightBounds: WeightBounds(lower: 0.5, upper: 2)),
                       isOverlay: true),
    ]

    static let overrides = [
        KnowledgeOverride(target: .rating(framework: "flask", criterion: "speed"), previous: 2.5,
                          previousLocation: location(28), value: 3, citation: citation(9, .documented), layer: "acme",
                          location: location(29)),
        KnowledgeOverride(target: .weight(criterion: "speed"), previous: nil, previousLocation: nil, value: 2.5,
                          citation: citation(10, .seed), layer: "acme", location: location(30)),
    ]

    static let warnings = [
        Diagnostic(.warning, "A warning.", at: location(31)),
        Diagnostic(.note, "A note.", at: location(32)),
        Diagnostic(.error, "An error kept as a warning would be.", at: nil),
    ]

    /// The knowledge base, with `rules` in place of the rules above when given.
    static func make(rules: [Rule] = rules, frameworks: [Framework] = frameworks, info: KnowledgeInfo = info)
        -> KnowledgeBase {
        var knowledge = KnowledgeBase(info: info, sources: sources, criteria: criteria, capabilities: capabilities,
                                      frameworks: frameworks, questions: questions, rules: rules, facts: facts,
                                      digest: "0123456789abcdef-every-field", origins: ["/k/base", "/k/acme"])
        knowledge.layers = layers
        knowledge.overrides = overrides
        return knowledge
    }
}
