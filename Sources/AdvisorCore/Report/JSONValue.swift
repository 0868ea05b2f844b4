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
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: indent)
        return String(decoding: output, as: UTF8.self)
    }

    /// Written as bytes: a report of a large knowledge base (thousands of fired rules and
    /// contributions, over a megabyte) spent most of its rendering time growing a `String`.
    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .null: output += Self.nullBytes
        case .bool(let value): output += value ? Self.trueBytes : Self.falseBytes
        case .number(let value):
            if value.isFinite { Format.appendNumber(value, decimals: 4, to: &output) } else { output += Self.nullBytes }
        case .string(let value): Self.appendQuoted(value, to: &output)
        case .array(let items):
            guard !items.isEmpty else { output += Self.emptyArray; return }
            output += Self.openArray
            for (index, item) in items.enumerated() {
                Self.appendSpaces(indent + 2, to: &output)
                item.write(to: &output, indent: indent + 2)
                output += index == items.count - 1 ? Self.newline : Self.commaNewline
            }
            Self.appendSpaces(indent, to: &output)
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            guard !pairs.isEmpty else { output += Self.emptyObject; return }
            output += Self.openObject
            for (index, (key, value)) in pairs.enumerated() {
                Self.appendSpaces(indent + 2, to: &output)
                Self.appendQuoted(key, to: &output)
                output += Self.colon
                value.write(to: &output, indent: indent + 2)
                output += index == pairs.count - 1 ? Self.newline : Self.commaNewline
            }
            Self.appendSpaces(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let emptyArray = Array("[]".utf8), emptyObject = Array("{}".utf8)
    private static let openArray = Array("[\n".utf8), openObject = Array("{\n".utf8)
    private static let newline = Array("\n".utf8), commaNewline = Array(",\n".utf8), colon = Array(": ".utf8)

    private static func appendSpaces(_ count: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    private static func appendQuoted(_ text: String, to output: inout [UInt8]) {
        // Fast path: printable ASCII without quotes or backslashes needs no escaping.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            output.append(UInt8(ascii: "\""))
            output += text.utf8
            output.append(UInt8(ascii: "\""))
        } else {
            output += quote(text).utf8
        }
    }

    /// A JSON string literal; control characters are escaped, so no terminal escape survives.
    public static func quote(_ text: String) -> String {
        // Fast path: printable ASCII without quotes or backslashes needs no escaping.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
