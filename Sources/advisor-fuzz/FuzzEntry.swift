import AdvisorCore
import Foundation

// MARK: - The libFuzzer entry point

/// libFuzzer calls this with every input. The target is chosen once, by `ADVISOR_FUZZ_TARGET`
/// (`loader`, `expression`, `answers` or `keys`). Any crash, trap or sanitizer report is a finding;
/// throwing a diagnostic is the expected answer to a bad input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    FuzzTarget.selected.run(bytes)
    return 0
}

/// The fuzz targets of this executable.
enum FuzzTarget: String, CaseIterable {
    case loader, expression, answers, keys

    /// The target named by `ADVISOR_FUZZ_TARGET`; stops the process with a message if it is unset or unknown.
    static let selected: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["ADVISOR_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            FileHandle.standardError.write(Data("advisor-fuzz: set ADVISOR_FUZZ_TARGET to one of: \(names)\n".utf8))
            exit(64)
        }
        return target
    }()

    func run(_ bytes: [UInt8]) {
        switch self {
        case .loader: LoaderFuzz.run(bytes)
        case .expression: ExpressionFuzz.run(bytes)
        case .answers: AnswersFuzz.run(bytes)
        case .keys: KeysFuzz.run(bytes)
        }
    }
}

/// A failed invariant: reported on stderr, then a trap, which libFuzzer records as a crash with its input.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        FileHandle.standardError.write(Data("advisor-fuzz: invariant failed: \(message())\n".utf8))
        fatalError("invariant failed") // safe: the fuzzer's crash signal, not in the advisor
    }
}

// MARK: - Replaying inputs without libFuzzer

#if !ADVISOR_FUZZING
/// Without the fuzzer (a normal `swift build`), the executable replays inputs given as files or
/// folders: `ADVISOR_FUZZ_TARGET=loader advisor-fuzz Tests/Fuzz/corpus/loader`. A crash shows the input.
@main
struct FuzzReplay {
    static func main() {
        var count = 0
        for argument in CommandLine.arguments.dropFirst() {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("advisor-fuzz: no such file '\(argument)'\n".utf8))
                exit(66)
            }
            let paths = isDirectory.boolValue
                ? ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted()
                    .filter { !$0.hasPrefix(".") }.map { argument + "/" + $0 }
                : [argument]
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                FileHandle.standardError.write(Data("replaying \(path)\n".utf8))
                FuzzTarget.selected.run(Array(data))
                count += 1
            }
        }
        print("advisor-fuzz: \(FuzzTarget.selected.rawValue): \(count) inputs replayed without a crash")
    }
}
#endif
