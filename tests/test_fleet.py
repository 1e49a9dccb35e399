"""Runs over several repositories, as a fleet tool does: each on its own terms."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from cli_support import OP_SCOPE_DST, OP_SCOPE_SRC, assert_no_traceback, git_init, run_cli, text
from migrate_scopes.config import ConfigResolver

GET_VARIABLE_SRC = "import tensorflow as tf\nwith tf.name_scope('s'):\n    v = tf.get_variable('v', [1])\n"
GET_VARIABLE_WRAPPED = GET_VARIABLE_SRC.replace("'v'", "'s/v'")


def write(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body)
    return path


def two_repositories(root: Path) -> None:
    """repoA excludes legacy/ and wraps get_variable; repoB has no configuration of its own."""
    # Above both work trees: must govern neither (the search stops at a work tree's top).
    write(root / "pyproject.toml", "[tool.migrate-scopes]\nexclude = ['m.py']\nwrap-get-variable = true\n")
    for name in ("repoA", "repoB"):
        git_init(root / name)
        write(root / name / "m.py", GET_VARIABLE_SRC)
        write(root / name / "legacy" / "old.py", OP_SCOPE_SRC)
        write(root / name / "tools" / "t.py", GET_VARIABLE_SRC)
    write(root / "repoA" / "pyproject.toml",
          "[tool.migrate-scopes]\nexclude = ['legacy/']\nwrap-get-variable = true\n")
    # Without the table: skipped, tools/ follows repoA's configuration (as ruff skips one without [tool.ruff]).
    write(root / "repoA" / "tools" / "pyproject.toml", "[tool.black]\nline-length = 99\n")
    # With the table: the nearest one governs below it.
    write(root / "repoA" / "lib" / "pyproject.toml", "[tool.migrate-scopes]\nwrap-get-variable = false\n")
    write(root / "repoA" / "lib" / "l.py", GET_VARIABLE_SRC)
    write(root / "repoA" / "lib" / "legacy" / "old.py", OP_SCOPE_SRC)


def test_each_file_follows_the_nearest_configuration(tmp_path: Path) -> None:
    two_repositories(tmp_path)
    proc = run_cli("repoA", "repoB", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert_no_traceback(proc)
    a, b = tmp_path / "repoA", tmp_path / "repoB"
    assert (a / "m.py").read_text() == GET_VARIABLE_WRAPPED
    assert (a / "tools" / "t.py").read_text() == GET_VARIABLE_WRAPPED
    assert (a / "legacy" / "old.py").read_text() == OP_SCOPE_SRC  # repoA's exclude
    assert (a / "lib" / "l.py").read_text() == GET_VARIABLE_SRC  # lib's own: no wrapping
    assert (a / "lib" / "legacy" / "old.py").read_text() == OP_SCOPE_DST  # lib's has no exclude
    assert (b / "m.py").read_text() == GET_VARIABLE_SRC  # repoB: defaults, not the outer file
    assert (b / "tools" / "t.py").read_text() == GET_VARIABLE_SRC
    assert (b / "legacy" / "old.py").read_text() == OP_SCOPE_DST


def test_command_line_and_explicit_config_win_for_every_file(tmp_path: Path) -> None:
    two_repositories(tmp_path)
    proc = run_cli("--check", "--no-wrap-get-variable", "repoA", "repoB", cwd=tmp_path)
    assert proc.returncode == 1 and "2 would change" in text(proc.stderr)  # the two legacy files not excluded
    explicit = write(tmp_path / "fleet.toml", "[tool.migrate-scopes]\nwrap-get-variable = true\n")
    proc = run_cli("--config", str(explicit), "repoA", "repoB", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    for repo in ("repoA", "repoB"):
        assert (tmp_path / repo / "m.py").read_text() == GET_VARIABLE_WRAPPED
        assert (tmp_path / repo / "legacy" / "old.py").read_text() == OP_SCOPE_DST
    assert (tmp_path / "repoA" / "lib" / "l.py").read_text() == GET_VARIABLE_WRAPPED


def test_a_named_file_follows_its_own_repository(tmp_path: Path) -> None:
    two_repositories(tmp_path)
    proc = run_cli("--force-exclude", "repoA/legacy/old.py", "repoA/m.py", "repoB/m.py", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    assert (tmp_path / "repoA" / "legacy" / "old.py").read_text() == OP_SCOPE_SRC
    assert (tmp_path / "repoA" / "m.py").read_text() == GET_VARIABLE_WRAPPED
    assert (tmp_path / "repoB" / "m.py").read_text() == GET_VARIABLE_SRC


def test_a_bad_configuration_deep_in_a_tree_stops_the_run_before_any_write(tmp_path: Path) -> None:
    two_repositories(tmp_path)
    write(tmp_path / "repoB" / "tools" / "pyproject.toml", "[tool.migrate-scopes]\npasses = ['nonsense']\n")
    proc = run_cli("repoA", "repoB", cwd=tmp_path)
    assert proc.returncode == 2
    assert "repoB/tools/pyproject.toml" in text(proc.stderr) and "nonsense" in text(proc.stderr)
    assert_no_traceback(proc)
    assert (tmp_path / "repoA" / "m.py").read_text() == GET_VARIABLE_SRC


def test_each_pyproject_is_read_once_however_many_files_it_governs(tmp_path: Path) -> None:
    git_init(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.migrate-scopes]\nwrap-get-variable = true\n")
    write(tmp_path / "pkg" / "pyproject.toml", "[tool.black]\n")
    files = [tmp_path / "pkg" / f"d{d}" / f"e{e}" / f"f{f}.py" for d in range(10) for e in range(5) for f in range(20)]
    resolver = ConfigResolver()
    configs = {resolver.for_path(str(path)).source for path in files}
    assert configs == {str(tmp_path / "pyproject.toml")}
    assert resolver.files_read == 2  # 1,000 files, 61 directories, two pyproject.toml files


ROOT = Path(__file__).resolve().parent.parent


def _notebook(source: list[str], newline: str = "\n", final_newline: bool = True) -> str:
    import json

    cell = {"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": [], "source": source}
    text = json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1)
    return text.replace("\n", newline) + (newline if final_newline else "")


def _fleet_repository(repo: Path) -> None:
    """Every golden input and notebook (BOM, latin-1 cookie, CRLF, Python 2, magics), and a few more."""
    for source in sorted((ROOT / "testdata" / "cases").glob("*/*/input.*")):
        case = source.parent
        (repo / case.parent.name).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, repo / case.parent.name / (case.name + source.suffix))
    (repo / "crlf.py").write_bytes(OP_SCOPE_SRC.replace("\n", "\r\n").encode())
    (repo / "no_final_newline.py").write_bytes(OP_SCOPE_SRC.rstrip("\n").encode())
    lines = OP_SCOPE_SRC.rstrip("\n").splitlines(keepends=True)
    (repo / "crlf.ipynb").write_bytes(_notebook(lines, "\r\n").encode())
    (repo / "no_final_newline.ipynb").write_bytes(_notebook(lines, final_newline=False).encode())
    (repo / "bom.ipynb").write_bytes(b"\xef\xbb\xbf" + _notebook(lines).encode())
    git_init(repo)


def _tree_bytes(top: Path) -> dict[str, bytes]:
    return {str(p.relative_to(top)): p.read_bytes() for p in sorted(top.rglob("*")) if p.is_file() and ".git" not in p.parts}


def test_diff_piped_into_git_apply_reproduces_the_in_place_run(tmp_path: Path) -> None:
    patched, in_place = tmp_path / "patched", tmp_path / "in_place"
    _fleet_repository(patched)
    shutil.copytree(patched, in_place)
    before = _tree_bytes(patched)
    diff = run_cli("--diff", ".", cwd=patched)
    assert diff.returncode == 0, text(diff.stderr)
    assert _tree_bytes(patched) == before  # --diff writes nothing
    applied = subprocess.run(["git", "apply", "-"], cwd=patched, input=diff.stdout, capture_output=True)
    assert applied.returncode == 0, text(applied.stderr)
    assert run_cli(".", cwd=in_place).returncode == 0
    after = _tree_bytes(in_place)
    changed = {name for name in after if after[name] != before[name]}
    assert {"crlf.ipynb", "no_final_newline.ipynb", "bom.ipynb", "notebooks/magics_and_imports.ipynb",
            "crlf.py", "no_final_newline.py", "scopes/latin1_cookie.py"} <= changed
    assert _tree_bytes(patched) == after


def _stdout_on_a_terminal(*args: str, cwd: Path) -> str:
    import pty

    primary, secondary = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    proc = subprocess.Popen([shutil.which("migrate-scopes"), *args], cwd=cwd, stdout=secondary,
                            stderr=subprocess.PIPE, env={**env, "NO_COLOR": "1"})
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    proc.communicate(timeout=120)
    os.close(primary)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_notebook_diff_is_per_cell_on_a_terminal_and_a_patch_elsewhere(tmp_path: Path) -> None:
    lines = OP_SCOPE_SRC.rstrip("\n").splitlines(keepends=True)
    (tmp_path / "nb.ipynb").write_text(_notebook(lines))
    cells_header = "--- a/nb.ipynb (code cell 1)"
    on_terminal = _stdout_on_a_terminal("--diff", "nb.ipynb", cwd=tmp_path)
    assert cells_header in on_terminal and '+    with tf.name_scope(name, "F", [x]):' in on_terminal
    piped = text(run_cli("--diff", "nb.ipynb", cwd=tmp_path).stdout)
    assert piped.startswith("diff --git a/nb.ipynb b/nb.ipynb\n") and cells_header not in piped
    assert '+    "    with tf.name_scope(name, \\"F\\", [x]):\\n",' in piped
    forced = _stdout_on_a_terminal("--diff", "--diff-notebooks", "patch", "nb.ipynb", cwd=tmp_path)
    assert forced.startswith("diff --git a/nb.ipynb b/nb.ipynb\n")
    assert cells_header in text(run_cli("--diff", "--diff-notebooks=cells", "nb.ipynb", cwd=tmp_path).stdout)


def _markdown_repository(repo: Path) -> None:
    git_init(repo)
    write(repo / "pkg" / "model.py", OP_SCOPE_SRC)
    shutil.copy(ROOT / "testdata" / "cases" / "scopes" / "findings" / "input.py", repo / "pkg" / "findings.py")
    write(repo / "pkg" / "layers.py", GET_VARIABLE_SRC)
    write(repo / "pkg" / "broken.py", "import tensorflow as tf\nwith tf.op_scope([x], 'n'\n")
    write(repo / "nb.ipynb", _notebook(["import tensorflow as tf\n", "f = tf.op_scope"]))
    write(repo / "py2.py", "import tensorflow as tf\nprint 'x'\nwith tf.op_scope([x], 'n'):\n    pass\n")


def _section(markdown: str, title: str) -> list[str]:
    body = markdown.split(f"\n### {title}", 1)[1].split("\n### ", 1)[0]
    return [line for line in body.splitlines() if line.startswith("- ")]


def test_markdown_summary_for_a_pull_request(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    _markdown_repository(repo)
    proc = run_cli("--markdown", "../pr.md", "--wrap-get-variable", ".", cwd=repo)
    assert proc.returncode == 2, text(proc.stderr)  # broken.py
    md = (tmp_path / "pr.md").read_text()
    # A commit message too: a plain subject line, a blank line, then the body.
    assert md.splitlines()[:2] == ["Move off TensorFlow's deprecated op_scope / variable_op_scope", ""]
    assert "migrate-scopes rewrote 4 calls in 4 files (6 files scanned)" in md
    assert _section(md, "Files changed") == [
        "- `pkg/findings.py`: 1 call", "- `pkg/layers.py`: 1 call", "- `pkg/model.py`: 1 call", "- `py2.py`: 1 call"]
    hand = _section(md, "Left for hand work")
    assert [line.split(":", 2)[:2] for line in hand] == [
        ["- `nb.ipynb", "cell 1"], ["- `pkg/findings.py", "10`"], ["- `pkg/findings.py", "15`"],
        ["- `pkg/findings.py", "20`"], ["- `pkg/findings.py", "25`"], ["- `pkg/findings.py", "30`"]]
    assert hand[0].startswith("- `nb.ipynb:cell 1:2`: MS102 op_scope is used without being called")
    assert hand[1].startswith("- `pkg/findings.py:10`: MS101 op_scope() is called with \\*args")
    assert "### Lints" not in md  # wrapped: no get_variable left under a name scope
    assert [line.split(" ", 2)[:2] for line in _section(md, "Notes")] == [["-", "`py2.py:1`:"]]
    assert _section(md, "Renamed variables (checkpoints!)") == ["- `pkg/layers.py:3`: `v` → `s/v`"]
    errors = _section(md, "Errors")
    assert len(errors) == 1 and errors[0].startswith("- `pkg/broken.py`: ")
    assert [p.name for p in tmp_path.iterdir()] == ["pr.md", "repo"]  # no temporary file left


def test_markdown_in_check_mode_lists_lints_and_what_would_change(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    git_init(repo)
    write(repo / "model.py", OP_SCOPE_SRC)
    write(repo / "layers.py", GET_VARIABLE_SRC)
    proc = run_cli("--check", "--markdown", str(tmp_path / "pr.md"), ".", cwd=repo)
    assert proc.returncode == 1
    md = (tmp_path / "pr.md").read_text()
    assert "migrate-scopes would rewrite 1 call in 1 file (2 files scanned)" in md
    assert _section(md, "Files to change") == ["- `model.py`: 1 call"]
    assert _section(md, "Lints") == [
        '- `layers.py:3`: MS201 get_variable("v") is not prefixed by name_scope "s" (get_variable ignores '
        "name scopes; use variable_scope, or --wrap-get-variable to add the prefix)"
    ]
    assert "### Left for hand work" not in md and "### Errors" not in md
    assert (repo / "model.py").read_text() == OP_SCOPE_SRC


def test_markdown_says_what_was_rewritten_and_only_that(tmp_path: Path) -> None:
    """A change that only prefixes get_variable names is not described as an op_scope migration."""
    repo = tmp_path / "repo"
    git_init(repo)
    write(repo / "layers.py", GET_VARIABLE_SRC)
    run_cli("--wrap-get-variable", "--markdown", str(tmp_path / "pr.md"), ".", cwd=repo)
    title, _, headline = (tmp_path / "pr.md").read_text().splitlines()[:3]
    assert title == "Fix TensorFlow scope pitfalls: get_variable under a name scope, positional reuse"
    assert headline == (
        "migrate-scopes rewrote 1 call in 1 file (1 file scanned): "
        "`get_variable` names prefixed with their name scope's name."
    )
    write(repo / "model.py", OP_SCOPE_SRC)
    write(repo / "layers.py", GET_VARIABLE_SRC)
    run_cli("--check", "--wrap-get-variable", "--markdown", str(tmp_path / "pr.md"), ".", cwd=repo)
    title, _, headline = (tmp_path / "pr.md").read_text().splitlines()[:3]
    assert title == "Move off TensorFlow's deprecated op_scope / variable_op_scope"
    assert headline.endswith(
        "(2 files scanned): `op_scope` → `name_scope`, `variable_op_scope` → `variable_scope`, with the "
        "arguments rebound to the new order; `get_variable` names prefixed with their name scope's name."
    )


def test_markdown_path_that_cannot_be_written_stops_the_run_first(tmp_path: Path) -> None:
    write(tmp_path / "model.py", OP_SCOPE_SRC)
    for bad in (str(tmp_path / "missing" / "pr.md"), str(tmp_path)):
        proc = run_cli("--markdown", bad, str(tmp_path / "model.py"))
        assert proc.returncode == 2
        assert "--markdown" in text(proc.stderr) and "bug" not in text(proc.stderr)
        assert_no_traceback(proc)
        assert (tmp_path / "model.py").read_text() == OP_SCOPE_SRC


def test_markdown_is_written_whole_or_not_at_all(tmp_path: Path, monkeypatch) -> None:
    from migrate_scopes.files import io
    from migrate_scopes.outcome import Mode
    from migrate_scopes.report import MarkdownReport, Totals

    target = tmp_path / "pr.md"
    target.write_text("previous summary\n")
    MarkdownReport(Mode.WRITE, output=str(target)).finish(Totals())
    written = target.read_text()
    assert written.startswith("Move off TensorFlow's deprecated")
    assert [p.name for p in tmp_path.iterdir()] == ["pr.md"]

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(io.os, "replace", interrupted)
    try:
        MarkdownReport(Mode.CHECK, output=str(target)).finish(Totals())
    except KeyboardInterrupt:
        pass
    assert target.read_text() == written
    assert [p.name for p in tmp_path.iterdir()] == ["pr.md"]


def test_command_line_settings_replace_only_what_they_set() -> None:
    from dataclasses import replace

    from migrate_scopes.config import Config, overridden
    from migrate_scopes.pipeline import JobSettings

    base = Config(source="p/pyproject.toml", exclude=("x/",), jobs=2, passes=("scopes",), wrap_get_variable=True)
    assert overridden(base, Config()) is base
    assert overridden(base, Config(wrap_get_variable=False)) == replace(base, wrap_get_variable=False)
    assert overridden(base, Config(exclude=("y/",), source="q")) is base  # excludes keep their own base
    options = JobSettings.for_config("check", base).options
    assert options.wrap_get_variable is True and options.passes == frozenset({"scopes"})


def _documented_report_fields() -> set[str]:
    import re

    readme = (ROOT / "README.md").read_text()
    section = readme.split("\n### JSON report\n", 1)[1].split("\n### ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, re.M))


def _field_paths(value: object) -> set[str]:
    """Every field: `a.b` inside objects, `a[]` for a list of objects (and `a[].b` for theirs)."""
    paths: set[str] = set()

    def visit(node: object, name: str) -> None:
        if isinstance(node, dict):
            for key, child in node.items():
                visit(child, f"{name}.{key}" if name else key)
        elif isinstance(node, list) and any(isinstance(child, dict) for child in node):
            paths.add(name + "[]")
            for child in node:
                visit(child, name + "[]")
        else:
            paths.add(name)

    visit(value, "")
    return {p for p in paths if p + "[]" not in paths}  # an empty list of records is still a list of them


def test_readme_documents_every_field_of_the_json_report(tmp_path: Path) -> None:
    import json

    repo = tmp_path / "repo"
    _markdown_repository(repo)  # rewrites, findings in a file and in a notebook cell, an error
    write(repo / "pyproject.toml", "[tool.migrate-scopes]\nwrap-get-variable = true\n")  # a rename
    proc = run_cli("--check", "--report", "../report.json", ".", "missing.py", cwd=repo)
    assert proc.returncode == 2, text(proc.stderr)
    report = json.loads((tmp_path / "report.json").read_text())
    produced = _field_paths(report)
    for kind in ("rewrites", "findings", "renames"):  # the run must show every kind of record
        assert f"files[].{kind}[]" in produced
    documented = _documented_report_fields()
    assert produced - documented == set(), "fields produced but not documented in README"
    assert documented - produced == set(), "fields documented in README but not produced"
    assert report["tool"]["version"] == text(run_cli("--version").stdout).split()[-1]
    assert report["options"]["paths"] == [".", "missing.py"] and report["mode"] == "check"
    by_path = {f["path"]: f for f in report["files"]}
    assert by_path["pkg/model.py"]["status"] == "changed" and by_path["pkg/model.py"]["config"] == str(
        repo / "pyproject.toml")
    assert by_path["missing.py"]["status"] == "error"


def _fleet_section() -> str:
    readme = (ROOT / "README.md").read_text()
    return readme.split("\n### Many repositories (fleet tools)\n", 1)[1].split("\n### ", 1)[0]


def test_readme_batch_spec_step_runs_and_prints_the_pull_request_body(tmp_path: Path) -> None:
    import re

    import yaml

    spec = yaml.safe_load(re.search(r"```yaml\n(.*?)```", _fleet_section(), re.S).group(1))
    step = spec["steps"][0]
    assert "${{ step.stdout }}" == step["outputs"]["summary"]["value"]
    assert spec["changesetTemplate"]["body"] == "${{ outputs.summary }}"
    script = "\n".join(line for line in step["run"].splitlines() if not line.startswith("pip install"))
    repo = tmp_path / "repo"
    git_init(repo)
    write(repo / "model.py", OP_SCOPE_SRC)
    proc = subprocess.run(["sh", "-c", script], cwd=repo, capture_output=True)
    assert proc.returncode == 0, text(proc.stderr)
    body = text(proc.stdout)
    assert body.startswith(spec["changesetTemplate"]["title"] + "\n\nmigrate-scopes rewrote 1 call in 1 file")
    assert "- `model.py`: 1 call" in body
    assert (repo / "model.py").read_text() == OP_SCOPE_DST
    assert not (repo / "migrate-scopes.md").exists()


def test_readme_fleet_commands_use_options_that_exist() -> None:
    import re

    help_text = text(run_cli("--help").stdout)
    commands = re.findall(r"migrate-scopes((?: --?[a-z][-a-z]*)+)", _fleet_section())
    options = {option for command in commands for option in command.split()}
    assert {"--quiet", "--markdown"} <= options
    assert all(option in help_text for option in options), options


def test_a_directory_reached_through_a_symbolic_link_follows_its_target_repository(tmp_path: Path) -> None:
    two_repositories(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.migrate-scopes]\nwrap-get-variable = false\n")
    (tmp_path / "work").mkdir()
    (tmp_path / "work" / "tools").symlink_to(tmp_path / "repoA" / "tools")
    proc = run_cli("tools", cwd=tmp_path / "work")  # above the link: the outer file; above its target: repoA's
    assert proc.returncode == 0, text(proc.stderr)
    assert (tmp_path / "repoA" / "tools" / "t.py").read_text() == GET_VARIABLE_WRAPPED


def test_a_whole_run_reads_each_pyproject_once(tmp_path: Path) -> None:
    from migrate_scopes.cli.run import PerFileSettings, RunRequest
    from migrate_scopes.discover import discover

    git_init(tmp_path)
    write(tmp_path / "pyproject.toml", "[tool.migrate-scopes]\nexclude = ['gen/']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.migrate-scopes]\nwrap-get-variable = true\n")
    for d in range(20):
        for f in range(10):
            write(tmp_path / ("sub" if d % 2 else "top") / f"d{d}" / f"f{f}.py", "")
    request = RunRequest(paths=[str(tmp_path)], mode="check")
    per_file = PerFileSettings(request)
    found = discover(request.paths, (), False, per_file.excludes_for)
    settings = [per_file.for_file(path) for path in found.files]
    assert len(found.files) == 200 and request.resolver.files_read == 2
    assert sum(s.options.wrap_get_variable for s in settings) == 100
    assert len({id(s) for s in settings}) == 2  # one JobSettings per configuration, shared by its files


def test_markdown_quotes_a_file_name_that_would_break_its_line(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    git_init(repo)
    write(repo / "two\nlines.py", OP_SCOPE_SRC)
    proc = run_cli("--markdown", "../pr.md", ".", cwd=repo)
    assert proc.returncode == 0, text(proc.stderr)
    assert _section((tmp_path / "pr.md").read_text(), "Files changed") == ['- `"two\\nlines.py"`: 1 call']


def test_each_repository_selects_its_own_findings(tmp_path: Path) -> None:
    for name in ("repoA", "repoB"):
        git_init(tmp_path / name)
        write(tmp_path / name / "layers.py", GET_VARIABLE_SRC)
        write(tmp_path / name / "reuse.py", "import tensorflow as tf\nwith tf.variable_scope('rnn', reuse):\n    pass\n")
    write(tmp_path / "repoA" / "pyproject.toml", "[tool.migrate-scopes]\nignore = ['MS201']\n")
    proc = run_cli("--markdown", "pr.md", "repoA", "repoB", cwd=tmp_path)
    assert proc.returncode == 0, text(proc.stderr)
    lints = _section((tmp_path / "pr.md").read_text(), "Lints")
    assert [line.split(":")[0] for line in lints] == ["- `repoA/reuse.py", "- `repoB/layers.py", "- `repoB/reuse.py"]
    assert ": MS302 " in lints[0] and ": MS201 " in lints[1]
    assert "repoA/layers.py" not in text(proc.stderr) and "repoB/layers.py:3:" in text(proc.stderr)
