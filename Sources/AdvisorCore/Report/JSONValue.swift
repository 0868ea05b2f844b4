/// A JSON value with ordered keys, so that output is byte-for-byte stable.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(serialized())
    }

    /// Pretty-printed with two-space indentation and a fixed number format (up to 4 decimals).
    public func serialized(indent: Int = 0) -> String {
        var writer = JSONWriter(indent: indent)
        writer.value(self)
        return writer.text
    }

    /// A JSON string literal; control characters are escaped, so no terminal escape survives.
    public static func quote(_ text: String) -> String {
        "\"" + TextEscaping.json.escape(text) + "\""
    }
}

extension JSONValue {
    static func strings(_ values: [String]) -> JSONValue { .array(values.map(JSONValue.string)) }

    static func answer(_ value: AnswerValue) -> JSONValue {
        switch value {
        case .one(let option): .string(option)
        case .many(let options): strings(options)
        case .yes(let flag): .bool(flag)
        }
    }
}
