extension DocumentReader {
    /// Most options a question may have: option sets are 64-bit masks.
    static let maximumOptions = 64

    mutating func readQuestion(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a question",
                                         required: ["id", "prompt", "help", "why", "kind", "source"],
                                         optional: ["options", "ask_if"]),
              let id = reader.identifier(fields["id"], "question id"),
              let idNode = fields["id"], define("question", id, at: idNode) else { return }
        let kindText = reader.string(fields["kind"], "'kind'") ?? ""
        let kind = Question.Kind(rawValue: kindText)
        if kind == nil, let kindNode = fields["kind"], !kindText.isEmpty {
            let allowed = Question.Kind.allCases.map(\.rawValue)
            reader.error("unknown question kind '\(kindText)'" + Suggestion.didYouMean(kindText, in: allowed)
                         + " (allowed: \(allowed.joined(separator: ", ")))", at: kindNode)
        }
        var options: [Question.Option] = []
        if kind == .yesno {
            if let optionsNode = fields["options"] {
                reader.error("a yes/no question takes no 'options'; its answers are yes and no", at: optionsNode)
            }
            options = [.init(value: "yes", label: "Yes"), .init(value: "no", label: "No")]
        } else if kind != nil {
            if let optionsNode = fields["options"] {
                options = readOptions(optionsNode, question: id)
            } else {
                reader.error("missing field 'options' in question '\(id)'", at: node)
            }
        }
        var askIf: KnowledgeDraft.PendingCondition?
        if let conditionNode = fields["ask_if"] {
            askIf = pendingCondition(conditionNode, "'ask_if'")
        }
        let question = Question(
            id: id, prompt: reader.string(fields["prompt"], "'prompt'") ?? "",
            help: reader.string(fields["help"], "'help'") ?? "",
            why: reader.string(fields["why"], "'why'") ?? "",
            kind: kind ?? .choice, options: options, askIf: nil, source: source(fields),
            location: reader.location(of: node))
        draft.questions.append(.init(question: question, askIf: askIf))
    }

    private mutating func readOptions(_ node: YAMLNode, question: String) -> [Question.Option] {
        guard let items = reader.list(node, "'options'") else { return [] }
        if items.count < 2 {
            reader.error("question '\(question)' needs at least 2 options, found \(items.count)", at: node)
        }
        if items.count > Self.maximumOptions {
            reader.error("question '\(question)' has \(items.count) options; the limit is \(Self.maximumOptions)",
                         at: node)
        }
        var options: [Question.Option] = []
        var seen: [String: SourceLocation] = [:]
        for item in items.prefix(Self.maximumOptions) {
            guard let fields = reader.fields(item, "an option", required: ["value", "label"]),
                  let value = reader.identifier(fields["value"], "option value"),
                  let valueNode = fields["value"] else { continue }
            if let first = seen[value] {
                reader.error("duplicate option '\(value)' in question '\(question)'; first at \(first)", at: valueNode)
                continue
            }
            seen[value] = reader.location(of: valueNode)
            options.append(.init(value: value, label: reader.string(fields["label"], "'label'") ?? value))
        }
        return options
    }

    /// A condition's text and the position of its first character inside the YAML scalar.
    mutating func pendingCondition(_ node: YAMLNode, _ what: String) -> KnowledgeDraft.PendingCondition? {
        guard let text = reader.string(node, what) else { return nil }
        var location = reader.location(of: node)
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted {
            location = location.advanced(by: 1)
        }
        return .init(text: text, location: location)
    }

    // MARK: - Rules

    mutating func readRule(_ node: YAMLNode) {
        guard let fields = reader.fields(node, "a rule", required: ["id", "when", "then", "because", "source"],
                                         optional: ["stacks_with"]),
              let id = reader.identifier(fields["id"], "rule id"),
              let idNode = fields["id"], define("rule", id, at: idNode) else { return }
        let when = fields["when"].flatMap { pendingCondition($0, "'when'") }
        var actions: [(action: Action, location: SourceLocation)] = []
        if let thenNode = fields["then"], let items = reader.list(thenNode, "'then'") {
            if items.isEmpty { reader.error("rule '\(id)' does nothing: 'then' is empty", at: thenNode) }
            for item in items { actions += readAction(item) }
        }
        var stacksWith: [String] = []
        for item in fields["stacks_with"].flatMap({ reader.list($0, "'stacks_with'") }) ?? [] {
            if let other = reader.identifier(item, "rule id") {
                stacksWith.append(other)
                refer(.rule, other, at: item)
            }
        }
        guard let when else { return }
        draft.rules.append(.init(id: id, when: when, actions: actions,
                                 because: reader.string(fields["because"], "'because'") ?? "",
                                 source: source(fields), stacksWith: stacksWith, location: reader.location(of: node)))
    }

    static let actionKeys = ["weight", "rating", "fact", "require", "exclude", "want", "note"]

    private mutating func readAction(_ node: YAMLNode) -> [(action: Action, location: SourceLocation)] {
        guard let fields = reader.fields(node, "an action", required: [], optional: Self.actionKeys) else { return [] }
        let names = fields.names
        guard let entry = fields.last, names.allSatisfy({ $0 == entry.name }) else {
            if names.isEmpty {
                reader.error("an action needs one of: \(Self.actionKeys.joined(separator: ", "))", at: node)
            } else {
                reader.error("an action does one thing; split \(Set(names).sorted().joined(separator: ", ")) "
                             + "into separate list items", at: node)
            }
            return []
        }
        let (key, value) = (entry.name, entry.value)
        let location = reader.location(of: value)
        switch key {
        case "weight":
            return readWeightChanges(value).map { ($0, location) }
        case "rating":
            return readRatingChange(value).map { [($0, location)] } ?? []
        case "fact":
            guard let fact = reader.identifier(value, "fact name") else { return [] }
            return [(.fact(fact), location)]
        case "require", "want":
            guard let capability = reader.identifier(value, "capability id") else { return [] }
            refer(.capability, capability, at: value)
            return [(key == "want" ? .want(capability: capability) : .require(capability: capability), location)]
        case "note":
            guard let text = reader.string(value, "'note'") else { return [] }
            if text.trimmingWhitespace().isEmpty {
                reader.error("a note needs text", at: value)
                return []
            }
            return [(.note(text), location)]
        default:
            guard let fields = reader.fields(value, "'exclude'", required: ["framework", "reason"]),
                  let framework = reader.identifier(fields["framework"], "framework id"),
                  let frameworkNode = fields["framework"],
                  let reason = reader.string(fields["reason"], "'reason'") else { return [] }
            refer(.framework, framework, at: frameworkNode)
            return [(.exclude(framework: framework, reason: reason), location)]
        }
    }

    private mutating func readWeightChanges(_ node: YAMLNode) -> [Action] {
        guard case .mapping(let mapping) = node else {
            reader.error("expected 'weight' to map criteria to changes such as \"*2\" or \"+1\", found "
                         + reader.describe(node), at: node)
            return []
        }
        var actions: [Action] = []
        for (key, value) in mapping {
            guard let criterion = reader.identifier(key, "criterion id") else { continue }
            refer(.criterion, criterion, at: key)
            guard let text = reader.string(value, "weight change") else { continue }
            if let change = Self.weightChange(text) {
                actions.append(.weight(criterion: criterion, change: change))
            } else {
                reader.error("\(Echo.quoted(text)) is not a weight change; write \"*k\" to multiply "
                             + "(0 ≤ k ≤ 1,000,000), or \"+n\" or \"-n\" to add (n ≤ 1,000,000)", at: value)
            }
        }
        return actions
    }

    static func weightChange(_ text: String) -> WeightChange? {
        let trimmed = text.trimmingWhitespace()
        guard let first = trimmed.first else { return nil }
        let rest = String(trimmed.dropFirst()).trimmingWhitespace()
        guard let value = Double(rest), value.isFinite, value >= 0, value <= 1_000_000 else { return nil }
        switch first {
        case "*", "×", "x": return .multiply(value)
        case "+": return .add(value)
        case "-": return .add(-value)
        default: return nil
        }
    }

    private mutating func readRatingChange(_ node: YAMLNode) -> Action? {
        guard let fields = reader.fields(node, "'rating'", required: ["framework", "criterion", "score"]),
              let framework = reader.identifier(fields["framework"], "framework id"),
              let criterion = reader.identifier(fields["criterion"], "criterion id"),
              let frameworkNode = fields["framework"], let criterionNode = fields["criterion"],
              let scoreNode = fields["score"], let text = reader.string(scoreNode, "'score'") else { return nil }
        refer(.framework, framework, at: frameworkNode)
        refer(.criterion, criterion, at: criterionNode)
        let trimmed = text.trimmingWhitespace()
        if let first = trimmed.first, first == "+" || first == "-",
           let value = Double(trimmed.dropFirst()), value.isFinite, value <= 5 {
            return .rating(framework: framework, criterion: criterion, change: .add(first == "-" ? -value : value))
        }
        if let value = Double(trimmed), value.isFinite, (0...5).contains(value) {
            return .rating(framework: framework, criterion: criterion, change: .set(value))
        }
        reader.error("'\(TextSanitizer.inert(text))' is not a rating change; write a score from 0 to 5, "
                     + "or \"+n\" or \"-n\" to adjust", at: scoreNode)
        return nil
    }
}
