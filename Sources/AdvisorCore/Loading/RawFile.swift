import Foundation

/// Reading a whole file into bytes with open(2) and read(2): `FileManager.contents` builds a
/// `Data` that then has to be copied into an array, twice the work on a megabyte of knowledge.
enum RawFile {
    enum Outcome: Equatable {
        case bytes([UInt8])
        /// More than the limit: what was read stops one chunk past it.
        case tooLarge
        /// It can't be opened or read.
        case unreadable
    }

    /// The file's bytes, or nil if it can't be opened or read, or holds more than `limit` bytes.
    static func read(_ path: String, limit: Int = Int.max) -> [UInt8]? {
        if case .bytes(let bytes) = load(path, limit: limit) { return bytes }
        return nil
    }

    /// The file's bytes, or why not. Read once, so a pipe too is told apart from an unreadable file.
    static func load(_ path: String, limit: Int = Int.max) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .unreadable }
        // The size is a hint: the file may grow or shrink while it is read, and a pipe says 0. One
        // byte more than it says shows whether there is more. The array is read into uninitialised:
        // zeroing a large entry first cost as much again.
        let hint = max(0, min(Int(status.st_size), limit)) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: hint) { buffer, initialized in
            initialized = readFully(descriptor, into: UnsafeMutableRawBufferPointer(buffer), failed: &failed)
        }
        if !failed && bytes.count == hint {
            // The rest, a chunk at a time, until the end or past the limit.
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while !failed && bytes.count <= limit {
                let got = chunk.withUnsafeMutableBytes { readFully(descriptor, into: $0, failed: &failed) }
                if got == 0 { break }
                bytes += chunk[..<got]
            }
        }
        if failed { return .unreadable }
        return bytes.count > limit ? .tooLarge : .bytes(bytes)
    }

    /// Reads until `buffer` is full or the file ends; returns how many bytes. `failed` is set on a
    /// read error (other than an interruption).
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer,
                                  failed: inout Bool) -> Int {
        var count = 0
        while count < buffer.count {
            let got = Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                failed = true
                break
            }
            if got == 0 { break }
            count += got
        }
        return count
    }
}
