import Crypto

/// The knowledge digest: SHA-256 over every file's path and bytes, so a report names exactly
/// the knowledge it came from.
public enum KnowledgeDigest {
    public static func sha256(_ files: [(path: String, bytes: [UInt8])]) -> String {
        var hasher = SHA256()
        for (path, bytes) in files {
            hasher.update(data: Array(path.utf8))
            hasher.update(data: [0])
            hasher.update(data: Array(String(bytes.count).utf8))
            hasher.update(data: [0])
            hasher.update(data: bytes)
        }
        return hasher.finalize().map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
