/// Reads one knowledge file's YAML tree into the draft.
struct DocumentReader {
    var reader: NodeReader
    var draft: KnowledgeDraft

    static let topLevelKeys = ["knowledge", "sources", "criteria", "capabilities", "questions", "rules", "frameworks",
                               "ratings", "weights"]
    static let frameworkKeys = ["id", "name", "summary", "capabilities", "ratings", "facts"]

    /// The file's path as provenance shows it: relative to its overlay's parent (`acme/ratings.yaml`).
    var shownFile: String

    init(file: String, draft: KnowledgeDraft, shownFile: String? = nil) {
        reader = NodeReader(file: file)
        self.draft = draft
        self.shownFile = shownFile ?? file
    }

    mutating func read(_ root: YAMLNode) {
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
        for key in ["ratings", "weights"] {
            guard let node = top[key] else { continue }
            if draft.layer == 0 {
                reader.error("'\(key)' sets \(key) by id and belongs in an overlay; this is the base knowledge "
                             + "(mark an overlay with 'overlay: true' in its 'knowledge' block)",
                             at: top.key(key) ?? node)
                continue
            }
            for item in items(node, "'\(key)'") {
                if key == "ratings" { readRatingOverride(item) } else { readWeightOverride(item) }
            }
        }
        if top.names.isEmpty {
            reader.error("a knowledge file needs at least one of: \(Self.topLevelKeys.joined(separator: ", ")); "
                         + "or 'id' for a framework", at: root)
        }
    }

    mutating func items(_ node: YAMLNode?, _ what: String) -> [YAMLNode] {
        guard let node else { return [] }
        return reader.list(node, what) ?? []
    }

    // MARK: - Definitions and references

    /// Records a definition; reports a duplicate with the first place it was defined.
    mutating func define(_ kind: String, _ id: String, at node: YAMLNode) -> Bool {
        let location = reader.location(of: node)
        if let first = draft.definitions[kind]?[id] {
            reader.error("duplicate \(kind) id '\(id)'; first defined at \(first)", at: location)
            return false
        }
        draft.definitions[kind, default: [:]][id] = location
        return true
    }

