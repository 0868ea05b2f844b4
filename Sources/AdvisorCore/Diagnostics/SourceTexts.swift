/// The text of the files that diagnostics point into, split into lines on demand.
public struct SourceTexts: Sendable {
    private var texts: [String: String] = [:]

    public init() {}

    public mutating func add(_ text: String, for file: String) {
        texts[file] = text
    }

    public mutating func merge(_ other: SourceTexts) {
        texts.merge(other.texts) { current, _ in current }
    }

    /// The 1-based `line` of `file`, without its line break, if the file is known. Scans bytes:
    /// a line break is LF, CRLF or a lone CR, as YAML counts them.
    public func line(_ line: Int, of file: String) -> String? {
        guard let text = texts[file], line >= 1 else { return nil }
        let bytes = text.utf8
        var current = 1
        var index = bytes.startIndex
        var start = index
        while current < line {
            guard index < bytes.endIndex else { return nil }
            let byte = bytes[index]
            index = bytes.index(after: index)
            if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index < bytes.endIndex, bytes[index] == 0x0A { index = bytes.index(after: index) }
                current += 1
                start = index
            }
        }
        var end = start
        while end < bytes.endIndex, bytes[end] != 0x0A, bytes[end] != 0x0D { end = bytes.index(after: end) }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
