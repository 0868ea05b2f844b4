/// Appends values to a byte buffer: LEB128 integers, IEEE doubles, and strings through a table so
/// each distinct string is stored once.
struct BinaryWriter {
    var bytes: [UInt8] = []
    private(set) var strings: [String] = []
    private var stringIndex: [String: Int] = [:]

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        // Zig-zag, so small negative numbers stay short.
        rest = (rest << 1) ^ UInt64(bitPattern: Int64(value) >> 63)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func uint64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    mutating func double(_ value: Double) { uint64(value.bitPattern) }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        if let index = stringIndex[value] {
            int(index)
        } else {
            stringIndex[value] = strings.count
            int(strings.count)
            strings.append(value)
        }
    }

    /// Writes a value as its type lays it out (`CacheCodable`).
    mutating func write<Value: CacheCodable>(_ value: Value) { value.write(to: &self) }

    /// The string table followed by the body: what the reader expects, as two parts so that a
    /// large payload is never copied into one array.
    func finished() -> (table: [UInt8], body: [UInt8]) {
        var table = BinaryWriter()
        table.int(strings.count)
        for string in strings {
            table.int(string.utf8.count)
            table.bytes += string.utf8
        }
        return (table.bytes, bytes)
    }
}

/// Reads what `BinaryWriter` wrote, checking every bound: a damaged buffer makes it throw, never crash.
struct BinaryReader {
    /// Why a buffer was refused: the field being read (`frameworks[3].ratings[2].citation.source`),
    /// the byte it starts at, and what was wrong with it.
    ///
    /// The reader's primitives throw it with the offset and the problem; the field path is added
    /// as the error travels back up through `read(_:)`, `field(_:_:)` and `element(_:_:)`, so a
    /// sound buffer pays nothing for it.
    struct Damaged: Error, CustomStringConvertible, Equatable {
        enum Step: Equatable, Sendable {
            case field(String)
            case index(Int)
        }

        /// The byte offset in the buffer the reader was given (for a cache entry, in the file).
        var offset: Int
        var problem: String
        /// Innermost step first: each enclosing field appends itself as the error passes.
        private var steps: [Step] = []

        init(at offset: Int, _ problem: String) {
            self.offset = offset
            self.problem = problem
        }

        /// The steps from the outermost field in.
        var path: [Step] { steps.reversed() }

        /// The path as written in code: `rules[12].when.compiled.all[1].question`.
        var field: String {
            var text = ""
            for step in path {
                switch step {
                case .field(let name): text += text.isEmpty ? name : "." + name
                case .index(let index): text += "[\(index)]"
                }
            }
            return text
        }

        var description: String {
            let field = self.field
            return "damaged cache entry: " + (field.isEmpty ? "" : field + " ") + "at byte \(offset): \(problem)"
        }

        /// The same damage, inside `step`.
        func inside(_ step: Step) -> Damaged {
            var outer = self
            outer.steps.append(step)
            return outer
        }
    }

    /// How many of each thing an index may name, set by the decoder as it learns them, so that a
    /// value's `init(from:)` checks its indices without being told.
    struct Bounds: Sendable {
        var questions = 0
        var facts = 0
        var rules = 0
        var criteria = 0
        var frameworks = 0
    }

    private let bytes: [UInt8]
    private var offset: Int
    /// The string table, read first.
    private(set) var strings: [String] = []
    var bounds = Bounds()
    /// How deep in nested conditions the reader is (`Condition` refuses more than 256 levels).
    var depth = 0

    /// A reader at `offset` of the same bytes, sharing the table another reader read.
    init(_ bytes: [UInt8], strings: [String], at offset: Int, bounds: Bounds = Bounds()) {
        self.bytes = bytes
        self.strings = strings
        self.offset = offset
        self.bounds = bounds
    }