    mutating func refer(_ kind: KnowledgeDraft.Reference.Kind, _ id: String, at node: YAMLNode) {
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
                reader.error("unknown evidence \(Echo.quoted(text))" + Suggestion.didYouMean(text, in: allowed)
                             + " (allowed: \(allowed.joined(separator: ", ")))", at: node)
            }
        }
        var reviewed: String?
        if let node = fields["reviewed"], let text = reader.string(node, "'reviewed'") {
            if Self.isISODate(text) {
                reviewed = text
            } else {
                reader.error("'reviewed' must be a date written YYYY-MM-DD, found \(Echo.quoted(text))",
                             at: node)
            }
        }
        return Citation(why: why, source: source, evidence: evidence, reviewed: reviewed, asOf: asOf(fields))
    }

    /// An `as_of` field: a date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), then optionally a space and the
    /// version it describes.
    mutating func asOf(_ fields: Fields) -> String? {
        guard let node = fields["as_of"], let text = reader.string(node, "'as_of'") else { return nil }
        guard AsOf(text) != nil else {
            reader.error("'as_of' must start with a date written YYYY, YYYY-MM or YYYY-MM-DD, then optionally "
                         + "the version it describes, found \(Echo.quoted(text))", at: node)
            return nil
        }
        return text
    }

    /// A `true`/`false` field; absent means false.
    mutating func flag(_ node: YAMLNode?, _ what: String) -> Bool {
        guard let node, let text = reader.string(node, what) else { return false }
        switch text {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            reader.error("\(what) must be true or false, found \(Echo.quoted(text))", at: node)
            return false
        }
    }

    static func isISODate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let month = Int(parts[1]), let day = Int(parts[2]), Int(parts[0]) != nil else { return false }
        return (1...12).contains(month) && (1...31).contains(day)
    }

    // MARK: - Sections

    mutating func readInfo(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "'knowledge'", required: ["name", "version", "description"],
                                         optional: ["overlay", "weight_bounds"])
        else { return }
        let info = KnowledgeInfo(name: reader.string(fields["name"], "'name'") ?? "",
                                 version: reader.string(fields["version"], "'version'") ?? "",
                                 description: reader.string(fields["description"], "'description'") ?? "",
                                 weightBounds: fields["weight_bounds"].flatMap { readWeightBounds($0) })
        let location = reader.location(of: node)
        var overlay = false
        if let flag = fields["overlay"] {
            switch reader.string(flag, "'overlay'") {
            case "true", "yes": overlay = true
            case "false", "no": overlay = false
            case let other?: reader.error("'overlay' must be true or false, found \(Echo.quoted(other))",
                                          at: flag)
            case nil: break
            }
        }
        if let first = draft.layerInfos[draft.layer] {
            reader.error("the knowledge base is named twice; first at \(first.location)", at: location)
            return
        }
        draft.layerInfos[draft.layer] = (info, overlay, location)
        if draft.layer > 0 {
            if !overlay {
                reader.error("a second --knowledge directory is an overlay: add 'overlay: true' to its 'knowledge' "
                             + "block, or give only one directory", at: location)
            }
            return
        }
        if overlay {
            reader.error("this knowledge is an overlay ('overlay: true'), but no knowledge comes before it to lay "
                         + "it over", at: fields.key("overlay") ?? node)
        }
        if let (_, first) = draft.info {
            reader.error("the knowledge base is named twice; first at \(first)", at: location)
        } else {
            draft.info = (info, location)
        }
    }

    /// `weight_bounds: { lower: 0.25, upper: 4 }`: factors of each criterion's base weight.
    private mutating func readWeightBounds(_ node: YAMLNode) -> WeightBounds? {
        guard let fields = reader.fields(node, "'weight_bounds'", required: ["lower", "upper"]),
              let lowerNode = fields["lower"], let upperNode = fields["upper"],
              let lower = reader.number(lowerNode, "'lower'"), let upper = reader.number(upperNode, "'upper'")
        else { return nil }
        guard lower > 0, lower <= 1 else {
            reader.error("'lower' must be more than 0 and at most 1, found \(Format.number(lower))", at: lowerNode)
            return nil
        }
        guard upper >= 1, upper <= 1000 else {
            reader.error("'upper' must be from 1 to 1000, found \(Format.number(upper))", at: upperNode)
            return nil
        }
        return WeightBounds(lower: lower, upper: upper)
    }

    mutating func readSource(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a source", required: ["id", "title"],
                                         optional: ["section", "address", "internal", "as_of"]),
              let id = reader.identifier(fields["id"], "source id", allowingSourceCharacters: true),
              let idNode = fields["id"], define("source", id, at: idNode) else { return }
        draft.sources.append(SourceReference(
            id: id, title: reader.string(fields["title"], "'title'") ?? "",
            section: reader.string(fields["section"], "'section'"),
            address: reader.string(fields["address"], "'address'"),
            isInternal: flag(fields["internal"], "'internal'"), asOf: asOf(fields),
            location: reader.location(of: node)))
    }

    mutating func readCriterion(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a criterion", required: ["id", "name", "description", "weight",
                                                                         "source"], optional: ["scored_by"]),
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
        var byCapabilities = false
        if let node = fields["scored_by"], let text = reader.string(node, "'scored_by'") {
            if text == "capabilities" {
                byCapabilities = true
            } else {
                reader.error("'scored_by' can only be 'capabilities', found \(Echo.quoted(text))", at: node)
            }
        }
        draft.criteria.append(Criterion(
            id: id, name: reader.string(fields["name"], "'name'") ?? id,
            description: reader.string(fields["description"], "'description'") ?? "",
            weight: weight, source: source(fields), byCapabilities: byCapabilities,
            location: reader.location(of: node)))
    }

    mutating func readCapability(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a capability", required: ["id", "name"], optional: ["means"]),
              let id = reader.identifier(fields["id"], "capability id"),
              let idNode = fields["id"], define("capability", id, at: idNode) else { return }
        draft.capabilities.append(Capability(id: id, name: reader.string(fields["name"], "'name'") ?? id,
                                             means: reader.string(fields["means"], "'means'") ?? "",
                                             location: reader.location(of: node)))
    }
}
