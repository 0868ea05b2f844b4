import Foundation

/// The stamps of the files a knowledge base was last loaded from, and the digest they gave: with
/// them a warm load finds its cache entry without reading and hashing every file again.
///
/// One small file per directory list, `<directories tag>.stamps`, beside the entries. It is only
/// a shortcut to the digest: the entry it leads to is checked as before, and a missing, damaged or
/// outdated record just means the files are read and hashed.
struct KnowledgeStamps: Equatable {
    static let magic = Array("ADVSTAMPS1\n".utf8)
    /// A stamp counts only if the file's times were at least this much older than the moment it was
    /// stamped. A file changed within the file system's timestamp granularity of its last change may
    /// keep its times (FAT keeps them to 2 s, ext4 to the kernel's clock tick), so a file changed
    /// just before it was stamped is hashed again until its stamp is old enough.
    static let margin: Int64 = 3_000_000_000

    struct Entry: Equatable {
        var layer: Int
        var relativePath: String
        var stamp: FileStamp
    }

    /// The directories as given, in order.
    var directories: [String]
    /// The knowledge base's origins: the directories, after `built-in` if the first is an overlay.
    var origins: [String]
    var digest: String
    /// The digest of the embedded files, when they are the base layer; empty otherwise.
    var builtInDigest: String
    /// When the files were listed, in nanoseconds since the epoch.
    var taken: Int64
    var entries: [Entry]

    init(directories: [String], origins: [String], digest: String, builtInDigest: String, taken: Int64,
         listings: [[KnowledgeFiles.Listed]]) {
        self.directories = directories
        self.origins = origins
        self.digest = digest
        self.builtInDigest = builtInDigest
        self.taken = taken
        entries = listings.enumerated().flatMap { layer, files in
            files.map { Entry(layer: layer, relativePath: $0.relativePath, stamp: $0.stamp) }
        }
    }

    /// The embedded files' digest, as recorded in `builtInDigest`.
    static func digest(ofBuiltIn files: KnowledgeFiles) -> String {
        KnowledgeDigest.sha256(files.files.map { ($0.relativePath, $0.bytes) })
    }

    /// Whether `listings` are the files recorded, each unchanged and stamped long enough after its
    /// last change to be trusted.
    func matches(_ listings: [[KnowledgeFiles.Listed]], margin: Int64) -> Bool {
        guard listings.count == directories.count, listings.reduce(0, { $0 + $1.count }) == entries.count else {
            return false
        }
        var index = 0
        for (layer, files) in listings.enumerated() {
            for file in files {
                let entry = entries[index]
                guard entry.layer == layer, entry.relativePath == file.relativePath, entry.stamp == file.stamp,
                      entry.stamp.latest < taken &- margin else { return false }
                index += 1
            }
        }
        return true
    }

    // MARK: - Bytes

    func encoded() -> [UInt8] {
        var w = BinaryWriter()
        w.int(directories.count); for directory in directories { w.string(directory) }
        w.int(origins.count); for origin in origins { w.string(origin) }
        w.string(digest); w.string(builtInDigest)
        w.uint64(UInt64(bitPattern: taken))
        w.int(entries.count)
        for entry in entries {
            w.int(entry.layer); w.string(entry.relativePath)
            let s = entry.stamp
            w.uint64(s.device); w.uint64(s.inode); w.uint64(UInt64(bitPattern: s.size))
            w.uint64(UInt64(bitPattern: s.modified)); w.uint64(UInt64(bitPattern: s.changed))
        }
        let parts = w.finished()
        return Self.magic + parts.table + parts.body
    }

    init?(decoding bytes: [UInt8]) {
        guard bytes.starts(with: Self.magic), let decoded = try? Self.decode(bytes, from: Self.magic.count) else {
            return nil
        }
        self = decoded
    }

    private init(directories: [String], origins: [String], digest: String, builtInDigest: String, taken: Int64,
                 entries: [Entry]) {
        self.directories = directories
        self.origins = origins
        self.digest = digest
        self.builtInDigest = builtInDigest
        self.taken = taken
        self.entries = entries
    }

    private static func decode(_ bytes: [UInt8], from offset: Int) throws(BinaryReader.Damaged) -> KnowledgeStamps {
        var r = try BinaryReader(bytes, from: offset)
        var directories: [String] = []
        for _ in 0..<(try r.listCount()) { directories.append(try r.string()) }
        var origins: [String] = []
        for _ in 0..<(try r.listCount()) { origins.append(try r.string()) }
        let digest = try r.string(), builtInDigest = try r.string()
        let taken = Int64(bitPattern: try r.uint64())
        var entries: [Entry] = []
        for _ in 0..<(try r.listCount()) {
            let layer = try r.index(below: directories.count), relativePath = try r.string()
            let stamp = FileStamp(device: try r.uint64(), inode: try r.uint64(), size: Int64(bitPattern: try r.uint64()),
                                  modified: Int64(bitPattern: try r.uint64()),
                                  changed: Int64(bitPattern: try r.uint64()))
            entries.append(Entry(layer: layer, relativePath: relativePath, stamp: stamp))
        }
        guard r.isAtEnd else { throw r.damaged(at: r.position, "\(r.remaining) bytes after the end") }
        return KnowledgeStamps(directories: directories, origins: origins, digest: digest,
                               builtInDigest: builtInDigest, taken: taken, entries: entries)
    }
}

extension KnowledgeCache {
    /// `<directories tag>.stamps` in the cache folder.
    func stampsPath(directories: [String]) -> String? {
        guard let directory else { return nil }
        return directory + "/" + Self.tag(directories) + ".stamps"
    }

    /// The recorded digest and origins of these files, if every one is as it was stamped.
    func stampedDigest(directories: [String], listings: [[KnowledgeFiles.Listed]], builtIn: KnowledgeFiles?)
        -> (digest: String, origins: [String])? {
        guard readable, let path = stampsPath(directories: directories), let bytes = RawFile.read(path, limit: 1 << 24),
              let stamps = KnowledgeStamps(decoding: bytes), stamps.directories == directories,
              stamps.matches(listings, margin: stampMargin) else { return nil }
        if stamps.origins.first == KnowledgeLoader.builtInOrigin {
            guard let builtIn, KnowledgeStamps.digest(ofBuiltIn: builtIn) == stamps.builtInDigest else { return nil }
        }
        return (stamps.digest, stamps.origins)
    }

    /// Records the stamps of the files a load read. Failures are ignored, as for entries.
    func writeStamps(_ stamps: KnowledgeStamps) {
        guard let directory, let path = stampsPath(directories: stamps.directories) else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = Self.writeAtomically([stamps.encoded()], to: path)
    }
}
