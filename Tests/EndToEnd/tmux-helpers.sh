# Shared by tui.sh and terminal-safety.sh: counters, a fresh tmux server per test, screen
# reading and waiting, and PASS/FAIL reporting. Expects WORK (a scratch folder) to be set.

passed=0
failed=0
SOCKET=""

cleanup() {
    # Each test runs in a subshell of its own, so SOCKET here names at most the last server: end
    # every server this script started, by the sockets named after its process id.
    local socket
    for socket in "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/test-$$-"*; do
        [[ -S $socket ]] && tmux -L "${socket##*/}" kill-server 2>/dev/null
    done
    rm -rf "$WORK"
}
trap cleanup EXIT

# MARK: - tmux helpers

# start NAME: a fresh tmux server running a plain shell, with its own state folder.
start() {
    [[ -n $SOCKET ]] && tmux -L "$SOCKET" kill-server 2>/dev/null
    SOCKET="test-$$-$1"
    STATE="$WORK/$1/state"
    mkdir -p "$STATE"
    tmux -L "$SOCKET" -f /dev/null new-session -d -x 100 -y 30 \
        "env -i PATH=/usr/bin:/bin HOME=$WORK/$1 TERM=tmux-256color NCURSES_NO_UTF8_ACS=1 LANG=C.UTF-8 \
         XDG_STATE_HOME=$STATE PS1='$ ' bash --norc --noprofile"
    tmux -L "$SOCKET" set-option -g window-size manual >/dev/null 2>&1
    wait_for '$' 5
}

screen() { tmux -L "$SOCKET" capture-pane -p; }
keys() { tmux -L "$SOCKET" send-keys "$@"; }
type_line() { tmux -L "$SOCKET" send-keys -l "$1"; tmux -L "$SOCKET" send-keys Enter; }
pane() { tmux -L "$SOCKET" display-message -p "$1"; }

# wait_for TEXT [SECONDS]: poll the screen until TEXT appears.
wait_for() {
    local deadline=$(( $(date +%s%N) + ${2:-10} * 1000000000 ))
    while (( $(date +%s%N) < deadline )); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.05
    done
    echo "  timed out waiting for: $1" >&2
    screen | sed 's/^/  | /' >&2
    return 1
}

# wait_change LINE: poll until the progress line (row 0) differs from LINE.
wait_change() {
    local deadline=$(( $(date +%s%N) + 10 * 1000000000 ))
    while (( $(date +%s%N) < deadline )); do
        [[ $(screen | head -1) != "$1" ]] && return 0
        sleep 0.05
    done
    return 1
}

# wait_normal_screen: poll until the program has left the alternate screen.
wait_normal_screen() {
    local deadline=$(( $(date +%s%N) + 10 * 1000000000 ))
    while (( $(date +%s%N) < deadline )); do
        [[ $(pane '#{alternate_on}') == 0 ]] && return 0
        sleep 0.05
    done
    return 1
}

# terminal_restored: the shell has echo and icanon back, the normal screen, and a visible cursor.
terminal_restored() {
    local file="$WORK/stty-$RANDOM"
    type_line "stty -a > $file; echo STTY-DONE"
    wait_for "STTY-DONE" 5 || return 1
    local settings
    settings=" $(tr '\n;' '  ' < "$file") "
    [[ $settings == *" echo "* ]] || { echo "  echo is off: $settings" >&2; return 1; }
    [[ $settings == *" icanon "* ]] || { echo "  icanon is off: $settings" >&2; return 1; }
    [[ $(pane '#{alternate_on}') == 0 ]] || { echo "  still on the alternate screen" >&2; return 1; }
    [[ $(pane '#{cursor_flag}') == 1 ]] || { echo "  cursor hidden" >&2; return 1; }
}

# advisor_pid: the advisor running under the pane's shell.
advisor_pid() { pgrep -P "$(pane '#{pane_pid}')" | head -1; }

# press_and_settle KEY...: sends the keys and waits until the screen shows their effect, so that
# a snapshot taken next is of the state after them, not before.
press_and_settle() {
    local old
    old=$(screen)
    keys "$@"
    local deadline=$(( $(date +%s%N) + 5 * 1000000000 ))
    while [[ $(screen) == "$old" ]]; do
        (( $(date +%s%N) < deadline )) || { echo "  the screen did not change after: $*" >&2; return 1; }
        sleep 0.02
    done
    sleep 0.1
}

report() {
    if [[ $2 == 0 ]]; then
        echo "PASS $1"
        passed=$((passed + 1))
    else
        echo "FAIL $1"
        failed=$((failed + 1))
    fi
}

