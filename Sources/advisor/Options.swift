import AdvisorCore
import AdvisorKnowledge
import ArgumentParser
import Foundation

/// `--knowledge DIR`, repeatable: later directories are overlays. A first directory marked
/// `overlay: true` is laid over the built-in knowledge.
struct KnowledgeOptions: ParsableArguments, KnowledgeChoice {
    @Option(name: .long, help: ArgumentHelp(
        "Load knowledge from DIR instead of the built-in knowledge. Repeatable: later directories are overlays; "
            + "a directory marked 'overlay: true' is laid over the built-in knowledge.", valueName: "dir"))
    var knowledge: [String] = []

    @Flag(name: .long, help: ArgumentHelp(
        "Accept generated rule bases beyond the default limits: up to 200,000 rules and 256 MiB of files per "
            + "directory (instead of 2,000 and 8 MiB). Memory then grows with the knowledge."))
    var largeKnowledge = false
}

extension KnowledgeChoice {
    /// The loader's limits, as the flags choose them.
    var limits: KnowledgeLimits { largeKnowledge ? .large : .standard }

    /// The knowledge base, and the warnings its loading produced. With `sourceTexts`, the built-in
    /// knowledge is loaded from its embedded YAML, so diagnostics can show its lines. Knowledge from
    /// `--knowledge` goes through the compiled cache in `$XDG_CACHE_HOME/advisor/` unless `useCache` is false.
    func load(sourceTexts: Bool = false, useCache: Bool = true) throws(Failure) -> KnowledgeLoader.Result {
        if knowledge.isEmpty && sourceTexts {
            do {
                return try KnowledgeLoader.load(layers: [(KnowledgeLoader.builtInOrigin, "Knowledge",
                                                          ShippedKnowledge.files)])
            } catch {
                throw .knowledge(error)
            }
        }
        if knowledge.isEmpty {
            do {
                return KnowledgeLoader.Result(knowledge: try ShippedKnowledge.load(), warnings: [],
                                              sources: SourceTexts())
            } catch {
                throw .data("the built-in knowledge is damaged; rebuild the advisor")
            }
        }
        for directory in knowledge where !FileManager.default.fileExists(atPath: directory) {
            throw .noInput("knowledge directory '\(directory)' does not exist")
        }
        do {
            return try KnowledgeLoader.load(directories: knowledge, builtIn: ShippedKnowledge.files,
                                            cache: cache(reading: useCache), limits: limits)
        } catch {
            throw .knowledge(error)
        }
    }
}

extension KnowledgeChoice {
    /// The compiled cache. `validate` always checks the files, but still refreshes the cache.
    /// `ADVISOR_CACHE=off` turns caching off.
    func cache(reading: Bool) -> KnowledgeCache {
        let environment = environmentVariables(["ADVISOR_CACHE", "XDG_CACHE_HOME", "HOME"])
        if environment["ADVISOR_CACHE"] == "off" { return .disabled }
        var cache = KnowledgeCache.standard(environment: environment)
        cache.readable = reading
        return cache
    }
}

/// `--answer`, `--answers` and `--weight`.
struct AnswerOptions: ParsableArguments, AnswerChoice {
    @Option(name: .long, help: ArgumentHelp("An answer, as ID=VALUE; multi-choice as ID=A,B. Repeatable.",
                                            valueName: "id=value"))
    var answer: [String] = []

    @Option(name: .long, help: ArgumentHelp("A YAML or JSON file mapping question ids to answers; '-' reads "
                                            + "standard input.", valueName: "file"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("Set a criterion's final weight, after the rules (N ≥ 0). Repeatable.",
                                            valueName: "criterion=n"))
    var weight: [String] = []
}

extension AnswerChoice {
    /// The answers: the file first, then each `--answer` over it.
    func answers(for knowledge: KnowledgeBase) throws(Failure) -> Answers {
        let parser = AnswerParser(knowledge: knowledge)
        var result = Answers()
        if answers == "-" {
            do {
                result = try AnswersFile.readStandardInput(parser: parser)
            } catch {
                throw Failure(error)
            }
        } else if let path = answers {
            if let absence = InputFile.absence(of: path, kind: "answers file") { throw .noInput(absence) }
            do {
                result = try AnswersFile.read(path: path, parser: parser)
            } catch {
                throw Failure(error)
            }
        }
        var given: Set<String> = []
        for assignment in answer {
            do {
                let (id, value) = try parser.parse(assignment: assignment)
                if given.contains(id) {
                    throw Failure.usage("question '\(id)' is answered twice on the command line; "
                                        + "give multi-choice answers once, as \(id)=a,b")
                }
                given.insert(id)
                result[id] = value
            } catch let error as AnswerError {
                throw Failure(error)
            } catch let error as Failure {
                throw error
            } catch {
                throw Failure.usage("\(error)")
            }
        }
        return result
    }

