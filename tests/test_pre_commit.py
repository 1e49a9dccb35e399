"""The hooks of .pre-commit-hooks.yaml, run by real pre-commit.

A user repository lists this repository in its .pre-commit-config.yaml, and pre-commit
installs it into a virtual environment of its own (language: python), as it does for any
user. (`pre-commit try-repo` would do the same, but installs afresh on every call.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cli_support import OP_SCOPE_DST, OP_SCOPE_SRC, git_init

ROOT = Path(__file__).resolve().parent.parent
HAND_WORK_SRC = "import tensorflow as tf\nf = tf.op_scope\n"
LINT_SRC = "import tensorflow as tf\nwith tf.name_scope('s'):\n    v = tf.get_variable('v', [1])\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout as it is (uncommitted changes too), committed in a repository of its own:
    a `rev` for the user's configuration."""
    repo = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, check=True, capture_output=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        if (ROOT / name).is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
    git_init(repo)
    git = ["git", "-c", "user.name=test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "hooks"], cwd=repo, check=True)
    return repo


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def run_hook(user_repo: Path, home: Path, hook: str, *files: str) -> subprocess.CompletedProcess:
    pre_commit = shutil.which("pre-commit") or f"{sys.executable} -m pre_commit"
    # No PYTHONPATH: the hook must run the package pre-commit installed, not this checkout.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "NO_COLOR", "FORCE_COLOR")}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run(
        [*pre_commit.split(), "run", hook, "--verbose", "--color", "never", "--files", *files],
        cwd=user_repo, env=env, capture_output=True, text=True, timeout=900,
    )


@pytest.fixture
def user_repo(tmp_path: Path, hook_repo: Path) -> Path:
    git_init(tmp_path)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hook_repo, check=True, capture_output=True, text=True)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {rev.stdout.strip()}\n  hooks:\n"
        "  - id: migrate-scopes\n  - id: migrate-scopes-check\n"
    )
    (tmp_path / "model.py").write_text(OP_SCOPE_SRC)
    (tmp_path / "hand.py").write_text(HAND_WORK_SRC)
    (tmp_path / "lint.py").write_text(LINT_SRC)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)
    return tmp_path


def test_check_hook_fails_on_a_pending_rewrite_and_changes_nothing(user_repo: Path, pre_commit_home: Path) -> None:
    proc = run_hook(user_repo, pre_commit_home, "migrate-scopes-check", "model.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "would migrate model.py" in proc.stdout
    assert (user_repo / "model.py").read_text() == OP_SCOPE_SRC


def test_check_hook_fails_on_a_call_left_for_hand_work(user_repo: Path, pre_commit_home: Path) -> None:
    proc = run_hook(user_repo, pre_commit_home, "migrate-scopes-check", "hand.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "hand.py:2:5: MS102 " in proc.stdout


def test_check_hook_passes_on_lints_alone(user_repo: Path, pre_commit_home: Path) -> None:
    proc = run_hook(user_repo, pre_commit_home, "migrate-scopes-check", "lint.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "lint.py:3:9: MS201 " in proc.stdout


def test_rewrite_hook_migrates_and_pre_commit_reports_the_change(user_repo: Path, pre_commit_home: Path) -> None:
    proc = run_hook(user_repo, pre_commit_home, "migrate-scopes", "model.py", "lint.py")
    assert proc.returncode == 1, proc.stdout + proc.stderr  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in proc.stdout
    assert (user_repo / "model.py").read_text() == OP_SCOPE_DST
    assert (user_repo / "lint.py").read_text() == LINT_SRC
