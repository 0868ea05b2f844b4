/// The cache entry's layout of each stored model type: its `write(to:)` and `init(from:)` side by
/// side, one extension per type, the fields in the order the type declares them. Adding a field
/// to a type means adding it to both functions here (and bumping `KnowledgeCache.formatVersion`);
/// `CacheCodecRoundTripTests` fails until both carry it.

extension SourceLocation: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(file); w.write(line); w.write(column)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        file = try r.read("file")
        line = try r.read("line")
        column = try r.read("column")
    }
}

extension SourceReference: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(title); w.write(section); w.write(address); w.write(isInternal); w.write(asOf)
        w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        title = try r.read("title")
        section = try r.read("section")
        address = try r.read("address")
        isInternal = try r.read("isInternal")
        asOf = try r.read("asOf")
        location = try r.read("location")
    }
}

extension Criterion: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(name); w.write(description); w.write(weight); w.write(source); w.write(byCapabilities)
        w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        name = try r.read("name")
        description = try r.read("description")
        weight = try r.read("weight")
        source = try r.read("source")
        byCapabilities = try r.read("byCapabilities")
        location = try r.read("location")
    }
}

extension Capability: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(name); w.write(means); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        name = try r.read("name")
        means = try r.read("means")
        location = try r.read("location")
    }
}

extension Evidence: CacheCodableByName {}

extension Citation: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(why); w.write(source); w.write(evidence); w.write(reviewed); w.write(asOf)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        why = try r.read("why")
        source = try r.read("source")
        evidence = try r.read("evidence")
        reviewed = try r.read("reviewed")
        asOf = try r.read("asOf")
    }
}

extension Rating: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(score); w.write(citation); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        score = try r.read("score")
        citation = try r.read("citation")
        location = try r.read("location")
    }
}

extension FrameworkCapability: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(partial); w.write(citation); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        partial = try r.read("partial")
        citation = try r.read("citation")
        location = try r.read("location")
    }
}

extension FrameworkFact: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(statement); w.write(citation); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        statement = try r.read("statement")
        citation = try r.read("citation")
        location = try r.read("location")
    }
}

extension Framework: CacheCodable {
    /// Ratings are written in criterion order, each as its criterion then the rating, so that the
    /// same framework always gives the same bytes.
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(name); w.write(summary); w.write(capabilities)
        w.int(ratings.count)
        for (criterion, rating) in ratings.sorted(by: { $0.key < $1.key }) { w.write(criterion); w.write(rating) }
        w.write(facts); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        name = try r.read("name")
        summary = try r.read("summary")
        capabilities = try r.read("capabilities")
        ratings = try r.field("ratings") { (r: inout BinaryReader) throws(Damaged) in
            let count = try r.listCount()
            var ratings: [String: Rating] = [:]
            ratings.reserveCapacity(count)
            for index in 0..<count {
                try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    let criterion: String = try r.read("criterion")
                    ratings[criterion] = try Rating(from: &r)
                }
            }
            return ratings
        }
        facts = try r.read("facts")
        location = try r.read("location")
    }

    /// What the engine needs of a framework (id, name, capabilities, scores by criterion), read
    /// from the layout `init(from:)` reads, field for field, the rest checked and skipped, so that
    /// the whole framework is built only when asked for. `criterionOfString` maps a string's
    /// place in the table to its criterion index (-2 not looked up yet, -1 none).
    static func header(from r: inout BinaryReader, into headers: inout KnowledgeBase.FrameworkHeaders,
                       criterionIndex: [String: Int], criterionOfString: inout [Int32]) throws(Damaged) {
        let id: String = try r.read("id")
        let name: String = try r.read("name")
        try r.skip(String.self, "summary")
        var owned: [String] = [], partial: [String] = []
        try r.field("capabilities") { (r: inout BinaryReader) throws(Damaged) in
            for index in 0..<(try r.listCount()) {
                let capability = try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    try FrameworkCapability(from: &r)
                }
                if capability.partial { partial.append(capability.id) } else { owned.append(capability.id) }
            }
        }
        var scores = [Double](repeating: 0, count: r.bounds.criteria)
        try r.field("ratings") { (r: inout BinaryReader) throws(Damaged) in
            for index in 0..<(try r.listCount()) {
                try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    let criterion = try r.field("criterion") { (r: inout BinaryReader) throws(Damaged) in
                        try r.stringIndex()
                    }
                    if criterionOfString[criterion] == -2 {
                        criterionOfString[criterion] = Int32(criterionIndex[r.strings[criterion]] ?? -1)
                    }
                    let score: Double = try r.read("score")
                    if criterionOfString[criterion] >= 0 { scores[Int(criterionOfString[criterion])] = score }
                    try r.skip(Citation.self, "citation")
                    try r.skip(SourceLocation?.self, "location")
                }
            }
        }
        try r.skip([FrameworkFact].self, "facts")
        try r.skip(SourceLocation?.self, "location")
        headers.append(id: id, name: name, capabilities: owned, partialCapabilities: partial, scores: scores)
    }
}

