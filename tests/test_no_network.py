"""The program opens no network socket, ever (SPEC 9): every CLI path and the GUI run with networking made to fail.

Three layers, because each alone has a blind spot:
- in this process, `socket.socket`, `create_connection` and `getaddrinfo` are patched to raise and record;
- in child processes (the real `ot62443` command), a sitecustomize installs the same patches and an audit hook,
  which also sees code that kept a reference to the real socket class, and records every attempt in a file; at
  exit it lists any Qt network/QML/WebEngine module that got imported or mapped into memory;
- where a C compiler exists, an LD_PRELOAD shim makes libc's socket()/connect()/getaddrinfo() fail for anything
  but local (AF_UNIX) sockets: Qt's network stack is C++ and would never pass through Python's socket module.
A self-test proves each layer catches an attempt, so a broken guard cannot pass silently. Nothing here ever sends a
packet: the only address used is 127.0.0.1, and the guards stop even that before it leaves the process.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ot62443_desktop import cli

LOG_ENV = "OT62443_NET_LOG"

SITECUSTOMIZE = r'''
"""Test guard (tests/test_no_network.py): any network attempt is refused and recorded in $OT62443_NET_LOG."""
import atexit
import os
import re
import socket
import sys

_LOG = os.environ["OT62443_NET_LOG"]
_FORBIDDEN_MODULE = re.compile(r"^PySide6\.Qt(Network|NetworkAuth|WebEngine\w*|WebSockets|WebChannel|Qml|Quick\w*)$")
_FORBIDDEN_LIBRARY = re.compile(r"libQt6(Network|WebEngine\w*|WebSockets|Qml|Quick)\w*\.so")
_SOCKET_EVENTS = {"socket.__new__", "socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                  "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr", "socket.getnameinfo"}


def _record(line):
    with open(_LOG, "a", encoding="utf-8") as log:
        log.write(line + "\n")


def _refuse(what):
    _record("python " + what)
    raise PermissionError("network disabled by the no-network test: " + what)


def _audit(event, args):
    if event in _SOCKET_EVENTS:
        _refuse(event)
    elif event == "import" and _FORBIDDEN_MODULE.match(str(args[0])):
        _record("import " + str(args[0]))


class _RefusingSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse("socket.socket")


def _refusing(name):
    def refuse(*args, **kwargs):
        _refuse("socket." + name)
    return refuse


socket.socket = socket.SocketType = _RefusingSocket
for _name in ("create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "getnameinfo", "fromfd", "socketpair"):
    setattr(socket, _name, _refusing(_name))
sys.addaudithook(_audit)


@atexit.register
def _at_exit():
    for name in sorted(sys.modules):
        if _FORBIDDEN_MODULE.match(name):
            _record("module " + name)
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            mapped = {m.group(0) for m in _FORBIDDEN_LIBRARY.finditer(maps.read())}
    except OSError:
        mapped = set()
    for lib in sorted(mapped):
        _record("mapped " + lib)
    _record("exit")
'''

SHIM_C = r"""
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static void record(const char *what, int value) {
    const char *path = getenv("OT62443_NET_LOG");
    char line[96];
    int fd, n;
    if (path == NULL) return;
    fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return;
    n = snprintf(line, sizeof line, "libc %s %d\n", what, value);
    if (n > 0 && write(fd, line, (size_t)n) < 0) { /* nothing more to do */ }
    close(fd);
}

int socket(int domain, int type, int protocol) {
    static int (*real)(int, int, int);
    if (domain != AF_UNIX) { record("socket", domain); errno = EACCES; return -1; }
    if (real == NULL) real = (int (*)(int, int, int))dlsym(RTLD_NEXT, "socket");
    return real(domain, type, protocol);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len) {
    static int (*real)(int, const struct sockaddr *, socklen_t);
    if (addr != NULL && addr->sa_family != AF_UNIX) { record("connect", addr->sa_family); errno = EACCES; return -1; }
    if (real == NULL) real = (int (*)(int, const struct sockaddr *, socklen_t))dlsym(RTLD_NEXT, "connect");
    return real(fd, addr, len);
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints, struct addrinfo **res) {
    (void)node; (void)service; (void)hints; (void)res;
    record("getaddrinfo", 0);
    return EAI_FAIL;
}