    /// The weight overrides by criterion id.
    func weights(for knowledge: KnowledgeBase) throws(Failure) -> [String: Double] {
        var result: [String: Double] = [:]
        for assignment in weight {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw .usage("--weight takes CRITERION=N, as in performance=5; got \(Echo.quoted(assignment))")
            }
            let id = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard knowledge.criterion(id) != nil else {
                throw .usage("unknown criterion '\(id)'"
                             + Suggestion.didYouMean(id, in: knowledge.criteria.map(\.id))
                             + " (see 'advisor frameworks --criteria')")
            }
            guard let value = Double(text), value.isFinite else {
                throw .usage("weight of '\(id)' must be a number, got \(Echo.quoted(text))")
            }
            guard value >= 0 else {
                throw .usage("weight of '\(id)' must be 0 or more, got \(text)")
            }
            guard value <= 1_000_000 else {
                throw .usage("weight of '\(id)' must be at most 1000000, got \(text)")
            }
            if result[id] != nil {
                throw .usage("criterion '\(id)' is weighted twice on the command line")
            }
            result[id] = value
        }
        return result
    }
}

/// `--color` / `--no-color`, following `NO_COLOR` and whether stdout is a terminal.
struct ColorOptions: ParsableArguments, ColorChoice {
    @Flag(inversion: .prefixedNo, exclusivity: .exclusive, help: "Colour the output (default: only on a terminal, never under NO_COLOR).")
    var color: Bool?
}

extension ColorChoice {
    func style() -> TextStyle {
        let environment = environmentVariables(["NO_COLOR", "TERM", "LC_ALL", "LC_CTYPE", "LANG"])
        let useColor: Bool
        if let color {
            useColor = color
        } else {
            useColor = isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
                && environment["TERM"] != "dumb"
        }
        return TextStyle(color: useColor, unicode: TextStyle.isUTF8(environment: environment))
    }
}

/// Output formats of `recommend`.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Only the variables that matter, read with getenv: `ProcessInfo.environment` copies the whole
/// environment into a dictionary on every run (see the benchmark README's speed paths).
func environmentVariables(_ names: [String]) -> [String: String] {
    var environment: [String: String] = [:]
    for name in names {
        if let value = getenv(name) { environment[name] = String(cString: value) }
    }
    return environment
}

extension Consultation {
    /// Refuses a consultation whose every criterion weighs 0: every framework would score 0, and a
    /// "recommendation" would be the first name in the file. `--weight` that did it is a usage error
    /// (64); rules that did it are a fault of the knowledge (65).
    func requireSomeWeight() throws(Failure) {
        guard !weights.isEmpty, weights.allSatisfy({ $0.final == 0 }) else { return }
        let zeroedByFlags = weights.contains { weight in
            weight.steps.last.map { if case .override = $0.origin { true } else { false } } ?? false
        }
        if zeroedByFlags {
            throw .usage("every criterion's weight is 0 (--weight), so nothing is left to tell the frameworks "
                         + "apart; give at least one criterion a weight above 0")
        }
        // The rules whose change left a weight at 0.
        var rules: [String] = []
        for weight in weights {
            for step in weight.steps where step.after == 0 && step.before != 0 {
                if case .rule(let id) = step.origin, !rules.contains(id) { rules.append(id) }
            }
        }
        let cause = rules.isEmpty ? "in the knowledge" : "after the rules " + rules.prefix(5).map { "'\($0)'" }
            .joined(separator: ", ") + (rules.count > 5 ? " and \(rules.count - 5) more" : "")
        throw .data("every criterion's weight is 0 \(cause), so nothing is left to tell the frameworks apart; "
                    + "'advisor validate' names the rules that can do this")
    }
}

