import Foundation

/// Reading a whole file into bytes with open(2) and read(2): `FileManager.contents` builds a
/// `Data` that then has to be copied into an array, twice the work on a megabyte of knowledge.
enum RawFile {
    /// The file's bytes, or nil if it can't be opened or read, or holds more than `limit` bytes.
    static func read(_ path: String, limit: Int = Int.max) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // The size is a hint: the file may grow or shrink while it is read.
        var bytes = [UInt8](repeating: 0, count: max(0, min(Int(status.st_size), limit)) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count <= limit else { return nil }
                bytes += [UInt8](repeating: 0, count: max(bytes.count, 4096))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress.map { $0 + count }, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else { return nil }
        bytes.removeLast(bytes.count - count)
        return bytes
    }
}