    init(_ bytes: [UInt8], from offset: Int = 0) throws(Damaged) {
        self.bytes = bytes
        self.offset = offset
        do throws(Damaged) {
            let count = try self.count(limit: bytes.count)
            strings.reserveCapacity(count)
            for index in 0..<count {
                let length = try self.count(limit: bytes.count - self.offset)
                let end = self.offset + length
                guard end <= bytes.count else { throw Damaged(at: self.offset, "string runs past the end") }
                do throws(Damaged) {
                    strings.append(try Self.text(bytes, self.offset..<end))
                } catch {
                    throw error.inside(.index(index))
                }
                self.offset = end
            }
        } catch {
            throw error.inside(.field("strings"))
        }
    }

    /// The UTF-8 text in `range`. Invalid UTF-8 means a damaged entry, not text to repair. ASCII
    /// (all of the synthetic workload, most knowledge) is checked with one pass over its bytes and
    /// then taken as it is, a quarter of the time `String(validating:)` takes (see the benchmark
    /// README's speed paths).
    private static func text(_ bytes: [UInt8], _ range: Range<Int>) throws(Damaged) -> String {
        let ascii: String? = bytes.withUnsafeBufferPointer { buffer in
            let piece = UnsafeBufferPointer(rebasing: buffer[range])
            var high: UInt8 = 0
            for byte in piece { high |= byte }
            return high < 0x80 ? String(decoding: piece, as: UTF8.self) : nil
        }
        if let ascii { return ascii }
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw Damaged(at: range.lowerBound, "not UTF-8")
        }
        return text
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Where the next value starts.
    var position: Int { offset }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    /// Damage found in the value that starts at `offset`.
    func damaged(at offset: Int, _ problem: String) -> Damaged { Damaged(at: offset, problem) }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged(at: offset, "the data ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(Damaged) -> Int {
        let start = offset
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged(at: start, "integer longer than 64 bits") }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    /// A count or index in `0..<limit` (or `0...limit` for counts).
    mutating func count(limit: Int) throws(Damaged) -> Int {
        let start = offset
        let value = try int()
        guard value >= 0, value <= limit else { throw Damaged(at: start, "count \(value) out of range 0...\(limit)") }
        return value
    }

    mutating func index(below bound: Int) throws(Damaged) -> Int {
        let start = offset
        let value = try int()
        guard value >= 0, value < bound else { throw Damaged(at: start, "index \(value) out of range 0..<\(bound)") }
        return value
    }

    mutating func uint64() throws(Damaged) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged(at: offset, "the data ends early") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws(Damaged) -> Bool {
        let start = offset
        switch try byte() {
        case 0: return false
        case 1: return true
        case let other: throw Damaged(at: start, "\(other) is not a boolean")
        }
    }

    mutating func string() throws(Damaged) -> String { strings[try index(below: strings.count)] }

    /// A string's place in the table, checked, for a caller that may not need the string itself.
    mutating func stringIndex() throws(Damaged) -> Int { try index(below: strings.count) }

    /// Skips `count` doubles.
    mutating func skipDoubles(_ count: Int = 1) throws(Damaged) {
        guard count >= 0, count <= (bytes.count - offset) / 8 else { throw Damaged(at: offset, "the data ends early") }
        offset += 8 * count
    }

    /// A list count, bounded by the bytes left (every element takes at least one byte).
    mutating func listCount() throws(Damaged) -> Int { try count(limit: bytes.count - offset) }

    // MARK: - Fields

    /// A value as its type lays it out, named `name` in a damage report.
    @inline(__always)
    mutating func read<Value: CacheCodable>(_ name: StaticString, as type: Value.Type = Value.self)
        throws(Damaged) -> Value {
        do throws(Damaged) {
            return try Value(from: &self)
        } catch {
            throw error.inside(.field("\(name)"))
        }
    }

    /// Moves past a value as its type lays it out, checking it, named `name` in a damage report.
    @inline(__always)
    mutating func skip<Value: CacheCodable>(_ type: Value.Type, _ name: StaticString) throws(Damaged) {
        do throws(Damaged) {
            try Value.skip(&self)
        } catch {
            throw error.inside(.field("\(name)"))
        }
    }

