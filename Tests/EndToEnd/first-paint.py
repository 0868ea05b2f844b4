#!/usr/bin/env python3
"""Launch-to-first-paint: the advisor's welcome screen against `dialog --menu`, through one pty harness.

    python3 Tests/EndToEnd/first-paint.py PATH/TO/advisor [--runs 21] [--size 120x40]

Each run forks the program on a fresh pseudo-terminal of the given size, feeds everything it writes
to a pyte terminal emulator, and stops the clock when the emulated screen first shows the program's
last-drawn text ("Press Enter to start" for the advisor, the menu's "<Cancel>" button for dialog).
The program is then told to quit (q / Escape) and reaped. Both programs go through exactly the same
code, so the harness's own cost (pty, pyte) is in both figures. Prints medians and the ratio; this
is a benchmark and never fails on a time. Exits 1 only if a program could not be measured.
"""
import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time

import pyte


def first_paint(argv, env, marker, quit_bytes, columns, rows, timeout=5.0):
    """Seconds from fork to the marker appearing on the emulated screen, or None."""
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal, then become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        try:
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    elapsed = None
    deadline = start + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            stream.feed(chunk)
            if any(marker in line for line in screen.display):
                elapsed = time.perf_counter() - start
                break
        try:
            os.write(fd, quit_bytes)
        except OSError:
            pass
        # Drain until the program exits, so the next run starts on an idle machine.
        end = time.perf_counter() + 2
        while time.perf_counter() < end:
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    pass
        else:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    finally:
        os.close(fd)
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("advisor")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.lower().split("x"))
    dialog = shutil.which("dialog")
    if dialog is None:
        print("first-paint: dialog is not installed (apt-get install -y dialog)", file=sys.stderr)
        return 1

    state = tempfile.mkdtemp(prefix="advisor-first-paint.")
    env = {"PATH": "/usr/bin:/bin", "HOME": state, "TERM": "xterm-256color", "LANG": "C.UTF-8",
           "XDG_STATE_HOME": state}
    # A menu as large as the terminal allows, with as many entries as the advisor has questions.
    items = []
    for i in range(1, 14):
        items += [str(i), f"Question {i} of the questionnaire"]
    programs = [
        ("advisor (welcome screen)", [os.path.abspath(args.advisor)], "Press Enter to start", b"q"),
        (f"dialog --menu ({len(items) // 2} entries)",
         [dialog, "--menu", "Choose a Python web framework", str(rows - 2), str(columns - 4), str(rows - 10)] + items,
         "<Cancel>", b"\x1b"),
    ]
    # Interleaved, one run of each program in turn, so that drift in the machine's speed (other
    # work, frequency scaling) falls on both alike.
    for name, argv, marker, quit_bytes in programs:
        first_paint(argv, env, marker, quit_bytes, columns, rows)  # warm-up: page cache, terminfo
    samples = {name: [] for name, *_ in programs}
    for _ in range(args.runs):
        for name, argv, marker, quit_bytes in programs:
            elapsed = first_paint(argv, env, marker, quit_bytes, columns, rows)
            if elapsed is None:
                print(f"first-paint: {name} never showed {marker!r}", file=sys.stderr)
                return 1
            samples[name].append(elapsed)
    medians = {}
    for name, *_ in programs:
        runs = samples[name]
        medians[name] = statistics.median(runs)
        print(f"{name:<36} median {medians[name] * 1e3:7.2f} ms  "
              f"(min {min(runs) * 1e3:.2f}, max {max(runs) * 1e3:.2f}, {args.runs} runs, {columns}x{rows})")
    advisor, peer = medians.values()
    print(f"{'advisor / dialog':<36} {advisor / peer:.2f}x")
    shutil.rmtree(state, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