extension Question.Kind: CacheCodableByName {}

extension Question.Option: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(value); w.write(label)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        value = try r.read("value")
        label = try r.read("label")
    }
}

extension Question: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(prompt); w.write(help); w.write(why); w.write(kind); w.write(options); w.write(askIf)
        w.write(source); w.write(location)
    }

    /// Option indices in conditions are checked against the options once every question is read
    /// (an `askIf` may name a later question).
    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        prompt = try r.read("prompt")
        help = try r.read("help")
        why = try r.read("why")
        kind = try r.read("kind")
        let start = r.position
        options = try r.read("options")
        // Conditions hold options as bits of a 64-bit mask.
        guard options.count <= 64 else {
            throw r.damaged(at: start, "\(options.count) options, at most 64").inside(.field("options"))
        }
        askIf = try r.read("askIf")
        source = try r.read("source")
        location = try r.read("location")
    }
}

extension RuleCondition: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(text); w.write(compiled); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        text = try r.read("text")
        compiled = try r.read("compiled")
        location = try r.read("location")
    }
}

extension Condition: CacheCodable {
    /// A tag, then the case's values. Question and fact indices are checked against
    /// `reader.bounds`; option indices against the question's options later (see `Question`).
    func write(to w: inout BinaryWriter) {
        switch self {
        case .constant(let value): w.int(0); w.int(Int(value.rawValue))
        case .fact(let index): w.int(1); w.int(index)
        case .yes(let question): w.int(2); w.int(question)
        case .choiceIn(let question, let mask): w.int(3); w.int(question); w.uint64(mask)
        case .includes(let question, let option): w.int(4); w.int(question); w.int(option)
        case .not(let inner): w.int(5); w.write(inner)
        case .all(let parts): w.int(6); w.write(parts)
        case .any(let parts): w.int(7); w.write(parts)
        }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        r.depth += 1
        defer { r.depth -= 1 }
        let start = r.position
        guard r.depth <= 256 else { throw r.damaged(at: start, "conditions nested more than 256 deep") }
        switch try r.int() {
        case 0:
            let value = try r.field("constant") { (r: inout BinaryReader) throws(Damaged) in try r.index(below: 3) }
            self = .constant(Tri(rawValue: UInt8(value)) ?? .unknown)
        case 1: self = .fact(try Self.index("fact", below: r.bounds.facts, &r))
        case 2: self = .yes(question: try Self.index("question", below: r.bounds.questions, &r))
        case 3:
            self = .choiceIn(question: try Self.index("question", below: r.bounds.questions, &r),
                             mask: try r.read("mask"))
        case 4:
            self = .includes(question: try Self.index("question", below: r.bounds.questions, &r),
                             option: try Self.index("option", below: 64, &r))
        case 5: self = .not(try r.read("not"))
        case 6: self = .all(try r.read("all"))
        case 7: self = .any(try r.read("any"))
        case let tag: throw r.damaged(at: start, "\(tag) is not a kind of condition")
        }
    }

