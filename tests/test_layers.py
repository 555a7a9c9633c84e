"""The layers contract bites: an exports module that imports ui/ (even for a label) fails lint-imports."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def lint(tree: Path) -> subprocess.CompletedProcess[str]:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    return subprocess.run([str(lint_imports), "--config", str(tree / "pyproject.toml"), "--no-cache"],
                          cwd=tree, capture_output=True, text=True, env={"PYTHONPATH": str(tree)}, timeout=120)


@pytest.mark.slow
@pytest.mark.parametrize(("module", "line"), [
    ("exports/output.py", "from ot62443_desktop.ui import labels"),
    ("storage/fsutil.py", "import ot62443_desktop.exports.labels"),
    ("domain/model.py", "from ot62443_desktop import paths"),
    ("exports/labels.py", "import ot62443_desktop.api"),
])
def test_an_import_against_the_layers_breaks_the_contract(tmp_path: Path, module: str, line: str) -> None:
    if not Path(sys.executable).with_name("lint-imports").exists():
        pytest.skip("import-linter is not installed")
    tree = tmp_path / "tree"
    shutil.copytree(ROOT / "ot62443_desktop", tree / "ot62443_desktop",
                    ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tree / "pyproject.toml")
    assert lint(tree).returncode == 0
    target = tree / "ot62443_desktop" / module
    target.write_text(target.read_text() + f"\n{line}  # noqa\n")
    result = lint(tree)
    assert result.returncode != 0 and "BROKEN" in result.stdout, result.stdout[-2000:]
