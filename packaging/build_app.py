#!/usr/bin/env python3
"""Build the one-folder OT 62443 Workbook with PyInstaller, then run the result headless to prove it works.

A frozen Qt program can build without a warning and still fail on the laptop (a missing plugin, catalogue or
font), where nobody can fetch a fix. So the build only counts once the built program itself has run: `--version`,
`demo`, `summary --json`, `catalog list --json`, `export --xlsx --pdf` and `gui --demo` (also in French), offscreen
and, where the kernel allows it, inside a network namespace with no network at all.

Usage: python packaging/build_app.py [--smoke-only] [--archive] [--installer (Windows)]
Outputs: packaging/build/ (scratch) and packaging/dist/ot62443/ (the application folder).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BUILD = HERE / "build"
DIST = HERE / "dist"
SPEC = HERE / "ot62443.spec"
APP = "ot62443"
PYINSTALLER = "pyinstaller>=6.5"

# Qt libraries and Python bindings that must never be in the bundle: the network stack, and the big modules we
# do not use. Matched against lower-cased file names; the spec drops them and check_bundle() proves it.
FORBIDDEN_LIBRARIES = re.compile(
    r"qt6?(network|qml|quick|webengine|webchannel|websockets|httpserver|pdf|virtualkeyboard|designer"
    r"|waylandcompositor|multimedia|3d)"
)

# What the CLI prints while a feature is still missing (cli.py). The smoke run accepts exactly these lines as
# "not there yet" and nothing else, so it turns strict on its own the day the feature lands.
# The GUI quits by itself after this many milliseconds (ui/app.py); the smoke run fails if it is not gone in time.
GUI_QUIT_ENV = "OT62443_QUIT_AFTER_MS"
GUI_QUIT_MS = 3000
GUI_WAIT_S = 60.0
# Plugins a window on a laptop cannot do without, as glob patterns under PySide6/Qt/plugins (SVG icons included).
REQUIRED_PLUGINS = {
    "linux": ["platforms/*qxcb*", "platforms/*qwayland*", "platforms/*qoffscreen*", "imageformats/*qsvg*",
              "iconengines/*qsvgicon*", "platforminputcontexts/*compose*"],
    "win32": ["platforms/qwindows*", "platforms/qoffscreen*", "imageformats/qsvg*", "iconengines/qsvgicon*"],
    "darwin": ["platforms/*qcocoa*", "platforms/*qoffscreen*", "imageformats/*qsvg*", "iconengines/*qsvgicon*"],
}

# Left out of the copy the wheel is built from: scratch, caches, tests and the packaging outputs themselves.
SOURCE_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "build", "dist", "__pycache__", "*.egg-info", ".pytest_cache", ".mypy_cache",
    ".ruff_cache", ".hypothesis", ".import_linter_cache", "*.ot62443", "*.ot62443.*", "packaging", "tests",
)


class BuildError(Exception):
    """A build or smoke step failed; the message says which and why."""


def run(cmd: Sequence[str | Path], *, env: Mapping[str, str] | None = None, cwd: Path | None = None,
        timeout: float | None = None) -> subprocess.CompletedProcess[str]:
    """Run a command, capturing text output; never raises on a non-zero exit (callers judge the result)."""
    return subprocess.run([str(c) for c in cmd], env=dict(env) if env is not None else None, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout, check=False)


def run_checked(cmd: Sequence[str | Path], what: str, *, env: Mapping[str, str] | None = None,
                cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run a build step and stop the build with its output if it fails."""
    result = run(cmd, env=env, cwd=cwd)
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit {result.returncode}):\n{result.stdout[-4000:]}{result.stderr[-4000:]}")
    return result


def ensure_pyinstaller() -> None:
    """PyInstaller is a build tool, not a runtime dependency: install it into this environment only when missing."""
    probe = run([sys.executable, "-c", "import PyInstaller"])
    if probe.returncode == 0:
        return
    print(f"installing {PYINSTALLER} into {sys.prefix} (build tool only)")
    run_checked([sys.executable, "-m", "pip", "install", "-q", PYINSTALLER], "pip install pyinstaller")


