/// Writes JSON straight into bytes, pretty-printed with two-space indentation and the fixed
/// number format (up to 4 decimals) every report uses. `JSONValue` serializes through it, and the
/// `recommend` report streams through it without building a tree: on a knowledge base of 10,000
/// rules that report is over a megabyte, and building and walking the tree took most of its time.
struct JSONWriter {
    /// The output so far. A writer owns its buffer; a copy of a writer shares it, so writers are
    /// passed `inout`, never copied.
    private let buffer: ByteBuffer
    /// How many containers are open.
    private var depth = 0
    /// Bit d − 1 is set when the open container at depth d (up to 64) has an element; deeper
    /// containers keep theirs in `deeper`.
    private var filled: UInt64 = 0
    private var deeper: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false
    private let baseIndent: Int

    init(indent: Int = 0, capacity: Int = 4096) {
        baseIndent = indent
        buffer = ByteBuffer(capacity: capacity)
    }

    /// A writer that hands its bytes to `sink` a buffer at a time (see `ByteBuffer.init(capacity:sink:)`);
    /// `finish()` hands over the rest.
    init(chunk: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) {
        baseIndent = 0
        buffer = ByteBuffer(capacity: chunk, sink: sink)
    }

    /// Hands what is left to the sink; false if the sink refused any of the output.
    func finish() -> Bool {
        buffer.flush()
        return !buffer.sinkFailed
    }

    /// The output so far.
    var bytes: [UInt8] { buffer.array }

    /// The buffer written to, for the caller to keep when the writing is done.
    var output: ByteBuffer { buffer }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: - Containers

    mutating func beginObject() { beginContainer(UInt8(ascii: "{")) }
    mutating func beginArray() { beginContainer(UInt8(ascii: "[")) }
    mutating func endObject() { endContainer(UInt8(ascii: "}")) }
    mutating func endArray() { endContainer(UInt8(ascii: "]")) }

    /// A key the report names itself: plain ASCII, so it is copied without looking for what to escape.
    mutating func key(_ name: StaticString) {
        separate()
        if name.hasPointerRepresentation {
            appendKey(name.utf8Start, count: name.utf8CodeUnitCount)
        } else {
            // A one-character literal may be stored as a scalar, with no pointer.
            name.withUTF8Buffer { utf8 in if let start = utf8.baseAddress { appendKey(start, count: utf8.count) } }
        }
        afterKey = true
    }

    /// `"name": ` from plain ASCII bytes.
    @inline(__always)
    private func appendKey(_ name: UnsafePointer<UInt8>, count: Int) {
        assert(UnsafeBufferPointer(start: name, count: count).allSatisfy { $0 < 0x80 && TextEscaping.json.isPlain($0, after: 0) })
        let start = buffer.tail(count + 4)
        start[0] = UInt8(ascii: "\"")
        (start + 1).update(from: name, count: count)
        start[count + 1] = UInt8(ascii: "\"")
        start[count + 2] = UInt8(ascii: ":")
        start[count + 3] = UInt8(ascii: " ")
        buffer.advance(by: count + 4)
    }

    /// A key from the data (a question's or a fact's id), escaped as needed.
    mutating func key(string name: String) {
        separate()
        appendQuoted(name, colon: true)
        afterKey = true
    }

    // MARK: - Values

    mutating func null() { separate(); buffer.append(Self.nullBytes) }

    mutating func bool(_ value: Bool) { separate(); buffer.append(value ? Self.trueBytes : Self.falseBytes) }

