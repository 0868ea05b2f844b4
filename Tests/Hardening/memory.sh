#!/usr/bin/env bash
# Peak memory of `advisor` on inputs at (and past) every documented limit, measured with
# /usr/bin/time -v. Fails if any run exceeds the bound (96 MB by default, as README.md states) or
# crashes.
#
#   Tests/Hardening/memory.sh PATH/TO/advisor [BOUND_MB]
#
# Prints one line per input: the case, the exit code, the peak resident set size and the time.
set -u
if [[ $# -lt 1 || ! -x $1 ]]; then
    echo "usage: $0 PATH/TO/advisor [BOUND_MB]" >&2
    exit 64
fi
BIN=$1
BOUND_MB=${2:-96}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/advisor-memory.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
command -v /usr/bin/time >/dev/null || { echo "memory: needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }

python3 - "$WORK" "$ROOT/Knowledge" <<'PY'
import os, shutil, sys
work, shipped = sys.argv[1], sys.argv[2]
MB = 1024 * 1024
def folder(name, files):
    path = os.path.join(work, name)
    os.makedirs(path, exist_ok=True)
    for file, text in files.items():
        with open(os.path.join(path, file), "w") as f:
            f.write(text)
def rule(i, when):
    return (f"  - id: r{i}\n    when: {when}\n    then:\n      - weight: {{ performance: \"*1.01\" }}\n"
            f"      - fact: f{i}\n    because: Rule {i}.\n    source: seed#api-development\n")
# At the per-file limit (4 MB): long text, as much as fits.
folder("file-4mb-text", {"extra.yaml": "sources:\n" + "".join(
    f"  - {{ id: s{i}, title: \"{'x' * 200}\", address: \"https://example.com/{i}\" }}\n" for i in range(15_000))[:4 * MB - 100]})
# The most YAML nodes a file may hold (100,000), as a flat list of numbers (each a load error).
folder("nodes-100k", {"extra.yaml": "sources: [" + ",".join("1" for _ in range(99_990)) + "]\n"})
# Past the node limit.
folder("nodes-600k", {"extra.yaml": "sources: [" + ",".join("1" for _ in range(600_000)) + "]\n"})
# At the total limit (8 MB): two 3.9 MB files.
text = "# " + "y" * (3_900_000) + "\nsources: []\n"
folder("total-8mb", {"a.yaml": text, "b.yaml": text})
# Just under the rule limit (2,000 with the shipped rules): 1,900 rules in two files under the 4 MB
# file limit, each condition close to the length limit (1,024 characters) and chained.
def long_rules(first, count):
    return "rules:\n" + "".join(rule(i, " or ".join(['project_type == "api"'] * 40) + (f" or f{i-1}" if i else ""))
                               for i in range(first, first + count))
folder("rules-1900-long", {"rules-a.yaml": long_rules(0, 950), "rules-b.yaml": long_rules(950, 950)})
# Conditions nested to the depth limit (64), 1,900 of them.
folder("rules-1900-deep", {"rules-extra.yaml": "rules:\n" + "".join(
    rule(i, "(" * 63 + "api_first" + ")" * 63) for i in range(1_900))})
# Past the rule limit.
folder("rules-2001", {"rules-extra.yaml": "rules:\n" + "".join(rule(i, "api_first") for i in range(2_001))})
# Alias bomb and deep nesting.
bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
prev = "a"
for n in "bcdefghijklmnop":
    bomb += f"{n}: &{n} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    prev = n
folder("alias-bomb", {"extra.yaml": bomb})
folder("deep-10000", {"extra.yaml": "[" * 10_000 + "]" * 10_000 + "\n"})
# At the limit in frameworks (200 with the shipped six): 194 more, each rated on every criterion with long reasons,
# so every report lists 200 options with 16 arguments each.
criteria = ["performance", "api_development", "productivity", "builtins", "security", "ecosystem", "ai_ml",
            "scalability", "type_safety", "realtime", "time_to_market", "maturity", "team_familiarity",
            "simplicity", "codebase_fit", "support_window"]
def framework(i):
    ratings = "".join(f"  {c}: {{ score: {(i + n) % 6}, why: \"{'Reason ' * 280}\", source: seed#api-development, "
                      f"evidence: inferred, as_of: \"2026\" }}\n" for n, c in enumerate(criteria))
    return f"id: fw{i}\nname: Framework {i}\nsummary: \"{'Summary ' * 100}\"\nratings:\n{ratings}"
folder("frameworks-200", {f"fw{i}.yaml": framework(i) for i in range(194)})
folder("file-10mb", {"extra.yaml": "# " + "z" * (10 * MB) + "\n"})
with open(os.path.join(work, "answers-1mb.yaml"), "w") as f:
    f.write("project_type: api\n" + "# " + "a" * (MB - 100) + "\n")
with open(os.path.join(work, "answers-10mb.yaml"), "w") as f:
    f.write("project_type: api\n" + "# " + "a" * (10 * MB) + "\n")
with open(os.path.join(work, "answers-bomb.yaml"), "w") as f:
    f.write(bomb)
PY

status=0
# measure NAME ARGS...: runs the advisor under /usr/bin/time -v.
measure() {
    local name=$1
    shift
    /usr/bin/time -v -o "$WORK/time" "$BIN" "$@" >/dev/null 2>"$WORK/stderr"
    local code=$?
    local kb seconds
    kb=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$WORK/time")
    seconds=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time")
    local mb=$(( (kb + 1023) / 1024 ))
    local verdict=ok
    if (( kb > BOUND_MB * 1024 )); then verdict="OVER ${BOUND_MB} MB"; status=1; fi
    if (( code > 128 )) || grep -q "Fatal error\|Program crashed" "$WORK/stderr"; then verdict="CRASHED"; status=1; fi
    printf '%-22s exit %-3s %4d MB  %8s  %s  %s\n' "$name" "$code" "$mb" "$seconds" "$verdict" \
        "$(head -c 110 "$WORK/stderr" | head -1)"
}

K="$ROOT/Knowledge"
measure shipped validate --knowledge "$K"
for case in file-4mb-text nodes-100k nodes-600k total-8mb rules-1900-long rules-1900-deep rules-2001 \
            alias-bomb deep-10000 file-10mb; do
    measure "$case" validate --knowledge "$K" --knowledge "$WORK/$case"
done
# recommend compiles the knowledge into the cache (a first run) and then reads it (a second).
export XDG_CACHE_HOME="$WORK/cache"
measure cache-write recommend --knowledge "$K" --knowledge "$WORK/rules-1900-long" --answer project_type=api
measure cache-read recommend --knowledge "$K" --knowledge "$WORK/rules-1900-long" --answer project_type=api
measure recommend-analysis recommend --answer project_type=api --analysis --samples 1000000
for format in html markdown json text; do
    measure "frameworks-200-$format" recommend --knowledge "$K" --knowledge "$WORK/frameworks-200" \
        --answer project_type=api --analysis --format "$format"
done
for case in answers-1mb answers-10mb answers-bomb; do
    measure "$case" recommend --answers "$WORK/$case.yaml"
done
echo "memory: bound ${BOUND_MB} MB: $([[ $status == 0 ]] && echo held || echo EXCEEDED)"
exit $status
