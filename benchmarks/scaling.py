"""Cost of one file as its calls grow, reported as ratios measured in one run.

Generates files of N functions, each `with tf.op_scope([x], name, "F") as scope:` around a
`tf.variable_op_scope(...)` (two calls per function), and times `migrate-scopes -q --diff
-j1 FILE` (the installed console script, start-up included) on each, with the peak memory
of that process. Against the same 2,000-call file: LibCST parsing and printing the whole
file (`parse_module(...).code`), in its own process too.

  growth   time(8 N calls) / time(N calls): linear work gives at most 8 (start-up makes it less)
  libcst   time(2,000 calls) / LibCST's whole-file round trip of the same file

Usage:  python benchmarks/scaling.py [--repeat 3] [--max-calls 20000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from installed import console_script

FUNCTION = '''
def layer_{i}(x, name=None, scope=None):
    with tf.op_scope([x], name, "F{i}") as scope:
        with tf.variable_op_scope([x], scope, "V{i}", reuse=None):
            w = tf.get_variable("w", [1])
            return x * w
'''
LIBCST_ROUND_TRIP = "import sys, libcst; libcst.parse_module(open(sys.argv[1]).read()).code"
GIB = 1 << 30


def write_file(path: Path, calls: int) -> None:
    body = "".join(FUNCTION.format(i=i) for i in range(calls // 2))
    path.write_text("import tensorflow as tf\n\n" + body)


def run(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (bytes) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = proc.stderr.read() if proc.stderr else b""
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{stderr.decode()[-2000:]}")
    return elapsed, usage.ru_maxrss * 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (the best time of each is kept)")
    parser.add_argument("--max-calls", type=int, default=20_000, help="largest file (calls)")
    args = parser.parse_args()
    sizes = [n for n in (250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000) if n <= args.max_calls]
    exe = console_script()
    seconds: dict[str, float] = {}
    memory: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="migrate-scopes-scaling-") as tmp:
        files = {n: Path(tmp) / f"layers_{n}.py" for n in sizes}
        for n, path in files.items():
            write_file(path, n)
        commands = {f"ours {n}": [exe, "-q", "--diff", "-j1", str(path)] for n, path in files.items()}
        if 2000 in files:
            commands["libcst 2000"] = [sys.executable, "-c", LIBCST_ROUND_TRIP, str(files[2000])]
        # Interleaved rounds, best of each: other load on the machine hits every size alike.
        for _ in range(args.repeat):
            for name, cmd in commands.items():
                elapsed, peak = run(cmd)
                seconds[name] = min(seconds.get(name, float("inf")), elapsed)
                memory[name] = max(memory.get(name, 0), peak)

    print(f"{'measurement':<16}{'seconds':>10}{'peak MB':>10}")
    for name in commands:
        print(f"{name:<16}{seconds[name]:>10.3f}{memory[name] / 1e6:>10.0f}")
    ratios: dict[str, float] = {}
    for small in sizes:
        if 8 * small in files:
            ratios[f"growth {small} -> {8 * small}"] = seconds[f"ours {8 * small}"] / seconds[f"ours {small}"]
    if "libcst 2000" in seconds:
        ratios["ours 2000 / libcst 2000"] = seconds["ours 2000"] / seconds["libcst 2000"]
    print(f"\n{'ratio':<28}{'value':>10}")
    for name, value in ratios.items():
        print(f"{name:<28}{value:>10.2f}")
    print()
    for name, value in ratios.items():
        if name.startswith("growth"):
            print(f"[{'met' if value <= 10 else 'MISSED'}] {name}: at most 10x the time for 8x the calls")
    if "ours 2000 / libcst 2000" in ratios:
        met = ratios["ours 2000 / libcst 2000"] <= 0.5
        print(f"[{'met' if met else 'MISSED'}] 2,000 calls in at most half of LibCST's whole-file round trip")
    largest = f"ours {sizes[-1]}"
    print(f"[{'met' if memory[largest] < GIB else 'MISSED'}] {sizes[-1]} calls in under 1 GiB "
          f"({memory[largest] / GIB:.2f} GiB)")


if __name__ == "__main__":
    main()
