#ifndef ADVISOR_CNCURSESW_SHIM_H
#define ADVISOR_CNCURSESW_SHIM_H

// Wide-character curses: these must come before the header, and SwiftPM drops pkg-config's -D flags.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>
#include <signal.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Macros and globals Swift can't import (or that Swift 6 rejects as shared mutable state).
static inline WINDOW *advisor_stdscr(void) { return stdscr; }
static inline int advisor_lines(void) { return LINES; }
static inline int advisor_cols(void) { return COLS; }
static inline int advisor_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int advisor_getmaxx(WINDOW *w) { return getmaxx(w); }

static inline attr_t advisor_a_normal(void) { return A_NORMAL; }
static inline attr_t advisor_a_bold(void) { return A_BOLD; }
static inline attr_t advisor_a_reverse(void) { return A_REVERSE; }
static inline attr_t advisor_a_underline(void) { return A_UNDERLINE; }
static inline attr_t advisor_a_dim(void) { return A_DIM; }
static inline attr_t advisor_color_pair(int n) { return COLOR_PAIR(n); }

static inline int advisor_key_resize(void) { return KEY_RESIZE; }
static inline int advisor_key_mouse(void) { return KEY_MOUSE; }
static inline int advisor_ok(void) { return OK; }
static inline int advisor_err(void) { return ERR; }
static inline int advisor_key_code_yes(void) { return KEY_CODE_YES; }

static inline mmask_t advisor_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t advisor_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t advisor_button1_released(void) { return BUTTON1_RELEASED; }

// Function keys.
static inline int advisor_key_up(void) { return KEY_UP; }
static inline int advisor_key_down(void) { return KEY_DOWN; }
static inline int advisor_key_left(void) { return KEY_LEFT; }
static inline int advisor_key_right(void) { return KEY_RIGHT; }
static inline int advisor_key_home(void) { return KEY_HOME; }
static inline int advisor_key_end(void) { return KEY_END; }
static inline int advisor_key_npage(void) { return KEY_NPAGE; }
static inline int advisor_key_ppage(void) { return KEY_PPAGE; }
static inline int advisor_key_backspace(void) { return KEY_BACKSPACE; }
static inline int advisor_key_enter(void) { return KEY_ENTER; }
static inline int advisor_key_btab(void) { return KEY_BTAB; }
static inline int advisor_key_f1(void) { return KEY_F(1); }

// Drawing: attr_set and mvaddnwstr are macros.
static inline int advisor_set_style(attr_t attributes, short pair) { return attr_set(attributes, pair, NULL); }
static inline int advisor_put(int y, int x, const wchar_t *text, int count) {
    return mvaddnwstr(y, x, text, count);
}
static inline void advisor_timeout(int milliseconds) { timeout(milliseconds); }

// The mouse: the position and buttons of the last event.
static inline int advisor_getmouse(int *x, int *y, mmask_t *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *x = event.x;
    *y = event.y;
    *buttons = event.bstate;
    return OK;
}

// Whether the locale chosen by setlocale(LC_ALL, "") encodes UTF-8.
static inline int advisor_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// MARK: - Terminal description
// From term.h, which is not included: its capability macros (`lines`, `columns`, ...) would leak.
struct term;
extern int setupterm(const char *, int, int *);
extern struct term *set_curterm(struct term *);
extern int del_curterm(struct term *);

/// Whether terminfo describes the terminal `name` with cursor addressing (`cup`), which the
/// full-screen advisor needs. Checked without opening the screen; the description loaded to check is
/// freed and curses is left as it was.
static inline int advisor_terminal_can_address(const char *name) {
    struct term *previous = set_curterm(NULL);
    int status = 0;
    int found = setupterm(name, STDOUT_FILENO, &status) == OK;
    int can = 0;
    if (found) {
        const char *cup = tigetstr("cup");
        can = cup != NULL && cup != (const char *)-1;
    }
    struct term *loaded = set_curterm(previous);
    if (loaded != NULL && loaded != previous) del_curterm(loaded);
    return can;
}

