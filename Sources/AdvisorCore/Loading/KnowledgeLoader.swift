import Foundation
import Yams

/// Loads knowledge directories into a validated `KnowledgeBase`, reporting every problem in one pass.
public enum KnowledgeLoader {
    /// The result of a load: the knowledge base and any warnings.
    public struct Result: Sendable {
        public var knowledge: KnowledgeBase
        public var warnings: [Diagnostic]
        public var sources: SourceTexts

        public init(knowledge: KnowledgeBase, warnings: [Diagnostic] = [], sources: SourceTexts = SourceTexts()) {
            self.knowledge = knowledge
            self.warnings = warnings
            self.sources = sources
        }
    }

    /// Loads `directories` in order (later ones are overlays). Throws a `DiagnosticError` holding
    /// every error found, with the file texts needed to render them.
    public static func load(directories: [String]) throws(DiagnosticError) -> Result {
        var layers: [[KnowledgeFiles.File]] = []
        for directory in directories {
            layers.append(try KnowledgeFiles.read(directory: directory).files)
        }
        return try load(layers: layers, origins: directories)
    }

    /// Loads files already read into memory: each layer is one directory's files, in path order,
    /// later layers overlaying earlier ones. `load(directories:)` reads the files and calls this;
    /// the fuzzer calls it directly.
    public static func load(layers: [[KnowledgeFiles.File]], origins: [String]) throws(DiagnosticError) -> Result {
        var texts = SourceTexts()
        var diagnostics: [Diagnostic] = []
        var draft = KnowledgeDraft()
        var digestInput: [(String, [UInt8])] = []
        for (position, files) in layers.enumerated() {
            for file in files {
                digestInput.append(("\(position)/\(file.relativePath)", file.bytes))
                guard let text = decode(file, diagnostics: &diagnostics) else { continue }
                texts.add(text, for: file.path)
                guard let root = compose(text, path: file.path, diagnostics: &diagnostics) else { continue }
                var reader = DocumentReader(file: file.path, draft: draft)
                reader.read(root)
                draft = reader.draft
                diagnostics += reader.reader.diagnostics
            }
        }
        let digest = KnowledgeDigest.sha256(digestInput)
        var assembler = Assembler(draft: draft, digest: digest, origins: origins)
        let knowledge = assembler.assemble()
        diagnostics += assembler.diagnostics
        let errors = diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty || knowledge == nil {
            throw DiagnosticError(sorted(diagnostics), sources: texts)
        }
        guard let knowledge else { throw DiagnosticError(sorted(diagnostics), sources: texts) }
        return Result(knowledge: knowledge, warnings: sorted(diagnostics), sources: texts)
    }

    /// Diagnostics in file, line and column order; those without a position first.
    static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element.location, b = rhs.element.location
            switch (a, b) {
            case (nil, nil): return lhs.offset < rhs.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?):
                if a.file != b.file { return a.file < b.file }
                if a.line != b.line { return a.line < b.line }
                if a.column != b.column { return a.column < b.column }
                return lhs.offset < rhs.offset
            }
        }.map(\.element)
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
        if text.contains("\0") {
            diagnostics.append(.error("file contains a NUL byte", at: SourceLocation(file: file.path, line: 1,
                                                                                     column: 1)))
            return nil
        }
        return text
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

    /// Composes the YAML tree, turning Yams' errors into positioned diagnostics.
    static func compose(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> Node? {
        if text.trimmingWhitespace().isEmpty || text.split(separator: "\n").allSatisfy({
            String($0).trimmingWhitespace().isEmpty || String($0).trimmingWhitespace().hasPrefix("#")
        }) {
            diagnostics.append(.error("file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        do {
            switch try YAMLDocument.compose(text) {
            case .empty:
                diagnostics.append(.error("file is empty", at: SourceLocation(file: path, line: 1, column: 1)))
                return nil
            case .limit(let problem):
                diagnostics.append(.error(problem.message, at: SourceLocation(
                    file: path, line: problem.mark?.line ?? 1, column: problem.mark?.column ?? 1)))
                return nil
            case .root(let root):
                return root
            }
        } catch let error as YamlError {
            diagnostics.append(YAMLErrors.diagnostic(for: error, path: path))
            return nil
        } catch {
            diagnostics.append(.error("cannot parse YAML", at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
    }
}
