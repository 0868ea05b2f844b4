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
    /// skipped. Knowledge is data confined to its folder: a symbolic link is followed only to a
    /// regular file inside the directory; a link leading outside it, to a folder, in a loop or to
    /// nothing is an error, so neither a link loop nor a link to `/etc` can reach the loader.
    public static func read(directory: String, limits: KnowledgeLimits = .standard) throws(DiagnosticError)
        -> KnowledgeFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw DiagnosticError([.error("knowledge directory '\(directory)' does not exist")])
        }
        guard isDirectory.boolValue else {
            throw DiagnosticError([.error("'\(directory)' is not a directory; --knowledge takes a folder of YAML files")])
        }
        var result = KnowledgeFiles()
        var problems: [Diagnostic] = []
        let root = realPath(directory) ?? directory
        walk(directory, relative: "", depth: 0, root: root, limits: limits, into: &result.files, problems: &problems)
        if !problems.isEmpty { throw DiagnosticError(problems) }

        if result.files.isEmpty {
            throw DiagnosticError([.error("knowledge directory '\(directory)' holds no .yaml files")])
        }
        result.files.sort { $0.relativePath < $1.relativePath }
        return result
    }

    private static func walk(_ path: String, relative: String, depth: Int, root: String, limits: KnowledgeLimits,
                             into files: inout [File],
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
                walk(full, relative: rel, depth: depth + 1, root: root, limits: limits, into: &files, problems: &problems)
            case .typeRegular where isYAML(name):
                guard files.count < maximumFileCount else {
                    problems.append(.error("knowledge directory holds more than \(maximumFileCount) files"))
                    return
                }
                readFile(full, relative: rel, size: (attributes[.size] as? NSNumber)?.intValue ?? 0, limits: limits,
                         into: &files, problems: &problems)
            case .typeSymbolicLink:
                guard let target = followLink(full, root: root, problems: &problems) else { continue }
                guard isYAML(name) else { continue }
                guard files.count < maximumFileCount else {
                    problems.append(.error("knowledge directory holds more than \(maximumFileCount) files"))
                    return
                }
                let size = ((try? FileManager.default.attributesOfItem(atPath: target))?[.size] as? NSNumber)?
                    .intValue ?? 0
                readFile(full, relative: rel, size: size, limits: limits, into: &files, problems: &problems)
            default:
                continue
            }
        }
    }

    private static func isYAML(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    private static func readFile(_ full: String, relative: String, size: Int, limits: KnowledgeLimits,
                                 into files: inout [File],
                                 problems: inout [Diagnostic]) {
        guard size <= maximumFileSize else {
            problems.append(.error("file is \(size) bytes; the limit is \(maximumFileSize)",
                                   at: SourceLocation(file: full, line: 1, column: 1)))
            return
        }
        let sizeSoFar = files.reduce(0) { $0 + $1.bytes.count }
        guard sizeSoFar + size <= limits.maximumTotalSize else {
            let message = "the knowledge files hold more than \(limits.maximumTotalSize) bytes together; "
                + "that is the limit"
            if !problems.contains(where: { $0.message == message }) { problems.append(.error(message)) }
            return
        }
        // The size is checked again while reading: the file may have grown since it was listed.
        guard let bytes = RawFile.read(full, limit: maximumFileSize) else {
            if let data = FileManager.default.contents(atPath: full), data.count > maximumFileSize {
                problems.append(.error("file is \(data.count) bytes; the limit is \(maximumFileSize)",
                                       at: SourceLocation(file: full, line: 1, column: 1)))
            } else {
                problems.append(.error("cannot read '\(full)'"))
            }
            return
        }
        files.append(File(path: full, relativePath: relative, bytes: bytes))
    }

    /// The target of the link at `path` if it is a regular file inside `root`; otherwise records why not.
    private static func followLink(_ path: String, root: String, problems: inout [Diagnostic]) -> String? {
        guard let target = realPath(path) else {
            let reason = errno == ELOOP ? "is a symbolic link loop" : "is a broken symbolic link"
            problems.append(.error("'\(path)' \(reason); knowledge files must be regular files"))
            return nil
        }
        if target == root {
            problems.append(.error("'\(path)' links back to the knowledge directory; links to folders are not followed"))
            return nil
        }
        guard target.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
            problems.append(.error("'\(path)' links to '\(target)', outside the knowledge directory; "
                                   + "knowledge may only read files inside it"))
            return nil
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory), isDirectory.boolValue {
            problems.append(.error("'\(path)' links to a folder; links to folders are not followed"))
            return nil
        }
        let type = (try? FileManager.default.attributesOfItem(atPath: target))?[.type] as? FileAttributeType
        guard type == .typeRegular else {
            problems.append(.error("'\(path)' links to something that is not a regular file"))
            return nil
        }
        return target
    }

    /// The absolute path with every link resolved, or nil (with `errno` set) if it can't be resolved.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