// MARK: - Signals
// The handler only records the signal in slots the caller owns (async-signal-safe); the main loop,
// which polls keys with a short timeout, restores the terminal and exits. Slot 0 holds the last
// terminating signal, slot 1 is set by SIGCONT to ask for a full redraw after a stop.
//
// Static storage in this header exists once per object file that uses it, so the only static here
// is the slot pointer, written by the install function and read by the handler it installs (the
// same copy). Callers read and clear the slots through their own pointer.
static volatile sig_atomic_t *advisor_signal_slots = NULL;

static void advisor_record_signal(int signal_number) {
    volatile sig_atomic_t *slots = advisor_signal_slots;
    if (slots == NULL) return;
    if (signal_number == SIGCONT) {
        slots[1] = 1;
    } else {
        slots[0] = signal_number;
    }
}

/// Installs the handlers for SIGTERM, SIGHUP, SIGINT, SIGQUIT and SIGCONT, recording into `slots`
/// (two entries, owned by the caller for the life of the program). Call before initscr, so that
/// ncurses keeps them (it only installs its own where none is set).
static inline void advisor_install_signal_handlers(volatile sig_atomic_t *slots) {
    advisor_signal_slots = slots;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = advisor_record_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGHUP, &action, NULL);
    sigaction(SIGINT, &action, NULL);
    sigaction(SIGQUIT, &action, NULL);
    action.sa_flags = SA_RESTART;
    sigaction(SIGCONT, &action, NULL);
}

/// Reads a slot and clears it, atomically.
static inline int advisor_take_slot(volatile sig_atomic_t *slot) {
    return __atomic_exchange_n(slot, 0, __ATOMIC_SEQ_CST);
}

/// Stops the process group, as Ctrl-Z would (restore the terminal first); returns on SIGCONT.
static inline void advisor_stop_self(void) { kill(0, SIGSTOP); }

// MARK: - Crash handler
// A crash (a Swift trap, a bad access, a stack overflow) must not leave the terminal in raw mode on
// the alternate screen. The handler uses only async-signal-safe calls: tcsetattr with the settings
// saved before initscr, and write() of the escape sequences that leave the alternate screen, reset
// attributes and show the cursor. Then it re-raises the signal with the default action, so the
// process still ends by that signal (and without a Swift backtrace on the user's screen).
//
// As with the signal slots, the state lives in memory the caller owns, handed over by pointer.
#include <termios.h>

struct advisor_crash_state {
    struct termios saved;
    int has_saved;
    int fd;
};

static struct advisor_crash_state *advisor_crash = NULL;

static void advisor_crash_handler(int signal_number) {
    struct advisor_crash_state *state = advisor_crash;
    if (state != NULL && state->has_saved) {
        static const char leave[] = "\033[0m\033[?1049l\033[?25h\r\n";
        ssize_t ignored = write(state->fd, leave, sizeof leave - 1);
        (void)ignored;
        tcsetattr(state->fd, TCSAFLUSH, &state->saved);
        static const char message[] = "advisor: internal error; the terminal has been restored.\n";
        ignored = write(STDERR_FILENO, message, sizeof message - 1);
        (void)ignored;
    }
    signal(signal_number, SIG_DFL);
    raise(signal_number);
}

/// Saves the terminal settings of `fd` into `state` (owned by the caller for the life of the
/// program) and installs the crash handler for SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE and SIGABRT,
/// on an alternate stack of `stack_size` bytes at `stack` so that a stack overflow is caught too.
static inline int advisor_install_crash_handler(struct advisor_crash_state *state, int fd,
                                                void *stack, size_t stack_size) {
    state->fd = fd;
    state->has_saved = tcgetattr(fd, &state->saved) == 0;
    advisor_crash = state;
    stack_t alternate;
    memset(&alternate, 0, sizeof alternate);
    alternate.ss_sp = stack;
    alternate.ss_size = stack_size;
    sigaltstack(&alternate, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = advisor_crash_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_ONSTACK | SA_RESETHAND | SA_NODEFER;
    int signals[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE, SIGABRT };
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) sigaction(signals[i], &action, NULL);
    return state->has_saved;
}

/// Disarms the handler (after the terminal has been given back normally): a later crash then
/// writes nothing. Takes the caller's pointer, since the static above exists once per object file.
static inline void advisor_disarm_crash_handler(struct advisor_crash_state *state) {
    state->has_saved = 0;
}

#endif
