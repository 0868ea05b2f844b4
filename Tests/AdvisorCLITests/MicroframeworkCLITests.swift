import Testing
import TestSupport

/// Through the built binary: Flask and Starlette each win a profile, and the shipped knowledge,
/// built in or read from its YAML files, passes `validate --strict` with no framework that cannot win.
struct MicroframeworkCLITests {
    static func answers(_ pairs: [String]) -> [String] { pairs.flatMap { ["--answer", $0] } }

    @Test("a synchronous low-traffic API that asks for a microframework gets Flask, with the reasons")
    func flaskWins() throws {
        let result = try CommandRunner.advisor(["recommend"] + Self.answers(
            ["project_type=api", "traffic=low", "async_workload=no", "must_have=microframework"]))
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Recommendation: Flask (58.5 of 100)\n"))
        #expect(result.stdout.contains("""
            Why Flask over Starlette:
              1. Ecosystem maturity and community: Flask 4 vs Starlette 2, weight 2: +2.4 points
            """))
        #expect(result.stdout.contains("  FastAPI       excluded: FastAPI lacks a microframework core (database layer "
                                       + "and validation left to the team), which rule 'requires-microframework' "
                                       + "requires\n"))
    }

    @Test("a high-traffic WebSocket service that asks for a microframework gets Starlette, with the reasons")
    func starletteWins() throws {
        let result = try CommandRunner.advisor(["recommend"] + Self.answers(
            ["project_type=realtime", "traffic=high", "async_workload=yes", "must_have=microframework"]))
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("Recommendation: Starlette (66.3 of 100)\n"))
        #expect(result.stdout.contains("""
            Why Starlette over Flask:
              1. Real-time and async I/O: Starlette 5 vs Flask 1, weight 4 (set by concurrency-bound): +8.1 points
            """))
    }

    @Test("validate --strict passes on the YAML files as on the built-in copy")
    func strictFromFiles() throws {
        let result = try CommandRunner.advisor(["validate", "--strict", "--knowledge",
                                                CommandRunner.packageRoot + "/Knowledge"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains(": 16 criteria, 6 frameworks, 22 questions, 74 rules, 77 sources; digest "))
    }
}