    /// A finite number in the fixed format; anything else is `null`.
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else { return buffer.append(Self.nullBytes) }
        let start = buffer.tail(Format.maximumNumberLength)
        buffer.advance(by: Format.writeNumber(value, decimals: 4, to: start))
    }

    mutating func string(_ value: String) { separate(); appendQuoted(value, colon: false) }

    /// A string made of `prefix` (plain ASCII or UTF-8 that needs no escaping) and then
    /// `Format.number(value)`, such as a change's `×1.05`, written without building the string.
    mutating func string(prefix: StaticString, number value: Double) {
        guard value.isFinite else { return string(prefix.description + Format.number(value)) }
        separate()
        // A one-character literal may be stored as a scalar, with no pointer: `withUTF8Buffer` reads both.
        prefix.withUTF8Buffer { utf8 in
            let start = buffer.tail(utf8.count + Format.maximumNumberLength + 2)
            start[0] = UInt8(ascii: "\"")
            if let source = utf8.baseAddress { (start + 1).update(from: source, count: utf8.count) }
            var count = 1 + utf8.count
            count += Format.writeNumber(value, decimals: 2, to: start + count)
            start[count] = UInt8(ascii: "\"")
            buffer.advance(by: count + 1)
        }
    }

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
                key(string: name)
                self.value(item)
            }
            endObject()
        }
    }

    /// `"name": "value"` in one call.
    mutating func member(_ name: StaticString, _ text: String) { key(name); string(text) }
    mutating func member(_ name: StaticString, _ number: Double) { key(name); self.number(number) }

    /// A line break after the document.
    mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

    // MARK: - Layout

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        buffer.append(opening)
        depth += 1
        if depth <= 64 { filled &= ~(1 << UInt64(depth - 1)) } else { deeper.append(false) }
    }

    private mutating func endContainer(_ closing: UInt8) {
        let hadElements = depth <= 64 ? filled & (1 << UInt64(depth - 1)) != 0 : deeper.removeLast()
        depth -= 1
        if hadElements { separator(comma: false) }
        buffer.append(closing)
    }

    /// Before a key, or a value not after a key: a comma if needed, a new line and the indentation.
    @inline(__always)
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        let hadElements: Bool
        if depth <= 64 {
            let bit: UInt64 = 1 << UInt64(depth - 1)
            hadElements = filled & bit != 0
            filled |= bit
        } else {
            hadElements = deeper[depth - 65]
            deeper[depth - 65] = true
        }
        separator(comma: hadElements)
    }

    /// An optional comma, a new line, and the indentation of the current depth.
    @inline(__always)
    private func separator(comma: Bool) {
        let indent = baseIndent + 2 * depth
        let start = buffer.tail(indent + 2)
        var count = 0
        if comma {
            start[0] = UInt8(ascii: ",")
            count = 1
        }
        start[count] = UInt8(ascii: "\n")
        (start + count + 1).update(repeating: UInt8(ascii: " "), count: indent)
        buffer.advance(by: count + 1 + indent)
    }

    /// The string in quotes, escaped as `JSONValue.quote` does, and `: ` after a key.
    private mutating func appendQuoted(_ text: String, colon: Bool) {
        // Fast path: the UTF-8 is copied and checked in one pass, and kept if nothing in it needs
        // escaping in `TextEscaping.json`: no control character, quote, backslash or DEL, and no
        // C1 control (U+0080–U+009F, encoded C2 80–C2 9F). Other non-ASCII text is written as it is.
        let json = TextEscaping.json
        let utf8 = text.utf8
        let start = buffer.tail(utf8.count + 4)
        start[0] = UInt8(ascii: "\"")
        var count = 1
        var previous: UInt8 = 0
        var plain = true
        for byte in utf8 {
            if !json.isPlain(byte, after: previous) {
                plain = false
                break
            }
            start[count] = byte
            count += 1
            previous = byte
        }
        if plain {
            start[count] = UInt8(ascii: "\"")
            start[count + 1] = UInt8(ascii: ":")
            start[count + 2] = UInt8(ascii: " ")
            buffer.advance(by: count + (colon ? 3 : 1))
            return
        }
        buffer.append(Array(JSONValue.quote(text).utf8))
        if colon { buffer.append(Self.colonBytes) }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
    private static let colonBytes = Array(": ".utf8)
}

/// A growable byte buffer written through a pointer. The JSON writer appends a few bytes at a
/// time, millions of times for a large report, and `Array.append` checked uniqueness and capacity
/// and went through a generic path on each.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    /// Where a streaming buffer's bytes go when it is full; it returns false when it can take no more.
    private let sink: ((UnsafeBufferPointer<UInt8>) -> Bool)?
    /// The sink refused bytes: everything after them is dropped.
    private(set) var sinkFailed = false

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
        sink = nil
    }

    /// A buffer that stays at `capacity` bytes: when full, it hands them to `sink` and starts again,
    /// so a report of megabytes is written through the same few pages.
    init(capacity: Int, sink: @escaping (UnsafeBufferPointer<UInt8>) -> Bool) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
        self.sink = sink
    }

    /// Hands the bytes so far to the sink, if there is one, and empties the buffer.
    func flush() {
        guard let sink, count > 0 else { return }
        if !sinkFailed { sinkFailed = !sink(UnsafeBufferPointer(start: base, count: count)) }
        count = 0
    }

    deinit { base.deallocate() }

    /// A copy of the bytes written.
    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The bytes written, for as long as `body` runs.
    func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if capacity - count < extra { makeRoom(extra) }
    }

    private func makeRoom(_ extra: Int) {
        if sink != nil {
            flush()
            if capacity >= extra { return }
        }
        grow(to: count + extra)
    }

    /// Where the next `room` bytes go, with room for them; `advance(by:)` then counts those written.
    @inline(__always)
    func tail(_ room: Int) -> UnsafeMutablePointer<UInt8> {
        reserve(room)
        return base + count
    }

    @inline(__always)
    func advance(by written: Int) { count += written }

    private func grow(to needed: Int) {
        var larger = capacity * 2
        while larger < needed { larger *= 2 }
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.initialize(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: start, count: bytes.count)
        count += bytes.count
    }

    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    func append(repeating byte: UInt8, count times: Int) {
        guard times > 0 else { return }
        reserve(times)
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }
}

/// A rendered report's bytes: written as text, or kept in the buffer a report was written into,
/// so that megabytes of JSON reach their destination without another copy.
public struct ReportBytes: Sendable {
    private enum Storage: @unchecked Sendable {
        case array([UInt8])
        /// Never written to again once wrapped here.
        case buffer(ByteBuffer)
    }

    private let storage: Storage

    public init(_ bytes: [UInt8]) { storage = .array(bytes) }

    init(_ buffer: ByteBuffer) { storage = .buffer(buffer) }

    /// The bytes, for as long as `body` runs.
    public func withBytes<Result, Failure: Error>(
        _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        switch storage {
        case .array(let bytes):
            // `withUnsafeBufferPointer` rethrows untyped; the typed error goes round it.
            var failure: Failure?
            let result = bytes.withUnsafeBufferPointer { pointer -> Result? in
                do throws(Failure) { return try body(pointer) } catch { failure = error; return nil }
            }
            if let failure { throw failure }
            guard let result else { preconditionFailure("a result or an error") }
            return result
        case .buffer(let buffer):
            return try buffer.withBytes(body)
        }
    }

    /// A copy of the bytes.
    public var array: [UInt8] {
        switch storage {
        case .array(let bytes): bytes
        case .buffer(let buffer): buffer.array
        }
    }
}
