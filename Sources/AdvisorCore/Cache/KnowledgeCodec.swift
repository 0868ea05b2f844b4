import Foundation

/// The compiled form of a validated knowledge base, for the cache: every value the loader built,
/// in a compact binary layout. Decoding checks every index (questions, facts, options), so a
/// damaged payload is refused rather than trusted.
enum KnowledgeCodec {
    /// An overlaid knowledge base's layers and overrides.
    private struct Provenance: Codable {
        var layers: [KnowledgeLayer]
        var overrides: [KnowledgeOverride]
    }

    // MARK: - Encoding

    static func encode(_ k: KnowledgeBase, warnings: [Diagnostic]) -> (table: [UInt8], body: [UInt8]) {
        var w = BinaryWriter()
        w.string(k.info.name); w.string(k.info.version); w.string(k.info.description)
        w.bool(k.info.weightBounds != nil)
        if let bounds = k.info.weightBounds { w.double(bounds.lower); w.double(bounds.upper) }
        w.string(k.digest)
        w.int(k.origins.count); for origin in k.origins { w.string(origin) }
        w.int(k.facts.count); for fact in k.facts { w.string(fact) }
        w.int(k.sources.count)
        for s in k.sources {
            w.string(s.id); w.string(s.title); w.optionalString(s.section); w.optionalString(s.address)
            w.bool(s.isInternal); w.optionalString(s.asOf); location(s.location, &w)
        }
        w.int(k.criteria.count)
        for c in k.criteria {
            w.string(c.id); w.string(c.name); w.string(c.description); w.double(c.weight); w.string(c.source)
            w.bool(c.byCapabilities); location(c.location, &w)
        }
        w.int(k.capabilities.count)
        for c in k.capabilities { w.string(c.id); w.string(c.name); w.string(c.means); location(c.location, &w) }
        w.int(k.frameworks.count)
        for f in k.frameworks {
            w.string(f.id); w.string(f.name); w.string(f.summary)
            w.int(f.capabilities.count)
            for c in f.capabilities {
                w.string(c.id); w.bool(c.partial); citation(c.citation, &w); location(c.location, &w)
            }
            w.int(f.ratings.count)
            for (criterion, rating) in f.ratings.sorted(by: { $0.key < $1.key }) {
                w.string(criterion); w.double(rating.score); citation(rating.citation, &w)
                location(rating.location, &w)
            }
            w.int(f.facts.count)
            for fact in f.facts {
                w.string(fact.id); w.string(fact.statement); citation(fact.citation, &w); location(fact.location, &w)
            }
            location(f.location, &w)
        }
        w.int(k.questions.count)
        for q in k.questions {
            w.string(q.id); w.string(q.prompt); w.string(q.help); w.string(q.why); w.string(q.kind.rawValue)
            w.int(q.options.count)
            for option in q.options { w.string(option.value); w.string(option.label) }
            w.bool(q.askIf != nil)
            if let askIf = q.askIf { ruleCondition(askIf, &w) }
            w.string(q.source); location(q.location, &w)
        }
        w.int(k.rules.count)
        for r in k.rules {
            w.string(r.id); ruleCondition(r.when, &w)
            w.int(r.actions.count)
            for a in r.actions { action(a, &w) }
            w.string(r.because); w.string(r.source)
            w.int(r.stacksWith.count); for other in r.stacksWith { w.string(other) }
            location(r.location, &w)
        }
        plan(k.plan.stored, &w)
        // Overlay provenance is small and rare: kept as JSON rather than a layout of its own.
        w.bool(!k.layers.isEmpty || !k.overrides.isEmpty)
        if !k.layers.isEmpty || !k.overrides.isEmpty {
            let provenance = Provenance(layers: k.layers, overrides: k.overrides)
            w.string((try? JSONEncoder().encode(provenance)).map { String(decoding: $0, as: UTF8.self) } ?? "")
        }
        w.int(warnings.count)
        for d in warnings { w.string(d.severity.rawValue); w.string(d.message); location(d.location, &w) }
        return w.finished()
    }

