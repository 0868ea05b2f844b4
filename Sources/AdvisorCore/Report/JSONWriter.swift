/// Writes JSON straight into bytes, pretty-printed with two-space indentation and the fixed
/// number format (up to 4 decimals) every report uses. `JSONValue` serializes through it, and the
/// `recommend` report streams through it without building a tree: on a knowledge base of 10,000
/// rules that report is over a megabyte, and building and walking the tree took most of its time.
struct JSONWriter {
    /// The output so far. A writer owns its buffer; a copy of a writer shares it, so writers are
    /// passed `inout`, never copied.
    private let buffer: ByteBuffer
    /// Numbers are formatted here first, then copied into the output.
    private var scratch: [UInt8] = []
    /// For each open container, whether it has an element yet.
    private var open: [Bool] = []
    /// A key was just written, so the next value follows it on the same line.
    private var afterKey = false
    private let baseIndent: Int

    init(indent: Int = 0, capacity: Int = 4096) {
        baseIndent = indent
        buffer = ByteBuffer(capacity: capacity)
        scratch.reserveCapacity(32)
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

    mutating func key(_ name: String) {
        separate()
        appendQuoted(name)
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: " "))
        afterKey = true
    }

    // MARK: - Values

    mutating func null() { separate(); buffer.append(Self.nullBytes) }

    mutating func bool(_ value: Bool) { separate(); buffer.append(value ? Self.trueBytes : Self.falseBytes) }

    /// A finite number in the fixed format; anything else is `null`.
    mutating func number(_ value: Double) {
        separate()
        guard value.isFinite else { return buffer.append(Self.nullBytes) }
        scratch.removeAll(keepingCapacity: true)
        Format.appendNumber(value, decimals: 4, to: &scratch)
        buffer.append(scratch)
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
    mutating func newline() { buffer.append(UInt8(ascii: "\n")) }

    // MARK: - Layout

    private mutating func beginContainer(_ opening: UInt8) {
        separate()
        buffer.append(opening)
        open.append(false)
    }

    private mutating func endContainer(_ closing: UInt8) {
        let hadElements = open.removeLast()
        if hadElements { lineBreak(indent: baseIndent + 2 * open.count) }
        buffer.append(closing)
    }

    /// Before a key, or a value not after a key: a comma if needed, a new line and the indentation.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = open.indices.last else { return }
        if open[last] { buffer.append(UInt8(ascii: ",")) }
        open[last] = true
        lineBreak(indent: baseIndent + 2 * open.count)
    }

    /// A new line and `indent` spaces.
    private func lineBreak(indent: Int) {
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(repeating: UInt8(ascii: " "), count: indent)
    }

    private mutating func appendQuoted(_ text: String) {
        // Fast path: printable ASCII without quotes or backslashes needs no escaping, and is
        // copied from the string's UTF-8 in one move (`withUTF8` also reaches the bytes of a
        // small string, which lives inline and has no contiguous storage to borrow).
        var text = text
        let copied = text.withUTF8 { utf8 -> Bool in
            guard utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C }) else { return false }
            buffer.append(UInt8(ascii: "\""))
            buffer.append(utf8)
            buffer.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { buffer.append(Array(JSONValue.quote(text).utf8)) }
    }

    private static let nullBytes = Array("null".utf8), trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)
}

/// A growable byte buffer written through a pointer. The JSON writer appends a few bytes at a
/// time, millions of times for a large report, and `Array.append` checked uniqueness and capacity
/// and went through a generic path on each.
final class ByteBuffer {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(64, capacity)
        base = .allocate(capacity: self.capacity)
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
        if capacity - count < extra { grow(to: count + extra) }
    }

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
