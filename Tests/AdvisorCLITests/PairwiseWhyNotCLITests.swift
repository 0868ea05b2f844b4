import Foundation
import Testing
import TestSupport

/// `--pairwise FILE` and `explain --why-not`, through the built binary.
struct PairwiseWhyNotCLITests {
    static let fixtures: String = {
        let folder = TestTemporary.root + "advisor-pairwise-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let ids = ["performance", "api_development", "productivity", "builtins", "security", "ecosystem", "ai_ml",
                   "scalability", "type_safety", "realtime", "time_to_market"]
        var eleven = ""
        for i in ids.indices { for j in ids.indices where j > i { eleven += "- {a: \(ids[i]), b: \(ids[j]), value: 1}\n" } }
        let files = [
            "unknown.yaml": "- {a: performence, b: security, value: 3}\n",
            "range.yaml": "- {a: performance, b: security, value: 12}\n",
            "tiny.yaml": "- {a: performance, b: security, value: 1/10}\n",
            "text.yaml": "- {a: performance, b: security, value: lots}\n",
            "self.yaml": "- {a: security, b: security, value: 3}\n",
            "duplicate.yaml": "- {a: performance, b: security, value: 3}\n- {a: security, b: performance, value: 1/3}\n",
            "empty-list.yaml": "[]\n",
            "eleven.yaml": eleven,
            "missing-pair.yaml": "- {a: performance, b: security, value: 3}\n- {a: performance, b: ecosystem, value: 2}\n",
            "mapping.yaml": "performance: 3\n",
            "key.yaml": "- {a: performance, b: security, valeu: 3}\n",
            "two.yaml": "- {a: performance, b: security, value: 3}\n",
            "two.json": "[{\"a\": \"security\", \"b\": \"performance\", \"value\": \"1/3\"}]\n",
            "cycle.yaml": "- {a: performance, b: security, value: 3}\n- {a: performance, b: api_development, value: 1/3}\n"
                + "- {a: security, b: api_development, value: 5}\n",
        ]
        for (name, text) in files {
            try? Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
        return folder
    }()

    struct BadFile: CustomTestStringConvertible, Sendable {
        var file: String
        var message: String
        var exitCode: Int32 = 65
        var testDescription: String { file }
    }

    static let badFiles: [BadFile] = [
        BadFile(file: "unknown.yaml", message: "F/unknown.yaml:1:7: error: unknown criterion 'performence'; did you mean "
                + "'performance'? (see 'advisor frameworks --criteria')"),
        BadFile(file: "range.yaml", message: "F/range.yaml:1:40: error: value 12 is outside Saaty's scale 1/9 to 9"),
        BadFile(file: "tiny.yaml", message: "F/tiny.yaml:1:40: error: value 1/10 is outside Saaty's scale 1/9 to 9"),
        BadFile(file: "text.yaml", message: "F/text.yaml:1:40: error: 'value' must be a number from 1/9 to 9, such as 3 "
                + "or 1/3; got 'lots'"),
        BadFile(file: "self.yaml", message: "F/self.yaml:1:3: error: 'security' is compared with itself"),
        BadFile(file: "duplicate.yaml", message: "F/duplicate.yaml:2:3: error: 'security' and 'performance' are "
                + "compared twice (first at line 1)"),
        BadFile(file: "empty-list.yaml", message: "F/empty-list.yaml:1:1: error: compare at least 2 criteria"),
        BadFile(file: "eleven.yaml", message: "F/eleven.yaml:1:1: error: 11 criteria are compared; at most 10 can be, "
                + "as Saaty's random index stops at 10"),
        BadFile(file: "missing-pair.yaml", message: "F/missing-pair.yaml:1:1: error: 'security' and 'ecosystem' are not "
                + "compared; with 3 criteria every pair must be (1 missing)"),
        BadFile(file: "mapping.yaml", message: "F/mapping.yaml:1:1: error: expected a list of comparisons such as "
                + "'- {a: performance, b: security, value: 3}', found a mapping"),
        BadFile(file: "key.yaml", message: "F/key.yaml:1:33: error: unknown key 'valeu' in a comparison; the keys are a, "
                + "b and value; did you mean 'value'?"),
        BadFile(file: "absent.yaml", message: "advisor: pairwise file 'F/absent.yaml' does not exist", exitCode: 66),
    ]

