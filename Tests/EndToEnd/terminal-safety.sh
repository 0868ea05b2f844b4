#!/usr/bin/env bash
# Terminal safety of the interactive advisor in a real terminal (tmux): every way out gives the
# terminal back exactly as it was, and resizing or suspending loses nothing.
#
#   Tests/EndToEnd/terminal-safety.sh PATH/TO/release/advisor PATH/TO/debug/advisor
#
# Ways out: q, Ctrl-C, SIGTERM, SIGHUP, SIGQUIT, a panic inside a screen (ADVISOR_DEBUG_PANIC,
# honoured by debug builds only, so those cases run the debug binary), a stack overflow, and a
# closed pipe. After each, the shell's `stty -a` must equal the one taken before the advisor
# started, the cursor must be visible and the alternate screen left (tmux's #{alternate_on}).
# Prints PASS/FAIL per test and "N passed, M failed"; exits non-zero on any failure.
set -u

if [[ $# -lt 2 || ! -x $1 || ! -x $2 ]]; then
    echo "usage: $0 PATH/TO/release/advisor PATH/TO/debug/advisor" >&2
    exit 64
fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
DEBUG_BIN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
WORK=$(mktemp -d "${TMPDIR:-/tmp}/advisor-safety.XXXXXX")
# shellcheck source=tmux-helpers.sh
source "$(dirname "$0")/tmux-helpers.sh"
# stty_snapshot NAME: the shell's `stty -a`, saved as $WORK/NAME.stty.
stty_snapshot() {
    type_line "clear; stty -a > $WORK/$1.stty; echo SNAP-$1"
    wait_for "SNAP-$1" 5
}

# same_terminal: `stty -a` now equals the snapshot taken before, the cursor is visible and the
# alternate screen has been left.
same_terminal() {
    stty_snapshot after || return 1
    if ! diff "$WORK/before.stty" "$WORK/after.stty" >&2; then
        echo "  stty -a differs from before" >&2
        return 1
    fi
    [[ $(pane '#{alternate_on}') == 0 ]] || { echo "  still on the alternate screen" >&2; return 1; }
    [[ $(pane '#{cursor_flag}') == 1 ]] || { echo "  cursor hidden" >&2; return 1; }
}

# launch NAME COMMAND...: a fresh terminal, a snapshot of its settings, then COMMAND on the first
# question with the first question answered (so quitting has something to save).
launch() {
    local name=$1
    shift
    start "$name"
    stty_snapshot before || return 1
    type_line "$*; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
}

# MARK: - Tests

test_quit_with_q() {
    launch quit "'$BIN'" || return 1
    keys q
    wait_for "EXIT=0" || return 1
    same_terminal
}

test_ctrl_c() {
    launch ctrlc "'$BIN'" || return 1
    keys Enter
    wait_for "Question 2 of" || return 1
    keys C-c
    wait_for "EXIT=130" || return 1
    wait_for "advisor: interrupted." || return 1
    same_terminal
}

# signal_test NAME SIGNAL CODE
signal_test() {
    launch "$1" "'$BIN'" || return 1
    kill "-$2" "$(advisor_pid)"
    wait_for "EXIT=$3" || return 1
    wait_for "advisor: stopped by signal" || return 1
    same_terminal
}
test_sigterm() { signal_test sigterm TERM 143; }
test_sighup() { signal_test sighup HUP 129; }
test_sigquit() { signal_test sigquit QUIT 131; }

# A panic while the question screen draws (debug build only): the crash handler restores the
# terminal, says so in one line, and the process ends by the signal (SIGILL: 132).
test_panic_in_a_screen() {
    launch panic "ADVISOR_DEBUG_PANIC=review '$DEBUG_BIN'" || return 1
    keys r
    wait_for "EXIT=132" || return 1
    wait_for "advisor: internal error; the terminal has been restored." || return 1
    same_terminal
}

# A stack overflow inside a screen (debug build only): caught on the handler's own stack (SIGSEGV: 139).
test_stack_overflow_in_a_screen() {
    start overflow
    stty_snapshot before || return 1
    type_line "ADVISOR_DEBUG_PANIC=overflow '$DEBUG_BIN'; echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "EXIT=139" || return 1
    wait_for "advisor: internal error; the terminal has been restored." || return 1
    same_terminal
}

# The release build ignores the debug switch.
test_release_ignores_the_panic_switch() {
    launch nopanic "ADVISOR_DEBUG_PANIC=question '$BIN'" || return 1
    keys q
    wait_for "EXIT=0" || return 1
    same_terminal
}

# stderr is a pipe whose reader has gone: the closing message hits EPIPE, the advisor still exits
# cleanly; `recommend` into a pipe closed early ends quietly too.
test_closed_pipe() {
    start pipe
    stty_snapshot before || return 1
    type_line "'$BIN' 2> >(exec 0<&-; true); echo EXIT=\$?"
    wait_for "Press Enter to start" || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    keys Enter
    wait_for "Question 2 of" || return 1
    keys q
    wait_for "Quit" || return 1
    keys y
    wait_for "EXIT=0" || return 1
    same_terminal || return 1
    type_line "clear; '$BIN' recommend --answer project_type=api | head -c 5; echo; echo PIPE=\${PIPESTATUS[0]}"
    wait_for "PIPE=0" || return 1
    same_terminal
}

# Down to 10x5 and back: the answers, the question and the cursor are where they were.
test_tiny_resize_keeps_state() {
    launch tiny "'$BIN'" || return 1
    keys Down Enter
    wait_for "Question 2 of" || return 1
    press_and_settle Down || return 1
    local before
    before=$(screen)
    tmux -L "$SOCKET" resize-window -x 10 -y 5
    local deadline=$(( $(date +%s%N) + 5 * 1000000000 ))
    until [[ $(pane '#{pane_width}x#{pane_height}') == 10x5 ]] && screen | grep -q "too"; do
        (( $(date +%s%N) < deadline )) || { echo "  no small-terminal message" >&2; screen >&2; return 1; }
        sleep 0.05
    done
    tmux -L "$SOCKET" resize-window -x 100 -y 30
    wait_for "Question 2 of" || return 1
    sleep 0.3
    [[ $(screen) == "$before" ]] || { echo "  the screen changed across the resize" >&2; diff <(echo "$before") <(screen) >&2; return 1; }
    keys C-c
    wait_for "EXIT=130" || return 1
    same_terminal
}

# Ctrl-Z then fg: the same question, the same cursor, the same answers.
test_suspend_keeps_state() {
    launch suspend "'$BIN'" || return 1
    keys Down Enter
    wait_for "Question 2 of" || return 1
    press_and_settle Down || return 1
    local before
    before=$(screen)
    keys C-z
    wait_for "Stopped" || return 1
    type_line "fg"
    wait_for "Question 2 of" || return 1
    sleep 0.3
    [[ $(screen) == "$before" ]] || { echo "  the screen changed across Ctrl-Z and fg" >&2; diff <(echo "$before") <(screen) >&2; return 1; }
    # The shell already ran the launch line's `echo EXIT` when the job stopped; `fg` now returns
    # the advisor's exit status.
    keys C-c
    wait_for "advisor: interrupted" || return 1
    type_line 'echo FG=$?'
    wait_for "FG=130" || return 1
    same_terminal
}

# No HOME and no XDG variables: the advisor runs, says progress is not saved, and quits cleanly.
test_no_home() {
    start nohome
    stty_snapshot before || return 1
    type_line "env -u HOME -u XDG_STATE_HOME '$BIN'; echo EXIT=\$?"
    wait_for "Progress is not saved: neither XDG_STATE_HOME nor HOME is set." || return 1
    keys Enter
    wait_for "Question 1 of" || return 1
    keys Enter
    wait_for "Question 2 of" || return 1
    keys q
    wait_for "Quit" || return 1
    keys y
    wait_for "EXIT=0" || return 1
    same_terminal
}

tests=(test_quit_with_q test_ctrl_c test_sigterm test_sighup test_sigquit test_panic_in_a_screen
       test_stack_overflow_in_a_screen test_release_ignores_the_panic_switch test_closed_pipe
       test_tiny_resize_keeps_state test_suspend_keeps_state test_no_home)
for test in "${tests[@]}"; do
    ( set -o pipefail; $test )
    report "${test#test_}" $?
done
[[ -n $SOCKET ]] && tmux -L "$SOCKET" kill-server 2>/dev/null
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
