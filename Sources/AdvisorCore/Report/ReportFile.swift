import Foundation

/// Writes a rendered report to a path: atomically for files (see `AtomicFile`), straight through
/// for devices and pipes such as `/dev/stdout` or `/dev/full`, which can't be replaced by a rename.
public enum ReportFile {
    /// Writes `contents` to `path`. Anything already at the path (a file, a link, a device, a pipe) is
    /// written over only when `overwrite` is true; a device or a pipe is written in place.
    public static func write(_ contents: String, to path: String, overwrite: Bool) throws(AtomicFile.Failure) {
        try write(bytes: Array(contents.utf8), to: path, overwrite: overwrite)
    }

    /// Writes the bytes `bytes` to `path`, as `write(_:to:overwrite:)` does text.
    public static func write(bytes: [UInt8], to path: String, overwrite: Bool) throws(AtomicFile.Failure) {
        if path.isEmpty { throw .cannotCreate("the output path is empty") }
        if path.hasSuffix("/") {
            throw .cannotCreate("cannot write '\(path)': it names a folder; give a file name")
        }
        var info = stat()
        if stat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            if type == S_IFCHR || type == S_IFIFO || type == S_IFSOCK {
                // A device or a pipe exists like any other path: written only when asked to.
                guard overwrite else {
                    throw .exists("'\(path)' already exists (a device or a pipe); use --force to write to it")
                }
                try writeThrough(bytes, to: path)
                return
            }
        }
        try AtomicFile.write(bytes: bytes, to: path, overwrite: overwrite)
    }

    /// Writes to a device or a pipe in place.
    private static func writeThrough(_ bytes: [UInt8], to path: String) throws(AtomicFile.Failure) {
        let descriptor = open(path, O_WRONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .cannotCreate("cannot write '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}
