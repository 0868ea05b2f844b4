import AdvisorCore
@testable import advisor
import ArgumentParser
import Testing

/// `recommend`'s hand-written parser must build exactly the request ArgumentParser builds, or
/// decline the line and let ArgumentParser have it.
struct FastRecommendTests {
    static let valued = ["--knowledge", "--answer", "--answers", "--weight", "--format", "-o", "--output", "--adr-dir",
                         "--title", "--date", "--decision-makers", "--consulted", "--informed", "--samples", "--seed",
                         "--robustness", "--pairwise"]
    static let bare = ["--large-knowledge", "--color", "--no-color", "--force", "--analysis"]
    static let repeatable: Set<String> = ["--knowledge", "--answer", "--weight"]
    /// A well-formed value for each flag that takes one.
    static let goodValues: [String: [String]] = [
        "--knowledge": ["Knowledge", "Knowledge/examples/acme", "dir with spaces"],
        "--answer": ["project_type=api", "builtins=admin,orm", "traffic=high"],
        "--answers": ["answers.yaml", "a b.json"], "--weight": ["performance=2", "security=0.5"],
        "--format": ["text", "json", "markdown", "html"], "-o": ["out.md", "report.html"],
        "--output": ["decision.md", "x.json"], "--adr-dir": ["docs/decisions"], "--title": ["Acme checkout", "ünïcode"],
        "--date": ["2026-01-31", "not a date"], "--decision-makers": ["Ana, Ben"],
        "--consulted": ["Cleo (security)", "Dev team"], "--informed": ["All engineers"],
        "--samples": ["1", "5000", "+7", "1000001"], "--seed": ["0", "42", "18446744073709551615"],
        "--robustness": ["around", "uniform"], "--pairwise": ["importance.yaml"],
    ]
    /// Tokens that should send a line to ArgumentParser.
    static let oddTokens = ["--help", "-h", "--version", "--", "-", "", "stray", "--format=json", "--answer=a=b",
                            "--colour", "-x", "--samples", "xml", "-1", "1e3", "18446744073709551616", "sideways",
                            "--generate-completion-script", "--experimental-dump-help"]

    /// A small deterministic generator (SplitMix64), so a failure names a line that comes back.
    struct Generator {
        var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
    }

    /// A line of flags, each with a good value; `odd` mixes in tokens the fast parser must decline.
    static func line(_ generator: inout Generator, odd: Bool) -> [String] {
        var line: [String] = []
        for _ in 0..<generator.next(7) {
            if odd && generator.next(4) == 0 {
                line.append(generator.pick(oddTokens))
            } else if generator.next(3) == 0 {
                line.append(generator.pick(bare))
            } else {
                let flag = generator.pick(valued)
                line += [flag, generator.pick(goodValues[flag] ?? [])]
            }
        }
        return line
    }

    /// Whether a line of good flags is one the fast parser promises to take.
    static func isPlain(_ line: [String]) -> Bool {
        var seen: Set<String> = []
        for token in line where token.hasPrefix("-") {
            let key = token == "-o" ? "--output" : token == "--no-color" ? "--color" : token
            if !repeatable.contains(token) && !seen.insert(key).inserted { return false }
        }
        return true
    }

    @Test("both parsers build the same command, or the fast one declines", arguments: [false, true])
    func sameCommand(odd: Bool) {
        var generator = Generator(state: odd ? 7 : 3)
        let lines = (0..<500).map { _ in Self.line(&generator, odd: odd) } + [[]]
        let (accepted, plain) = Self.compare(lines, odd: odd, isPlain: Self.isPlain, fast: FastRecommend.parse) {
            (try? Recommend.parseAsRoot($0) as? Recommend).map(RecommendRequest.init)
        }
        // The comparison ran on most lines, not on a handful.
        #expect(accepted > lines.count / (odd ? 4 : 2), "accepted \(accepted) of \(lines.count)")
        if !odd { #expect(plain > lines.count / 2) }
    }

    /// Runs a hand-written parser (`fast`) and ArgumentParser (`full`) over `lines`: every line the
    /// fast one takes must give what ArgumentParser gives, and every plain line (without `odd`
    /// tokens) must be taken. Returns how many lines were taken, and how many were plain.
    static func compare<Request: Equatable>(_ lines: [[String]], odd: Bool, isPlain: ([String]) -> Bool,
                                            fast: ([String]) -> Request?,
                                            full: ([String]) -> Request?) -> (accepted: Int, plain: Int) {
        var accepted = 0, plain = 0
        for line in lines {
            let taken = fast(line)
            if !odd && isPlain(line) {
                plain += 1
                #expect(taken != nil, "a plain line was declined: \(line)")
            }
            guard let taken else { continue }
            accepted += 1
            let parsed = full(line)
            #expect(parsed != nil, "ArgumentParser refused \(line)")
            if let parsed { #expect(taken == parsed, "\(line)") }
        }
        return (accepted, plain)
    }

    @Test("ArgumentParser's defaults are the request's defaults")
    func defaults() throws {
        let full = try #require(try Recommend.parseAsRoot([]) as? Recommend)
        #expect(RecommendRequest(full) == RecommendRequest())
    }

    @Test("lines ArgumentParser must see are declined", arguments: [
        ["--help"], ["-h"], ["--version"], ["--format=json"], ["--format", "xml"], ["--samples"], ["--samples", "-1"],
        ["--seed", "-3"], ["--robustness", "sideways"], ["--color", "--no-color"], ["--title", "a", "--title", "b"],
        ["-o", "a", "--output", "b"], ["--force", "--force"], ["stray"], ["--"], ["--output", "-"], ["--answer", ""],
        ["--generate-completion-script", "bash"],
    ])
    func declined(_ line: [String]) {
        #expect(FastRecommend.parse(line) == nil)
    }
}