    private static func index(_ name: StaticString, below bound: Int, _ r: inout BinaryReader) throws(Damaged) -> Int {
        try r.field(name) { (r: inout BinaryReader) throws(Damaged) in try r.index(below: bound) }
    }

    /// Option indices must name an option of their question; `optionCounts` has each question's.
    func checkOptions(_ optionCounts: [Int]) -> (question: Int, option: Int)? {
        switch self {
        case .includes(let question, let option):
            return option < optionCounts[question] ? nil : (question, option)
        case .not(let inner): return inner.checkOptions(optionCounts)
        case .all(let parts), .any(let parts):
            for part in parts { if let bad = part.checkOptions(optionCounts) { return bad } }
            return nil
        default: return nil
        }
    }
}

extension WeightChange: CacheCodable {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .add(let value): w.int(0); w.double(value)
        case .multiply(let value): w.int(1); w.double(value)
        }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let start = r.position
        switch try r.int() {
        case 0: self = .add(try r.read("add"))
        case 1: self = .multiply(try r.read("multiply"))
        case let tag: throw r.damaged(at: start, "\(tag) is not a kind of weight change")
        }
    }
}

extension RatingChange: CacheCodable {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .set(let value): w.int(0); w.double(value)
        case .add(let value): w.int(1); w.double(value)
        }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let start = r.position
        switch try r.int() {
        case 0: self = .set(try r.read("set"))
        case 1: self = .add(try r.read("add"))
        case let tag: throw r.damaged(at: start, "\(tag) is not a kind of rating change")
        }
    }
}

extension Action: CacheCodable {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .weight(let criterion, let change): w.int(0); w.write(criterion); w.write(change)
        case .rating(let framework, let criterion, let change): w.int(1); w.write(framework); w.write(criterion); w.write(change)
        case .fact(let name): w.int(2); w.write(name)
        case .require(let capability): w.int(3); w.write(capability)
        case .exclude(let framework, let reason): w.int(4); w.write(framework); w.write(reason)
        case .want(let capability): w.int(5); w.write(capability)
        case .note(let text): w.int(6); w.write(text)
        }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let start = r.position
        switch try r.int() {
        case 0: self = .weight(criterion: try r.read("criterion"), change: try r.read("change"))
        case 1:
            self = .rating(framework: try r.read("framework"), criterion: try r.read("criterion"),
                           change: try r.read("change"))
        case 2: self = .fact(try r.read("fact"))
        case 3: self = .require(capability: try r.read("capability"))
        case 4: self = .exclude(framework: try r.read("framework"), reason: try r.read("reason"))
        case 5: self = .want(capability: try r.read("capability"))
        case 6: self = .note(try r.read("note"))
        case let tag: throw r.damaged(at: start, "\(tag) is not a kind of action")
        }
    }
}

extension Rule: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(id); w.write(when); w.write(actions); w.write(because); w.write(source); w.write(stacksWith)
        w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        id = try r.read("id")
        when = try r.read("when")
        actions = try r.read("actions")
        because = try r.read("because")
        source = try r.read("source")
        stacksWith = try r.read("stacksWith")
        location = try r.read("location")
    }

    /// What the engine needs of a rule (its id, condition, whether it changes a rating, and its
    /// knock-outs, wanted capabilities and notes), read from the layout `init(from:)` reads, field
    /// for field, the rest checked and skipped, so that the whole rule is built only when asked
    /// for. Its `because` and `source` go to `texts` as places in the string table.
    static func outline(from r: inout BinaryReader, into outline: inout InferencePlan.RuleOutline,
                        texts: inout [UInt32]) throws(Damaged) {
        let id: String = try r.read("id")
        let when: RuleCondition = try r.read("when")
        var rating = false
        try r.field("actions") { (r: inout BinaryReader) throws(Damaged) in
            for index in 0..<(try r.listCount()) {
                let action = try r.element(index) { (r: inout BinaryReader) throws(Damaged) in try Action(from: &r) }
                switch action {
                case .rating: rating = true
                case .exclude, .require, .want, .note: outline.others.appendToLast(action)
                case .weight, .fact: break
                }
            }
        }
        texts.append(UInt32(try r.field("because") { (r: inout BinaryReader) throws(Damaged) in try r.stringIndex() }))
        texts.append(UInt32(try r.field("source") { (r: inout BinaryReader) throws(Damaged) in try r.stringIndex() }))
        try r.skip([String].self, "stacksWith")
        try r.skip(SourceLocation?.self, "location")
        outline.append(id: id, condition: when.compiled, rating: rating)
    }
}

