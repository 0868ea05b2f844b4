#ifndef ADVISOR_CNCURSESW_SHIM_H
#define ADVISOR_CNCURSESW_SHIM_H

// Wide-character curses: these must come before the header, and SwiftPM drops pkg-config's -D flags.
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <locale.h>
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

#endif
