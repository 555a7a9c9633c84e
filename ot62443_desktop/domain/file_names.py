"""File names as data: which paths are network shares, and names safe to unpack anywhere.

A bundle's folder and file names come from zone ids, requirement ids and the names of the
consultant's files, and are unpacked by the recipient on Windows, macOS or Linux. So each
part is made safe for all three: no separator, no `..`, no drive letter or other reserved
character, no control character, no name Windows keeps for a device, at most MAX_PART
characters and MAX_BYTES bytes of UTF-8 (macOS and Linux count a name's bytes: 80 emoji are 320),
and unique in its folder even where case does not count. `part_problem` says why a name found
in someone else's zip is not such a name.
"""

from __future__ import annotations

import re
import unicodedata

MAX_PART = 80  # characters of one folder or file name
MAX_BYTES = 255  # of one name in UTF-8: what ext4, APFS and most other systems hold
_RESERVED = re.compile(r'[\x00-\x1f\x7f-\x9f<>:"/\\|?*]')
# Windows reads "CON", "con.txt" and "CON .txt" alike as the console (spaces before the dot are dropped)
_WINDOWS_DEVICES = re.compile(r"(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$) *(\..*)?",
                              re.IGNORECASE)
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
    # Windows drops trailing dots and spaces ("a." and "a" would clash); cut before the checks below,
    # since a cut name ends in neither and may be left empty (80 dots, then a long run of letters)
    text = _cut(text.lstrip(" ").rstrip(" ."))
    if not text:  # "", ".", "..": a folder of its own or its parent
        text = "_"
    if _WINDOWS_DEVICES.fullmatch(text):
        text = _cut("_" + text)
    return text


def part_problem(part: str) -> str:
    """Why one folder or file name of a zip made elsewhere is not one `safe_part` gives (beyond
    separators and `..`, which the caller names): how unpacking it could change it or clash; ""
    when it is fine."""
    if part in ("", "."):
        return "an empty or '.' part: the same path written two ways, so two entries can be one file"
    if any(_RESERVED.match(c) or unicodedata.category(c) in _HIDDEN for c in part):
        return ("a character Windows does not allow in a name (< > : \" | ? * or a control character): unpacked "
                "there it is renamed or refused, and ':' writes into a hidden stream of another file")
    if part != unicodedata.normalize("NFC", part):
        return "not in Unicode's composed form (NFC): on macOS it is the same file as its composed twin"
    if part.endswith((" ", ".")):
        return "a name ending in a dot or a space, which Windows drops: unpacked, it is another file"
    if _WINDOWS_DEVICES.fullmatch(part):
        return "a name Windows keeps for a device (CON, NUL, COM1...): unpacked there, it is no file"
    if not _fits(part, MAX_BYTES):
        return f"a name longer than {MAX_BYTES} bytes, which most systems cannot hold"
    return ""


def same_file_key(path: str) -> str:
    """What `path` becomes where names differ only in case and Unicode form (Windows, macOS): two
    entries with one key are one file there, one unpacked over the other."""
    return "/".join(unicodedata.normalize("NFC", part).rstrip(" .").casefold() for part in path.split("/"))


def _cut(name: str) -> str:
    """`name` in at most MAX_PART characters and MAX_BYTES bytes, keeping a short extension."""
    if len(name) <= MAX_PART and _fits(name, MAX_BYTES):
        return name
    stem, dot, suffix = name.rpartition(".")
    if dot and stem and len(suffix) <= _MAX_SUFFIX:
        return _with_tail(stem, "." + suffix)
    return _fit(name, MAX_PART, MAX_BYTES).rstrip(" .")


def _with_tail(stem: str, tail: str) -> str:
    """`stem`, cut to leave room for `tail` (an extension, a number) within both limits, then `tail`."""
    return _fit(stem, MAX_PART - len(tail), MAX_BYTES - len(tail.encode())).rstrip(" .") + tail


def _fits(text: str, size: int) -> bool:
    return len(text.encode("utf-8")) <= size


def _fit(text: str, chars: int, size: int) -> str:
    """The longest start of `text` of at most `chars` characters and `size` bytes of UTF-8."""
    text = text[:chars]
    while not _fits(text, size):
        text = text[: len(text) - max(1, (len(text.encode("utf-8")) - size) // 4)]
    return text


class UniqueNames:
    """Safe names for the parts of a path, unique in their folder without regard to case.

    The same original in the same folder always gets the same name (a zone's folder is one
    folder); another original whose safe name clashes gets " (2)", " (3)"... before its extension.
    """

    def __init__(self) -> None:
        self._given: dict[tuple[str, str], str] = {}  # (folder, original) -> name
        self._taken: set[tuple[str, str]] = set()  # (folder, name.casefold())
        self._last: dict[tuple[str, str], int] = {}  # (folder, base.casefold()) -> the last number tried

    def name(self, folder: str, original: str, *, reuse: bool = True) -> str:
        """A safe name for `original` in `folder` ("" for the top); with `reuse`, the one given before."""
        if reuse and (folder, original) in self._given:
            return self._given[(folder, original)]
        base = safe_part(original)
        key = (folder, base.casefold())
        n = self._last.get(key, 1)  # thousands of one name in a folder: each number tried once, not each time
        name = base if n == 1 else _numbered(base, n)
        while (folder, name.casefold()) in self._taken:
            n += 1
            name = _numbered(base, n)
        self._last[key] = n
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
    return _with_tail(stem, f" ({n})" + ("." + suffix if suffix else ""))


def shown_name(text: str) -> str:
    """A name or path as one line of a report: control and invisible characters written as escapes,
    so a name cannot break a line, forge another or hide its real ending."""
    return "".join(f"\\u{ord(c):04x}" if unicodedata.category(c) in _HIDDEN else c for c in text)


def shown_json(text: str) -> str:
    """JSON text with its control and invisible characters as JSON escapes: the same document, which
    cannot drive the terminal it is printed on (json.dumps leaves DEL, C1 controls such as CSI and
    bidirectional overrides as they are)."""
    return _MAYBE_HIDDEN.sub(lambda m: _json_escape(m[0]) if unicodedata.category(m[0]) in _HIDDEN else m[0], text)


def _json_escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # JSON escapes UTF-16 units: a pair of surrogates
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# DEL and above (json.dumps escapes the C0 controls itself), as a negated class: [\x7f-\U0010ffff] took
# 4 ms to compile, on the way to the first window
_MAYBE_HIDDEN = re.compile(r"[^\x00-\x7e]")
_HIDDEN = ("Cc", "Cf", "Cs", "Zl", "Zp")  # Cs: a lone surrogate (an undecodable byte): UTF-8 cannot hold it
