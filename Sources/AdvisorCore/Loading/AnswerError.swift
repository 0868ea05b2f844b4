/// A bad answer: an unknown question, a value the question doesn't offer, a malformed answers file.
public struct AnswerError: Error, Hashable, Sendable {
    public enum Origin: Hashable, Sendable {
        /// From `--answer` or `--weight` on the command line: a usage error.
        case commandLine
        /// From an answers file: bad data.
        case file
    }

    public var message: String
    public var origin: Origin
    public var location: SourceLocation?

    public init(_ message: String, origin: Origin, at location: SourceLocation? = nil) {
        self.message = message
        self.origin = origin
        self.location = location
    }

    /// One line: `path:line:col: message` for a file, or just the message.
    public var line: String {
        let text = TextSanitizer.inert(message)
        return location.map { "\($0): \(text)" } ?? text
    }
}
