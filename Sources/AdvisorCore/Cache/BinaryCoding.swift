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

    mutating func optionalString(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

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
    struct Damaged: Error {}

    private let bytes: [UInt8]
    private var offset: Int
    /// The string table, read first.
    private(set) var strings: [String] = []

    /// A reader at `offset` of the same bytes, sharing the table another reader read.
    init(_ bytes: [UInt8], strings: [String], at offset: Int) {
        self.bytes = bytes
        self.strings = strings
        self.offset = offset
    }

    init(_ bytes: [UInt8], from offset: Int = 0) throws(Damaged) {
        self.bytes = bytes
        self.offset = offset
        let count = try self.count(limit: bytes.count)
        strings.reserveCapacity(count)
        for _ in 0..<count {
            let length = try self.count(limit: bytes.count - self.offset)
            let end = self.offset + length
            guard end <= bytes.count else { throw Damaged() }
            strings.append(try Self.text(bytes, self.offset..<end))
            self.offset = end
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
        guard let text = String(validating: bytes[range], as: UTF8.self) else { throw Damaged() }
        return text
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// Where the next value starts.
    var position: Int { offset }

    /// The bytes not read yet.
    var remaining: Int { bytes.count - offset }

    mutating func byte() throws(Damaged) -> UInt8 {
        guard offset < bytes.count else { throw Damaged() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func int() throws(Damaged) -> Int {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw Damaged() }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { break }
            shift += 7
        }
        return Int(Int64(bitPattern: (result >> 1) ^ (0 &- (result & 1))))
    }

    /// A count or index in `0..<limit` (or `0...limit` for counts).
    mutating func count(limit: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value <= limit else { throw Damaged() }
        return value
    }

    mutating func index(below bound: Int) throws(Damaged) -> Int {
        let value = try int()
        guard value >= 0, value < bound else { throw Damaged() }
        return value
    }

    mutating func uint64() throws(Damaged) -> UInt64 {
        guard offset + 8 <= bytes.count else { throw Damaged() }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << UInt64(index * 8) }
        offset += 8
        return value
    }

    mutating func double() throws(Damaged) -> Double { Double(bitPattern: try uint64()) }

    mutating func bool() throws(Damaged) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Damaged()
        }
    }

    mutating func string() throws(Damaged) -> String { strings[try index(below: strings.count)] }

    /// A string's place in the table, checked, for a caller that may not need the string itself.
    mutating func stringIndex() throws(Damaged) -> Int { try index(below: strings.count) }

    /// Skips `count` doubles.
    mutating func skipDoubles(_ count: Int = 1) throws(Damaged) {
        guard count >= 0, count <= (bytes.count - offset) / 8 else { throw Damaged() }
        offset += 8 * count
    }

    mutating func optionalString() throws(Damaged) -> String? {
        guard try bool() else { return nil }
        return try string()
    }

    /// A list count, bounded by the bytes left (every element takes at least one byte).
    mutating func listCount() throws(Damaged) -> Int { try count(limit: bytes.count - offset) }
}
