/// One problem found in knowledge or input, with where it is and how bad it is.
public struct Diagnostic: Hashable, Sendable, Error {
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
        case note
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }
}

/// A set of diagnostics that stopped an operation. Thrown by the loader after reporting everything it found.
public struct DiagnosticError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    /// The text of each file the diagnostics point into, so that they can be rendered with a caret.
    public var sources: SourceTexts

    public init(_ diagnostics: [Diagnostic], sources: SourceTexts = SourceTexts()) {
        self.diagnostics = diagnostics
        self.sources = sources
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
}
