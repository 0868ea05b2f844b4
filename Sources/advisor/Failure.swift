import AdvisorCore

/// Every way the advisor can fail, each with its sysexits code. Errors become messages and exit
/// codes here and nowhere else.
enum Failure: Error {
    /// Bad flags or arguments (64).
    case usage(String)
    /// Bad data: broken knowledge or a malformed answers file (65).
    case data(String)
    /// Bad data in an input file, already one compiler-style line `path:line:col: error: …` (65).
    case dataAt(String)
    /// Knowledge that failed to load, with every diagnostic (65).
    case knowledge(DiagnosticError)
    /// A missing input file or directory (66).
    case noInput(String)
    /// Output that can't be created (73).
    case cannotCreate(String)
    /// A read or write that failed (74).
    case io(String)

    var exitCode: Int32 {
        switch self {
        case .usage: 64
        case .data, .dataAt, .knowledge: 65
        case .noInput: 66
        case .cannotCreate: 73
        case .io: 74
        }
    }

    /// What the user reads on stderr.
    var message: String {
        switch self {
        case .usage(let text), .data(let text), .noInput(let text), .cannotCreate(let text), .io(let text):
            "advisor: " + TextSanitizer.inert(text)
        case .dataAt(let line):
            TextSanitizer.inert(line)
        case .knowledge(let error):
            error.rendered()
        }
    }

    /// The failure for an answer error: usage on the command line, bad data in a file.
    init(_ error: AnswerError) {
        switch error.origin {
        case .commandLine: self = .usage(error.line)
        case .file: self = .data(error.line)
        }
    }
}
