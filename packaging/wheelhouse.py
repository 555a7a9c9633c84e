#!/usr/bin/env python3
"""Fill a wheelhouse: the project's wheel and a wheel of every dependency, for one platform and Python version.

A plant laptop has no network, so everything pip will ask for must already be in the folder, as wheels (nothing to
compile there). The folder is self-contained: the install scripts, the desktop entry and a SHA256SUMS file travel
with the wheels, and before finishing we prove that pip resolves the whole set with no index.

Examples:
  python packaging/wheelhouse.py                                   # this machine's platform and Python
  python packaging/wheelhouse.py --platform win_amd64 --python-version 3.11 --dest packaging/dist/wh-win
  python packaging/wheelhouse.py --platform manylinux_2_28_x86_64 --python-version 3.12
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import shutil
import sys
import sysconfig
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from build_app import HERE, BuildError, build_project_wheel, run_checked

DEFAULT_DEST = HERE / "dist" / "wheelhouse"
PROJECT = "ot62443-workbook"
# pip's own wheel: the installers bootstrap pip from it, because Debian/Ubuntu ship Python without ensurepip.
BOOTSTRAP = ("pip",)
CARRIED = {  # file in the repository -> name inside the wheelhouse
    HERE / "install-offline.sh": "install-offline.sh",
    HERE / "install-offline.ps1": "install-offline.ps1",
    HERE / "linux" / "ot62443-workbook.desktop": "ot62443-workbook.desktop",
}


def target_options(platforms: Sequence[str], python_version: str | None, implementation: str) -> list[str]:
    """pip options that pick wheels for another machine; none at all means 'for this interpreter'."""
    options: list[str] = []
    for tag in platforms:
        options += ["--platform", tag]
    if python_version:
        options += ["--python-version", python_version]
    if platforms or python_version:
        options += ["--implementation", implementation]
    return options


def describe_target(platforms: Sequence[str], python_version: str | None) -> str:
    where = ", ".join(platforms) or f"{sysconfig.get_platform()} (this machine)"
    version = python_version or f"{sys.version_info.major}.{sys.version_info.minor} (this interpreter)"
    return f"platform {where}; Python {version}"


def download(dest: Path, project_wheel: Path, options: list[str]) -> None:
    """Every dependency of the project's wheel, as wheels only; pip resolves versions for the target."""
    run_checked([sys.executable, "-m", "pip", "download", "--only-binary=:all:", "--dest", dest, *options,
                 project_wheel, *BOOTSTRAP], "pip download")


def prove_complete(dest: Path, options: list[str]) -> None:
    """Resolve the install from the folder alone (--no-index), exactly as the offline installers will."""
    with tempfile.TemporaryDirectory(prefix="ot62443-wh-") as tmp:
        run_checked([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--no-index",
                     "--find-links", dest, "--only-binary=:all:", "--target", Path(tmp) / "t", *options,
                     PROJECT, *BOOTSTRAP], "resolving the wheelhouse with no index")


def write_manifest(dest: Path, target: str) -> None:
    """WHEELHOUSE.txt says what the folder is for; SHA256SUMS lets the laptop check the copy (sha256sum -c)."""
    wheels = sorted(p.name for p in dest.glob("*.whl"))
    lines = [
        "OT 62443 Workbook: offline wheelhouse",
        f"built {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.platform()}, Python {platform.python_version()}",
        f"target: {target}",
        "",
        "Install (Linux/macOS): bash install-offline.sh . ~/.local/share/ot62443-workbook/venv",
        "Install (Windows):     powershell -ExecutionPolicy Bypass -File install-offline.ps1 -Wheelhouse . "
        "-Venv $env:LOCALAPPDATA\\OT62443Workbook\\venv",
        "",
        "wheels:",
        *(f"  {name}" for name in wheels),
        "",
    ]
    (dest / "WHEELHOUSE.txt").write_text("\n".join(lines), encoding="utf-8")
    sums = []
    for path in sorted(dest.iterdir()):
        if path.is_file() and path.name != "SHA256SUMS":
            sums.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.name}\n")
    (dest / "SHA256SUMS").write_text("".join(sums), encoding="utf-8", newline="\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dest", type=Path, default=DEFAULT_DEST, help=f"folder to fill (default {DEFAULT_DEST})")
    parser.add_argument("--platform", action="append", default=[], metavar="TAG",
                        help="target platform tag, e.g. win_amd64, manylinux_2_28_x86_64, macosx_11_0_arm64 "
                             "(repeat for several); default: this machine")
    parser.add_argument("--python-version", help="target Python, e.g. 3.11 (default: this interpreter)")
    parser.add_argument("--implementation", default="cp", help="target implementation (default cp)")
    args = parser.parse_args(argv)

    dest: Path = args.dest.resolve()
    dest.mkdir(parents=True, exist_ok=True)
    # Start from no wheels: ones left from another target would make the folder lie about what it holds. Only our
    # own files are removed, so a mistyped --dest cannot wipe anything else.
    ours = {"SHA256SUMS", "WHEELHOUSE.txt", *CARRIED.values()}
    for old in dest.iterdir():
        if old.is_file() and (old.suffix == ".whl" or old.name in ours):
            old.unlink()
    target = describe_target(args.platform, args.python_version)
    options = target_options(args.platform, args.python_version, args.implementation)
    try:
        print(f"wheelhouse for {target} -> {dest}")
        project_wheel = build_project_wheel(dest)
        download(dest, project_wheel, options)
        prove_complete(dest, options)
        for source, name in CARRIED.items():
            shutil.copy2(source, dest / name)
        write_manifest(dest, target)
    except BuildError as exc:
        print(f"wheelhouse: FAILED: {exc}", file=sys.stderr)
        return 1
    wheels = sorted(dest.glob("*.whl"))
    size = sum(p.stat().st_size for p in dest.iterdir() if p.is_file())
    print("\n".join(f"  {w.name}" for w in wheels))
    print(f"wheelhouse: OK, {len(wheels)} wheels, {size / 2**20:.0f} MiB in {dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
