import AdvisorCore
import ArgumentParser
import Foundation

/// `advisor`: on a terminal, the interactive advisor; otherwise, one of the subcommands.
@main
struct Advisor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advisor",
        abstract: "Choose a Python web framework, and be able to defend the choice.",
        discussion: """
            Run without a subcommand on a terminal to answer the questionnaire interactively;
            'advisor --accessible' asks it as plain numbered prompts (screen readers, pipes).
            For scripts and CI, use 'advisor recommend'.
            """,
        version: AdvisorVersion.text,
        subcommands: [Interactive.self, Recommend.self, Team.self, Check.self, Questions.self, Frameworks.self,
                      Explain.self, Validate.self, Knowledge.self],
        defaultSubcommand: Interactive.self
    )

    /// Parses, runs, and turns every error into one message and an exit code.
    static func main() {
        // A reader that goes away (`advisor recommend | head -1`) shows up as EPIPE on write, which
        // `Output.write` turns into a quiet exit, instead of a SIGPIPE.
        signal(SIGPIPE, SIG_IGN)
        do {
            // Well-formed `recommend` lines skip ArgumentParser altogether (see FastRecommend).
            let arguments = CommandLine.arguments.dropFirst()
            if arguments.first == "recommend", let request = FastRecommend.parse(Array(arguments.dropFirst())) {
                let finished = try request.run()
                // Freeing a large knowledge base and its trace takes milliseconds; the process ends anyway.
                withExtendedLifetime(finished) { Foundation.exit(0) }
            }
            var command = try parseFast() ?? parseAsRoot()
            try command.run()
        } catch let failure as Failure {
            Output.error(failure.message)
            Foundation.exit(failure.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            // ArgumentParser's own usage errors: one line, with a pointer to help.
            let message = fullMessage(for: error)
            let first = message.split(separator: "\n").first.map(String.init) ?? message
            let text = first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first
            let name = CommandLine.arguments.dropFirst().first.flatMap { subcommandsByName[$0] != nil ? $0 : nil }
            Output.error("advisor: \(text) (see 'advisor \(name.map { $0 + " " } ?? "")--help')")
            Foundation.exit(code.rawValue == 0 ? 64 : code.rawValue)
        }
    }
}

extension Advisor {
    /// The subcommands by name, for the fast path below.
    static let subcommandsByName: [String: any ParsableCommand.Type] = [
        "recommend": Recommend.self, "questions": Questions.self, "frameworks": Frameworks.self,
        "explain": Explain.self, "validate": Validate.self, "interactive": Interactive.self,
        "knowledge": Knowledge.self, "team": Team.self, "check": Check.self,
    ]

    /// Parses `advisor SUBCOMMAND ...` with the subcommand as the root, and `advisor [--flags]` with
    /// the interactive advisor as the root, which skips building the whole command tree by
    /// reflection (a third of `recommend`'s start-up). Help, the version, completion and anything
    /// unusual take the full path, so usage texts keep their `advisor` prefix.
    static func parseFast() throws -> (any ParsableCommand)? {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard !arguments.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "help" || $0 == "--version"
                  || $0.hasPrefix("--generate") || $0.hasPrefix("---") || $0 == "--experimental-dump-help" })
        else { return nil }
        guard let name = arguments.first, !name.hasPrefix("-") else {
            return try Interactive.parseAsRoot(arguments)
        }
        guard let command = subcommandsByName[name] else { return nil }
        return try command.parseAsRoot(Array(arguments.dropFirst()))
    }
}

enum AdvisorVersion {
    static let text = "0.1.0"
}

/// Writing to stdout and stderr.
enum Output {
    /// Writes to stderr with write(2), ignoring failures: a closed stderr must not crash the advisor.
    /// Control characters and bidirectional controls are shown, never sent (see `write`).
    static func error(_ text: String) {
        let shown = TextSanitizer.inert(text, keepNewlines: true)
        let data = Array((shown.hasSuffix("\n") ? shown : shown + "\n").utf8)
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Foundation.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Writes plain text to stdout. Every control character but the newline, and every
    /// bidirectional control, is shown in its `\u{…}` form: whatever a report builder forgot to
    /// escape, knowledge text cannot drive the terminal. Styled reports go through `write(buffer:)`.
    static func write(_ text: String) throws(Failure) {
        var text = TextSanitizer.inert(text, keepNewlines: true)
        // The string's own UTF-8 storage, without a copy (a report can be megabytes).
        try check(text.withUTF8 { write($0) })
    }

    static func write(buffer: UnsafeBufferPointer<UInt8>) throws(Failure) {
        try check(write(buffer))
    }

    /// Writes all of `data` to stdout; the errno of a failure.
    private static func write(_ data: UnsafeBufferPointer<UInt8>) -> Int32? {
        var offset = 0
        while offset < data.count {
            let written = Foundation.write(STDOUT_FILENO, data.baseAddress.map { $0 + offset }, data.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }

    private static func check(_ failure: Int32?) throws(Failure) {
        guard let failure else { return }
        if failure == EPIPE { Foundation.exit(0) }
        throw .io("cannot write to standard output: \(String(cString: strerror(failure)))")
    }
}
