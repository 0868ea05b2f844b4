import Foundation

/// A compiled cache of validated knowledge bases, in the spirit of CLIPS's `bsave`/`bload`.
///
/// Entries live in `$XDG_CACHE_HOME/advisor/` (default `~/.cache/advisor/`), one file per
/// knowledge directory list, named after a hash of the directory paths and keyed by the
/// knowledge digest (SHA-256 over every file's path and bytes) and the format version. A file is
/// used only if its header, key, length and checksum all match, it decodes with every index in
/// range, and it names the same digest and directories; anything else is ignored and rebuilt.
/// The key, the name and the checksum are taken from SHA-256 (the system's libcrypto): they guard
/// against damaged and stale files, not forged ones (whoever can write the cache folder could
/// write a matching checksum as easily). Files are written atomically (a temporary file, then a rename); a folder that can't be written just
/// means no caching. The digest of files unchanged since the last load comes from their stamps
/// (`KnowledgeStamps`), unread.
public struct KnowledgeCache: Sendable {
    /// Bump whenever the payload layout, or what the loader checks, changes.
    public static let formatVersion = 7
    static let magic = Array("ADVKBC\(formatVersion)\n".utf8)

    /// The folder entries live in; nil disables the cache.
    public var directory: String?
    /// Whether entries are read. When false, the files are always loaded and checked, and the
    /// entry is only refreshed (what `advisor validate` does).
    public var readable: Bool
    /// How old a file's last change must have been when it was stamped for its stamp to be
    /// trusted (`KnowledgeStamps.margin`); tests shorten it.
    var stampMargin = KnowledgeStamps.margin

    /// How old, in seconds, files must be before their stamps stand in for reading them.
    public static let trustedStampAge = Double(KnowledgeStamps.margin) / 1e9

    public init(directory: String?, readable: Bool = true) {
        self.directory = directory
        self.readable = readable
    }

    /// No caching.
    public static let disabled = KnowledgeCache(directory: nil)

    /// `$XDG_CACHE_HOME/advisor`, or `$HOME/.cache/advisor`; disabled without either.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> KnowledgeCache {
        if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
            return KnowledgeCache(directory: base + "/advisor")
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return KnowledgeCache(directory: home + "/.cache/advisor")
        }
        return .disabled
    }

    // MARK: - Keys and paths

    /// The entry's key: format version, knowledge digest and directory list, hashed (16 bytes).
    static func key(digest: String, origins: [String]) -> [UInt8] {
        var input = Array("advisor-knowledge-cache \(formatVersion)\0\(digest)\0".utf8)
        for origin in origins { input += Array((origin + "\0").utf8) }
        return Array(KnowledgeDigest.sha256(input).prefix(16))
    }

    /// The first 8 bytes of the SHA-256 of `bytes`, as a little-endian integer: the entry's checksum
    /// and the directory list's tag.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        integer(KnowledgeDigest.sha256(bytes), at: 0)
    }

    static func littleEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64($0 * 8)) }
    }

    /// The little-endian integer in the 8 bytes at `offset` (the caller checked they exist).
    static func integer(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        (0..<8).reduce(0) { $0 | UInt64(bytes[offset + $1]) << UInt64($1 * 8) }
    }

    /// The entry's file: `<directories tag>-<key>.akb`, so a newer entry for the same
    /// directories replaces the old one.
    func path(key: [UInt8], origins: [String]) -> String? {
        guard let directory else { return nil }
        return directory + "/" + Self.tag(origins) + "-" + Self.hex(key) + ".akb"
    }

    /// The directory list's hash, 16 hex digits.
    static func tag(_ origins: [String]) -> String {
        var input: [UInt8] = []
        for origin in origins { input += Array((origin + "\0").utf8) }
        return hex(littleEndian(hash(input)))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            result.append(digits[Int(byte >> 4)])
            result.append(digits[Int(byte & 15)])
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: - Reading

    /// The cached knowledge base and warnings for this digest and directory list, if a sound entry exists.
    func read(digest: String, origins: [String]) -> (KnowledgeBase, [Diagnostic])? {
        let key = Self.key(digest: digest, origins: origins)
        guard readable, let path = path(key: key, origins: origins),
              let bytes = RawFile.read(path) else { return nil }
        return Self.decode(bytes, key: key, digest: digest, origins: origins)
    }

    /// The header: magic, key (16 bytes), payload length and checksum (8 bytes each, little-endian).
    static let headerSize = magic.count + 16 + 8 + 8

    /// Checks the header, key, length and checksum, then decodes.
    static func decode(_ bytes: [UInt8], key: [UInt8], digest: String, origins: [String])
        -> (KnowledgeBase, [Diagnostic])? {
        let header = headerSize
        guard bytes.count >= header, bytes.starts(with: magic),
              Array(bytes[magic.count..<magic.count + 16]) == key else { return nil }
        guard integer(bytes, at: magic.count + 16) == UInt64(bytes.count - header) else { return nil }
        let checksum = integer(KnowledgeDigest.sha256(bytes[header...]), at: 0)
        guard checksum == integer(bytes, at: magic.count + 24) else { return nil }
        guard let (knowledge, warnings) = try? KnowledgeCodec.decode(bytes, from: header),
              knowledge.digest == digest, knowledge.origins == origins else { return nil }
        return (knowledge, warnings)
    }

    // MARK: - Writing

    /// Stores the entry, replacing older entries for the same directories. Failures are ignored:
    /// the cache is an optimisation, never a requirement.
    func write(_ knowledge: KnowledgeBase, warnings: [Diagnostic]) {
        let key = Self.key(digest: knowledge.digest, origins: knowledge.origins)
        guard let directory, let path = path(key: key, origins: knowledge.origins) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        // The payload stays in its two parts: header, table and body are written one after another.
        let payload = KnowledgeCodec.encode(knowledge, warnings: warnings)
        let length = payload.table.count + payload.body.count
        let header = Self.magic + key + Self.littleEndian(UInt64(length))
            + Self.littleEndian(Self.hash(payload.table + payload.body))
        guard Self.writeAtomically([header, payload.table, payload.body], to: path) else { return }
        let prefix = Self.tag(knowledge.origins) + "-"
        let name = (path as NSString).lastPathComponent
        for old in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        where old.hasPrefix(prefix) && old.hasSuffix(".akb") && old != name {
            unlink(directory + "/" + old)
        }
    }

    /// A temporary file in the same folder, renamed over the target. False if anything failed.
    static func writeAtomically(_ parts: [[UInt8]], to path: String) -> Bool {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard descriptor >= 0 else { return false }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = true
        for bytes in parts where ok {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    break
                }
                offset += written
            }
        }
        fchmod(descriptor, 0o644)
        if close(descriptor) != 0 { ok = false }
        guard ok, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }
}