    /// Whatever `body` reads, named `name` in a damage report.
    @inline(__always)
    mutating func field<Result>(_ name: StaticString, _ body: (inout BinaryReader) throws(Damaged) -> Result)
        throws(Damaged) -> Result {
        do throws(Damaged) {
            return try body(&self)
        } catch {
            throw error.inside(.field("\(name)"))
        }
    }

    /// Whatever `body` reads, as element `index` of a list.
    @inline(__always)
    mutating func element<Result>(_ index: Int, _ body: (inout BinaryReader) throws(Damaged) -> Result)
        throws(Damaged) -> Result {
        do throws(Damaged) {
            return try body(&self)
        } catch {
            throw error.inside(.index(index))
        }
    }
}

typealias Damaged = BinaryReader.Damaged

/// A value with a binary layout of its own: `write(to:)` and `init(from:)` sit side by side in
/// one extension per type, reading the fields in the order they are written, so that a field is
/// added in one place. `init(from:)` checks what it reads (indices against `reader.bounds`,
/// enumerations against their cases) and names each field as it reads it (`reader.read("id")`),
/// so that damage is reported with its field path.
protocol CacheCodable {
    func write(to writer: inout BinaryWriter)
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged)
    /// Moves past a value, checking it as `init(from:)` does. By default it reads the value and
    /// drops it; strings, numbers, optionals and lists skip without building anything.
    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged)
}

extension CacheCodable {
    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) { _ = try Self(from: &reader) }
}

/// An enumeration stored as its raw string; reading a string that names no case is damage.
protocol CacheCodableByName: CacheCodable, RawRepresentable where RawValue == String {}

extension CacheCodableByName {
    func write(to writer: inout BinaryWriter) { writer.string(rawValue) }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let start = reader.position
        let name = try reader.string()
        guard let value = Self(rawValue: name) else {
            throw reader.damaged(at: start, "'\(name)' is not a valid \(Self.self)")
        }
        self = value
    }
}

extension String: CacheCodable {
    func write(to writer: inout BinaryWriter) { writer.string(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.string() }
    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) { _ = try reader.stringIndex() }
}

extension Int: CacheCodable {
    func write(to writer: inout BinaryWriter) { writer.int(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.int() }
}

extension UInt64: CacheCodable {
    func write(to writer: inout BinaryWriter) { writer.uint64(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.uint64() }
}

extension Double: CacheCodable {
    func write(to writer: inout BinaryWriter) { writer.double(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.double() }
    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) { try reader.skipDoubles() }
}

extension Bool: CacheCodable {
    func write(to writer: inout BinaryWriter) { writer.bool(self) }
    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) { self = try reader.bool() }
}

/// A flag, then the value when there is one.
extension Optional: CacheCodable where Wrapped: CacheCodable {
    func write(to writer: inout BinaryWriter) {
        writer.bool(self != nil)
        if let self { self.write(to: &writer) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        self = try reader.bool() ? try Wrapped(from: &reader) : nil
    }

    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        if try reader.bool() { try Wrapped.skip(&reader) }
    }
}

/// The count, then the elements; a damaged element is reported with its index.
extension Array: CacheCodable where Element: CacheCodable {
    func write(to writer: inout BinaryWriter) {
        writer.int(count)
        for element in self { element.write(to: &writer) }
    }

    init(from reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        let count = try reader.listCount()
        self.init()
        reserveCapacity(count)
        for index in 0..<count {
            append(try reader.element(index) { (reader: inout BinaryReader) throws(BinaryReader.Damaged) in
                try Element(from: &reader)
            })
        }
    }

    static func skip(_ reader: inout BinaryReader) throws(BinaryReader.Damaged) {
        for index in 0..<(try reader.listCount()) {
            try reader.element(index) { (reader: inout BinaryReader) throws(BinaryReader.Damaged) in
                try Element.skip(&reader)
            }
        }
    }
}
