// The terminal UI: screens as pure state rendered into a canvas, on ncurses or an in-memory grid.
