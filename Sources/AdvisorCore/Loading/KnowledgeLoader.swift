import Foundation

/// Loads knowledge directories into a validated `KnowledgeBase`, reporting every problem in one pass.
public enum KnowledgeLoader {
    /// The result of a load: the knowledge base and any warnings.
    public struct Result: Sendable {
        public var knowledge: KnowledgeBase
        public var warnings: [Diagnostic]
        public var sources: SourceTexts
        /// How the knowledge was found in the compiled cache; nil when it was built from the files.
        public var cacheHit: CacheHit?

        public init(knowledge: KnowledgeBase, warnings: [Diagnostic] = [], sources: SourceTexts = SourceTexts(),
                    cacheHit: CacheHit? = nil) {
            self.knowledge = knowledge
            self.warnings = warnings
            self.sources = sources
            self.cacheHit = cacheHit
        }
    }

    /// How a load found its compiled cache entry.
    public enum CacheHit: Sendable {
        /// The files were read and hashed, and their digest named the entry.
        case digest
        /// The files' stamps named the entry, so they were neither read nor hashed.
        case stamps
    }

    /// Loads `directories` in order (later ones are overlays). When the first directory is itself an
    /// overlay (its `knowledge` block says `overlay: true`), `builtIn` (the knowledge embedded in the
    /// advisor, as files) is the base beneath it. Throws a `DiagnosticError` holding every error found,
    /// with the file texts needed to render them.
    ///
    /// With a `cache`, a compiled copy of a knowledge base that loaded without errors is kept under
    /// its digest and used the next time the same files are loaded from the same directories.
    public static func load(directories: [String], builtIn: KnowledgeFiles? = nil, cache: KnowledgeCache = .disabled,
                            limits: KnowledgeLimits = .standard) throws(DiagnosticError)
        -> Result {
        let taken = FileStamp.now()
        var listings: [[KnowledgeFiles.Listed]] = []
        for directory in directories {
            listings.append(try KnowledgeFiles.list(directory: directory, limits: limits))
        }
        // Files stamped as they were when last loaded lead to their entry without being read.
        if let (digest, origins) = cache.stampedDigest(directories: directories, listings: listings, builtIn: builtIn),
           let (knowledge, warnings) = cache.read(digest: digest, origins: origins),
           warnings.isEmpty, knowledge.ruleCount <= limits.maximumRules {
            return Result(knowledge: knowledge, cacheHit: .stamps)
        }
        var layers: [(origin: String, name: String, files: KnowledgeFiles)] = []
        for (directory, listed) in zip(directories, listings) {
            layers.append((directory, layerName(directory), try KnowledgeFiles.read(listed)))
        }
        if let first = layers.first, declaresOverlay(first.files) {
            guard let builtIn else {
                throw DiagnosticError([.error("'\(first.origin)' is an overlay ('overlay: true'), and no knowledge "
                                              + "comes before it: give the base knowledge with --knowledge first")])
            }
            layers.insert((builtInOrigin, "Knowledge", builtIn), at: 0)
        }
        let result = try load(layers: layers, cache: cache, limits: limits)
        if cache.directory != nil {
            let builtInDigest = result.knowledge.origins.first == builtInOrigin
                ? builtIn.map(KnowledgeStamps.digest(ofBuiltIn:)) ?? "" : ""
            cache.writeStamps(KnowledgeStamps(directories: directories, origins: result.knowledge.origins,
                                              digest: result.knowledge.digest, builtInDigest: builtInDigest,
                                              taken: taken, listings: listings))
        }
        return result
    }

    /// The origin recorded for the embedded knowledge.
    public static let builtInOrigin = "built-in"

