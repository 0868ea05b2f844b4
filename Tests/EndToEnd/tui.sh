#!/usr/bin/env bash
# End-to-end tests of the interactive advisor in a real terminal (tmux).
#
#   Tests/EndToEnd/tui.sh PATH/TO/advisor
#
# Each test runs the binary in its own tmux server (100x30, TERM=tmux-256color) inside a plain
# shell, drives it with send-keys, and polls capture-pane. After the advisor ends, the same shell
# runs `stty -a`, so the test sees the terminal the user would get back.
# Prints PASS/FAIL per test and "N passed, M failed"; exits non-zero on any failure.
set -u

if [[ $# -lt 1 || ! -x $1 ]]; then
    echo "usage: $0 PATH/TO/advisor" >&2
    exit 64
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/advisor-tui.XXXXXX")
# shellcheck source=tmux-helpers.sh
source "$(dirname "$0")/tmux-helpers.sh"
# MARK: - Tests

# Answers every question, reaches the recommendation, checks it against `advisor recommend`,
# quits with q, and checks the terminal.
test_walkthrough() {
    start walkthrough
    type_line "'$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    local step top
    for step in $(seq 1 40); do
        top=$(screen | head -1)
        if screen | grep -qF "Review your answers"; then break; fi
        # Vary the answers: the second option on even steps (Space ticks it in multi-choice).
        if (( step % 2 == 0 )); then keys Down; fi
        if screen | grep -qF "Space ticks"; then keys Space; fi
        keys Enter
        wait_change "$top" || { echo "  no progress after: $top" >&2; return 1; }
    done
    wait_for "Review your answers" || return 1
    cp "$STATE/advisor/session.yaml" "$WORK/answers.yaml" || { echo "  no saved session" >&2; return 1; }
    wait_for "Show recommendation" || return 1
    keys Enter
    wait_for "Recommendation: " || return 1
    local shown expected
    shown=$(screen | sed -n 's/^ *Recommendation: \(.*[^ ]\)  *[0-9.]* of 100.*$/\1/p' | head -1)
    expected=$("$BIN" recommend --answers "$WORK/answers.yaml" --format json \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["ranking"][0]["name"])')
    [[ -n $shown && $shown == "$expected" ]] || { echo "  TUI says '$shown', recommend says '$expected'" >&2; return 1; }
    grep -q "^# at: results" "$STATE/advisor/session.yaml" || { echo "  results not saved in the session" >&2; return 1; }
    keys q
    wait_for "EXIT=0" || return 1
    wait_for "Reproduce it with: advisor recommend --answer" || return 1
    terminal_restored
}

# The results never lose work: Esc goes back instead of quitting, a plain `advisor` offers the
# saved session, `~` in an export path is the shell's $HOME, and exporting clears the session.
test_results_keep_work() {
    start keepwork
    printf 'project_type: api\ntraffic: high\n' > "$WORK/keep.yaml"
    type_line "'$BIN' --answers '$WORK/keep.yaml'; echo EXIT=\$?"
    wait_for "Press Enter to continue" || return 1
    keys r
    wait_for "Show recommendation" || return 1
    keys Enter
    wait_for "Recommendation: " || return 1
    keys Escape
    wait_for "Review your answers" || return 1
    [[ -e $STATE/advisor/session.yaml ]] || { echo "  Esc on the results lost the session" >&2; return 1; }
    keys Enter
    wait_for "Recommendation: " || return 1
    keys q
    wait_for "EXIT=0" || return 1
    grep -q "^# at: results" "$STATE/advisor/session.yaml" || { echo "  session not kept at the results" >&2; return 1; }
    type_line "clear; '$BIN'; echo EXIT=\$?"
    wait_for "Resume 2 saved answers? Enter resume" || return 1
    keys Enter
    wait_for "Recommendation: " || return 1
    keys e
    wait_for "Export a report" || return 1
    keys Tab C-u
    tmux -L "$SOCKET" send-keys -l "~/r.md"
    keys Enter
    wait_for "Wrote $WORK/keepwork/r.md" || return 1
    [[ -s $WORK/keepwork/r.md ]] || { echo "  ~/r.md not written under \$HOME" >&2; return 1; }
    [[ ! -e $STATE/advisor/session.yaml ]] || { echo "  session still saved after the export" >&2; return 1; }
    keys q
    wait_for "EXIT=0" || return 1
    terminal_restored
}

# t on the results loads a colleague's answers file beside yours: the group's choice is the one
# `advisor team` makes from the same two files, a missing file is one line in the form, and e
# writes the team's record.
test_team() {
    start team
    printf 'project_type: api\ntraffic: high\nteam_experience: [fastapi]\n' > "$WORK/team/me.yaml"
    printf 'project_type: web_app\ntraffic: low\nteam_experience: [django]\n' > "$WORK/team/ana.yaml"
    type_line "cd '$WORK/team' && '$BIN' --answers me.yaml; echo EXIT=\$?"
    wait_for "Press Enter to continue" || return 1
    keys r
    wait_for "Show recommendation" || return 1
    keys Enter
    wait_for "Recommendation: " || return 1
    keys t
    wait_for "(no colleague loaded yet)" || return 1
    tmux -L "$SOCKET" send-keys -l "ben.yaml"
    keys Enter
    wait_for "answers file '$WORK/team/ben.yaml' does not exist" || return 1
    keys C-u
    tmux -L "$SOCKET" send-keys -l "ana.yaml"
    keys Enter
    wait_for "Team decision for the project:" || return 1
    local shown expected
    shown=$(screen | sed -n 's/^.*Team decision for the project: \([A-Za-z ]*[a-z]\) (group score.*$/\1/p' | head -1)
    expected=$("$BIN" team --member you="$WORK/team/me.yaml" --member ana="$WORK/team/ana.yaml" --format json \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["group"]["ranking"][0]["name"])')
    [[ -n $shown && $shown == "$expected" ]] || { echo "  TUI says '$shown', advisor team says '$expected'" >&2; return 1; }
    wait_for "Members: you (your answers) · ana" || return 1
    keys e
    wait_for "team-decision-" || return 1
    keys Enter
    wait_for "Wrote $WORK/team/team-decision-" || return 1
    grep -q "^## Where the team differs" "$WORK"/team/team-decision-*.md || { echo "  no team record written" >&2; return 1; }
    keys Escape
    wait_for "Recommendation: " || return 1
    keys q
    wait_for "EXIT=0" || return 1
    # The comparison is part of the saved session: --resume reads ana's file again.
    grep -q '^# team-member: \["ana", ' "$STATE/advisor/session.yaml" || { echo "  team not saved" >&2; return 1; }
    type_line "clear; '$BIN' --resume; echo EXIT=\$?"
    wait_for "Recommendation: " || return 1
    keys t
    wait_for "Members: you (your answers) · ana" || return 1
    keys Escape q
    wait_for "EXIT=0" || return 1
    # A file gone since is named on resuming, and its member left out.
    rm "$WORK/team/ana.yaml"
    type_line "clear; '$BIN'; echo EXIT=\$?"
    wait_for "Resume 3 saved answers? Enter resume" || return 1
    keys Enter
    wait_for "ana is left out of the team comparison this time" || return 1
    # The notice wraps rather than being cut: the whole line, read across its rows.
    screen | tr '\n' ' ' | tr -s ' ' | grep -qF "answers file '$WORK/team/ana.yaml' does not exist" \
        || { echo "  the notice does not name the missing file whole" >&2; return 1; }
    keys q
    wait_for "EXIT=0" || return 1
    # Answers from a file don't overwrite the saved session (and its team) unasked.
    type_line "clear; '$BIN' --answers me.yaml; echo EXIT=\$?"
    wait_for "go on with the answers filled in" || return 1
    keys q
    wait_for "EXIT=0" || return 1
    grep -q '^# team-member: \["ana", ' "$STATE/advisor/session.yaml" || { echo "  --answers overwrote the session" >&2; return 1; }
    terminal_restored
}

# Each framework's explanation on the results scrolls to its last line with End; h opens the help;
# a digit on a multi-choice question moves without ticking.
test_scroll_help_digits() {
    start scroll
    printf 'project_type: api\ntraffic: high\n' > "$WORK/scroll.yaml"
    type_line "'$BIN' --answers '$WORK/scroll.yaml'; echo EXIT=\$?"
    wait_for "Press Enter to continue" || return 1
    keys h
    wait_for "Help: keys" || return 1
    keys x
    wait_for "Press Enter to continue" || return 1
    keys r
    wait_for "Show recommendation" || return 1
    keys Enter
    wait_for "Recommendation: " || return 1
    local row
    for row in 1 2 3 4 5 6; do
        keys End
        sleep 0.3
        screen | grep -qE "lines [0-9]+-([0-9]+) of \1 · end" \
            || { echo "  framework $row: End did not reach the last line: $(screen | grep 'lines ')" >&2; return 1; }
        keys Home Down
    done
    keys r
    wait_for "Review your answers" || return 1
    # The builtins question (multi-choice): 2 moves to the second option and ticks nothing.
    local line
    line=$(screen | grep -n "Which of these do you want built in" | head -1 | cut -d: -f1)
    [[ -n $line ]] || { echo "  builtins not on the review" >&2; return 1; }
    keys Home
    local step
    for step in $(seq 1 30); do
        screen | grep -qE "▸.*Which of these do you want built in" && break
        keys Down
    done
    keys Enter
    wait_for "Space ticks" || return 1
    keys 2
    sleep 0.3
    screen | grep -qF "▸ [ ] Authentication" || { echo "  2 did not move to the second option, unticked" >&2; return 1; }
    keys q
    wait_for "Quit" || return 1
    keys y
    wait_for "EXIT=0" || return 1
    terminal_restored
}

# Kills the advisor with SIGTERM mid-questionnaire; the terminal is restored, and --resume
# continues at the same question.
test_sigterm_and_resume() {
    start sigterm
    type_line "'$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    local top
    for _ in 1 2 3; do
        top=$(screen | head -1)
        keys Enter
        wait_change "$top" || return 1
    done
    wait_for "Question 4 of" || return 1
    local prompt
    prompt=$(screen | sed -n '3p' | cut -c1-45 | sed 's/ *$//')
    local pid
    pid=$(advisor_pid)
    [[ -n $pid ]] || { echo "  advisor not found" >&2; return 1; }
    kill -TERM "$pid"
    wait_for "EXIT=143" || return 1
    terminal_restored || return 1
    type_line "clear; '$BIN' --resume; echo EXIT=\$?"
    wait_for "Question 4 of" || return 1
    wait_for "$prompt" || return 1
    # Ctrl-C quits at once and restores the terminal too.
    keys C-c
    wait_for "EXIT=130" || return 1
    terminal_restored
}

# Below 80x24 the advisor says so, and recovers its screen when enlarged; SIGHUP restores too.
test_resize_and_hangup() {
    start resize
    type_line "'$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    keys Down
    tmux -L "$SOCKET" resize-window -x 70 -y 20
    wait_for "terminal too small: need 80×24, have 70×20" || return 1
    tmux -L "$SOCKET" resize-window -x 100 -y 30
    wait_for "Question 1 of" || return 1
    screen | grep -qF "▸ ( ) A full-stack web application" || { echo "  cursor moved by resize" >&2; return 1; }
    kill -HUP "$(advisor_pid)"
    wait_for "EXIT=129" || return 1
    terminal_restored
}

# Ctrl-Z gives the shell its terminal back; fg brings the screen back, redrawn.
test_suspend_and_resume() {
    start suspend
    type_line "'$BIN'"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    keys C-z
    wait_for "Stopped" || return 1
    terminal_restored || return 1
    type_line "fg"
    wait_for "Live leaning" || return 1
    wait_for "What are you building first?" || return 1
    keys q
    wait_normal_screen || return 1
    type_line 'echo EXIT=$?'
    wait_for "EXIT=0" || return 1
    terminal_restored
}

# A mouse click on an option chooses it: tmux passes the click (X10 mouse report) to ncurses.
test_mouse_click() {
    start mouse
    type_line "'$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    [[ $(pane '#{mouse_any_flag}') == 1 ]] || { echo "  the advisor did not ask for mouse events" >&2; return 1; }
    local row
    row=$(screen | grep -n "A content platform or CMS" | head -1 | cut -d: -f1)
    [[ -n $row ]] || return 1
    # Press and release button 1 at column 10 of that row (1-based in the report, offset by 32).
    local y x
    y=$(printf "\\$(printf '%03o' $((32 + row)))")
    x=$(printf "\\$(printf '%03o' $((32 + 11)))")
    # The first click selects the option; a second click on it chooses it.
    keys -l $'\e[M '"$x$y"
    keys -l $'\e[M#'"$x$y"
    sleep 0.3
    screen | grep -qF "Question 1 of" || { echo "  one click chose instead of selecting" >&2; return 1; }
    keys -l $'\e[M '"$x$y"
    keys -l $'\e[M#'"$x$y"
    wait_for "Question 2 of" || return 1
    keys r
    wait_for "Review your answers" || return 1
    screen | grep -qE "What are you building first\\? +A content platform or CMS" \
        || { echo "  the click did not choose the content platform" >&2; return 1; }
    keys q
    wait_for "Quit" || true
    keys y
    wait_for "EXIT=0" || return 1
    # --no-mouse leaves the mouse to the terminal.
    type_line "clear; '$BIN' --no-mouse; echo EXIT=\$?"
    wait_for "q quit" || return 1
    [[ $(pane '#{mouse_any_flag}') == 0 ]] || { echo "  --no-mouse still asked for mouse events" >&2; return 1; }
    keys q
    wait_for "EXIT=0" || return 1
    terminal_restored
}

# Colours on a colour terminal; none under NO_COLOR, and the screen is the same text either way.
test_colours() {
    start colours
    type_line "'$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    local coloured plain
    coloured=$(tmux -L "$SOCKET" capture-pane -p -e)
    grep -qE $'\e\\[(3[1-7]|9[1-7]|38;5;[0-9]+)m' <<<"$coloured" || { echo "  no foreground colours" >&2; return 1; }
    keys C-c
    wait_for "EXIT=130" || return 1
    type_line "clear; NO_COLOR=1 '$BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    plain=$(tmux -L "$SOCKET" capture-pane -p -e)
    if grep -qE $'\e\\[(3[1-7]|4[1-7]|9[1-7]|38;5;[0-9]+|48;5;[0-9]+)m' <<<"$plain"; then
        echo "  colours under NO_COLOR:" >&2
        grep -oE $'\e\\[[0-9;]*m' <<<"$plain" | sort | uniq -c | cat -v >&2
        return 1
    fi
    grep -qF "▸ ( ) An API for web or mobile clients" <<<"$(screen)" || { echo "  no selection marker in mono" >&2; return 1; }
    keys C-c
    wait_for "EXIT=130" || return 1
    terminal_restored
}

for test in test_walkthrough test_results_keep_work test_team test_scroll_help_digits test_sigterm_and_resume test_resize_and_hangup \
        test_suspend_and_resume test_mouse_click test_colours; do
    ( set -o pipefail; $test )
    report "${test#test_}" $?
done
[[ -n $SOCKET ]] && tmux -L "$SOCKET" kill-server 2>/dev/null
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
