import Foundation
import Testing
import TestSupport

/// The README's examples are the binary's own output: every ```text block that starts with
/// `$ advisor …` is run, and each line it shows (a "…" line stands for lines left out) must appear
/// in the output, in the same order. A digest, a score or a wording that changes fails here, with
/// the line the README should show instead.
@Suite("README examples")
struct ReadmeExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var command: [String]
        var shown: [String]
        var testDescription: String { "advisor " + command.joined(separator: " ") }
    }

    static let examples: [Example] = {
        let path = CommandRunner.packageRoot + "/README.md"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var block: [String]?
        for line in text.components(separatedBy: "\n") {
            if block == nil {
                if line == "```text" { block = [] }
                continue
            }
            if line == "```" {
                if let lines = block, let first = lines.first, first.hasPrefix("$ advisor ") {
                    let command = first.dropFirst("$ advisor ".count).split(separator: " ").map(String.init)
                    examples.append(Example(command: command, shown: Array(lines.dropFirst())))
                }
                block = nil
                continue
            }
            block?.append(line)
        }
        return examples
    }()

    /// Examples whose output depends on today's date, checked only for running cleanly.
    static func datesItself(_ example: Example) -> Bool { example.command.contains("--stale") }

    @Test("the README has examples to check")
    func found() {
        #expect(Self.examples.count >= 4)
    }

    @Test("each example's lines appear in the command's output, in order", arguments: examples)
    func example(_ example: Example) throws {
        let result = try CommandRunner.advisor(example.command, environment: ["NO_COLOR": "1"])
        #expect(result.exitCode == 0, "\(result)")
        guard !Self.datesItself(example) else { return }
        let output = result.stdout.components(separatedBy: "\n")
        var next = 0
        for line in example.shown where line.trimmingCharacters(in: .whitespaces) != "…" {
            guard let found = output[next...].firstIndex(of: line) else {
                let nearest = output[next...].min { distance($0, line) < distance($1, line) } ?? ""
                Issue.record("the README shows a line the output no longer has:\n  README: \(line)\n  output: \(nearest)")
                return
            }
            next = found + 1
        }
    }

    /// How many leading and trailing characters two lines do not share.
    func distance(_ a: String, _ b: String) -> Int {
        let prefix = zip(a, b).prefix { $0 == $1 }.count
        let suffix = zip(a.reversed(), b.reversed()).prefix { $0 == $1 }.count
        return max(a.count, b.count) - min(prefix + suffix, min(a.count, b.count))
    }
}
