@testable import advisor
import ArgumentParser
import Testing

/// The interactive advisor's hand-written parser must build exactly the session ArgumentParser
/// builds, or decline the line and let ArgumentParser have it.
struct FastInteractiveTests {
    static let valued: [String: [String]] = [
        "--knowledge": ["Knowledge", "Knowledge/examples/acme", "dir with spaces"],
        "--answers": ["answers.yaml", "a b.json"],
    ]
    static let bare = ["--large-knowledge", "--color", "--no-color", "--resume", "--pairwise"]
    /// Tokens that should send a line to ArgumentParser.
    static let oddTokens = ["--help", "-h", "--version", "--", "-", "", "stray", "--answers=a.yaml", "--colour",
                            "--resume=yes", "-r", "recommend", "--generate-completion-script", "--format"]

    static func line(_ generator: inout FastRecommendTests.Generator, odd: Bool) -> [String] {
        var line: [String] = []
        for _ in 0..<generator.next(6) {
            if odd && generator.next(4) == 0 {
                line.append(generator.pick(oddTokens))
            } else if generator.next(2) == 0 {
                line.append(generator.pick(bare))
            } else {
                let flag = generator.pick(["--knowledge", "--answers"])
                line += [flag, generator.pick(valued[flag] ?? [])]
            }
        }
        return line
    }

    /// Whether every flag but `--knowledge` appears once (`--color` and `--no-color` count as one).
    static func isPlain(_ line: [String]) -> Bool {
        var seen: Set<String> = []
        for token in line where token.hasPrefix("-") && token != "--knowledge" {
            if !seen.insert(token == "--no-color" ? "--color" : token).inserted { return false }
        }
        return true
    }

    @Test("both parsers build the same session, or the fast one declines", arguments: [false, true])
    func sameSession(odd: Bool) {
        var generator = FastRecommendTests.Generator(state: odd ? 11 : 5)
        let lines = (0..<500).map { _ in Self.line(&generator, odd: odd) } + [[]]
        let (accepted, plain) = FastRecommendTests.compare(lines, odd: odd, isPlain: Self.isPlain,
                                                           fast: FastInteractive.parse) {
            (try? Interactive.parseAsRoot($0) as? Interactive).map(InteractiveSession.init)
        }
        #expect(accepted > lines.count / (odd ? 5 : 3), "accepted \(accepted) of \(lines.count)")
        if !odd { #expect(plain > lines.count / 3) }
    }

    @Test("no arguments is the default session")
    func defaults() throws {
        let full = try #require(try Interactive.parseAsRoot([]) as? Interactive)
        #expect(FastInteractive.parse([]) == InteractiveSession(full))
        #expect(InteractiveSession(full) == InteractiveSession())
    }

    @Test("lines ArgumentParser must see are declined", arguments: [
        ["--help"], ["-h"], ["--version"], ["--answers=a.yaml"], ["--answers"], ["--answers", "-"],
        ["--resume", "--resume"], ["--color", "--no-color"], ["--answers", "a", "--answers", "b"], ["stray"],
        ["--"], ["recommend"], ["--knowledge", ""], ["--generate-completion-script", "bash"],
    ])
    func declined(_ line: [String]) {
        #expect(FastInteractive.parse(line) == nil)
    }
}
