// Tests of the terminal UI live in this target.
