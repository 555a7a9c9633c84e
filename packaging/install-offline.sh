#!/usr/bin/env bash
# Install OT 62443 Workbook from a wheelhouse (packaging/wheelhouse.py) on a laptop with no network:
# a virtual environment, the wheels (pip --no-index), an `ot62443` launcher and a desktop menu entry.
#
# Usage: install-offline.sh WHEELHOUSE VENV [--python PYTHON] [--bin-dir DIR] [--no-desktop-entry]
#   WHEELHOUSE          folder made by wheelhouse.py (wheels, SHA256SUMS, these scripts)
#   VENV                where the virtual environment goes, e.g. ~/.local/share/ot62443-workbook/venv
#   --python PYTHON     interpreter to build the venv from (default: python3; 3.11 or newer)
#   --bin-dir DIR       where the `ot62443` launcher goes (default: ~/.local/bin)
#   --no-desktop-entry  skip the menu entry and icon (~/.local/share/applications, .../icons)
set -euo pipefail

usage() { sed -n '5,10p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "install-offline: $*" >&2; exit 1; }

[ $# -ge 2 ] || usage
wheelhouse=$1
venv=$2
shift 2
python=python3
bin_dir="$HOME/.local/bin"
desktop_entry=yes
while [ $# -gt 0 ]; do
    case $1 in
        --python) [ $# -ge 2 ] || usage; python=$2; shift 2 ;;
        --bin-dir) [ $# -ge 2 ] || usage; bin_dir=$2; shift 2 ;;
        --no-desktop-entry) desktop_entry=no; shift ;;
        -h|--help) usage ;;
        *) echo "install-offline: unknown option $1" >&2; usage ;;
    esac
done

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[ -d "$wheelhouse" ] || die "$wheelhouse: no such folder"
wheelhouse=$(cd "$wheelhouse" && pwd)
compgen -G "$wheelhouse/ot62443_workbook-*.whl" >/dev/null || die "$wheelhouse: no ot62443_workbook wheel (run packaging/wheelhouse.py)"
pip_wheel=$(compgen -G "$wheelhouse/pip-*.whl" | sort -V | tail -n 1) || die "$wheelhouse: no pip wheel (run packaging/wheelhouse.py)"

command -v "$python" >/dev/null || die "$python not found; name an interpreter with --python"
"$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || die "$("$python" --version 2>&1) is too old: OT 62443 Workbook needs Python 3.11 or newer"

# The copy on the USB stick must be the one that was built.
if [ -f "$wheelhouse/SHA256SUMS" ]; then
    if command -v sha256sum >/dev/null; then
        (cd "$wheelhouse" && sha256sum --check --quiet --strict SHA256SUMS) || die "$wheelhouse: SHA256SUMS do not match; copy the folder again"
        echo "checked SHA256SUMS"
    else
        echo "note: sha256sum not found; the wheelhouse checksums were not verified" >&2
    fi
fi

# Only the wheelhouse counts: a pip.conf on the laptop (extra indexes, find-links) must not change what is installed.
export PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

# --without-pip, then pip from the wheelhouse: Debian/Ubuntu's Python has no ensurepip unless python3-venv is
# installed, and an offline laptop cannot fetch it.
"$python" -m venv --without-pip "$venv"
venv=$(cd "$venv" && pwd)
"$venv/bin/python" "$pip_wheel/pip" install --quiet --no-index --find-links "$wheelhouse" pip \
    || die "could not install pip from $pip_wheel"
if ! "$venv/bin/python" -m pip install --no-index --find-links "$wheelhouse" ot62443-workbook; then
    head -n 3 "$wheelhouse/WHEELHOUSE.txt" >&2 2>/dev/null || true
    die "pip could not install from $wheelhouse: was it built for this platform and $("$venv/bin/python" --version)?"
fi
version=$("$venv/bin/ot62443" --version)

mkdir -p "$bin_dir"
bin_dir=$(cd "$bin_dir" && pwd)
launcher="$bin_dir/ot62443"
cat >"$launcher" <<EOF
#!/bin/sh
# OT 62443 Workbook launcher, written by install-offline.sh: runs the program installed in $venv
exec "$venv/bin/ot62443" "\$@"
EOF
chmod 0755 "$launcher"

if [ "$desktop_entry" = yes ]; then
    template=""
    for candidate in "$script_dir/linux/ot62443-workbook.desktop" "$wheelhouse/ot62443-workbook.desktop"; do
        if [ -f "$candidate" ]; then template=$candidate; break; fi
    done
    [ -n "$template" ] || die "ot62443-workbook.desktop not found beside this script or in $wheelhouse"
    data_home=${XDG_DATA_HOME:-$HOME/.local/share}
    mkdir -p "$data_home/applications" "$data_home/icons/hicolor/scalable/apps"
    icon=$("$venv/bin/python" -c 'from importlib.resources import files; print(files("ot62443_desktop.resources") / "icons" / "ot62443.svg")')
    cp "$icon" "$data_home/icons/hicolor/scalable/apps/ot62443.svg"
    sed -e "s|^Exec=.*|Exec=\"$launcher\" gui %f|" -e "s|^TryExec=.*|TryExec=$launcher|" \
        "$template" >"$data_home/applications/ot62443-workbook.desktop"
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
    fi
    echo "menu entry: $data_home/applications/ot62443-workbook.desktop"
fi

echo "installed $version into $venv"
echo "launcher:   $launcher"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "note: $bin_dir is not on PATH; add it, or start $launcher directly" ;;
esac
