import Foundation

/// Finds and reads the YAML files of a knowledge directory.
public struct KnowledgeFiles: Sendable {
    /// Largest knowledge file accepted, in bytes.
    public static let maximumFileSize = 4 * 1024 * 1024
    /// Most files read from one directory tree.
    public static let maximumFileCount = 2_000
    /// Deepest folder nesting followed.
    public static let maximumFolderDepth = 16

    /// A file's path as shown in diagnostics and its text.
    public struct File: Sendable {
        public var path: String
        public var relativePath: String
        public var bytes: [UInt8]

        public init(path: String, relativePath: String, bytes: [UInt8]) {
            self.path = path
            self.relativePath = relativePath
            self.bytes = bytes
        }
    }

    public init(files: [File] = []) {
        self.files = files
    }

    public var files: [File] = []

    /// Reads every `*.yaml` and `*.yml` file under `directory`, sorted by relative path.
    ///
    /// Hidden entries and the top-level `examples/` folder (overlays, loaded only on request) are
    /// skipped. Symbolic links are not followed, so a link loop cannot trap the walk.
    public static func read(directory: String) throws(DiagnosticError) -> KnowledgeFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DiagnosticError([.error("knowledge directory '\(directory)' does not exist")])
        }
        guard isDirectory.boolValue else {
            throw DiagnosticError([.error("'\(directory)' is not a directory; --knowledge takes a folder of YAML files")])
        }
        var result = KnowledgeFiles()
        var problems: [Diagnostic] = []
        walk(directory, relative: "", depth: 0, into: &result.files, problems: &problems)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        if result.files.isEmpty {
            throw DiagnosticError([.error("knowledge directory '\(directory)' holds no .yaml files")])
        }
        result.files.sort { $0.relativePath < $1.relativePath }
        return result
    }

    private static func walk(_ path: String, relative: String, depth: Int, into files: inout [File],
                             problems: inout [Diagnostic]) {
        guard depth <= maximumFolderDepth else {
            problems.append(.error("'\(path)' is nested more than \(maximumFolderDepth) folders deep"))
            return
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            problems.append(.error("cannot read knowledge directory '\(path)'"))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            if depth == 0 && name == "examples" { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            guard let attributes = try? FileManager.default.attributesOfItem(atPath: full),
                  let type = attributes[.type] as? FileAttributeType else { continue }
            switch type {
            case .typeDirectory:
                walk(full, relative: rel, depth: depth + 1, into: &files, problems: &problems)
            case .typeRegular where name.hasSuffix(".yaml") || name.hasSuffix(".yml"):
                guard files.count < maximumFileCount else {
                    problems.append(.error("knowledge directory holds more than \(maximumFileCount) files"))
                    return
                }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                guard size <= maximumFileSize else {
                    problems.append(.error("file is \(size) bytes; the limit is \(maximumFileSize)",
                                           at: SourceLocation(file: full, line: 1, column: 1)))
                    continue
                }
                guard let data = FileManager.default.contents(atPath: full) else {
                    problems.append(.error("cannot read '\(full)'"))
                    continue
                }
                files.append(File(path: full, relativePath: rel, bytes: Array(data)))
            case .typeSymbolicLink:
                continue
            default:
                continue
            }
        }
    }
}