struct hostent *gethostbyname(const char *name) {
    (void)name;
    record("gethostbyname", 0);
    h_errno = NO_RECOVERY;
    return NULL;
}
"""


class Guard:
    """Where the child-process guard lives and what it recorded."""

    def __init__(self, folder: Path, shim: Path | None) -> None:
        self.folder = folder
        self.shim = shim
        (folder / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")

    def run(self, args: list[str], tmp_path: Path, *, timeout: float = 60.0,
            extra_env: dict[str, str] | None = None) -> tuple[subprocess.CompletedProcess[str], list[str]]:
        """Run `python ARGS` under the guard; returns the result and the guard's log lines."""
        log = tmp_path / f"net-{len(list(tmp_path.glob('net-*.log')))}.log"
        home = tmp_path / "home"
        home.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "LD_PRELOAD", "PYTHONSTARTUP"}}
        env.update({LOG_ENV: str(log), "PYTHONPATH": str(self.folder), "QT_QPA_PLATFORM": "offscreen",
                    "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share")})
        if self.shim is not None:
            env["LD_PRELOAD"] = str(self.shim)
        env.update(extra_env or {})
        result = subprocess.run([sys.executable, *args], env=env, cwd=tmp_path, capture_output=True, text=True,
                                timeout=timeout, check=False)
        lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
        return result, lines

    def run_cli(self, args: list[str], tmp_path: Path,
                extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """Run `ot62443 ARGS` under the guard and fail the test on any network attempt or traceback."""
        result, lines = self.run(["-m", "ot62443_desktop", *args], tmp_path, extra_env=extra_env)
        assert "Traceback" not in result.stderr, result.stderr
        assert lines == ["exit"], f"ot62443 {' '.join(args)}: the guard recorded {lines} (want only 'exit')"
        return result


def _compile_shim(folder: Path) -> Path | None:
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is None or not sys.platform.startswith("linux"):
        return None
    source, shim = folder / "nonet.c", folder / "nonet.so"
    source.write_text(SHIM_C, encoding="utf-8")
    subprocess.run([compiler, "-shared", "-fPIC", "-O1", "-o", str(shim), str(source), "-ldl"], check=True,
                   capture_output=True)
    return shim


@pytest.fixture(scope="module")
def guard(tmp_path_factory: pytest.TempPathFactory) -> Guard:
    folder = tmp_path_factory.mktemp("netguard")
    return Guard(folder, _compile_shim(folder))


class Attempts(list[str]):
    """Network calls refused in this process."""


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> Iterator[Attempts]:
    """Make socket creation, connection and name lookup raise inside the test process, recording each try."""
    attempts = Attempts()

    def refusing(name: str):  # type: ignore[no-untyped-def]
        def refuse(*args: object, **kwargs: object) -> None:
            attempts.append(f"socket.{name}{args!r}")
            raise PermissionError(f"network disabled by the no-network test: socket.{name}")
        return refuse

    for name in ("socket", "create_connection", "create_server", "getaddrinfo", "gethostbyname", "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refusing(name))
    yield attempts
    assert attempts == [], f"network attempts: {attempts}"


def _export_args(project: Path, out: Path) -> list[str]:
    return ["export", str(project), "--xlsx", str(out / "register.xlsx"), "--pdf", str(out / "plan.pdf")]


def _check_export(code: int, stderr: str, out: Path) -> None:
    """Both exports were written."""
    assert code == 0, stderr
    assert (out / "register.xlsx").read_bytes().startswith(b"PK")
    assert (out / "plan.pdf").read_bytes().startswith(b"%PDF-")


def test_cli_paths_in_process_touch_no_socket(no_sockets: Attempts, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    project = tmp_path / "demo.ot62443"
    assert cli.main(["demo", str(project), "--zones", "3"]) == 0
    capsys.readouterr()
    assert cli.main(["summary", str(project), "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["zones"]) == 3
    assert cli.main(["catalog", "list", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 187
    code = cli.main(_export_args(project, tmp_path))
    _check_export(code, capsys.readouterr().err, tmp_path)


def test_main_window_in_process_touches_no_socket(no_sockets: Attempts, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ot62443_desktop.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.open_demo()
    qtbot.wait(100)


@pytest.mark.slow
def test_guard_catches_every_kind_of_attempt(guard: Guard, tmp_path: Path) -> None:
    """Without this, a guard that had stopped working would let every other test here pass."""
    probe = (
        "import ctypes, socket, _socket\n"
        "for attempt in (lambda: socket.create_connection(('127.0.0.1', 9), timeout=1),\n"
        "                lambda: _socket.socket(socket.AF_INET, socket.SOCK_STREAM),\n"
        "                lambda: socket.getaddrinfo('localhost', 9)):\n"
        "    try:\n"
        "        attempt()\n"
        "    except OSError:\n"
        "        pass\n"
        "    else:\n"
        "        raise SystemExit('an attempt went through')\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "assert libc.socket(socket.AF_INET, socket.SOCK_STREAM, 0) == -1\n"
        "import PySide6.QtNetwork\n"
    )
    result, lines = guard.run(["-c", probe], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "python socket.create_connection" in lines
    assert "python socket.__new__" in lines  # _socket.socket() bypasses the patch; the audit hook still sees it
    assert "python socket.getaddrinfo" in lines
    assert "import PySide6.QtNetwork" in lines and "module PySide6.QtNetwork" in lines
    assert any(line.startswith("mapped libQt6Network") for line in lines)
    if guard.shim is not None:
        assert f"libc socket {int(socket.AF_INET)}" in lines  # C code, as Qt's network stack would be
    assert lines[-1] == "exit"


@pytest.mark.slow
def test_cli_paths_in_subprocess_open_no_socket(guard: Guard, tmp_path: Path) -> None:
    project = tmp_path / "demo.ot62443"
    guard.run_cli(["demo", str(project), "--zones", "3"], tmp_path)
    summary = guard.run_cli(["summary", str(project), "--json"], tmp_path)
    assert len(json.loads(summary.stdout)["zones"]) == 3
    rows = guard.run_cli(["catalog", "list", "--json"], tmp_path)
    assert len(json.loads(rows.stdout)) == 187
    export = guard.run_cli(_export_args(project, tmp_path), tmp_path)
    _check_export(export.returncode, export.stderr, tmp_path)


@pytest.mark.slow
def test_gui_opens_no_socket_and_loads_no_qt_network(guard: Guard, tmp_path: Path) -> None:
    """The real `ot62443 gui --demo`, offscreen, until it quits by itself (OT62443_QUIT_AFTER_MS)."""
    result = guard.run_cli(["gui", "--demo"], tmp_path, extra_env={"OT62443_QUIT_AFTER_MS": "1000"})
    assert result.returncode == 0, result.stderr