def build_project_wheel(dest: Path) -> Path:
    """Build the project's wheel from a clean copy of the tree, so stale build/ leftovers cannot leak into it."""
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("ot62443_workbook-*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory(prefix="ot62443-src-") as tmp:
        src = Path(tmp) / "src"
        shutil.copytree(ROOT, src, ignore=SOURCE_IGNORE)
        run_checked([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dest, src], "pip wheel (project)")
    wheels = sorted(dest.glob("ot62443_workbook-*.whl"))
    if len(wheels) != 1:
        raise BuildError(f"expected one project wheel in {dest}, found {[w.name for w in wheels]}")
    return wheels[0]


def stage_package(build: Path = BUILD) -> Path:
    """Install the project's own wheel (no dependencies) into build/stage: the spec freezes what users install."""
    wheel = build_project_wheel(build / "wheel")
    stage = build / "stage"
    shutil.rmtree(stage, ignore_errors=True)
    run_checked([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", stage, wheel],
                "pip install --target (stage)")
    return stage


def package_version(stage: Path) -> str:
    """The version the staged package declares (the one `--version` must print)."""
    text = (stage / "ot62443_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise BuildError("no __version__ in ot62443_desktop/__init__.py")
    return match.group(1)


def make_icons(svg: Path, out: Path) -> Path:
    """Render the SVG icon to PNG and a multi-size ICO (Windows executables and the installer need ICO)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"{svg}: not a valid SVG")
    out.mkdir(parents=True, exist_ok=True)
    png = out / "ot62443-256.png"
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise BuildError(f"could not write {png}")
    sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    with Image.open(png) as picture:
        picture.save(out / "ot62443.ico", sizes=sizes)
    return out / "ot62443.ico"


def freeze(stage: Path) -> Path:
    """Run the spec; the application folder lands in packaging/dist/ot62443."""
    log = BUILD / "pyinstaller.log"
    env = dict(os.environ, OT62443_STAGE=str(stage))
    result = run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                  "--distpath", DIST, "--workpath", BUILD / "pyinstaller", SPEC], env=env, cwd=ROOT)
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed (exit {result.returncode}); full log in {log}:\n{result.stderr[-4000:]}")
    app_dir = DIST / APP
    if not executable(app_dir).is_file():
        raise BuildError(f"PyInstaller reported success but {executable(app_dir)} is missing")
    return app_dir


def executable(app_dir: Path) -> Path:
    return app_dir / (f"{APP}.exe" if sys.platform == "win32" else APP)


def check_bundle(app_dir: Path) -> None:
    """Fail if an unwanted Qt module got in, or (Linux) if a bundled library needs a Qt library that is not there."""
    unwanted = [p.relative_to(app_dir) for p in app_dir.rglob("*") if FORBIDDEN_LIBRARIES.search(p.name.lower())]
    if unwanted:
        raise BuildError("unwanted Qt modules in the bundle:\n  " + "\n  ".join(map(str, unwanted)))
    required = [app_dir / "_internal" / "ot62443_desktop" / "requirements_catalog" / name
                for name in ("iec62443-3-3.toml", "iec62443-2-1.toml")]
    resources = app_dir / "_internal" / "ot62443_desktop" / "resources"
    required += [resources / "icons" / f"{name}.svg" for name in ("ot62443", "ot62443-small", "new", "export-pdf")]
    required += [resources / "licenses" / name for name in ("LGPL-3.0.txt", "GPL-3.0.txt")]  # Help > About
    required += [app_dir / "_internal" / "ot62443_desktop" / "resources" / "translations" / f"ot62443_{lang}.qm"
                 for lang in ("en", "fr")]  # compiled by setup.py when the staged wheel was built
    missing = [str(p.relative_to(app_dir)) for p in required if not p.is_file()]
    if not any((app_dir / "_internal").rglob("qtbase_fr.qm")):  # Qt's own buttons and file dialogs in French
        missing.append("Qt translation qtbase_fr.qm")
    plugins = app_dir / "_internal" / "PySide6" / "Qt" / "plugins"
    if not plugins.is_dir():  # older PyInstaller layouts keep Qt under PySide6/ directly
        plugins = app_dir / "_internal" / "PySide6" / "plugins"
    missing += [f"Qt plugin {pattern}" for pattern in REQUIRED_PLUGINS.get(sys.platform, [])
                if not any(plugins.glob(pattern))]
    if missing:
        raise BuildError("missing from the bundle: " + ", ".join(missing))
    if sys.platform != "linux" or shutil.which("ldd") is None:
        return
    internal = app_dir / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))
    broken: list[str] = []
    system_missing: set[str] = set()
    for lib in sorted(internal.rglob("*.so*")):
        if not lib.is_file():
            continue
        for line in run(["ldd", lib], env=env).stdout.splitlines():
            if "not found" not in line:
                continue
            name = line.split("=>")[0].strip()
            if name.lower().startswith(("libqt6", "libpyside6", "libshiboken6", "libicu")):
                broken.append(f"{lib.relative_to(app_dir)} needs {name}")
            else:
                system_missing.add(name)
    if broken:
        raise BuildError("bundled libraries with missing Qt dependencies:\n  " + "\n  ".join(broken))
    if system_missing:
        print("note: system libraries absent on this build machine (the target laptop's desktop provides them):",
              ", ".join(sorted(system_missing)))


def add_desktop_files(app_dir: Path) -> None:
    """Put the .desktop entry and the icon inside the folder (share/), ready to copy into /usr or ~/.local."""
    if sys.platform != "linux":
        return
    applications = app_dir / "share" / "applications"
    icons = app_dir / "share" / "icons" / "hicolor" / "scalable" / "apps"
    applications.mkdir(parents=True, exist_ok=True)
    icons.mkdir(parents=True, exist_ok=True)
    shutil.copy2(HERE / "linux" / "ot62443-workbook.desktop", applications)
    shutil.copy2(ROOT / "resources" / "icons" / "ot62443.svg", icons)


def offline_prefix() -> list[str]:
    """`unshare -n` where the kernel lets us: the smoke run then proves the program needs no network at all."""
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return []
    return ["unshare", "-n"] if run(["unshare", "-n", "true"]).returncode == 0 else []


@dataclass
class Smoke:
    """Runs the frozen program the way a user would, offscreen, in a throw-away home and data folder."""

    exe: Path
    work: Path
    prefix: list[str]

    def env(self, **extra: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "LD_PRELOAD"))}
        env.update(QT_QPA_PLATFORM="offscreen", HOME=str(self.work / "home"), USERPROFILE=str(self.work / "home"),
                   XDG_CONFIG_HOME=str(self.work / "home" / ".config"), OT62443_DATA_DIR=str(self.work / "data"))
        env.update(extra)
        return env

    def call(self, *args: str, timeout: float = 120.0, **extra: str) -> subprocess.CompletedProcess[str]:
        result = run([*self.prefix, self.exe, *args], env=self.env(**extra), cwd=self.work, timeout=timeout)
        if "Traceback (most recent call last)" in result.stderr:
            raise BuildError(f"`{APP} {' '.join(args)}` printed a traceback:\n{result.stderr[-4000:]}")
        return result

    def expect_ok(self, *args: str) -> subprocess.CompletedProcess[str]:
        result = self.call(*args)
        if result.returncode != 0:
            raise BuildError(f"`{APP} {' '.join(args)}` exited {result.returncode}:\n{result.stderr[-4000:]}")
        return result


def smoke_test(app_dir: Path, version: str) -> None:
    """The frozen program must answer every headless command the README promises; see the module docstring."""
    exe = executable(app_dir)
    prefix = offline_prefix()
    where = "inside `unshare -n` (no network)" if prefix else "(network namespace not available here)"
    print(f"smoke run of {exe} {where}, QT_QPA_PLATFORM=offscreen")
    with tempfile.TemporaryDirectory(prefix="ot62443-smoke-") as tmp:
        work = Path(tmp)
        for sub in ("home", "data"):
            (work / sub).mkdir()
        s = Smoke(exe, work, prefix)

        out = s.expect_ok("--version").stdout.strip()
        if out != f"{APP} {version}":
            raise BuildError(f"--version printed {out!r}, expected {APP} {version!r}")
        print(f"  PASS --version: {out}")

        project = work / "demo.ot62443"
        out = s.expect_ok("demo", str(project)).stdout.strip()
        if not project.is_file():
            raise BuildError(f"demo reported {out!r} but wrote no {project.name}")
        print(f"  PASS demo: {out}")

        summary = json.loads(s.expect_ok("summary", str(project), "--json").stdout)
        if not summary["zones"] or not isinstance(summary["gaps_total"], int):
            raise BuildError(f"summary --json looks wrong: {str(summary)[:300]}")
        print(f"  PASS summary --json: {len(summary['zones'])} zones, {summary['gaps_total']} gaps")

        rows = json.loads(s.expect_ok("catalog", "list", "--json").stdout)
        catalogues = sorted({row["catalogue"] for row in rows})
        if len(catalogues) < 2 or len(rows) < 100:
            raise BuildError(f"catalog list found {len(rows)} requirements in {catalogues}")
        print(f"  PASS catalog list --json: {len(rows)} requirements in {', '.join(catalogues)}")

        smoke_export(s, project)
        smoke_gui(s)
        if sys.platform == "win32":  # the Start-menu twin, built without a console
            smoke_gui(Smoke(app_dir / f"{APP}w.exe", work, prefix))
        smoke_french(s)


def smoke_export(s: Smoke, project: Path) -> None:
    """Both exports must be written and look like what they claim to be."""
    xlsx, pdf = s.work / "register.xlsx", s.work / "plan.pdf"
    result = s.call("export", str(project), "--xlsx", str(xlsx), "--pdf", str(pdf))
    if result.returncode != 0:
        raise BuildError(f"export exited {result.returncode}:\n{result.stderr[-4000:]}")
    for path, magic in ((xlsx, b"PK\x03\x04"), (pdf, b"%PDF-")):
        if not path.is_file() or not path.read_bytes().startswith(magic):
            raise BuildError(f"export did not write a valid {path.suffix} file at {path}")
    print(f"  PASS export: {xlsx.name} ({xlsx.stat().st_size} bytes), {pdf.name} ({pdf.stat().st_size} bytes)")


def smoke_gui(s: Smoke) -> None:
    """Start the GUI offscreen on a fresh demo project; it must come up and quit by itself without an error."""
    try:
        result = s.call("gui", "--demo", timeout=GUI_WAIT_S, **{GUI_QUIT_ENV: str(GUI_QUIT_MS)})
    except subprocess.TimeoutExpired:
        limit = f"{GUI_WAIT_S:.0f} s ({GUI_QUIT_ENV}={GUI_QUIT_MS})"
        raise BuildError(f"gui --demo was still running after {limit}") from None
    if result.returncode != 0:
        raise BuildError(f"gui --demo exited {result.returncode}:\n{result.stderr[-4000:]}")
    qt_errors = [line for line in result.stderr.splitlines()
                 if re.search(r"cannot load|could not load|failed to load|not found", line, re.IGNORECASE)]
    if qt_errors:
        raise BuildError("gui --demo reported missing pieces:\n  " + "\n  ".join(qt_errors))
    print(f"  PASS {s.exe.name} gui --demo: main window came up offscreen on the demo project and quit by itself "
          f"({GUI_QUIT_ENV}={GUI_QUIT_MS})")


def smoke_french(s: Smoke) -> None:
    """Start the GUI with French chosen (as Edit > Preferences saves it): ours and Qt's translations must load."""
    settings = s.work / "data" / "settings.ini"
    settings.write_text("[ui]\nlanguage=fr\n", encoding="utf-8")
    try:
        smoke_gui(s)
    finally:
        settings.unlink()
    log = (s.work / "data" / "logs" / "ot62443.log").read_text(encoding="utf-8")
    starts = re.findall(r"started \((\w+)\)", log)
    problems = [line for line in log.splitlines() if "translation" in line and "WARNING" in line]
    if not starts or starts[-1] != "fr" or problems:
        raise BuildError("the GUI did not start in French:\n  " + "\n  ".join(problems or log.splitlines()[-5:]))
    print("  PASS gui --demo in French: our translation and Qt's own were loaded")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def startup_seconds(exe: Path, runs: int = 7) -> tuple[float, float]:
    """Wall time of `ot62443 --version`: the first (cold-ish) run and the median of the warm ones."""
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        result = run([exe, "--version"])
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise BuildError(f"--version exited {result.returncode} while timing: {result.stderr[-1000:]}")
    return times[0], statistics.median(times[1:])


def make_archive(app_dir: Path, version: str) -> Path:
    """One file to carry on a USB stick: .zip on Windows, .tar.gz elsewhere (keeps the executable bits)."""
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = DIST / f"ot62443-workbook-{version}-{system}-{platform.machine().lower()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(base), "zip", root_dir=DIST, base_dir=app_dir.name))
    target = base.with_name(base.name + ".tar.gz")
    with tarfile.open(target, "w:gz") as tar:
        tar.add(app_dir, arcname=f"ot62443-workbook-{version}")
    return target


def build_installer(version: str) -> Path:
    """Windows only: run Inno Setup's compiler on windows/ot62443.iss (see the notes at the top of that file)."""
    if sys.platform != "win32":
        raise BuildError("the Inno Setup installer is built on Windows (see packaging/README.md)")
    candidates = [shutil.which("iscc"), shutil.which("ISCC.exe")]
    for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
        folder = os.environ.get(base)
        if folder:
            candidates += [str(Path(folder) / "Inno Setup 6" / "ISCC.exe"),
                           str(Path(folder) / "Programs" / "Inno Setup 6" / "ISCC.exe")]
    iscc = next((c for c in candidates if c and Path(c).is_file()), None)
    if iscc is None:
        raise BuildError("ISCC.exe not found: install Inno Setup 6.3+ or put ISCC.exe on PATH")
    run_checked([iscc, f"/DAppVersion={version}", HERE / "windows" / "ot62443.iss"], "Inno Setup (ISCC)")
    return DIST / f"ot62443-workbook-{version}-setup.exe"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--smoke-only", action="store_true", help="skip the build; test packaging/dist/ot62443")
    parser.add_argument("--archive", action="store_true", help="also pack the folder into one .tar.gz/.zip")
    parser.add_argument("--installer", action="store_true", help="Windows: also build the Inno Setup installer")
    args = parser.parse_args(argv)
    try:
        if args.smoke_only:
            app_dir, stage = DIST / APP, BUILD / "stage"
            if not executable(app_dir).is_file() or not stage.is_dir():
                raise BuildError(f"nothing built yet in {app_dir}; run without --smoke-only")
        else:
            started = time.perf_counter()
            ensure_pyinstaller()
            stage = stage_package(BUILD)
            make_icons(ROOT / "resources" / "icons" / "ot62443.svg", BUILD / "icons")
            app_dir = freeze(stage)
            add_desktop_files(app_dir)
            print(f"built {app_dir} in {time.perf_counter() - started:.0f} s")
        version = package_version(stage)
        check_bundle(app_dir)
        smoke_test(app_dir, version)
        cold, warm = startup_seconds(executable(app_dir))
        size = folder_size(app_dir)
        print(f"bundle: {app_dir} {size / 2**20:.0f} MiB in {sum(1 for _ in app_dir.rglob('*'))} files")
        print(f"startup (`{APP} --version`): first run {cold:.2f} s, median of the next runs {warm:.2f} s")
        if args.archive:
            archive = make_archive(app_dir, version)
            print(f"archive: {archive} ({archive.stat().st_size / 2**20:.0f} MiB)")
        if args.installer:
            setup = build_installer(version)
            print(f"installer: {setup} ({setup.stat().st_size / 2**20:.0f} MiB)")
    except BuildError as exc:
        print(f"build_app: FAILED: {exc}", file=sys.stderr)
        return 1
    print("build_app: OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