    /// Loads files already read, layer by layer: the first is the base, the others overlays.
    public static func load(layers: [(origin: String, name: String, files: KnowledgeFiles)],
                            cache: KnowledgeCache = .disabled, limits: KnowledgeLimits = .standard) throws(DiagnosticError)
        -> Result {
        let origins = layers.map(\.origin)
        var digestInput: [(String, [UInt8])] = []
        for (position, layer) in layers.enumerated() {
            for file in layer.files.files {
                digestInput.append(("\(position)/\(file.relativePath)", file.bytes))
            }
        }
        let digest = KnowledgeDigest.sha256(digestInput)
        digestInput = []
        // An entry written under larger limits is no reason to accept more than these allow.
        if let (knowledge, warnings) = cache.read(digest: digest, origins: origins),
           knowledge.ruleCount <= limits.maximumRules {
            var texts = SourceTexts()
            if !warnings.isEmpty {
                var ignored: [Diagnostic] = []
                for layer in layers {
                    for file in layer.files.files {
                        if let text = decode(file, diagnostics: &ignored) { texts.add(text, for: file.path) }
                    }
                }
            }
            return Result(knowledge: knowledge, warnings: warnings, sources: texts, cacheHit: .digest)
        }
        var texts = SourceTexts()
        var diagnostics: [Diagnostic] = []
        var draft = KnowledgeDraft()
        draft.layerOrigins = layers.map { ($0.origin, $0.name) }
        let entries = layers.enumerated().flatMap { position, layer in layer.files.files.map { (position, $0) } }
        for (position, file) in entries {
            guard let text = decode(file, diagnostics: &diagnostics) else { continue }
            texts.add(text, for: file.path)
            guard let root = compose(text, path: file.path, diagnostics: &diagnostics) else { continue }
            draft.layer = position
            let layer = layers[position]
            var reader = DocumentReader(file: file.path, draft: draft,
                                        shownFile: position == 0 ? file.path : layer.name + "/" + file.relativePath)
            // Drop this copy so the reader's draft is uniquely referenced and grows in place.
            draft = KnowledgeDraft()
            reader.read(root)
            draft = reader.draft
            diagnostics += reader.reader.reported
        }
        var fileOrder: [String: Int] = [:]
        for layer in layers {
            for file in layer.files.files where fileOrder[file.path] == nil { fileOrder[file.path] = fileOrder.count }
        }
        var assembler = Assembler(draft: draft, digest: digest, origins: origins, limits: limits)
        // The assembler holds the only copy, so it can free the draft's parts as it is done with them.
        draft = KnowledgeDraft()
        let assembled = assembler.assemble()
        diagnostics += assembler.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty, var knowledge = assembled else {
            throw DiagnosticError(sorted(diagnostics, fileOrder: fileOrder), sources: texts)
        }
        if layers.count > 1 {
            knowledge.layers = layers.enumerated().map { position, layer in
                KnowledgeLayer(name: layer.name, origin: layer.origin,
                               info: assembler.draft.layerInfos[position]?.info, isOverlay: position > 0)
            }
        }
        knowledge.overrides = assembler.applied
        let warnings = sorted(diagnostics, fileOrder: fileOrder)
        cache.write(knowledge, warnings: warnings)
        return Result(knowledge: knowledge, warnings: warnings, sources: texts)
    }

    /// A layer's short name: the directory's last path component.
    static func layerName(_ directory: String) -> String {
        var path = directory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name == "." || name == ".." || name.isEmpty {
            let absolute = FileManager.default.currentDirectoryPath + "/" + path
            let standard = (absolute as NSString).standardizingPath
            name = standard.split(separator: "/").last.map(String.init) ?? "overlay"
        }
        return name
    }

    /// Whether one of the files has a `knowledge` block saying `overlay: true`.
    static func declaresOverlay(_ files: KnowledgeFiles) -> Bool {
        for file in files.files {
            var ignored: [Diagnostic] = []
            // A byte search first: decoding and composing every file would cost more than the load.
            guard contains(file.bytes, Array("overlay".utf8)), let text = decode(file, diagnostics: &ignored),
                  case .root(let root) = YAMLDocument.compose(text),
                  case .mapping(let top) = root,
                  let block = top.first(where: { $0.key.scalar?.string == "knowledge" })?.value,
                  case .mapping(let info) = block,
                  let flag = info.first(where: { $0.key.scalar?.string == "overlay" })?.value.scalar?.string
            else { continue }
            if flag == "true" || flag == "yes" { return true }
        }
        return false
    }

