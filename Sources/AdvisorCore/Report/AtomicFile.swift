import Foundation

/// Writes files so that a reader (or a crash) sees either the old file or the new one, never a torn one:
/// a temporary file in the same folder, fsync'd, then renamed over the target, then the folder fsync'd.
///
/// Temporary files carry the writer's process id (`.NAME.tmp-PID-XXXXXX`), so two processes saving
/// the same file never share one, and the next save removes those left by a process that was
/// killed mid-write (kill -9): only files whose writer is gone are touched.
public enum AtomicFile {
    public enum Failure: Error, Hashable, Sendable {
        /// The target exists and overwriting wasn't allowed.
        case exists(String)
        /// The folder is missing, the path is a directory, or the folder isn't writable (exit 73).
        case cannotCreate(String)
        /// Writing or syncing failed part-way (exit 74).
        case io(String)

        public var message: String {
            switch self {
            case .exists(let text), .cannotCreate(let text), .io(let text): text
            }
        }
    }

    /// Writes `contents` to `path`. Refuses to replace an existing file unless `overwrite`.
    public static func write(_ contents: String, to path: String, overwrite: Bool) throws(Failure) {
        try write(bytes: Array(contents.utf8), to: path, overwrite: overwrite)
    }

    /// Writes the bytes `bytes` to `path`, as `write(_:to:overwrite:)` does text.
    ///
    /// Without `overwrite` the file is created exclusively: the finished temporary file is linked to
    /// `path`, which fails if anything at all is there, a dangling symbolic link included, so of two
    /// writers racing for one new path exactly one succeeds. With `overwrite`, an existing regular file
    /// is replaced by a rename; when `path` is a symbolic link, the file it points to is replaced and
    /// the link is kept. A link that leads nowhere is refused either way.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        let target = try destination(of: path, overwrite: overwrite)
        let folder = (target as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw .cannotCreate("cannot write '\(path)': folder '\(directory)' does not exist")
        }
        let name = (target as NSString).lastPathComponent
        removeStaleTemporaries(of: name, in: directory)
        var template = Array("\(directory)/.\(name).tmp-\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            // Some folders hold files but refuse new ones (/proc, /sys); strerror's "No such file or
            // directory" would point at the wrong thing.
            let reason = errno == ENOENT ? "folder '\(directory)' does not accept new files"
                : String(cString: strerror(errno))
            throw .cannotCreate("cannot write '\(path)': \(reason)")
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var failure: Failure?
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
                break
            }
            offset += written
        }
        if failure == nil, fsync(descriptor) != 0 {
            failure = .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        fchmod(descriptor, 0o644)
        if close(descriptor) != 0, failure == nil {
            failure = .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
        if overwrite {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                unlink(temporary)
                throw .cannotCreate("cannot write '\(path)': \(reason)")
            }
        } else {
            let linked = link(temporary, target) == 0
            let reason = errno
            unlink(temporary)
            guard linked else {
                if reason == EEXIST { throw .exists("'\(path)' already exists; use --force to overwrite it") }
                throw .cannotCreate("cannot write '\(path)': \(String(cString: strerror(reason)))")
            }
        }
        // Make the rename or link itself durable.
        let folderDescriptor = open(directory, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// The file a write to `path` replaces or creates: `path` itself, or, with `overwrite`, the regular
    /// file a symbolic link at `path` points to.
    static func destination(of path: String, overwrite: Bool) throws(Failure) -> String {
        var status = stat()
        guard lstat(path, &status) == 0 else { return path }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw .cannotCreate("'\(path)' is a directory")
        case S_IFLNK:
            guard overwrite else {
                throw .exists("'\(path)' already exists (a symbolic link); use --force to replace the file it points to")
            }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            let shown = length > 0 ? String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            guard let resolved = realpath(path, nil) else {
                throw .cannotCreate("'\(path)' is a symbolic link to '\(shown)', which does not exist; "
                                    + "remove the link or choose another path")
            }
            defer { free(resolved) }
            let target = String(cString: resolved)
            var targetStatus = stat()
            guard stat(target, &targetStatus) == 0, targetStatus.st_mode & S_IFMT == S_IFREG else {
                throw .cannotCreate("'\(path)' is a symbolic link to '\(shown)', which is not a regular file")
            }
            return target
        case S_IFREG:
            guard overwrite else { throw .exists("'\(path)' already exists; use --force to overwrite it") }
            return path
        default:
            throw .cannotCreate("'\(path)' is not a regular file")
        }
    }

    /// Removes `.NAME.tmp-PID-…` files in `directory` whose process no longer exists.
    static func removeStaleTemporaries(of name: String, in directory: String) {
        let prefix = ".\(name).tmp-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink(directory + "/" + entry)
            }
        }
    }
}
