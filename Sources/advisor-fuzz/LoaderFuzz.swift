import AdvisorCore
import Foundation

/// The shipped knowledge, read once from `ADVISOR_FUZZ_KNOWLEDGE` (default `Knowledge` in the current folder).
enum FuzzKnowledge {
    static let directory = ProcessInfo.processInfo.environment["ADVISOR_FUZZ_KNOWLEDGE"] ?? "Knowledge"

    static let files: [KnowledgeFiles.File] = {
        do {
            return try KnowledgeFiles.read(directory: directory).files
        } catch {
            let reason = (error as? DiagnosticError)?.rendered() ?? "\(error)"
            FileHandle.standardError.write(Data("advisor-fuzz: cannot read \(directory): \(reason)\n".utf8))
            exit(66)
        }
    }()

    static let knowledge: KnowledgeBase = {
        do {
            return try KnowledgeLoader.load(layers: [(directory, "Knowledge", KnowledgeFiles(files: files))]).knowledge
        } catch {
            let reason = (error as? DiagnosticError)?.rendered() ?? "\(error)"
            FileHandle.standardError.write(Data("advisor-fuzz: shipped knowledge fails: \(reason)\n".utf8))
            exit(65)
        }
    }()
}

/// The knowledge loader on one YAML document: loaded alone, and as an overlay on the shipped knowledge
/// (where its rules meet real questions and facts). Whatever loads is consulted and rendered.
enum LoaderFuzz {
    static func run(_ bytes: [UInt8]) {
        let document = KnowledgeFiles.File(path: "fuzz.yaml", relativePath: "fuzz.yaml", bytes: bytes)
        load([[document]])
        load([FuzzKnowledge.files, [document]])
    }

    private static func load(_ layers: [[KnowledgeFiles.File]]) {
        do {
            let named = zip(["shipped", "fuzz"], layers).map { origin, files in
                (origin: origin, name: origin, files: KnowledgeFiles(files: files))
            }
            let result = try KnowledgeLoader.load(layers: named)
            let consultation = Engine.consult(result.knowledge, answers: Answers())
            for report in [TextReport.render(consultation), JSONReport.render(consultation),
                           MarkdownReport.render(consultation, options: ReportOptions(date: "2026-01-01")),
                           HTMLReport.render(consultation, options: ReportOptions(date: "2026-01-01"))] {
                invariant(!hasEscape(report), "a report must not carry escape or bell characters")
            }
        } catch {
            let text = error.rendered()
            invariant(!text.isEmpty, "a failed load must say why")
            invariant(!hasEscape(text), "diagnostics must not carry escape or bell characters")
        }
    }
}

/// Whether text holds ESC, BEL or a C1 control: what could drive a terminal.
func hasEscape(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) }
}
