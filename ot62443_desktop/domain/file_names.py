"""File names as data: which paths are network shares, and names safe to unpack anywhere.

A bundle's folder and file names come from zone ids, requirement ids and the names of the
consultant's files, and are unpacked by the recipient on Windows, macOS or Linux. So each
part is made safe for all three: no separator, no `..`, no drive letter or other reserved
character, no control character, no name Windows keeps for a device, at most MAX_PART
characters, and unique in its folder even where case does not count.
"""

from __future__ import annotations

import re
import unicodedata

MAX_PART = 80  # characters of one folder or file name (well under every system's 255 bytes, even in UTF-8)
_RESERVED = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*]')
_WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?", re.IGNORECASE)
_MAX_SUFFIX = 12  # an extension longer than this is not kept apart when a name is cut


def network_path(path: str) -> bool:
    """Whether `path` names a Windows share or device (two leading slashes of either kind).

    Merely looking at one makes Windows connect to that host with the user's login (handing
    over a hash of it), and wait half a minute if the host is offline.
    """
    return path[:2].replace("\\", "/") == "//"


def safe_part(text: str) -> str:
    """One folder or file name made safe to unpack on any system (see the module's note)."""
    text = unicodedata.normalize("NFC", text)
    text = "".join("_" if _RESERVED.match(c) or unicodedata.category(c) in _HIDDEN else c for c in text)
    text = text.strip(" ").rstrip(".")  # Windows drops trailing dots and spaces: "a." and "a" would clash
    if not text.strip("."):  # "", ".", "..": a folder of its own or its parent
        text = "_" + text
    if _WINDOWS_DEVICES.fullmatch(text):
        text = "_" + text
    return _cut(text, MAX_PART)


def _cut(name: str, limit: int) -> str:
    """`name` in at most `limit` characters, keeping a short extension."""
    if len(name) <= limit:
        return name
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and len(suffix) <= _MAX_SUFFIX:
        return stem[: limit - len(suffix) - 1].rstrip(" .") + "." + suffix
    return name[:limit].rstrip(" .")


class UniqueNames:
    """Safe names for the parts of a path, unique in their folder without regard to case.

    The same original in the same folder always gets the same name (a zone's folder is one
    folder); another original whose safe name clashes gets " (2)", " (3)"... before its extension.
    """

    def __init__(self) -> None:
        self._given: dict[tuple[str, str], str] = {}  # (folder, original) -> name
        self._taken: set[tuple[str, str]] = set()  # (folder, name.casefold())

    def name(self, folder: str, original: str, *, reuse: bool = True) -> str:
        """A safe name for `original` in `folder` ("" for the top); with `reuse`, the one given before."""
        if reuse and (folder, original) in self._given:
            return self._given[(folder, original)]
        base = safe_part(original)
        name, n = base, 1
        while (folder, name.casefold()) in self._taken:
            n += 1
            name = _numbered(base, n)
        self._taken.add((folder, name.casefold()))
        self._given[(folder, original)] = name
        return name

    def path(self, *originals: str) -> str:
        """A zip path ("a/b/c") of folders given once each and a file name of its own."""
        *folders, last = originals
        parts: list[str] = []
        for original in folders:
            parts.append(self.name("/".join(parts), original))
        parts.append(self.name("/".join(parts), last, reuse=False))
        return "/".join(parts)


def _numbered(name: str, n: int) -> str:
    stem, dot, suffix = name.rpartition(".")
    if not (dot and stem and len(suffix) <= _MAX_SUFFIX):
        stem, suffix = name, ""
    tail = f" ({n})" + ("." + suffix if suffix else "")
    return stem[: MAX_PART - len(tail)].rstrip(" .") + tail


def shown_name(text: str) -> str:
    """A name or path as one line of a report: control and invisible characters written as escapes,
    so a name cannot break a line, forge another or hide its real ending."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN else c for c in text)


_HIDDEN = ("Cc", "Cf", "Zl", "Zp")
