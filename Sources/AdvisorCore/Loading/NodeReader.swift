/// Reads YAML nodes into plain values, recording a diagnostic with a position for every problem
/// instead of stopping at the first.
struct NodeReader {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Problems past `maximumKept`, counted but not kept, so that a file of a million bad
    /// items costs no more memory than one of a thousand.
    private(set) var dropped = 0
    static let maximumKept = 1_000

    init(file: String) {
        self.file = file
    }

    // MARK: - Positions

    func location(of node: YAMLNode) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    mutating func error(_ message: String, at node: YAMLNode) {
        keep(.error(message, at: location(of: node)))
    }

    mutating func error(_ message: String, at location: SourceLocation) {
        keep(.error(message, at: location))
    }

    mutating func warning(_ message: String, at node: YAMLNode) {
        keep(.warning(message, at: location(of: node)))
    }

    private mutating func keep(_ diagnostic: Diagnostic) {
        guard diagnostics.count < Self.maximumKept else {
            dropped += 1
            return
        }
        diagnostics.append(diagnostic)
    }

    /// The kept diagnostics, and one more saying how many were dropped, if any. That one sits at
    /// the furthest place a kept one names, so it sorts after them rather than first.
    var reported: [Diagnostic] {
        guard dropped > 0 else { return diagnostics }
        let last = diagnostics.compactMap(\.location).max { ($0.line, $0.column) < ($1.line, $1.column) }
        return diagnostics + [.error("\(dropped) more problems in this file, not listed (the first "
                                     + "\(Self.maximumKept) are)",
                                     at: last ?? SourceLocation(file: file, line: 1, column: 1))]
    }

    // MARK: - Shapes

    /// The node as a mapping with string keys, checking for unknown keys and required ones.
    mutating func fields(_ node: YAMLNode, _ what: String, required: [String], optional: [String] = []) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error("expected \(what) to be a mapping of keys to values, found \(describe(node))", at: node)
            return nil
        }
        var result = Fields(node: node, what: what)
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                error("keys in \(what) must be plain words", at: key)
                continue
            }
            guard required.contains(name) || optional.contains(name) else {
                let allowed = required + optional
                error("unknown key '\(name)' in \(what)" + Suggestion.didYouMean(name, in: allowed)
                      + " (allowed: \(allowed.joined(separator: ", ")))", at: key)
                continue
            }
            result.add(name, key: key, value: value)
        }
        for name in required where result[name] == nil {
            error("missing field '\(name)' in \(what)", at: node)
        }
        return result
    }

    /// The node as a list of nodes.
    mutating func list(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        guard case .sequence(let sequence) = node else {
            error("expected \(what) to be a list, found \(describe(node))", at: node)
            return nil
        }
        return sequence.items
    }

    /// The node as a non-empty string.
    mutating func string(_ node: YAMLNode?, _ what: String, allowEmpty: Bool = false) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error("expected \(what) to be text, found \(describe(node))", at: node)
            return nil
        }
        let text = scalar.string
        if !allowEmpty, text.isBlank {
            error("\(what) is empty", at: node)
            return nil
        }
        return text
    }

    /// The node as an identifier: lower-case letters, digits, `_`, `-`, and for sources `#` and `.`.
    mutating func identifier(_ node: YAMLNode?, _ what: String, allowingSourceCharacters: Bool = false) -> String? {
        guard let text = string(node, what), let node else { return nil }
        let valid = text.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "_" || scalar == "-"
                || (allowingSourceCharacters && (scalar == "#" || scalar == "." || scalar == "/"))
        }
        guard valid, let first = text.unicodeScalars.first, !("0"..."9").contains(first) else {
            error("'\(TextSanitizer.inert(text))' is not a valid \(what): use letters, digits, '_' and '-', "
                  + "starting with a letter", at: node)
            return nil
        }
        return text
    }

    /// The node as a finite number.
    mutating func number(_ node: YAMLNode?, _ what: String) -> Double? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingWhitespace()) else {
            error("expected \(what) to be a number, found \(describe(node))", at: node)
            return nil
        }
        guard value.isFinite else {
            error("\(what) must be a finite number, found \(Echo.quoted(scalar.string))", at: node)
            return nil
        }
        return value
    }

    /// A short description of a node's shape, for error messages.
    func describe(_ node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            if text.isEmpty || text == "~" || text == "null" { return "nothing" }
            let shown = text.count > 30 ? String(text.prefix(30)) + "…" : text
            return "'\(TextSanitizer.inert(shown))'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

/// The values of a YAML mapping by key, with the key nodes kept for positions. A list searched
/// in order rather than a dictionary: a mapping has a handful of keys, and hashing them for every
/// rule of a large knowledge base cost more than the search.
struct Fields {
    let node: YAMLNode
    let what: String
    /// The names in order, with their key and value nodes at the same positions. Three arrays
    /// rather than one of tuples: a search then compares names without copying nodes.
    private(set) var names: [String] = []
    private var keys: [YAMLNode] = []
    private var values: [YAMLNode] = []

    init(node: YAMLNode, what: String) {
        self.node = node
        self.what = what
    }

    mutating func add(_ name: String, key: YAMLNode, value: YAMLNode) {
        names.append(name)
        keys.append(key)
        values.append(value)
    }

    /// The position of the last `name`.
    private func position(_ name: String) -> Int? {
        var index = names.count
        while index > 0 {
            index -= 1
            if names[index] == name { return index }
        }
        return nil
    }

    /// The value under `name` (the last one, if the key repeats).
    subscript(_ name: String) -> YAMLNode? { position(name).map { values[$0] } }

    /// The key node of `name`, for positions.
    func key(_ name: String) -> YAMLNode? { position(name).map { keys[$0] } }

    /// The last entry's name and value.
    var last: (name: String, value: YAMLNode)? { names.last.map { ($0, values[values.count - 1]) } }
}

extension String {
    /// Whether the text is empty or only whitespace; ASCII is decided without Unicode tables.
    var isBlank: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return trimmingWhitespace().isEmpty }
            if byte != 0x20 && !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }

    func trimmingWhitespace() -> String {
        // Most text has nothing to trim: check the ends' bytes before walking Unicode scalars.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
