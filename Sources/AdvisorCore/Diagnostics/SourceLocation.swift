/// A position in a knowledge file: the file's path as the user gave it, and a 1-based line and column.
///
/// Columns count Unicode scalars, the way libyaml counts them.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path, relative to the working directory or as given on the command line.
    public var file: String
    /// Line number, starting from 1.
    public var line: Int
    /// Column number, starting from 1.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the way compilers print a position.
    public var description: String { "\(file):\(line):\(column)" }

    /// `path:line`, for short references in traces and reports.
    public var fileAndLine: String { "\(file):\(line)" }

    /// The same position moved right by `offset` columns (used for positions inside an expression).
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }
}
