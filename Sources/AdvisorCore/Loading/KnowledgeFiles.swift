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

    /// A file found by `list`, not read yet: where it is, its size, and the stamp that tells
    /// whether it has changed since.
    public struct Listed: Sendable, Hashable {
        public var path: String
        public var relativePath: String
        public var size: Int
        public var stamp: FileStamp
    }

    /// Reads every `*.yaml` and `*.yml` file under `directory`, sorted by relative path.
    ///
    /// Hidden entries and the top-level `examples/` folder (overlays, loaded only on request) are
    /// skipped. Knowledge is data confined to its folder: a symbolic link is followed only to a
    /// regular file inside the directory; a link leading outside it, to a folder, in a loop or to
    /// nothing is an error, so neither a link loop nor a link to `/etc` can reach the loader.
    public static func read(directory: String, limits: KnowledgeLimits = .standard) throws(DiagnosticError)
        -> KnowledgeFiles {
        try read(try list(directory: directory, limits: limits))
    }

    /// The files `read(directory:)` would read, sorted by relative path, with their sizes and
    /// stamps, checked against the same limits, without reading them.
    public static func list(directory: String, limits: KnowledgeLimits = .standard) throws(DiagnosticError)
        -> [Listed] {
        var status = stat()
        guard stat(directory, &status) == 0 else {
            throw DiagnosticError([.error("knowledge directory '\(directory)' does not exist")])
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw DiagnosticError([.error("'\(directory)' is not a directory; --knowledge takes a folder of YAML files")])
        }
        // Knowledge keeps its files at the top of its folder (`knowledge.yaml` and the rest); a folder
        // without one there is not walked at all, so `--knowledge /` or a home folder fails at once.
        guard let top = entryNames(directory) else {
            throw DiagnosticError([.error("cannot read knowledge directory '\(directory)'")])
        }
        guard top.contains(where: { !$0.hasPrefix(".") && isYAML($0) }) else {
            throw DiagnosticError([.error("'\(directory)' is not a knowledge directory: it has no .yaml file at its "
                                          + "top level")])
        }
        var listed: [Listed] = []
        var problems: [Diagnostic] = []
        var total = 0
        let root = realPath(directory) ?? directory
        walk(directory, relative: "", depth: 0, root: root, limits: limits, into: &listed, total: &total,
             problems: &problems)
        if !problems.isEmpty { throw DiagnosticError(problems) }
        if listed.isEmpty {
            throw DiagnosticError([.error("knowledge directory '\(directory)' holds no .yaml files")])
        }
        listed.sort { $0.relativePath < $1.relativePath }
        return listed
    }

    /// The listed files' bytes, in the listed order.
    public static func read(_ listed: [Listed]) throws(DiagnosticError) -> KnowledgeFiles {
        var result = KnowledgeFiles()
        result.files.reserveCapacity(listed.count)
        var problems: [Diagnostic] = []
        for file in listed {
            // The size is checked again while reading: the file may have grown since it was listed.
            guard let bytes = RawFile.read(file.path, limit: maximumFileSize) else {
                if let data = FileManager.default.contents(atPath: file.path), data.count > maximumFileSize {
                    problems.append(.error("file is \(data.count) bytes; the limit is \(maximumFileSize)",
                                           at: SourceLocation(file: file.path, line: 1, column: 1)))
                } else {
                    problems.append(.error("cannot read '\(file.path)'"))
                }
                continue
            }
            result.files.append(File(path: file.path, relativePath: file.relativePath, bytes: bytes))
        }
        if !problems.isEmpty { throw DiagnosticError(problems) }
        return result
    }

    private static func walk(_ path: String, relative: String, depth: Int, root: String, limits: KnowledgeLimits,
                             into files: inout [Listed], total: inout Int,
                             problems: inout [Diagnostic]) {
        guard depth <= maximumFolderDepth else {
            problems.append(.error("'\(path)' is nested more than \(maximumFolderDepth) folders deep"))
            return
        }
        guard let entries = entryNames(path) else {
            problems.append(.error("cannot read knowledge directory '\(path)'"))
            return
        }
        for name in entries where !name.hasPrefix(".") {
            if depth == 0 && name == "examples" { continue }
            let full = path.hasSuffix("/") ? path + name : path + "/" + name
            let rel = relative.isEmpty ? name : relative + "/" + name
            var link = stat()
            guard lstat(full, &link) == 0 else { continue }
            switch link.st_mode & S_IFMT {
            case S_IFDIR:
                walk(full, relative: rel, depth: depth + 1, root: root, limits: limits, into: &files, total: &total,
                     problems: &problems)
            case S_IFREG where isYAML(name):
                guard files.count < maximumFileCount else {
                    problems.append(.error("knowledge directory holds more than \(maximumFileCount) files"))
                    return
                }
                add(full, relative: rel, status: link, limits: limits, into: &files, total: &total, problems: &problems)
            case S_IFLNK:
                // A link named like a YAML file, or leading to a folder, must be sound knowledge; links
                // to anything else (notes, data, nothing) are not knowledge, and are skipped.
                var pointed = stat()
                let isFolder = stat(full, &pointed) == 0 && pointed.st_mode & S_IFMT == S_IFDIR
                guard isYAML(name) || isFolder else { continue }
                guard let target = followLink(full, root: root, problems: &problems), isYAML(name) else { continue }
                guard files.count < maximumFileCount else {
                    problems.append(.error("knowledge directory holds more than \(maximumFileCount) files"))
                    return
                }
                var status = stat()
                guard stat(target, &status) == 0 else { continue }
                add(full, relative: rel, status: status, limits: limits, into: &files, total: &total,
                    problems: &problems)
            default:
                continue
            }
        }
    }

    /// The names in a folder, sorted, without `.` and `..`; nil if it can't be read.
    private static func entryNames(_ path: String) -> [String]? {
        guard let directory = opendir(path) else { return nil }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func isYAML(_ name: String) -> Bool {
        name.hasSuffix(".yaml") || name.hasSuffix(".yml")
    }

    private static func add(_ full: String, relative: String, status: stat, limits: KnowledgeLimits,
                            into files: inout [Listed], total: inout Int, problems: inout [Diagnostic]) {
        let size = Int(status.st_size)
        guard size <= maximumFileSize else {
            problems.append(.error("file is \(size) bytes; the limit is \(maximumFileSize)",
                                   at: SourceLocation(file: full, line: 1, column: 1)))
            return
        }
        guard total + size <= limits.maximumTotalSize else {
            let message = "the knowledge files hold more than \(limits.maximumTotalSize) bytes together; "
                + "that is the limit"
            if !problems.contains(where: { $0.message == message }) { problems.append(.error(message)) }
            return
        }
        total += size
        files.append(Listed(path: full, relativePath: relative, size: size, stamp: FileStamp(status)))
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
