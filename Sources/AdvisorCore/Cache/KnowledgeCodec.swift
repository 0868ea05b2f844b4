/// The compiled form of a validated knowledge base, for the cache: every value the loader built,
/// in a compact binary layout. Each model type lays itself out (`CacheCodable`, in
/// `KnowledgeCoding.swift`); this is the entry as a whole, in the order below. Decoding checks
/// every index (questions, facts, options, plan), so a damaged payload is refused rather than
/// trusted, with the field and byte it was found at (`BinaryReader.Damaged`).
enum KnowledgeCodec {
    static func encode(_ k: KnowledgeBase, warnings: [Diagnostic]) -> (table: [UInt8], body: [UInt8]) {
        var w = BinaryWriter()
        w.write(k.info)
        w.write(k.digest)
        w.write(k.origins)
        w.write(k.facts)
        w.write(k.sources)
        w.write(k.criteria)
        w.write(k.capabilities)
        w.write(k.frameworks)
        w.write(k.questions)
        w.write(k.rules)
        w.write(k.plan.stored)
        w.write(k.layers)
        w.write(k.overrides)
        w.write(warnings)
        return w.finished()
    }

    static func decode(_ bytes: [UInt8], from offset: Int) throws(Damaged) -> (KnowledgeBase, [Diagnostic]) {
        var r = try BinaryReader(bytes, from: offset)
        let info: KnowledgeInfo = try r.read("info")
        let digest: String = try r.read("digest")
        let origins: [String] = try r.read("origins")
        let facts: [String] = try r.read("facts")
        r.bounds.facts = facts.count
        let sources: [SourceReference] = try r.read("sources")
        let criteria: [Criterion] = try r.read("criteria")
        r.bounds.criteria = criteria.count
        let capabilities: [Capability] = try r.read("capabilities")
        // Frameworks and rules are read here without being built, every value checked as building
        // them would check it, for what the engine needs (ids, names, scores, conditions, knock-outs);
        // the knowledge base builds them from where they start when asked for. At 10,000 rules,
        // building them all was a third of a warm start.
        var frameworkStarts: [Int] = []
        var headers = KnowledgeBase.FrameworkHeaders()
        try r.field("frameworks") { (r: inout BinaryReader) throws(Damaged) in
            var criterionIndex: [String: Int] = [:]
            for (index, criterion) in criteria.enumerated() where criterionIndex[criterion.id] == nil {
                criterionIndex[criterion.id] = index
            }
            // Each string's criterion index, looked up once: -2 not yet, -1 none.
            var criterionOfString = [Int32](repeating: -2, count: r.strings.count)
            for index in 0..<(try r.listCount()) {
                frameworkStarts.append(r.position)
                try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    try Framework.header(from: &r, into: &headers, criterionIndex: criterionIndex,
                                         criterionOfString: &criterionOfString)
                }
            }
        }
        r.bounds.frameworks = headers.ids.count
        // Conditions are checked against these bounds: an index out of range would crash the engine.
        // A question's `askIf` may name a later question, so the count comes first.
        var questionStarts: [Int] = []
        let questions = try r.field("questions") { (r: inout BinaryReader) throws(Damaged) in
            let count = try r.listCount()
            r.bounds.questions = count
            var questions: [Question] = []
            questions.reserveCapacity(count)
            for index in 0..<count {
                questionStarts.append(r.position)
                questions.append(try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    try Question(from: &r)
                })
            }
            return questions
        }
        var ruleStarts: [Int] = []
        var outline = InferencePlan.RuleOutline()
        // Each rule's `because` and `source`, as places in the string table.
        var texts: [UInt32] = []
        guard r.strings.count <= UInt32.max else { throw r.damaged(at: offset, "more strings than 2³²") }
        try r.field("rules") { (r: inout BinaryReader) throws(Damaged) in
            let count = try r.listCount()
            ruleStarts.reserveCapacity(count)
            outline = InferencePlan.RuleOutline(reserving: count)
            texts.reserveCapacity(2 * count)
            for index in 0..<count {
                ruleStarts.append(r.position)
                try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    try Rule.outline(from: &r, into: &outline, texts: &texts)
                }
            }
        }
        r.bounds.rules = ruleStarts.count
        let stored: InferencePlan.Stored = try r.read("plan")
        // Option indices must name an option of their question: checked once every question is
        // read, as an `askIf` may name a later one.
        let optionCounts = questions.map(\.options.count)
        for (index, condition) in outline.conditions.enumerated() {
            if let (question, option) = condition.checkOptions(optionCounts) {
                throw r.damaged(at: ruleStarts[index], "option \(option) of question \(question), which has "
                                + "\(optionCounts[question])")
                    .inside(.field("when")).inside(.index(index)).inside(.field("rules"))
            }
        }
        for (index, question) in questions.enumerated() {
            if let askIf = question.askIf, let (asked, option) = askIf.compiled.checkOptions(optionCounts) {
                throw r.damaged(at: questionStarts[index], "option \(option) of question \(asked), which has "
                                + "\(optionCounts[asked])")
                    .inside(.field("askIf")).inside(.index(index)).inside(.field("questions"))
            }
        }
        let layers: [KnowledgeLayer] = try r.read("layers")
        let overrides: [KnowledgeOverride] = try r.read("overrides")
        let warnings: [Diagnostic] = try r.read("warnings")
        guard r.isAtEnd else { throw r.damaged(at: r.position, "\(r.remaining) bytes after the end") }
        // Building what was checked above can't fail; were it to, a bare value stands in.
        let strings = r.strings, bounds = r.bounds
        let frameworkIDs = headers.ids, ruleIDs = outline.ids, conditions = outline.conditions
        let oneFramework: @Sendable (Int) -> Framework = { [frameworkStarts] index in
            var reader = BinaryReader(bytes, strings: strings, at: frameworkStarts[index], bounds: bounds)
            return (try? Framework(from: &reader))
                ?? Framework(id: frameworkIDs[index], name: frameworkIDs[index], summary: "", ratings: [:])
        }
        let oneRule: @Sendable (Int) -> Rule = { [ruleStarts] index in
            var reader = BinaryReader(bytes, strings: strings, at: ruleStarts[index], bounds: bounds)
            return (try? Rule(from: &reader))
                ?? Rule(id: ruleIDs[index], when: RuleCondition(text: "", compiled: conditions[index]), actions: [],
                        because: "", source: "")
        }
        let ruleTexts: @Sendable (Int) -> (because: String, source: String) = { [texts] index in
            (strings[Int(texts[2 * index])], strings[Int(texts[2 * index + 1])])
        }
        var knowledge = KnowledgeBase(
            info: info, sources: sources, criteria: criteria, capabilities: capabilities, questions: questions,
            facts: facts, digest: digest, origins: origins, frameworks: headers, framework: oneFramework,
            rules: outline, rule: oneRule, ruleTexts: ruleTexts, plan: stored)
        knowledge.layers = layers
        knowledge.overrides = overrides
        return (knowledge, warnings)
    }
}
