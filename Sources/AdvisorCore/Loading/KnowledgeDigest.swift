import CLibCrypto

/// The knowledge digest: SHA-256 over every file's path and bytes, so a report names exactly
/// the knowledge it came from.
public enum KnowledgeDigest {
    public static func sha256(_ files: [(path: String, bytes: [UInt8])]) -> String {
        hex(of: digest(files))
    }

    /// SHA-256 through OpenSSL's EVP interface. The calls fail only when memory runs out; the
    /// digest is then all zeros, which matches no cache entry and no recorded decision.
    static func digest(_ files: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        guard let context = EVP_MD_CTX_new() else { return output }
        defer { EVP_MD_CTX_free(context) }
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else { return output }
        func update(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBytes { EVP_DigestUpdate(context, $0.baseAddress, $0.count) == 1 }
        }
        for (path, bytes) in files {
            guard update(Array(path.utf8) + [0] + Array(String(bytes.count).utf8) + [0]), update(bytes) else {
                return [UInt8](repeating: 0, count: 32)
            }
        }
        var length: UInt32 = 0
        let finished = output.withUnsafeMutableBufferPointer { EVP_DigestFinal_ex(context, $0.baseAddress, &length) }
        return finished == 1 && length == 32 ? output : [UInt8](repeating: 0, count: 32)
    }

    /// The SHA-256 of `bytes` (all zeros if OpenSSL fails, which only running out of memory causes).
    static func sha256<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        guard let done = bytes.withContiguousStorageIfAvailable({ buffer in
            output.withUnsafeMutableBufferPointer { out in
                EVP_Digest(buffer.baseAddress, buffer.count, out.baseAddress, &length, EVP_sha256(), nil) == 1
            }
        }) else { return sha256(Array(bytes)) }
        return done && length == 32 ? output : [UInt8](repeating: 0, count: 32)
    }

    static func hex(of bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
