/// Writes JSON straight into bytes, pretty-printed with two-space indentation and the fixed
/// number format (up to 4 decimals) every report uses. `JSONValue` serializes through it, and the
/// `recommend` report streams through it without building a tree: on a knowledge base of 10,000
/// rules that report is over a megabyte, and building and walking the tree took most of its time.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// For each open container, whether it has an element yet.
    private var open: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false
    private let baseIndent: Int

    init(indent: Int = 0, capacity: Int = 4096) {
        baseIndent = indent
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Containers

    mutating func beginObject() { beginContainer(UInt8(ascii: "{")) }
    mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
        afterKey = true
    }

    // MARK: - Values

    mutating func null() { separate(); bytes += Self.nullBytes }

    mutating func bool(_ value: Bool) { separate(); bytes += value ? Self.trueBytes : Self.falseBytes }

    /// A finite number in the fixed format; anything else is `null`.
    mutating func number(_ value: Double) {
        separate()
        if value.isFinite { Format.appendNumber(value, decimals: 4, to: &bytes) } else { bytes += Self.nullBytes }
    }

    mutating func string(_ value: String) { separate(); appendQuoted(value) }

    mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let number): self.number(number)
        case .string(let text): string(text)
        case .array(let items):
            beginArray()
            for item in items { self.value(item) }
            endArray()
        case .object(let pairs):
            beginObject()
            for (name, item) in pairs {
                key(name)
                self.value(item)
            }
            endObject()
        }
    }

    /// `"name": "value"` in one call.
    mutating func member(_ name: String, _ text: String) { key(name); string(text) }
    mutating func member(_ name: String, _ number: Double) { key(name); self.number(number) }

    /// A line break after the document.
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    // MARK: - Layout

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        bytes.append(opening)
        open.append(false)
    }

    private mutating func endContainer(_ closing: UInt8) {
        let hadElements = open.removeLast()
        if hadElements {
            bytes.append(UInt8(ascii: "\n"))
            appendSpaces(baseIndent + 2 * open.count)
        }
        bytes.append(closing)
    }

    /// Before a key, or a value not after a key: a comma if needed, a new line and the indentation.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.indices.last else { return }
        if open[last] { bytes.append(UInt8(ascii: ",")) }
        open[last] = true
        bytes.append(UInt8(ascii: "\n"))
        appendSpaces(baseIndent + 2 * open.count)
    }

    private mutating func appendSpaces(_ count: Int) {
        var left = count
        while left > 0 {
            let run = min(left, Self.spaces.count)
            bytes.append(contentsOf: Self.spaces[..<run])
            left -= run
        }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 128)

    private mutating func appendQuoted(_ text: String) {
        // Fast path: printable ASCII without quotes or backslashes needs no escaping, and is
        // copied from the string's UTF-8 in one move (`withUTF8` also reaches the bytes of a
        // small string, which lives inline and has no contiguous storage to borrow).
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: utf8)
            bytes.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { bytes += JSONValue.quote(text).utf8 }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
}
