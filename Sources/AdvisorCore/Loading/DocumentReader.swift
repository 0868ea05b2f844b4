import Yams

/// Reads one knowledge file's YAML tree into the draft.
struct DocumentReader {
    var reader: NodeReader
    var draft: KnowledgeDraft

    static let topLevelKeys = ["knowledge", "sources", "criteria", "capabilities", "questions", "rules", "frameworks"]
    static let frameworkKeys = ["id", "name", "summary", "capabilities", "ratings", "facts"]

    init(file: String, draft: KnowledgeDraft) {
        reader = NodeReader(file: file)
        self.draft = draft
    }

    mutating func read(_ root: Node) {
        // A file that holds one framework has `id` at the top.
        if case .mapping(let mapping) = root, mapping.contains(where: { $0.key.scalar?.string == "id" }) {
            readFramework(root)
            return
        }
        guard let top = reader.fields(root, "a knowledge file", required: [], optional: Self.topLevelKeys) else {
            return
        }
        if let node = top["knowledge"] { readInfo(node) }
        for node in items(top["sources"], "'sources'") { readSource(node) }
        for node in items(top["criteria"], "'criteria'") { readCriterion(node) }
        for node in items(top["capabilities"], "'capabilities'") { readCapability(node) }
        for node in items(top["questions"], "'questions'") { readQuestion(node) }
        for node in items(top["rules"], "'rules'") { readRule(node) }
        for node in items(top["frameworks"], "'frameworks'") { readFramework(node) }
        if top.values.isEmpty {
            reader.error("a knowledge file needs at least one of: \(Self.topLevelKeys.joined(separator: ", ")); "
                         + "or 'id' for a framework", at: root)
        }
    }

    mutating func items(_ node: Node?, _ what: String) -> [Node] {
        guard let node else { return [] }
        return reader.list(node, what) ?? []
    }

    // MARK: - Definitions and references

    /// Records a definition; reports a duplicate with the first place it was defined.
    mutating func define(_ kind: String, _ id: String, at node: Node) -> Bool {
        let location = reader.location(of: node)
        if let first = draft.definitions[kind]?[id] {
            reader.error("duplicate \(kind) id '\(id)'; first defined at \(first)", at: location)
            return false
        }
        draft.definitions[kind, default: [:]][id] = location
        return true
    }

    mutating func refer(_ kind: KnowledgeDraft.Reference.Kind, _ id: String, at node: Node) {
        draft.references.append(.init(kind: kind, id: id, location: reader.location(of: node)))
    }

    /// Reads a `source` field and records the reference.
    mutating func source(_ fields: Fields) -> String {
        guard let node = fields["source"],
              let id = reader.identifier(node, "source key", allowingSourceCharacters: true) else { return "" }
        refer(.source, id, at: node)
        return id
    }

    mutating func citation(_ fields: Fields) -> Citation {
        let why = reader.string(fields["why"], "'why'") ?? ""
        let source = source(fields)
        var evidence: Evidence?
        if let node = fields["evidence"], let text = reader.string(node, "'evidence'") {
            evidence = Evidence(rawValue: text)
            if evidence == nil {
                let allowed = Evidence.allCases.map(\.rawValue)
                reader.error("unknown evidence '\(text)'" + Suggestion.didYouMean(text, in: allowed)
                             + " (allowed: \(allowed.joined(separator: ", ")))", at: node)
            }
        }
        var reviewed: String?
        if let node = fields["reviewed"], let text = reader.string(node, "'reviewed'") {
            if Self.isISODate(text) {
                reviewed = text
            } else {
                reader.error("'reviewed' must be a date written YYYY-MM-DD, found '\(text)'", at: node)
            }
        }
        return Citation(why: why, source: source, evidence: evidence, reviewed: reviewed)
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    // MARK: - Sections

    mutating func readInfo(_ node: Node) {
        guard let fields = reader.fields(node, "'knowledge'", required: ["name", "version", "description"])
        else { return }
        let info = KnowledgeInfo(name: reader.string(fields["name"], "'name'") ?? "",
                                 version: reader.string(fields["version"], "'version'") ?? "",
                                 description: reader.string(fields["description"], "'description'") ?? "")
        let location = reader.location(of: node)
        if let (_, first) = draft.info {
            reader.error("the knowledge base is named twice; first at \(first)", at: location)
        } else {
            draft.info = (info, location)
        }
    }

    mutating func readSource(_ node: Node) {
        guard let fields = reader.fields(node, "a source", required: ["id", "title"],
                                         optional: ["section", "address"]),
              let id = reader.identifier(fields["id"], "source id", allowingSourceCharacters: true),
              let idNode = fields["id"], define("source", id, at: idNode) else { return }
        draft.sources.append(SourceReference(
            id: id, title: reader.string(fields["title"], "'title'") ?? "",
            section: reader.string(fields["section"], "'section'"),
            address: reader.string(fields["address"], "'address'"),
            location: reader.location(of: node)))
    }

    mutating func readCriterion(_ node: Node) {
        guard let fields = reader.fields(node, "a criterion", required: ["id", "name", "description", "weight",
                                                                         "source"]),
              let id = reader.identifier(fields["id"], "criterion id"),
              let idNode = fields["id"], define("criterion", id, at: idNode) else { return }
        var weight = reader.number(fields["weight"], "'weight'") ?? 1
        if let weightNode = fields["weight"], weight < 0 {
            reader.error("'weight' must be 0 or more, found \(Format.number(weight))", at: weightNode)
            weight = 0
        }
        if let weightNode = fields["weight"], weight > Criterion.maximumWeight {
            reader.error("'weight' must be at most \(Format.number(Criterion.maximumWeight)), found "
                         + "\(TextSanitizer.inert(weightNode.scalar?.string ?? ""))", at: weightNode)
            weight = Criterion.maximumWeight
        }
        draft.criteria.append(Criterion(
            id: id, name: reader.string(fields["name"], "'name'") ?? id,
            description: reader.string(fields["description"], "'description'") ?? "",
            weight: weight, source: source(fields), location: reader.location(of: node)))
    }

    mutating func readCapability(_ node: Node) {
        guard let fields = reader.fields(node, "a capability", required: ["id", "name"]),
              let id = reader.identifier(fields["id"], "capability id"),
              let idNode = fields["id"], define("capability", id, at: idNode) else { return }
        draft.capabilities.append(Capability(id: id, name: reader.string(fields["name"], "'name'") ?? id,
                                             location: reader.location(of: node)))
    }
}
