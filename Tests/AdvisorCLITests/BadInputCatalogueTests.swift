import Foundation
import Testing
import TestSupport

/// The catalogue of bad inputs (README, "Hardening"): each one gets its exact message on stderr and
/// its exit code, nothing on stdout, and no crash. `{F}` stands for the fixtures folder
/// (`BadInputFixtures`), `{K}` for the shipped knowledge.
struct BadInputCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var arguments: [String]
        var environment: [String: String] = [:]
        var message: String
        var exitCode: Int32
        var testDescription: String { name }
    }

    /// `recommend` with the shipped knowledge and the overlay folder `name`.
    static func overlay(_ name: String) -> [String] {
        ["validate", "--knowledge", "{K}", "--knowledge", "{F}/\(name)"]
    }

    static func answers(_ name: String) -> [String] {
        ["recommend", "--answers", "{F}/\(name)"]
    }

    static let knowledgeCases: [Case] = [
        Case(name: "an empty knowledge file", arguments: overlay("k-empty"),
             message: "{F}/k-empty/extra.yaml:1:1: error: file is empty\n\n^\n1 error generated.",
             exitCode: 65),
        Case(name: "a knowledge file holding only comments", arguments: overlay("k-comments"),
             message: "{F}/k-comments/extra.yaml:1:1: error: file is empty\n"
                + "# nothing but a comment\n^\n1 error generated.", exitCode: 65),
        Case(name: "tabs for indentation", arguments: overlay("k-tabs"),
             message: "{F}/k-tabs/extra.yaml:2:1: error: invalid YAML: found character that cannot start any token "
                + "(while scanning for the next token at line 2)\n - id: tabbed\n^\n1 error generated.",
             exitCode: 65),
        Case(name: "a NUL byte", arguments: overlay("k-nul"),
             message: "{F}/k-nul/extra.yaml:1:1: error: file contains a NUL byte\n1 error generated.",
             exitCode: 65),
        Case(name: "Latin-1 bytes (not UTF-8)", arguments: overlay("k-latin1"),
             message: "{F}/k-latin1/extra.yaml:2:12: error: file is not valid UTF-8\n1 error generated.",
             exitCode: 65),
        Case(name: "a YAML anchor", arguments: overlay("k-anchor"), message: "{F}/k-anchor/extra.yaml:1:8: error: YAML anchors and aliases are not supported in knowledge file"
                + "s; write the value out\nrules: &all\n       ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a YAML alias", arguments: overlay("k-alias"), message: "{F}/k-alias/extra.yaml:1:11: error: YAML anchors and aliases are not supported in knowledge file"
                + "s; write the value out\ncriteria: &c []\n          ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a YAML merge key", arguments: overlay("k-merge"), message: "{F}/k-merge/extra.yaml:6:5: error: YAML merge keys (\'<<\') are not supported in knowledge files"
                + "\n    <<: { because: x }\n    ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a billion-laughs alias bomb", arguments: overlay("k-bomb"), message: "{F}/k-bomb/extra.yaml:1:4: error: YAML anchors and aliases are not supported in knowledge files; write the value out\na: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n   ^\n1 error generated.",
             exitCode: 65),
        Case(name: "YAML nested 10,000 deep (flow)", arguments: overlay("k-deep-flow"), message: "{F}/k-deep-flow/extra.yaml:1:33: error: YAML nests more than 32 levels deep\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[...\n                                ^\n1 error generated.",
             exitCode: 65),
        Case(name: "YAML nested 10,000 deep (block)", arguments: overlay("k-deep-block"), message: "{F}/k-deep-block/extra.yaml:1:65: error: YAML nests more than 32 levels deep\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - ...\n                                                                ^\n1 error generated.",
             exitCode: 65),
        Case(name: "YAML nested 33 deep", arguments: overlay("k-deep-33"), message: "{F}/k-deep-33/extra.yaml:1:33: error: YAML nests more than 32 levels deep\n[[[[[[[[[[[[[[[[[[[[["
                + "[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n                                ^\n1 error genera"
                + "ted.",
             exitCode: 65),
        Case(name: "a condition nested 10,000 deep", arguments: overlay("k-expr-deep"), message: "{F}/k-expr-deep/extra.yaml:3:11: error: expression is 20009 characters long; the limit is 1024\n"
                + "    when: (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
                + "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((...\n          ^\n1 error genera"
                + "ted.",
             exitCode: 65),
        Case(name: "a condition nested 100 deep", arguments: overlay("k-expr-nest"), message: "{F}/k-expr-nest/extra.yaml:3:76: error: condition nests more than 64 levels deep\n    when: (((("
                + "(((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
                + "api_first)))))))))))))))))))))))))))))))))))))))))...\n                                         "
                + "                                  ^\n1 error generated.",
             exitCode: 65),
        Case(name: "200 nots", arguments: overlay("k-expr-not"), message: "{F}/k-expr-not/extra.yaml:3:271: error: condition nests more than 64 levels deep\n...not not not"
                + " not not not not not not not not not not not not not not not not not not not not not not not not"
                + " not not not not not not not not not not not not not ...\n                                      "
                + "                                             ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a condition longer than 1,024 characters", arguments: overlay("k-expr-long"), message: "{F}/k-expr-long/extra.yaml:3:11: error: expression is 6995 characters long; the limit is 1024\n "
                + "   when: api_first and api_first and api_first and api_first and api_first and api_first and api"
                + "_first and api_first and api_first and api_first and api_first ...\n          ^\n1 error generat"
                + "ed.",
             exitCode: 65),
        Case(name: "a 10 MB knowledge file", arguments: overlay("k-10mb"), message: "{F}/k-10mb/extra.yaml:1:1: error: file is 10485763 bytes; the limit is 4194304\n1 error generate"
                + "d.",
             exitCode: 65),
        Case(name: "a criterion id defined twice across directories", arguments: overlay("k-dup-criterion"),
             message: "{F}/k-dup-criterion/extra.yaml:2:9: error: duplicate criterion id \'performance\'; first defined"
                + " at {K}/criteria.yaml:4:9\n  - id: performance\n        ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a rule id defined twice across directories", arguments: overlay("k-dup-rule"), message: "{F}/k-dup-rule/extra.yaml:2:9: error: duplicate rule id \'api-project\'; first defined at {K}/ru"
                + "les.yaml:55:9\n  - id: api-project\n        ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a criterion id defined in two files", arguments: overlay("k-dup-files"), message: "{K}/frameworks/django.yaml:3:1: error: framework \'django\' has no rating for \'extra\'; every f"
                + "ramework is rated on every criterion\nid: django\n^\n{K}/frameworks/django_ninja.yaml:2:1: error"
                + ": framework \'django_ninja\' has no rating for \'extra\'; every framework is rated on every crit"
                + "erion\nid: django_ninja\n^\n{K}/frameworks/fastapi.yaml:3:1: error: framework \'fastapi\' has no"
                + " rating for \'extra\'; every framework is rated on every criterion\nid: fastapi\n^\n{K}/framewor"
                + "ks/flask.yaml:2:1: error: framework \'flask\' has no rating for \'extra\'; every framework is ra"
                + "ted on every criterion\nid: flask\n^\n{K}/frameworks/litestar.yaml:2:1: error: framework \'lites"
                + "tar\' has no rating for \'extra\'; every framework is rated on every criterion\nid: litestar\n^\n"
                + "{K}/frameworks/starlette.yaml:2:1: error: framework \'starlette\' has no rating for \'extra\'; e"
                + "very framework is rated on every criterion\nid: starlette\n^\n{F}/k-dup-files/f1.yaml:2:9: error"
                + ": duplicate criterion id \'extra\'; first defined at {F}/k-dup-files/f0.yaml:2:9\n  - id: extra\n"
                + "        ^\n7 errors generated.",
             exitCode: 65),
        Case(name: "rules that negate each other's facts in a cycle", arguments: overlay("k-cycle-negative"),
             message: "{F}/k-cycle-negative/extra.yaml:2:5: error: rule \'a-unless-b\' reads \'fact_b\' negatively, and"
                + " that fact depends on this rule: negation in a cycle has no consistent answer\n  - id: a-unless-"
                + "b\n    ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a rating of NaN", arguments: overlay("k-nan"), message: "{F}/k-nan/copy.yaml:64:12: error: expected \'score\' to be a number, found \'.nan\'\n    score: "
                + ".nan\n           ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a rating of infinity", arguments: overlay("k-inf"), message: "{F}/k-inf/copy.yaml:64:12: error: expected \'score\' to be a number, found \'.inf\'\n    score: "
                + ".inf\n           ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a rating of 1e309", arguments: overlay("k-1e309"), message: "{F}/k-1e309/copy.yaml:64:12: error: \'score\' must be a finite number, found \'1e309\'\n    scor"
                + "e: 1e309\n           ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a rule setting a rating to NaN", arguments: overlay("k-rating-nan"), message: "{F}/k-rating-nan/extra.yaml:5:70: error: \'.nan\' is not a rating change; write a score from 0 t"
                + "o 5, or \"+n\" or \"-n\" to adjust\n      - rating: { framework: fastapi, criterion: performance"
                + ", score: .nan }\n                                                                     ^\n1 error"
                + " generated.",
             exitCode: 65),
        Case(name: "a weight of 1e309", arguments: overlay("k-weight-1e309"), message: "{K}/frameworks/django.yaml:3:1: error: framework \'django\' has no rating for \'extra\'; every f"
                + "ramework is rated on every criterion\nid: django\n^\n{K}/frameworks/django_ninja.yaml:2:1: error"
                + ": framework \'django_ninja\' has no rating for \'extra\'; every framework is rated on every crit"
                + "erion\nid: django_ninja\n^\n{K}/frameworks/fastapi.yaml:3:1: error: framework \'fastapi\' has no"
                + " rating for \'extra\'; every framework is rated on every criterion\nid: fastapi\n^\n{K}/framewor"
                + "ks/flask.yaml:2:1: error: framework \'flask\' has no rating for \'extra\'; every framework is ra"
                + "ted on every criterion\nid: flask\n^\n{K}/frameworks/litestar.yaml:2:1: error: framework \'lites"
                + "tar\' has no rating for \'extra\'; every framework is rated on every criterion\nid: litestar\n^\n"
                + "{K}/frameworks/starlette.yaml:2:1: error: framework \'starlette\' has no rating for \'extra\'; e"
                + "very framework is rated on every criterion\nid: starlette\n^\n{F}/k-weight-1e309/extra.yaml:5:13"
                + ": error: \'weight\' must be a finite number, found \'1e309\'\n    weight: 1e309\n            ^\n"
                + "7 errors generated.",
             exitCode: 65),
        Case(name: "a weight of 1e300", arguments: overlay("k-weight-huge"), message: "{K}/frameworks/django.yaml:3:1: error: framework \'django\' has no rating for \'extra\'; every f"
                + "ramework is rated on every criterion\nid: django\n^\n{K}/frameworks/django_ninja.yaml:2:1: error"
                + ": framework \'django_ninja\' has no rating for \'extra\'; every framework is rated on every crit"
                + "erion\nid: django_ninja\n^\n{K}/frameworks/fastapi.yaml:3:1: error: framework \'fastapi\' has no"
                + " rating for \'extra\'; every framework is rated on every criterion\nid: fastapi\n^\n{K}/framewor"
                + "ks/flask.yaml:2:1: error: framework \'flask\' has no rating for \'extra\'; every framework is ra"
                + "ted on every criterion\nid: flask\n^\n{K}/frameworks/litestar.yaml:2:1: error: framework \'lites"
                + "tar\' has no rating for \'extra\'; every framework is rated on every criterion\nid: litestar\n^\n"
                + "{K}/frameworks/starlette.yaml:2:1: error: framework \'starlette\' has no rating for \'extra\'; e"
                + "very framework is rated on every criterion\nid: starlette\n^\n{F}/k-weight-huge/extra.yaml:5:13:"
                + " error: \'weight\' must be at most 1000000, found 1e300\n    weight: 1e300\n            ^\n7 err"
                + "ors generated.",
             exitCode: 65),
        Case(name: "a negative weight", arguments: overlay("k-weight-negative"), message: "{K}/frameworks/django.yaml:3:1: error: framework \'django\' has no rating for \'extra\'; every f"
                + "ramework is rated on every criterion\nid: django\n^\n{K}/frameworks/django_ninja.yaml:2:1: error"
                + ": framework \'django_ninja\' has no rating for \'extra\'; every framework is rated on every crit"
                + "erion\nid: django_ninja\n^\n{K}/frameworks/fastapi.yaml:3:1: error: framework \'fastapi\' has no"
                + " rating for \'extra\'; every framework is rated on every criterion\nid: fastapi\n^\n{K}/framewor"
                + "ks/flask.yaml:2:1: error: framework \'flask\' has no rating for \'extra\'; every framework is ra"
                + "ted on every criterion\nid: flask\n^\n{K}/frameworks/litestar.yaml:2:1: error: framework \'lites"
                + "tar\' has no rating for \'extra\'; every framework is rated on every criterion\nid: litestar\n^\n"
                + "{K}/frameworks/starlette.yaml:2:1: error: framework \'starlette\' has no rating for \'extra\'; e"
                + "very framework is rated on every criterion\nid: starlette\n^\n{F}/k-weight-negative/extra.yaml:5"
                + ":13: error: \'weight\' must be 0 or more, found -1\n    weight: -1\n            ^\n7 errors gene"
                + "rated.",
             exitCode: 65),
        Case(name: "a weight change of *1e300", arguments: overlay("k-change-huge"), message: "{F}/k-change-huge/extra.yaml:5:32: error: \'*1e300\' is not a weight change; write \"*k\" to mul"
                + "tiply (0 ≤ k ≤ 1,000,000), or \"+n\" or \"-n\" to add (n ≤ 1,000,000)\n      - weight: { performance: \"*1e300\" }\n        "
                + "                       ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a source naming /etc/passwd", arguments: overlay("k-source-file"), message: "{F}/k-source-file/extra.yaml:7:13: error: unknown source \'/etc/passwd\'\n    source: /etc/passw"
                + "d\n            ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a source naming file:///etc/passwd", arguments: overlay("k-source-url"), message: "{F}/k-source-url/extra.yaml:7:13: error: \'file:///etc/passwd\' is not a valid source key: use l"
                + "etters, digits, \'_\' and \'-\', starting with a letter\n    source: file:///etc/passwd\n       "
                + "     ^\n1 error generated.",
             exitCode: 65),
        Case(name: "a knowledge directory without YAML", arguments: overlay("k-no-yaml"), message: "error: \'{F}/k-no-yaml\' is not a knowledge directory: it has no .yaml file at its top level\n"
                + "1 error generated.",
             exitCode: 65),
        Case(name: "symbolic link loops", arguments: overlay("k-loop"), message: "error: \'{F}/k-loop/a.yaml\' is a symbolic link loop; knowledge files must be regular files\nerr"
                + "or: \'{F}/k-loop/b.yaml\' is a symbolic link loop; knowledge files must be regular files\nerror:"
                + " \'{F}/k-loop/self\' links back to the knowledge directory; links to folders are not followed\n3"
                + " errors generated.",
             exitCode: 65),
        Case(name: "a link to /etc/passwd", arguments: overlay("k-outside"), message: "error: \'{F}/k-outside/passwd.yaml\' links to \'/etc/passwd\', outside the knowledge directory; "
                + "knowledge may only read files inside it\n1 error generated.",
             exitCode: 65),
        Case(name: "a link to a folder", arguments: overlay("k-folder-link"), message: "error: \'{F}/k-folder-link/up\' links to \'{F}\', outside the knowledge directory; knowledge may"
                + " only read files inside it\n1 error generated.",
             exitCode: 65),
        Case(name: "a dangling link", arguments: overlay("k-dangling"), message: "error: \'{F}/k-dangling/gone.yaml\' is a broken symbolic link; knowledge files must be regular f"
                + "iles\n1 error generated.",
             exitCode: 65),
        Case(name: "a missing knowledge directory", arguments: overlay("k-missing"), message: "advisor: knowledge directory \'{F}/k-missing\' does not exist",
             exitCode: 66),
        Case(name: "a file given as the knowledge directory", arguments: overlay("a-bom.yaml"), message: "error: \'{F}/a-bom.yaml\' is not a directory; --knowledge takes a folder of YAML files\n1 error "
                + "generated.",
             exitCode: 65),
    ]

    static let answerCases: [Case] = [
        Case(name: "an empty answers file", arguments: answers("a-empty.yaml"), message: "advisor: {F}/a-empty.yaml:1:1: answers file is empty",
             exitCode: 65),
        Case(name: "tabs in an answers file", arguments: answers("a-tabs.yaml"), message: "advisor: {F}/a-tabs.yaml:2:1: invalid YAML: found character that cannot start any token (while s"
                + "canning for the next token at line 2)",
             exitCode: 65),
        Case(name: "a NUL byte in an answers file", arguments: answers("a-nul.yaml"), message: "advisor: {F}/a-nul.yaml:1:1: cannot read YAML: control characters are not allowed",
             exitCode: 65),
        Case(name: "Latin-1 answers", arguments: answers("a-latin1.yaml"), message: "advisor: {F}/a-latin1.yaml:1:1: answers file is not valid UTF-8",
             exitCode: 65),
        Case(name: "an anchor in answers", arguments: answers("a-anchor.yaml"), message: "advisor: {F}/a-anchor.yaml:1:15: YAML anchors and aliases are not supported in answers files; wr"
                + "ite the value out",
             exitCode: 65),
        Case(name: "an alias in answers", arguments: answers("a-alias.yaml"), message: "advisor: {F}/a-alias.yaml:1:15: YAML anchors and aliases are not supported in answers files; wri"
                + "te the value out",
             exitCode: 65),
        Case(name: "a merge key in answers", arguments: answers("a-merge.yaml"), message: "advisor: {F}/a-merge.yaml:1:1: YAML merge keys (\'<<\') are not supported in answers files",
             exitCode: 65),
        Case(name: "an alias bomb as answers", arguments: answers("a-bomb.yaml"), message: "advisor: {F}/a-bomb.yaml:1:4: YAML anchors and aliases are not supported in answers files; write the value out",
             exitCode: 65),
        Case(name: "answers nested 10,000 deep", arguments: answers("a-deep.yaml"), message: "advisor: {F}/a-deep.yaml:1:33: YAML nests more than 32 levels deep",
             exitCode: 65),
        Case(name: "a 10 MB answers file", arguments: answers("a-10mb.yaml"), message: "advisor: answers file \'{F}/a-10mb.yaml\' is 10485763 bytes; the limit is 1048576",
             exitCode: 65),
        Case(name: "a mapping as an answer", arguments: answers("a-mapping.yaml"), message: "advisor: {F}/a-mapping.yaml:1:15: the answer to \'project_type\' must be a value or a list of va"
                + "lues, found a mapping",
             exitCode: 65),
        Case(name: "a number for a choice", arguments: answers("a-number.yaml"), message: "advisor: {F}/a-number.yaml:1:10: \'3\' is not an answer to \'traffic\' (allowed: low, moderate, "
                + "high, very_high)",
             exitCode: 65),
        Case(name: "1e309 for a choice", arguments: answers("a-1e309.yaml"), message: "advisor: {F}/a-1e309.yaml:1:10: \'1e309\' is not an answer to \'traffic\' (allowed: low, moderat"
                + "e, high, very_high)",
             exitCode: 65),
        Case(name: "null in JSON answers", arguments: answers("a-null.json"), message: "advisor: {F}/a-null.json:1:18: \'null\' is not an answer to \'project_type\' (allowed: api, web_"
                + "app, content_platform, ecommerce, ai_service, realtime, enterprise, async_service)",
             exitCode: 65),
        Case(name: "true for a choice", arguments: answers("a-bool.yaml"), message: "advisor: {F}/a-bool.yaml:1:15: \'true\' is not an answer to \'project_type\' (allowed: api, web_"
                + "app, content_platform, ecommerce, ai_service, realtime, enterprise, async_service)",
             exitCode: 65),
        Case(name: "a mapping inside a multi-choice list", arguments: answers("a-multi-mapping.yaml"), message: "advisor: {F}/a-multi-mapping.yaml:1:19: answers to \'builtins\' must be plain values",
             exitCode: 65),
        Case(name: "a bare value as answers", arguments: answers("a-scalar.yaml"), message: "advisor: {F}/a-scalar.yaml:1:1: expected a mapping of question ids to answers, found \'api\'",
             exitCode: 65),
        Case(name: "a question answered twice in a file", arguments: answers("a-duplicate.yaml"), message: "advisor: {F}/a-duplicate.yaml:1:1: duplicate key \'project_type\' in one mapping",
             exitCode: 65),
        Case(name: "a directory as the answers file", arguments: answers("a-directory.yaml"), message: "advisor: answers file \'{F}/a-directory.yaml\' is a directory",
             exitCode: 66),
    ]

    static let commandLineCases: [Case] = [
        Case(name: "an unknown flag", arguments: ["recommend", "--frobnicate"], message: "advisor: Unknown option \'--frobnicate\' (see \'advisor recommend --help\')",
             exitCode: 64),
        Case(name: "an unknown subcommand", arguments: ["recomend"], message: "advisor: Unexpected argument \'recomend\' (see \'advisor --help\')",
             exitCode: 64),
        Case(name: "--color with --no-color", arguments: ["recommend", "--color", "--no-color"], message: "advisor: Value to be set with flag \'--no-color\' had already been set with flag \'--color\' (se"
                + "e \'advisor recommend --help\')",
             exitCode: 64),
        Case(name: "--output with --adr-dir", arguments: ["recommend", "--output", "{F}/out/x.md", "--adr-dir",
                                                          "{F}/out"], message: "advisor: give --output or --adr-dir, not both",
             exitCode: 64),
        Case(name: "--weight of NaN", arguments: ["recommend", "--weight", "performance=nan"], message: "advisor: weight of \'performance\' must be a number, got \'nan\'",
             exitCode: 64),
        Case(name: "--weight of infinity", arguments: ["recommend", "--weight", "performance=inf"], message: "advisor: weight of \'performance\' must be a number, got \'inf\'",
             exitCode: 64),
        Case(name: "--weight of 1e309", arguments: ["recommend", "--weight", "performance=1e309"], message: "advisor: weight of \'performance\' must be a number, got \'1e309\'",
             exitCode: 64),
        Case(name: "--weight of 1e300", arguments: ["recommend", "--weight", "performance=1e300"], message: "advisor: weight of \'performance\' must be at most 1000000, got 1e300",
             exitCode: 64),
        Case(name: "an impossible date", arguments: ["recommend", "--date", "2026-02-30"], message: "advisor: --date takes a date as YYYY-MM-DD, as in 2026-01-31; got \'2026-02-30\'",
             exitCode: 64),
        Case(name: "--samples past the limit", arguments: ["recommend", "--analysis", "--samples", "99999999"],
             message: "advisor: --samples must be between 1 and 1000000, got 99999999",
             exitCode: 64),
        Case(name: "--output to a directory", arguments: ["recommend", "--output", "{F}/out"], message: "advisor: \'{F}/out\' is a directory",
             exitCode: 73),
        Case(name: "--output to a device without --force", arguments: ["recommend", "--output", "/dev/full"],
             message: "advisor: \'/dev/full\' already exists (a device or a pipe); use --force to write to it",
             exitCode: 73),
        Case(name: "--output to /dev/full", arguments: ["recommend", "--output", "/dev/full", "--force"], message: "advisor: cannot write \'/dev/full\': No space left on device",
             exitCode: 74),
        Case(name: "--output into read-only /proc", arguments: ["recommend", "--output", "/proc/decision.md"],
             message: "advisor: cannot write \'/proc/decision.md\': folder \'/proc\' does not accept new files",
             exitCode: 73),
        Case(name: "--output over a file in /proc with --force",
             arguments: ["recommend", "--output", "/proc/version", "--force"],
             message: "advisor: cannot write \'/proc/version\': folder \'/proc\' does not accept new files",
             exitCode: 73),
        Case(name: "--output over an existing file", arguments: ["recommend", "--output", "{F}/o-existing.md"],
             message: "advisor: \'{F}/o-existing.md\' already exists; use --force to overwrite it",
             exitCode: 73),
        Case(name: "--output over a dangling symbolic link", arguments: ["recommend", "--output", "{F}/o-dangling.md"],
             message: "advisor: \'{F}/o-dangling.md\' already exists (a symbolic link); use --force to replace the "
                + "file it points to",
             exitCode: 73),
        Case(name: "--output --force over a dangling symbolic link",
             arguments: ["recommend", "--output", "{F}/o-dangling.md", "--force"],
             message: "advisor: \'{F}/o-dangling.md\' is a symbolic link to \'nowhere/missing.md\', which does not "
                + "exist; remove the link or choose another path",
             exitCode: 73),
        Case(name: "a negative --samples", arguments: ["recommend", "--analysis", "--samples", "-1"],
             message: "advisor: --samples must be between 1 and 1000000, got -1",
             exitCode: 64),
        Case(name: "a negative --stale", arguments: ["knowledge", "--stale", "-3"],
             message: "advisor: --stale takes a number of days, 0 or more; found -3 (see \'advisor knowledge --help\')",
             exitCode: 64),
        Case(name: "every criterion weighted 0", arguments: ["recommend"] + zeroWeights,
             message: "advisor: every criterion\'s weight is 0 (--weight), so nothing is left to tell the frameworks "
                + "apart; give at least one criterion a weight above 0",
             exitCode: 64),
        Case(name: "a 900 KB answer", arguments: answers("a-long.yaml"),
             message: "advisor: {F}/a-long.yaml:1:15: \'" + String(repeating: "x", count: 64) + "…\' (899,936 more "
                + "bytes) is not an answer to \'project_type\' (allowed: api, web_app, content_platform, ecommerce, "
                + "ai_service, realtime, enterprise, async_service)",
             exitCode: 65),
        Case(name: "an alias bomb as a pairwise file", arguments: ["recommend", "--pairwise", "{F}/p-bomb.yaml"], message: "{F}/p-bomb.yaml:1:4: error: YAML anchors and aliases are not supported in pairwise files; write the value out",
             exitCode: 65),
        Case(name: "a folder that is plainly not knowledge", arguments: ["validate", "--knowledge", "{F}/k-plain-folder"],
             message: "error: \'{F}/k-plain-folder\' is not a knowledge directory: it has no .yaml file at its top "
                + "level\n1 error generated.",
             exitCode: 65),
        Case(name: "the root folder as knowledge", arguments: ["validate", "--knowledge", "/"],
             message: "error: \'/\' is not a knowledge directory: it has no .yaml file at its top level\n"
                + "1 error generated.",
             exitCode: 65),
        Case(name: "--output into read-only /sys", arguments: ["recommend", "--output", "/sys/decision.md"],
             message: "advisor: cannot write \'/sys/decision.md\': Permission denied",
             exitCode: 73),
        Case(name: "the same criterion weighted twice", arguments: ["recommend", "--weight", "performance=2",
                                                                    "--weight", "performance=3"], message: "advisor: criterion \'performance\' is weighted twice on the command line",
             exitCode: 64),
        Case(name: "an empty --output path", arguments: ["recommend", "--output", ""], message: "advisor: the output path is empty",
             exitCode: 73),
        Case(name: "an answer with no value", arguments: ["recommend", "--answer", "project_type="], message: "advisor: question \'project_type\' needs a value (allowed: api, web_app, content_platform, ecomm"
                + "erce, ai_service, realtime, enterprise, async_service)",
             exitCode: 64),
    ]

    /// `--weight CRITERION=0` for every criterion of the shipped knowledge.
    static let zeroWeights = ["performance", "api_development", "productivity", "builtins", "security", "ecosystem",
                              "ai_ml", "scalability", "type_safety", "realtime", "time_to_market", "maturity",
                              "team_familiarity", "simplicity", "codebase_fit", "support_window"]
        .flatMap { ["--weight", "\($0)=0"] }

    static func expand(_ text: String) -> String {
        text.replacingOccurrences(of: "{F}", with: BadInputFixtures.folder)
            .replacingOccurrences(of: "{K}", with: BadInputFixtures.shipped)
    }

    func check(_ input: Case) throws {
        let result = try CommandRunner.advisor(input.arguments.map(Self.expand), environment: input.environment)
        if let record = ProcessInfo.processInfo.environment["BAD_INPUTS_RECORD"] {
            let folder = BadInputFixtures.folder, shipped = BadInputFixtures.shipped
            let line = "\(input.name)\t\(result.exitCode)\t\(result.stdout.count)\t"
                + result.stderr.replacingOccurrences(of: folder, with: "{F}").replacingOccurrences(of: shipped, with: "{K}")
                    .debugDescription + "\n"
            if let handle = FileHandle(forWritingAtPath: record) {
                handle.seekToEndOfFile()
                handle.write(Data(line.utf8))
                handle.closeFile()
            }
        }
        #expect(result.exitCode == input.exitCode, "\(result)")
        #expect(result.stderr == Self.expand(input.message) + "\n", "\(result)")
        #expect(result.stdout.isEmpty)
    }

    /// Oddities that are not errors: they load, and say so.
    @Test("a BOM, CRLF line endings, a positive cycle of facts and links to non-YAML files are accepted", arguments: [
        "k-bom", "k-crlf", "k-cycle-positive", "k-odd-links",
    ])
    func acceptedKnowledge(_ name: String) throws {
        let result = try CommandRunner.advisor(Self.overlay(name).map(Self.expand))
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.hasPrefix("OK: \(BadInputFixtures.shipped) + \(BadInputFixtures.folder)/\(name): "),
                "\(result)")
        // No load diagnostic; only the knowledge lints may speak (each line ends in its check's name).
        let diagnostics = result.stderr.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(diagnostics.allSatisfy { $0.contains(": warning: ") && $0.hasSuffix("]") }, "\(result)")
    }

    @Test("answers with a BOM or CRLF line endings are read", arguments: ["a-bom.yaml", "a-crlf.yaml"])
    func acceptedAnswers(_ name: String) throws {
        let result = try CommandRunner.advisor(Self.answers(name).map(Self.expand) + ["--format", "json"])
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.stdout.contains("\"project_type\": \"api\""))
    }

    @Test("bad knowledge", arguments: knowledgeCases)
    func knowledge(_ input: Case) throws { try check(input) }

    @Test("bad answers files", arguments: answerCases)
    func answersFiles(_ input: Case) throws { try check(input) }

    @Test("bad flags, outputs and environments", arguments: commandLineCases)
    func commandLine(_ input: Case) throws { try check(input) }
}