    /// The inference plan's stored parts: lists as their lengths, then their elements.
    private static func plan(_ p: InferencePlan.Stored, _ w: inout BinaryWriter) {
        for stratum in p.ruleStratum { w.int(stratum) }
        for list in [p.readers, p.asserters, p.assertedFacts, p.questionsRead, p.factsRead] {
            lengths(list.offsets, &w)
            for value in list.values { w.int(value) }
        }
        lengths(p.weightActions.offsets, &w)
        for a in p.weightActions.values {
            w.int(a.criterion)
            switch a.change {
            case .add(let value): w.int(0); w.double(value)
            case .multiply(let value): w.int(1); w.double(value)
            }
        }
        lengths(p.ratingActions.offsets, &w)
        for a in p.ratingActions.values {
            w.int(a.framework); w.int(a.criterion)
            switch a.change {
            case .set(let value): w.int(0); w.double(value)
            case .add(let value): w.int(1); w.double(value)
            }
        }
        w.bool(p.idOrder != nil)
        for index in p.idOrder ?? [] { w.int(index) }
    }

    private static func lengths(_ offsets: [Int], _ w: inout BinaryWriter) {
        w.int(offsets.count - 1)
        for index in offsets.indices.dropFirst() { w.int(offsets[index] - offsets[index - 1]) }
    }

    private static func location(_ l: SourceLocation?, _ w: inout BinaryWriter) {
        w.bool(l != nil)
        if let l { w.string(l.file); w.int(l.line); w.int(l.column) }
    }

    private static func citation(_ c: Citation, _ w: inout BinaryWriter) {
        w.string(c.why); w.string(c.source); w.optionalString(c.evidence?.rawValue); w.optionalString(c.reviewed)
        w.optionalString(c.asOf)
    }

    private static func ruleCondition(_ c: RuleCondition, _ w: inout BinaryWriter) {
        w.string(c.text); condition(c.compiled, &w); location(c.location, &w)
    }

    private static func condition(_ c: Condition, _ w: inout BinaryWriter) {
        switch c {
        case .constant(let value): w.int(0); w.int(Int(value.rawValue))
        case .fact(let index): w.int(1); w.int(index)
        case .yes(let question): w.int(2); w.int(question)
        case .choiceIn(let question, let mask): w.int(3); w.int(question); w.uint64(mask)
        case .includes(let question, let option): w.int(4); w.int(question); w.int(option)
        case .not(let inner): w.int(5); condition(inner, &w)
        case .all(let parts): w.int(6); w.int(parts.count); for part in parts { condition(part, &w) }
        case .any(let parts): w.int(7); w.int(parts.count); for part in parts { condition(part, &w) }
        }
    }

    private static func action(_ a: Action, _ w: inout BinaryWriter) {
        switch a {
        case .weight(let criterion, let change):
            w.int(0); w.string(criterion)
            switch change {
            case .add(let value): w.int(0); w.double(value)
            case .multiply(let value): w.int(1); w.double(value)
            }
        case .rating(let framework, let criterion, let change):
            w.int(1); w.string(framework); w.string(criterion)
            switch change {
            case .set(let value): w.int(0); w.double(value)
            case .add(let value): w.int(1); w.double(value)
            }
        case .fact(let name): w.int(2); w.string(name)
        case .require(let capability): w.int(3); w.string(capability)
        case .exclude(let framework, let reason): w.int(4); w.string(framework); w.string(reason)
        case .want(let capability): w.int(5); w.string(capability)
        case .note(let text): w.int(6); w.string(text)
        }
    }

    // MARK: - Decoding

    typealias Damaged = BinaryReader.Damaged