    @Test("a bad pairwise file gets one compiler-style line and exit 65 (66 when missing)", arguments: badFiles)
    func badFile(_ bad: BadFile) throws {
        let result = try CommandRunner.advisor(["recommend", "--pairwise", Self.fixtures + "/" + bad.file])
        #expect(result.exitCode == bad.exitCode, "\(result)")
        #expect(result.stderr == bad.message.replacingOccurrences(of: "F/", with: Self.fixtures + "/") + "\n")
        #expect(result.stdout.isEmpty)
    }

    @Test("pairwise weights replace the compared base weights, keeping their total; YAML and JSON agree")
    func pairwiseWeights() throws {
        for file in ["two.yaml", "two.json"] {
            let result = try CommandRunner.advisor(["recommend", "--pairwise", Self.fixtures + "/" + file,
                                                    "--format", "json"])
            #expect(result.exitCode == 0, "\(result)")
            #expect(result.stderr.isEmpty, "two criteria are always consistent")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let pairwise = try #require(object["pairwise"] as? [String: Any])
            let weights = try #require(pairwise["weights"] as? [String: Double])
            #expect(weights == ["performance": 0.75, "security": 0.25])
            #expect(pairwise["consistencyRatio"] as? Double == 0)
            #expect(pairwise["mostInconsistent"] is NSNull)
            // Base weights 3 (performance) and 3 (security) keep their total of 6: 4.5 and 1.5.
            let list = try #require(object["weights"] as? [[String: Any]])
            let bases = Dictionary(uniqueKeysWithValues: list.compactMap { entry -> (String, Double)? in
                guard let id = entry["criterion"] as? String, let base = entry["base"] as? Double else { return nil }
                return (id, base)
            })
            #expect(bases["performance"] == 4.5 && bases["security"] == 1.5, "\(bases)")
        }
    }

    @Test("inconsistent comparisons warn on stderr, naming the comparison and a consistent value")
    func inconsistent() throws {
        let path = Self.fixtures + "/cycle.yaml"
        let result = try CommandRunner.advisor(["recommend", "--pairwise", path, "--format", "json"])
        #expect(result.exitCode == 0)
        #expect(result.stderr == "\(path):1:3: warning: pairwise comparisons are inconsistent (consistency ratio 1.58, "
                + "0.1 or more is too much): the most inconsistent is performance vs security = 3; the other "
                + "comparisons imply that the two matter about equally (0.84)\n")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let worst = try #require((object["pairwise"] as? [String: Any])?["mostInconsistent"] as? [String: Any])
        #expect(worst["a"] as? String == "performance" && worst["b"] as? String == "security")
        #expect(worst["consistentValue"] as? Double == 1)
    }

    @Test("explain --why-not names the criteria, ratings and rules that cost the framework the win")
    func whyNot() throws {
        let result = try CommandRunner.advisor(["explain", "--why-not", "django", "--answer", "project_type=api"])
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "Why not Django? It scores 72.1 of 100, 3.1 points behind FastAPI (75.2).")
        #expect(lines.contains("  1. API development: -6.8 points (weight 6 × (5 − 3))"))
        #expect(lines.contains { $0.hasPrefix("     rule api-project (weight ×2): ") && $0.hasSuffix("[seed#api-development]") })
        let winner = try CommandRunner.advisor(["explain", "--why-not", "fastapi", "--answer", "project_type=api"])
        #expect(winner.stdout == "FastAPI is the recommendation (75.2 of 100); ask why not one of the others.\n")
        let typo = try CommandRunner.advisor(["explain", "--why-not", "djang"])
        #expect(typo.exitCode == 64)
        #expect(typo.stderr == "advisor: unknown framework 'djang'; did you mean 'django'? (see 'advisor frameworks')\n")
    }

    @Test("explain --why-not names the knock-out that removed the framework")
    func whyNotKnockOut() throws {
        let result = try CommandRunner.advisor(["explain", "--why-not", "fastapi", "--answer", "project_type=api",
                                                "--answer", "must_have=builtin_admin"])
        #expect(result.exitCode == 0, "\(result)")
        let first = try #require(result.stdout.split(separator: "\n").first)
        #expect(first.hasPrefix("Why not FastAPI? It was knocked out by rule "))
        #expect(result.stdout.contains("Had it been ranked, it would score "))
    }
}
