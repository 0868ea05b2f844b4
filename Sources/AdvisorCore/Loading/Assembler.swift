/// Checks every cross-reference of a draft, compiles its conditions, and builds the knowledge base.
struct Assembler {
    var draft: KnowledgeDraft
    let digest: String
    let origins: [String]
    let limits: KnowledgeLimits
    var diagnostics: [Diagnostic] = []
    /// The overrides as applied, for the knowledge base's provenance.
    var applied: [KnowledgeOverride] = []
    /// Conditions already compiled, by text: the same text always compiles to the same condition
    /// against one vocabulary, and large knowledge bases repeat many conditions.
    private var compiledByText: [String: Condition] = [:]

    init(draft: KnowledgeDraft, digest: String, origins: [String], limits: KnowledgeLimits = .standard) {
        self.draft = draft
        self.limits = limits
        self.digest = digest
        self.origins = origins
    }

    mutating func assemble() -> KnowledgeBase? {
        let overLimits = limits.check(draft)
        guard overLimits.isEmpty else {
            diagnostics += overLimits
            return nil
        }
        checkReferences()
        applyOverrides()
        checkRatings()
        if draft.criteria.isEmpty { diagnostics.append(.error("the knowledge base defines no criteria")) }
        if draft.frameworks.isEmpty { diagnostics.append(.error("the knowledge base defines no frameworks")) }
        if draft.questions.isEmpty { diagnostics.append(.error("the knowledge base defines no questions")) }

        // Facts are whatever rules assert, indexed in name order so the index doesn't depend on file order.
        var asserted: [String: SourceLocation] = [:]
        for rule in draft.rules {
            for (action, location) in rule.actions {
                if case .fact(let name) = action, asserted[name] == nil { asserted[name] = location }
            }
        }
        let factNames = asserted.keys.sorted()
        var factIndex: [String: Int] = [:]
        for (index, name) in factNames.enumerated() { factIndex[name] = index }
        for name in factNames where draft.definitions["question"]?[name] != nil {
            diagnostics.append(.error("fact '\(name)' has the same name as a question", at: asserted[name]))
        }
        // Every reference and definition has been checked. Freed now, they are not held beside the
        // compiled rules: for 100,000 rules that was a fifth of the peak memory of a load.
        draft.references = []
        draft.definitions = [:]

        let questions = draft.questions.map(\.question)
        let vocabulary = KnowledgeVocabulary(questions: questions, facts: factIndex)
        let checker = TypeChecker(vocabulary: vocabulary)

        var compiledQuestions = questions
        for (index, pending) in draft.questions.enumerated() {
            guard let askIf = pending.askIf, let compiled = compile(askIf, with: checker) else { continue }
            compiledQuestions[index].askIf = compiled
            checkAskIf(compiled, question: index, questions: questions)
        }

        var rules: [Rule] = []
        rules.reserveCapacity(draft.rules.count)
        for index in draft.rules.indices {
            guard let condition = compile(draft.rules[index].when, with: checker) else { continue }
            let draftRule = draft.rules[index]
            rules.append(Rule(id: draftRule.id, when: condition, actions: draftRule.actions.map(\.action),
                              because: draftRule.because, source: draftRule.source,
                              stacksWith: draftRule.stacksWith, location: draftRule.location))
            // Each draft rule's actions are freed as soon as its rule is built.
            draft.rules[index].actions = []
        }
        draft.rules = []
        diagnostics += Stratifier.check(rules: rules, facts: factNames)

        guard let (info, _) = draft.info else {
            diagnostics.append(.error("no file names the knowledge base: add 'knowledge: {name, version, "
                                      + "description}' to one file"))
            return nil
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return nil }
        return KnowledgeBase(info: info, sources: draft.sources, criteria: draft.criteria,
                             capabilities: draft.capabilities, frameworks: draft.frameworks,
                             questions: compiledQuestions, rules: rules, facts: factNames, digest: digest,
                             origins: origins)
    }

    // MARK: - Checks

    private mutating func checkReferences() {
        for reference in draft.references {
            let kind = reference.kind.rawValue
            let known = draft.definitions[kind] ?? [:]
            guard known[reference.id] == nil else { continue }
            diagnostics.append(.error("unknown \(kind) '\(reference.id)'"
                                      + Suggestion.didYouMean(reference.id, in: known.keys.sorted()),
                                      at: reference.location))
        }
    }

    private mutating func checkRatings() {
        for framework in draft.frameworks {
            let rated = draft.rated[framework.id] ?? []
            let missing = draft.criteria.filter { !rated.contains($0.id) }.map(\.id)
            guard !missing.isEmpty else { continue }
            let list = missing.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(.error("framework '\(framework.id)' has no rating for \(list); "
                                      + "every framework is rated on every criterion", at: framework.location))
        }
    }

    private mutating func compile(_ pending: KnowledgeDraft.PendingCondition,
                                  with checker: TypeChecker<KnowledgeVocabulary>) -> RuleCondition? {
        if let condition = compiledByText[pending.text] {
            return RuleCondition(text: pending.text, compiled: condition, location: pending.location)
        }
        do {
            let expr = try ExpressionParser.parse(pending.text)
            let condition = try checker.check(expr)
            compiledByText[pending.text] = condition
            return RuleCondition(text: pending.text, compiled: condition, location: pending.location)
        } catch {
            diagnostics.append(.error(error.message, at: pending.location.advanced(by: error.offset)))
            return nil
        }
    }

    /// `ask_if` may read only questions asked before this one, so the questionnaire can decide as it goes.
    private mutating func checkAskIf(_ condition: RuleCondition, question index: Int, questions: [Question]) {
        if !condition.compiled.factsRead.isEmpty {
            diagnostics.append(.error("'ask_if' of question '\(questions[index].id)' may read only questions, "
                                      + "not derived facts", at: condition.location))
        }
        for read in condition.compiled.questionsRead.sorted() where read >= index {
            diagnostics.append(.error("'ask_if' of question '\(questions[index].id)' reads '\(questions[read].id)', "
                                      + "which is not asked before it", at: condition.location))
        }
    }
}