extension WeightBounds: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(lower); w.write(upper)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let start = r.position
        lower = try r.read("lower")
        upper = try r.read("upper")
        guard lower > 0, lower <= 1, upper >= 1, upper.isFinite else {
            throw r.damaged(at: start, "weight bounds \(lower)...\(upper) don't hold 1")
        }
    }
}

extension KnowledgeInfo: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(name); w.write(version); w.write(description); w.write(weightBounds)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        name = try r.read("name")
        version = try r.read("version")
        description = try r.read("description")
        weightBounds = try r.read("weightBounds")
    }
}

extension KnowledgeLayer: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(name); w.write(origin); w.write(info); w.write(isOverlay)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        name = try r.read("name")
        origin = try r.read("origin")
        info = try r.read("info")
        isOverlay = try r.read("isOverlay")
    }
}

extension KnowledgeOverride.Target: CacheCodable {
    func write(to w: inout BinaryWriter) {
        switch self {
        case .rating(let framework, let criterion): w.int(0); w.write(framework); w.write(criterion)
        case .weight(let criterion): w.int(1); w.write(criterion)
        }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let start = r.position
        switch try r.int() {
        case 0: self = .rating(framework: try r.read("framework"), criterion: try r.read("criterion"))
        case 1: self = .weight(criterion: try r.read("criterion"))
        case let tag: throw r.damaged(at: start, "\(tag) is not a kind of override")
        }
    }
}

extension KnowledgeOverride: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(target); w.write(previous); w.write(previousLocation); w.write(value); w.write(citation)
        w.write(layer); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        target = try r.read("target")
        previous = try r.read("previous")
        previousLocation = try r.read("previousLocation")
        value = try r.read("value")
        citation = try r.read("citation")
        layer = try r.read("layer")
        location = try r.read("location")
    }
}

extension Diagnostic.Severity: CacheCodableByName {}

extension Diagnostic: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(severity); w.write(message); w.write(location)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        severity = try r.read("severity")
        message = try r.read("message")
        location = try r.read("location")
    }
}

extension InferencePlan.WeightAction: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(criterion); w.write(change)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let criteria = r.bounds.criteria
        criterion = try r.field("criterion") { (r: inout BinaryReader) throws(Damaged) in try r.index(below: criteria) }
        change = try r.read("change")
    }
}

extension InferencePlan.RatingAction: CacheCodable {
    func write(to w: inout BinaryWriter) {
        w.write(framework); w.write(criterion); w.write(change)
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let frameworks = r.bounds.frameworks, criteria = r.bounds.criteria
        framework = try r.field("framework") { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: frameworks)
        }
        criterion = try r.field("criterion") { (r: inout BinaryReader) throws(Damaged) in try r.index(below: criteria) }
        change = try r.read("change")
    }
}

extension InferencePlan.Stored: CacheCodable {
    /// The rule strata (one per rule, no count), each list of lists as its lengths then its
    /// elements, and the id order (one per rule) after a flag. Every index is checked against what
    /// it indexes (`reader.bounds`), so that a damaged entry can't send the engine out of bounds.
    func write(to w: inout BinaryWriter) {
        for stratum in ruleStratum { w.int(stratum) }
        Self.write(readers, &w); Self.write(asserters, &w); Self.write(assertedFacts, &w)
        Self.write(questionsRead, &w); Self.write(factsRead, &w)
        Self.write(weightActions, &w); Self.write(ratingActions, &w)
        w.bool(idOrder != nil)
        for index in idOrder ?? [] { w.int(index) }
    }

