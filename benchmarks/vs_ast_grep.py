"""Whole tree, rewritten in place: migrate-scopes against ast-grep, ratios from one run.

The tree is this interpreter's standard library (every .py file outside `test`/`tests`
directories and site-packages: 799 files for CPython 3.11), with a TensorFlow function
appended to every fourth file:

    with tf.op_scope([x], name, "Scoped") as name_scope:
        with tf.variable_op_scope([x], scope, "Var", reuse=None):

ast-grep (`ast-grep-cli` from the package registry, installed by this script into its own
virtual environment) applies the eight rules in benchmarks/ast_grep/rules/ (the positional
forms; it knows nothing of imports, aliases or evaluation order) with its own threads.
Each round copies the tree afresh for every tool (not timed), then times:

  ast-grep   ast-grep scan -c benchmarks/ast_grep/sgconfig.yml -U TREE
  ours-j2    migrate-scopes -q -j2 TREE   (the installed console script)
  ours-j1    migrate-scopes -q -j1 TREE

and checks that both tools produced the same files.

Usage:  python benchmarks/vs_ast_grep.py [--repeat 3] [--env DIR]
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from pathlib import Path

from installed import console_script

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "ast_grep" / "sgconfig.yml"
APPENDED = '''

import tensorflow as tf


def _scoped_{i}(x, name=None, scope=None):
    with tf.op_scope([x], name, "Scoped") as name_scope:
        with tf.variable_op_scope([x], scope, "Var", reuse=None):
            return tf.identity(x, name=name_scope)
'''
LEFT_OUT = {"test", "tests", "site-packages", "__pycache__"}
#: Directory names migrate-scopes skips by default (virtual environments): renamed in the
#: copy, so that both tools see every file.
RENAMED = {"venv": "venv_pkg"}


def build_tree(dest: Path) -> tuple[int, int]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    files = injected = 0
    for directory, dirs, names in os.walk(stdlib):
        dirs[:] = sorted(d for d in dirs if d not in LEFT_OUT)
        for name in sorted(names):
            if not name.endswith(".py"):
                continue
            source = Path(directory) / name
            parts = [RENAMED.get(part, part) for part in source.relative_to(stdlib).parts]
            out = dest.joinpath(*parts)
            out.parent.mkdir(parents=True, exist_ok=True)
            data = source.read_bytes()
            if files % 4 == 0:
                data = data.rstrip(b"\n") + b"\n" + APPENDED.format(i=files).encode()
                injected += 1
            out.write_bytes(data)
            files += 1
    return files, injected


def ast_grep(env: Path) -> str:
    """The ast-grep executable of our own environment, installed on first use."""
    executable = env / "bin" / "ast-grep"
    if not executable.exists():
        print(f"installing ast-grep-cli into {env}", file=sys.stderr)
        venv.create(env, with_pip=True)
        subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", "ast-grep-cli"], check=True)
    return str(executable)


def timed(cmd: list[str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.decode()[-2000:]}")
    return elapsed


def same_trees(a: Path, b: Path) -> bool:
    comparison = filecmp.dircmp(a, b)
    stack = [comparison]
    while stack:
        current = stack.pop()
        if current.left_only or current.right_only or current.diff_files or current.funny_files:
            return False
        _match, mismatch, errors = filecmp.cmpfiles(current.left, current.right, current.common_files, shallow=False)
        if mismatch or errors:
            return False
        stack.extend(current.subdirs.values())
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="rounds (the best time of each is kept)")
    parser.add_argument("--env", type=Path, default=Path(tempfile.gettempdir()) / "migrate-scopes-bench-ast-grep",
                        help="virtual environment for ast-grep-cli (created when missing)")
    args = parser.parse_args()
    sg = ast_grep(args.env)
    exe = console_script()
    with tempfile.TemporaryDirectory(prefix="migrate-scopes-vs-ast-grep-") as tmp:
        pristine = Path(tmp) / "pristine"
        files, injected = build_tree(pristine)
        print(f"tree: {files} files of the standard library, {injected} with TensorFlow calls", file=sys.stderr)
        commands = {
            "ast-grep": lambda tree: [sg, "scan", "-c", str(CONFIG), "-U", str(tree)],
            "ours-j2": lambda tree: [exe, "-q", "-j2", str(tree)],
            "ours-j1": lambda tree: [exe, "-q", "-j1", str(tree)],
        }
        seconds: dict[str, float] = {}
        trees: dict[str, Path] = {}
        # Interleaved rounds, best of each: other load on the machine hits every tool alike.
        for round_number in range(args.repeat):
            for name, command in commands.items():
                tree = Path(tmp) / f"{name}-{round_number}"
                shutil.copytree(pristine, tree)
                seconds[name] = min(seconds.get(name, float("inf")), timed(command(tree)))
                if name in trees:
                    shutil.rmtree(tree)
                else:
                    trees[name] = tree
        identical = same_trees(trees["ast-grep"], trees["ours-j2"]) and same_trees(trees["ours-j2"], trees["ours-j1"])

    print(f"{'measurement':<16}{'seconds':>10}")
    for name, value in seconds.items():
        print(f"{name:<16}{value:>10.3f}")
    ratios = {
        "ours-j2 / ast-grep": seconds["ours-j2"] / seconds["ast-grep"],
        "ours-j1 / ast-grep": seconds["ours-j1"] / seconds["ast-grep"],
        "ours-j1 / ours-j2": seconds["ours-j1"] / seconds["ours-j2"],
    }
    print(f"\n{'ratio':<24}{'value':>10}")
    for name, value in ratios.items():
        print(f"{name:<24}{value:>10.2f}")
    print(f"\nsame files from both tools: {'yes' if identical else 'NO'}")
    met = ratios["ours-j2 / ast-grep"] <= 1.5
    print(f"[{'met' if met else 'MISSED'}] migrate-scopes -j2 within 1.5x of ast-grep's wall time")


if __name__ == "__main__":
    main()
