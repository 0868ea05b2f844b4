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
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw .cannotCreate("'\(path)' is a directory") }
            if !overwrite { throw .exists("'\(path)' already exists; use --force to overwrite it") }
        }
        let folder = (path as NSString).deletingLastPathComponent
        let directory = folder.isEmpty ? "." : folder
        if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
            throw .cannotCreate("cannot write '\(path)': folder '\(directory)' does not exist")
        }
        let name = (path as NSString).lastPathComponent
        removeStaleTemporaries(of: name, in: directory)
        var template = Array("\(directory)/.\(name).tmp-\(getpid())-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else {
            throw .cannotCreate("cannot write '\(path)': \(String(cString: strerror(errno)))")
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
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotCreate("cannot write '\(path)': \(reason)")
        }
        // Make the rename itself durable.
        let folderDescriptor = open(directory, O_RDONLY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
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