    static func decode(_ bytes: [UInt8], from offset: Int) throws(Damaged) -> (KnowledgeBase, [Diagnostic]) {
        var r = try BinaryReader(bytes, from: offset)
        var info = KnowledgeInfo(name: try r.string(), version: try r.string(), description: try r.string())
        if try r.bool() {
            let lower = try r.double(), upper = try r.double()
            guard lower > 0, lower <= 1, upper >= 1, upper.isFinite else { throw Damaged() }
            info.weightBounds = WeightBounds(lower: lower, upper: upper)
        }
        let digest = try r.string()
        var origins: [String] = []
        for _ in 0..<(try r.listCount()) { origins.append(try r.string()) }
        var facts: [String] = []
        for _ in 0..<(try r.listCount()) { facts.append(try r.string()) }
        var sources: [SourceReference] = []
        for _ in 0..<(try r.listCount()) {
            sources.append(SourceReference(id: try r.string(), title: try r.string(), section: try r.optionalString(),
                                           address: try r.optionalString(), isInternal: try r.bool(),
                                           asOf: try r.optionalString(), location: try location(&r)))
        }
        var criteria: [Criterion] = []
        for _ in 0..<(try r.listCount()) {
            criteria.append(Criterion(id: try r.string(), name: try r.string(), description: try r.string(),
                                      weight: try r.double(), source: try r.string(), byCapabilities: try r.bool(),
                                      location: try location(&r)))
        }
        var capabilities: [Capability] = []
        for _ in 0..<(try r.listCount()) {
            capabilities.append(Capability(id: try r.string(), name: try r.string(), means: try r.string(),
                                           location: try location(&r)))
        }
        // Frameworks and rules are read here without being built, every value checked as building
        // them would check it, for what the engine needs (ids, names, scores, conditions, knock-outs);
        // the knowledge base builds them from where they start when asked for. At 10,000 rules,
        // building them all was a third of a warm start.
        var frameworkStarts: [Int] = []
        var headers = KnowledgeBase.FrameworkHeaders()
        var criterionIndex: [String: Int] = [:]
        for (index, criterion) in criteria.enumerated() where criterionIndex[criterion.id] == nil {
            criterionIndex[criterion.id] = index
        }
        // Each string's criterion index, looked up once: -2 not yet, -1 none.
        var criterionOfString = [Int32](repeating: -2, count: r.strings.count)
        for _ in 0..<(try r.listCount()) {
            frameworkStarts.append(r.position)
            let id = try r.string(), name = try r.string()
            _ = try r.stringIndex()
            var owned: [String] = [], partial: [String] = []
            for _ in 0..<(try r.listCount()) {
                let capability = try r.string()
                if try r.bool() { partial.append(capability) } else { owned.append(capability) }
                try skipCitation(&r)
                try skipLocation(&r)
            }
            var scores = [Double](repeating: 0, count: criteria.count)
            for _ in 0..<(try r.listCount()) {
                let criterion = try r.stringIndex()
                if criterionOfString[criterion] == -2 {
                    criterionOfString[criterion] = Int32(criterionIndex[r.strings[criterion]] ?? -1)
                }
                let score = try r.double()
                if criterionOfString[criterion] >= 0 { scores[Int(criterionOfString[criterion])] = score }
                try skipCitation(&r)
                try skipLocation(&r)
            }
            for _ in 0..<(try r.listCount()) {
                _ = try r.stringIndex()
                _ = try r.stringIndex()
                try skipCitation(&r)
                try skipLocation(&r)
            }
            try skipLocation(&r)
            headers.append(id: id, name: name, capabilities: owned, partialCapabilities: partial, scores: scores)
        }
        // Conditions are checked against these bounds: an index out of range would crash the engine.
        var optionCounts: [Int] = []
        var questions: [Question] = []
        let questionCount = try r.listCount()
        for _ in 0..<questionCount {
            let id = try r.string(), prompt = try r.string(), help = try r.string(), why = try r.string()
            guard let kind = Question.Kind(rawValue: try r.string()) else { throw Damaged() }
            var options: [Question.Option] = []
            for _ in 0..<(try r.listCount()) { options.append(Question.Option(value: try r.string(), label: try r.string())) }
            guard options.count <= 64 else { throw Damaged() }
            optionCounts.append(options.count)
            var askIf: RuleCondition?
            if try r.bool() { askIf = try ruleCondition(&r, questions: questionCount, facts: facts.count) }
            questions.append(Question(id: id, prompt: prompt, help: help, why: why, kind: kind, options: options,
                                      askIf: askIf, source: try r.string(), location: try location(&r)))
        }
        let ruleCount = try r.listCount()
        var ruleStarts: [Int] = []
        ruleStarts.reserveCapacity(ruleCount)
        var outline = InferencePlan.RuleOutline(reserving: ruleCount)
        let factCount = facts.count
        // Each rule's `because` and `source`, as places in the string table.
        var texts: [UInt32] = []
        texts.reserveCapacity(2 * ruleCount)
        guard r.strings.count <= UInt32.max else { throw Damaged() }
        for _ in 0..<ruleCount {
            ruleStarts.append(r.position)
            let id = try r.string()
            _ = try r.stringIndex()
            let compiled = try condition(&r, questions: questionCount, facts: factCount, depth: 0)
            try skipLocation(&r)
            var rating = false
            for _ in 0..<(try r.listCount()) {
                switch try r.int() {
                case 0:
                    _ = try r.stringIndex()
                    try skipChange(&r)
                case 1:
                    rating = true
                    _ = try r.stringIndex()
                    _ = try r.stringIndex()
                    try skipChange(&r)
                case 2: _ = try r.stringIndex()
                case 3: outline.others.appendToLast(.require(capability: try r.string()))
                case 4:
                    let framework = try r.string()
                    outline.others.appendToLast(.exclude(framework: framework, reason: try r.string()))
                case 5: outline.others.appendToLast(.want(capability: try r.string()))
                case 6: outline.others.appendToLast(.note(try r.string()))
                default: throw Damaged()
                }
            }
            texts.append(UInt32(try r.stringIndex()))
            texts.append(UInt32(try r.stringIndex()))
            for _ in 0..<(try r.listCount()) { _ = try r.stringIndex() }
            try skipLocation(&r)
            outline.append(id: id, condition: compiled, rating: rating)
        }
        let stored = try plan(&r, rules: ruleCount, facts: facts.count, questions: questionCount,
                              criteria: criteria.count, frameworks: headers.ids.count)
        for condition in outline.conditions {
            try check(condition, optionCounts: optionCounts)
        }
        for question in questions {
            if let askIf = question.askIf { try check(askIf.compiled, optionCounts: optionCounts) }
        }
        var provenance = Provenance(layers: [], overrides: [])
        if try r.bool() {
            guard let decoded = try? JSONDecoder().decode(Provenance.self, from: Data(try r.string().utf8)) else {
                throw Damaged()
            }
            provenance = decoded
        }
        var warnings: [Diagnostic] = []
        for _ in 0..<(try r.listCount()) {
            guard let severity = Diagnostic.Severity(rawValue: try r.string()) else { throw Damaged() }
            warnings.append(Diagnostic(severity, try r.string(), at: try location(&r)))
        }
        guard r.isAtEnd else { throw Damaged() }
        // Building what was checked above can't fail; were it to, a bare value stands in.
        let strings = r.strings
        let frameworkIDs = headers.ids, ruleIDs = outline.ids, conditions = outline.conditions
        let oneFramework: @Sendable (Int) -> Framework = { [frameworkStarts] index in
            var reader = BinaryReader(bytes, strings: strings, at: frameworkStarts[index])
            return (try? framework(&reader))
                ?? Framework(id: frameworkIDs[index], name: frameworkIDs[index], summary: "", ratings: [:])
        }
        let oneRule: @Sendable (Int) -> Rule = { [ruleStarts] index in
            var reader = BinaryReader(bytes, strings: strings, at: ruleStarts[index])
            return (try? rule(&reader, questions: questionCount, facts: factCount))
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
        knowledge.layers = provenance.layers
        knowledge.overrides = provenance.overrides
        return (knowledge, warnings)
    }

    /// Checks a location as `location` would read it, without building it.
    private static func skipLocation(_ r: inout BinaryReader) throws(Damaged) {
        guard try r.bool() else { return }
        _ = try r.stringIndex()
        _ = try r.int()
        _ = try r.int()
    }

    /// Checks a citation as `citation` would read it, without building it.
    private static func skipCitation(_ r: inout BinaryReader) throws(Damaged) {
        _ = try r.stringIndex()
        _ = try r.stringIndex()
        if try r.bool() {
            guard Evidence(rawValue: r.strings[try r.stringIndex()]) != nil else { throw Damaged() }
        }
        if try r.bool() { _ = try r.stringIndex() }
        if try r.bool() { _ = try r.stringIndex() }
    }

    /// Checks a weight or rating change (its kind, then its number).
    private static func skipChange(_ r: inout BinaryReader) throws(Damaged) {
        _ = try r.index(below: 2)
        try r.skipDoubles()
    }

    private static func framework(_ r: inout BinaryReader) throws(Damaged) -> Framework {
        let id = try r.string(), name = try r.string(), summary = try r.string()
        var owned: [FrameworkCapability] = []
        for _ in 0..<(try r.listCount()) {
            owned.append(FrameworkCapability(id: try r.string(), partial: try r.bool(), citation: try citation(&r),
                                             location: try location(&r)))
        }
        let ratingCount = try r.listCount()
        var ratings: [String: Rating] = [:]
        ratings.reserveCapacity(ratingCount)
        for _ in 0..<ratingCount {
            let criterion = try r.string()
            ratings[criterion] = Rating(score: try r.double(), citation: try citation(&r), location: try location(&r))
        }
        var known: [FrameworkFact] = []
        for _ in 0..<(try r.listCount()) {
            known.append(FrameworkFact(id: try r.string(), statement: try r.string(), citation: try citation(&r),
                                       location: try location(&r)))
        }
        return Framework(id: id, name: name, summary: summary, capabilities: owned, ratings: ratings, facts: known,
                         location: try location(&r))
    }

    private static func rule(_ r: inout BinaryReader, questions: Int, facts: Int) throws(Damaged) -> Rule {
        let id = try r.string()
        let when = try ruleCondition(&r, questions: questions, facts: facts)
        var actions: [Action] = []
        let actionCount = try r.listCount()
        actions.reserveCapacity(actionCount)
        for _ in 0..<actionCount { actions.append(try action(&r)) }
        let because = try r.string(), source = try r.string()
        var stacksWith: [String] = []
        for _ in 0..<(try r.listCount()) { stacksWith.append(try r.string()) }
        return Rule(id: id, when: when, actions: actions, because: because, source: source, stacksWith: stacksWith,
                    location: try location(&r))
    }

    /// The plan's stored parts, every index checked against what it indexes, so that a damaged
    /// entry can't send the engine out of bounds.
    private static func plan(_ r: inout BinaryReader, rules: Int, facts: Int, questions: Int, criteria: Int,
                             frameworks: Int) throws(Damaged) -> InferencePlan.Stored {
        var ruleStratum: [Int] = []
        ruleStratum.reserveCapacity(rules)
        // Stratification never goes past the rule count + 1 (beyond that it reports a cycle).
        for _ in 0..<rules { ruleStratum.append(try r.index(below: rules + 2)) }
        let readers = try lists(&r, count: facts) { (r: inout BinaryReader) throws(Damaged) in try r.index(below: rules) }
        let asserters = try lists(&r, count: facts) { (r: inout BinaryReader) throws(Damaged) in try r.index(below: rules) }
        let assertedFacts = try lists(&r, count: rules) { (r: inout BinaryReader) throws(Damaged) in try r.index(below: facts) }
        let questionsRead = try lists(&r, count: rules) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: questions)
        }
        let factsRead = try lists(&r, count: rules) { (r: inout BinaryReader) throws(Damaged) in try r.index(below: facts) }
        let weightActions = try lists(&r, count: rules) { (r: inout BinaryReader) throws(Damaged) in
            let criterion = try r.index(below: criteria)
            switch try r.int() {
            case 0: return InferencePlan.WeightAction(criterion: criterion, change: .add(try r.double()))
            case 1: return InferencePlan.WeightAction(criterion: criterion, change: .multiply(try r.double()))
            default: throw Damaged()
            }
        }
        let ratingActions = try lists(&r, count: rules) { (r: inout BinaryReader) throws(Damaged) in
            let framework = try r.index(below: frameworks), criterion = try r.index(below: criteria)
            switch try r.int() {
            case 0: return InferencePlan.RatingAction(framework: framework, criterion: criterion, change: .set(try r.double()))
            case 1: return InferencePlan.RatingAction(framework: framework, criterion: criterion, change: .add(try r.double()))
            default: throw Damaged()
            }
        }
        var idOrder: [Int]?
        if try r.bool() {
            // A permutation of the rule indices.
            var seen = Array(repeating: false, count: rules)
            var order: [Int] = []
            order.reserveCapacity(rules)
            for _ in 0..<rules {
                let index = try r.index(below: rules)
                guard !seen[index] else { throw Damaged() }
                seen[index] = true
                order.append(index)
            }
            idOrder = order
        }
        return InferencePlan.Stored(ruleStratum: ruleStratum, readers: readers, asserters: asserters,
                                    assertedFacts: assertedFacts, questionsRead: questionsRead, factsRead: factsRead,
                                    weightActions: weightActions, ratingActions: ratingActions, idOrder: idOrder)
    }

    /// `count` lists: their lengths, then their elements.
    private static func lists<Element>(_ r: inout BinaryReader, count: Int,
                                       element: (inout BinaryReader) throws(Damaged) -> Element) throws(Damaged)
        -> FlatLists<Element> {
        guard try r.listCount() == count else { throw Damaged() }
        var offsets: [Int] = []
        offsets.reserveCapacity(count + 1)
        offsets.append(0)
        var total = 0
        for _ in 0..<count {
            total += try r.listCount()
            // Every element takes at least a byte.
            guard total <= r.remaining else { throw Damaged() }
            offsets.append(total)
        }
        var values: [Element] = []
        values.reserveCapacity(total)
        for _ in 0..<total { values.append(try element(&r)) }
        return FlatLists(offsets: offsets, values: values)
    }

    private static func location(_ r: inout BinaryReader) throws(Damaged) -> SourceLocation? {
        guard try r.bool() else { return nil }
        return SourceLocation(file: try r.string(), line: try r.int(), column: try r.int())
    }

    private static func citation(_ r: inout BinaryReader) throws(Damaged) -> Citation {
        let why = try r.string(), source = try r.string()
        var evidence: Evidence?
        if let raw = try r.optionalString() {
            guard let value = Evidence(rawValue: raw) else { throw Damaged() }
            evidence = value
        }
        let reviewed = try r.optionalString()
        return Citation(why: why, source: source, evidence: evidence, reviewed: reviewed, asOf: try r.optionalString())
    }

    private static func ruleCondition(_ r: inout BinaryReader, questions: Int, facts: Int) throws(Damaged)
        -> RuleCondition {
        let text = try r.string()
        let compiled = try condition(&r, questions: questions, facts: facts, depth: 0)
        return RuleCondition(text: text, compiled: compiled, location: try location(&r))
    }

    private static func condition(_ r: inout BinaryReader, questions: Int, facts: Int, depth: Int) throws(Damaged)
        -> Condition {
        guard depth < 256 else { throw Damaged() }
        switch try r.int() {
        case 0:
            guard let value = Tri(rawValue: UInt8(try r.index(below: 3))) else { throw Damaged() }
            return .constant(value)
        case 1: return .fact(try r.index(below: facts))
        case 2: return .yes(question: try r.index(below: questions))
        case 3: return .choiceIn(question: try r.index(below: questions), mask: try r.uint64())
        case 4: return .includes(question: try r.index(below: questions), option: try r.index(below: 64))
        case 5: return .not(try condition(&r, questions: questions, facts: facts, depth: depth + 1))
        case let tag where tag == 6 || tag == 7:
            var parts: [Condition] = []
            for _ in 0..<(try r.listCount()) {
                parts.append(try condition(&r, questions: questions, facts: facts, depth: depth + 1))
            }
            return tag == 6 ? .all(parts) : .any(parts)
        default: throw Damaged()
        }
    }

    /// Option indices must name an option of their question.
    private static func check(_ c: Condition, optionCounts: [Int]) throws(Damaged) {
        switch c {
        case .includes(let question, let option):
            guard option < optionCounts[question] else { throw Damaged() }
        case .not(let inner): try check(inner, optionCounts: optionCounts)
        case .all(let parts), .any(let parts): for part in parts { try check(part, optionCounts: optionCounts) }
        default: break
        }
    }

    private static func action(_ r: inout BinaryReader) throws(Damaged) -> Action {
        switch try r.int() {
        case 0:
            let criterion = try r.string()
            switch try r.int() {
            case 0: return .weight(criterion: criterion, change: .add(try r.double()))
            case 1: return .weight(criterion: criterion, change: .multiply(try r.double()))
            default: throw Damaged()
            }
        case 1:
            let framework = try r.string(), criterion = try r.string()
            switch try r.int() {
            case 0: return .rating(framework: framework, criterion: criterion, change: .set(try r.double()))
            case 1: return .rating(framework: framework, criterion: criterion, change: .add(try r.double()))
            default: throw Damaged()
            }
        case 2: return .fact(try r.string())
        case 3: return .require(capability: try r.string())
        case 4: return .exclude(framework: try r.string(), reason: try r.string())
        case 5: return .want(capability: try r.string())
        case 6: return .note(try r.string())
        default: throw Damaged()
        }
    }
}