    init(from r: inout BinaryReader) throws(Damaged) {
        let b = r.bounds
        ruleStratum = try r.field("ruleStratum") { (r: inout BinaryReader) throws(Damaged) in
            var strata: [Int] = []
            strata.reserveCapacity(b.rules)
            // Stratification never goes past the rule count + 1 (beyond that it reports a cycle).
            for index in 0..<b.rules {
                strata.append(try r.element(index) { (r: inout BinaryReader) throws(Damaged) in
                    try r.index(below: b.rules + 2)
                })
            }
            return strata
        }
        readers = try Self.lists("readers", &r, count: b.facts) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: b.rules)
        }
        asserters = try Self.lists("asserters", &r, count: b.facts) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: b.rules)
        }
        assertedFacts = try Self.lists("assertedFacts", &r, count: b.rules) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: b.facts)
        }
        questionsRead = try Self.lists("questionsRead", &r, count: b.rules) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: b.questions)
        }
        factsRead = try Self.lists("factsRead", &r, count: b.rules) { (r: inout BinaryReader) throws(Damaged) in
            try r.index(below: b.facts)
        }
        weightActions = try Self.lists("weightActions", &r, count: b.rules) { (r: inout BinaryReader) throws(Damaged) in
            try InferencePlan.WeightAction(from: &r)
        }
        ratingActions = try Self.lists("ratingActions", &r, count: b.rules) { (r: inout BinaryReader) throws(Damaged) in
            try InferencePlan.RatingAction(from: &r)
        }
        idOrder = try r.field("idOrder") { (r: inout BinaryReader) throws(Damaged) -> [Int]? in
            guard try r.bool() else { return nil }
            // A permutation of the rule indices.
            var seen = Array(repeating: false, count: b.rules)
            var order: [Int] = []
            order.reserveCapacity(b.rules)
            for position in 0..<b.rules {
                let start = r.position
                let index = try r.element(position) { (r: inout BinaryReader) throws(Damaged) in
                    try r.index(below: b.rules)
                }
                guard !seen[index] else {
                    throw r.damaged(at: start, "rule \(index) twice").inside(.index(position))
                }
                seen[index] = true
                order.append(index)
            }
            return order
        }
    }

    private static func write<Element: CacheCodable>(_ lists: FlatLists<Element>, _ w: inout BinaryWriter) {
        w.int(lists.count)
        for index in 0..<lists.count { w.int(lists.offsets[index + 1] - lists.offsets[index]) }
        for value in lists.values { w.write(value) }
    }

    /// `count` lists: their lengths, then their elements, each read by `element`.
    private static func lists<Element>(_ name: StaticString, _ r: inout BinaryReader, count: Int,
                                       element: (inout BinaryReader) throws(Damaged) -> Element) throws(Damaged)
        -> FlatLists<Element> {
        try r.field(name) { (r: inout BinaryReader) throws(Damaged) in
            let start = r.position
            let found = try r.listCount()
            guard found == count else { throw r.damaged(at: start, "\(found) lists where there should be \(count)") }
            var offsets: [Int] = []
            offsets.reserveCapacity(count + 1)
            offsets.append(0)
            var total = 0
            for _ in 0..<count {
                let start = r.position
                total += try r.listCount()
                // Every element takes at least a byte.
                guard total <= r.remaining else { throw r.damaged(at: start, "lists longer than the data left") }
                offsets.append(total)
            }
            var values: [Element] = []
            values.reserveCapacity(total)
            for index in 0..<total { values.append(try r.element(index, element)) }
            return FlatLists(offsets: offsets, values: values)
        }
    }
}