    /// Diagnostics in the order the files were read (directories in the order given, then each
    /// directory's files by relative path), then line and column; those without a position first.
    /// A note stays right after the diagnostic it belongs to. Ordering by read order rather than by
    /// absolute path keeps the output the same wherever the directories live.
    static func sorted(_ diagnostics: [Diagnostic], fileOrder: [String: Int] = [:]) -> [Diagnostic] {
        var groups: [[Diagnostic]] = []
        for diagnostic in diagnostics {
            if diagnostic.severity == .note, !groups.isEmpty {
                groups[groups.count - 1].append(diagnostic)
            } else {
                groups.append([diagnostic])
            }
        }
        return groups.enumerated().sorted { lhs, rhs in
            let a = lhs.element[0].location, b = rhs.element[0].location
            switch (a, b) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?):
                if a.file != b.file {
                    let x = fileOrder[a.file] ?? Int.max, y = fileOrder[b.file] ?? Int.max
                    return x != y ? x < y : a.file < b.file
                }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
                return lhs.offset < rhs.offset
            }
        }.flatMap(\.element)
    }

    // MARK: - Text and YAML

    /// The file's text as UTF-8, without a byte-order mark.
    static func decode(_ file: KnowledgeFiles.File, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = firstInvalidUTF8(bytes)
            diagnostics.append(.error("file is not valid UTF-8",
                                      at: SourceLocation(file: file.path, line: line, column: column)))
            return nil
        }
        if bytes.withUnsafeBytes({ $0.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }) {
            diagnostics.append(.error("file contains a NUL byte", at: SourceLocation(file: file.path, line: 1,
                                                                                     column: 1)))
            return nil
        }
        return text
    }

    /// Whether `needle` occurs in `bytes`. (`String.contains` with Foundation imported goes through
    /// `CFStringFind`, which took a quarter of a warm `recommend` on 1.3 MB of knowledge.)
    static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        return bytes.withUnsafeBytes { haystack in
            guard let base = haystack.baseAddress else { return false }
            var offset = 0
            // memchr finds each candidate first byte; the rest is compared in place.
            while offset + needle.count <= haystack.count,
                  let hit = memchr(base + offset, Int32(first), haystack.count - offset) {
                let position = base.distance(to: UnsafeRawPointer(hit))
                guard position + needle.count <= haystack.count else { return false }
                if memcmp(hit, needle, needle.count) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int) {
        var line = 1, column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >> 5 == 0b110 ? 2 : byte >> 4 == 0b1110 ? 3 : byte >> 3 == 0b11110 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.endIndex
                || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                return (line, column)
            }
            if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return (line, column)
    }

    /// Whether the text holds nothing but blank lines and comments. Scans bytes and stops at the
    /// first line with content; lines with non-ASCII bytes take the Unicode-aware path.
    static func isBlankOrComments(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[utf8.startIndex..<end]
            if line.contains(where: { $0 >= 0x80 }) {
                let trimmed = String(decoding: line, as: UTF8.self).trimmingWhitespace()
                if !trimmed.isEmpty && !trimmed.hasPrefix("#") { return false }
            } else if let first = line.first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D && $0 != 0x0B && $0 != 0x0C }),
                      first != UInt8(ascii: "#") {
                return false
            }
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
        }
        return true
    }

    /// Composes the YAML tree, turning its problems into positioned diagnostics.
    static func compose(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> YAMLNode? {
        if isBlankOrComments(text) {
            diagnostics.append(.error("file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        switch YAMLDocument.compose(text) {
        case .empty:
            diagnostics.append(.error("file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        case .problem(let problem):
            diagnostics.append(.error(problem.message, at: SourceLocation(file: path, line: problem.mark.line,
                                                                           column: problem.mark.column)))
            return nil
        case .root(let root):
            return root
        }
    }
}
