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

    /// The 1-based `line` of `file`, without its line break, if the file is known.
    public func line(_ line: Int, of file: String) -> String? {
        guard let text = texts[file], line >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if current == line { break }
            if text[index] == "\n" || text[index] == "\r\n" {
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        guard current == line else { return nil }
        var end = start
        while end < text.endIndex, text[end] != "\n", text[end] != "\r\n", text[end] != "\r" {
            end = text.index(after: end)
        }
        return String(text[start..<end])
    }
}
