"""Spreadsheets are opened in a child process whose memory and processor time are capped.

The web process and the worker never parse an uploaded file themselves: `ChildReader` starts
`python -m congdoan.imports.sandbox`, writes the file to its stdin and reads frames (pickled
tuples) from its stdout, as the rows are needed:

    ("sheet", name, height)   a sheet begins; `height` rows in its used range
    ("rows", [[cell, ...]])   up to ROWS_PER_FRAME cleaned rows
    ("refused", code, params) the file is refused (reading.py words the reason)
    ("end",)

Before the reader allocates anything, the child inspects the file: what it really is (a Word
document, a PDF or random bytes named .xlsx), the zip's parts, their unpacked sizes and packing
ratio, the <dimension ref> each sheet declares. Whatever gets past those checks still runs
under RLIMIT_AS and RLIMIT_CPU: a child killed by them is a refusal, never a dead server.
Nothing here imports Django, so the child starts in about 50 ms.
"""

from __future__ import annotations

import csv
import io
import logging
import os
import pickle
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import weakref
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from congdoan.imports import limits

log = logging.getLogger(__name__)

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
OLE_DOCUMENTS = {
    "WordDocument".encode("utf-16-le"): "word",
    "PowerPoint Document".encode("utf-16-le"): "powerpoint",
}
MAGIC_DOCUMENTS = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"{\\rtf", "rtf"),
    (b"Rar!", "archive"),
    (b"7z\xbc\xaf", "archive"),
    (b"\x1f\x8b", "archive"),
)
ZIP_DOCUMENTS = (("word/", "word"), ("ppt/", "powerpoint"))
DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]*)(\d*)(?::([A-Z]+)(\d+))?\"")
ODS_TAGS = re.compile(
    rb"<(table:table-row|/table:table-row|table:table-cell|table:covered-table-cell|table:table)"
    rb"(\s[^>]*)?/?>"
)
ODS_REPEAT = re.compile(rb"number-(?:columns|rows)-repeated=\"(\d+)\"")
CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
SOURCE_ROOT = Path(__file__).resolve().parents[2]  # the folder that holds the congdoan package


class Refusal(Exception):
    """The file is refused; `code` names the reason, `params` fill its message."""

    def __init__(self, code: str, **params):
        super().__init__(code, params)
        self.code = code
        self.params = params


# --- the child: inspect, then read -----------------------------------------------------------


def main() -> None:
    _cap()
    data = sys.stdin.buffer.read()
    out = sys.stdout.buffer
    try:
        for frame in frames(data):
            pickle.dump(frame, out, protocol=pickle.HIGHEST_PROTOCOL)
    except Refusal as refusal:
        pickle.dump(("refused", refusal.code, refusal.params), out)
    except MemoryError:
        pickle.dump(("refused", "memory", {}), out)
    pickle.dump(("end", _peak_kb()), out)
    out.flush()


def _peak_kb() -> int:
    """This process's peak resident memory since it started (ru_maxrss would count the
    parent's, copied at fork)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _cap() -> None:
    memory = limits.MEMORY_MB * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.CPU_SECONDS, limits.CPU_SECONDS + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # an abort dumps no core


def frames(data: bytes) -> Iterator[tuple]:
    """The frames for one file, refusals raised as Refusal."""
    if data.startswith(ZIP_MAGIC):
        _inspect_zip(data)
        yield from _workbook_frames(data)
    elif data.startswith(OLE_MAGIC):
        _inspect_ole(data)
        yield from _workbook_frames(data)
    else:
        for magic, kind in MAGIC_DOCUMENTS:
            if data.startswith(magic):
                raise Refusal("document", kind=kind)
        head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        if head.startswith((b"<!doctype html", b"<html", b"<table")):
            raise Refusal("document", kind="html")  # old systems' "Excel" exports
        if head.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in head:
            raise Refusal("document", kind="xml2003")
        yield from _csv_frames(data)


def _inspect_zip(data: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        raise Refusal("zip_broken") from None
    if len(parts) > limits.MAX_PARTS:
        raise Refusal("zip_parts", count=len(parts), limit=limits.MAX_PARTS)
    names = {part.filename for part in parts}
    _require_workbook(archive, names)
    for part in parts:
        packed = max(part.compress_size, 1)
        if part.file_size > limits.RATIO_FLOOR and part.file_size > limits.MAX_RATIO * packed:
            raise Refusal(
                "zip_ratio", part=part.filename, packed=packed, size=part.file_size,
                ratio=part.file_size // packed, limit=limits.MAX_RATIO,
            )  # fmt: skip
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.MAX_UNPACKED:
        raise Refusal("unpacked", size=unpacked, limit=limits.MAX_UNPACKED)
    for name in sorted(names):
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            _check_dimension(_member(archive, name, limits.DIMENSION_PREFIX))
    if "content.xml" in names and "xl/workbook.xml" not in names:
        _check_ods(archive)


def _require_workbook(archive: zipfile.ZipFile, names: set[str]) -> None:
    """An .xlsx (or .xlsb) or an .ods; a Word document or anything else zipped is refused."""
    if "xl/workbook.xml" in names or "xl/workbook.bin" in names:
        return
    if "content.xml" in names:
        if b"opendocument.spreadsheet" in _member(archive, "mimetype", 100):
            return
        raise Refusal("document", kind="opendocument")
    for prefix, kind in ZIP_DOCUMENTS:
        if any(name.startswith(prefix) for name in names):
            raise Refusal("document", kind=kind)
    raise Refusal("not_spreadsheet")


def _member(archive: zipfile.ZipFile, name: str, size: int) -> bytes:
    """The first `size` unpacked bytes of one part (never more, whatever it declares)."""
    try:
        with archive.open(name) as part:
            return part.read(size)
    except KeyError:
        return b""
    except zipfile.BadZipFile as error:  # a part that unpacks to other bytes than it declares
        raise Refusal("zip_lie" if "CRC" in str(error) else "zip_broken") from None
    except (zlib.error, EOFError, OSError, RuntimeError, ValueError):
        raise Refusal("zip_broken") from None


def _check_dimension(head: bytes) -> None:
    match = DIMENSION.search(head)
    if match is None:
        return  # no declaration: the memory cap still holds
    first_column, first_row, last_column, last_row = match.groups()
    columns = column_number((last_column or first_column).decode())
    rows = int(last_row or first_row or 1)
    declared(columns, rows)


def _check_ods(archive: zipfile.ZipFile) -> None:
    """An .ods declares no dimension, but repeats: one cell may stand for 16,384 columns and one
    row for a million. The table's cells and rows are counted, repeats included, as the reader
    would expand them (empty repeats at the end cost nothing), before it runs."""
    widest = rows = 0
    tail = b""
    try:
        with archive.open("content.xml") as part:
            row_repeat, row_width, column, pending = 1, 0, 0, 0
            while chunk := part.read(1024 * 1024):
                text = tail + chunk
                end = text.rfind(b"<")
                text, tail = text[:end], text[end:]
                for tag in ODS_TAGS.finditer(text):
                    name, attributes = tag.group(1), tag.group(2) or b""
                    if name == b"table:table":
                        rows, pending = 0, 0
                        continue
                    repeat = ODS_REPEAT.search(attributes)
                    count = int(repeat.group(1)) if repeat else 1
                    if name == b"table:table-row":
                        row_repeat, row_width, column = count, 0, 0
                    elif name == b"/table:table-row":
                        if row_width:
                            rows += pending + row_repeat
                            pending = 0
                            widest = max(widest, row_width)
                            declared(widest, rows)
                        else:
                            pending += row_repeat
                    else:
                        column += count
                        if b"office:value-type" in attributes:
                            row_width = column
    except zipfile.BadZipFile as error:
        raise Refusal("zip_lie" if "CRC" in str(error) else "zip_broken") from None
    except (zlib.error, EOFError, OSError, RuntimeError, ValueError):
        raise Refusal("zip_broken") from None


def declared(columns: int, rows: int) -> None:
    """Refuse a sheet that declares more than the limits, before anything is allocated."""
    if columns * rows > limits.MAX_CELLS:
        raise Refusal("dimension", columns=columns, rows=rows, limit=limits.MAX_CELLS)
    if columns > limits.MAX_COLUMNS:
        raise Refusal("columns", columns=columns, limit=limits.MAX_COLUMNS)
    if rows > limits.MAX_ROWS:
        raise Refusal("rows", rows=rows, limit=limits.MAX_ROWS)


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return max(number, 1)


def column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _inspect_ole(data: bytes) -> None:
    if ENCRYPTED_MARK in data:
        raise Refusal("protected")
    for mark, kind in OLE_DOCUMENTS.items():
        if mark in data:
            raise Refusal("document", kind=kind)
    from congdoan.imports.biff import declared_dimensions  # noqa: PLC0415 - only for .xls

    for columns, rows in declared_dimensions(data):
        declared(columns, rows)


def _workbook_frames(data: bytes) -> Iterator[tuple]:
    import python_calamine  # noqa: PLC0415 - CSV files never need it

    try:
        book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = book.sheet_names
    except python_calamine.PasswordError:
        raise Refusal("protected") from None
    except Exception as error:  # calamine raises several kinds for files it cannot read
        raise _unreadable(error) from None
    if len(names) > limits.MAX_SHEETS:
        raise Refusal("sheets", count=len(names), limit=limits.MAX_SHEETS)
    for index, name in enumerate(names):
        try:
            sheet = book.get_sheet_by_index(index)
        except Exception as error:
            raise _unreadable(error) from None
        if sheet.width > limits.MAX_COLUMNS:
            raise Refusal("columns", columns=sheet.width, limit=limits.MAX_COLUMNS)
        yield ("sheet", name, sheet.height)
        yield from _row_frames(sheet.iter_rows())


def _unreadable(error: Exception) -> Refusal:
    text = str(error)
    if "declared uncompressed size" in text or "larger than its declared" in text:
        return Refusal("zip_lie")
    if "assword" in text or "ncrypt" in text:
        return Refusal("protected")
    if isinstance(error, MemoryError):
        return Refusal("memory")
    return Refusal("damaged")


def _csv_frames(data: bytes) -> Iterator[tuple]:
    text = _text(data)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(limits.MAX_BYTES)  # this process only; cells are measured below
    reader = csv.reader(io.StringIO(text), dialect)
    yield ("sheet", "CSV", text.count("\n") + 1)
    try:
        yield from _row_frames(reader)
    except csv.Error:
        raise Refusal("csv", row=reader.line_num) from None


def _text(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if head.count(0) > len(head) // 4:
        if head[1::2].count(0) > len(head) * 9 // 20 and not head[0::2].count(0):
            return data.decode("utf-16-le", errors="replace")  # UTF-16 without its mark
        raise Refusal("nul")
    data = data.replace(b"\x00", b"")  # stray NULs are just noise
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if len(head) - len(head.translate(None, CONTROL_BYTES)) > len(head) // 20:
        raise Refusal("not_spreadsheet")  # neither UTF-8 nor legacy text: binary
    return data.decode("cp1252", errors="replace")  # legacy files: TCVN3/VNI in Latin-1


def _row_frames(rows) -> Iterator[tuple]:
    """Cleaned rows in frames, each row and cell measured; the sheet ends after a long run of
    empty rows (a million formatted but empty rows cost nothing)."""
    from congdoan.imports.legacy import LegacyReader  # noqa: PLC0415 - after the cap

    legacy = LegacyReader()  # one per sheet: its certain cells settle the doubtful ones
    chunk: list[list] = []
    blank = 0
    for number, row in enumerate(rows, start=1):
        if number > limits.MAX_ROWS:
            raise Refusal("rows", rows=number, limit=limits.MAX_ROWS)
        if len(row) > limits.MAX_COLUMNS:
            raise Refusal("columns", columns=len(row), limit=limits.MAX_COLUMNS)
        cells = []
        filled = False
        for column, value in enumerate(row):
            if value.__class__ is str:
                if value:
                    if len(value) > limits.MAX_CELL_CHARS:
                        raise Refusal(
                            "cell", row=number, column=column_letters(column + 1),
                            size=len(value), limit=limits.MAX_CELL_CHARS,
                        )  # fmt: skip
                    value = legacy.read(value)
                    filled = filled or bool(value)
            elif value is None:
                pass
            elif isinstance(value, datetime):
                value, filled = value.date(), True
            elif isinstance(value, time | timedelta):
                value = None
            else:
                filled = True
            cells.append(value)
        if filled:
            blank = 0
        else:
            blank += 1
            if blank >= limits.MAX_BLANK_RUN:
                break
        chunk.append(cells)
        if len(chunk) >= limits.ROWS_PER_FRAME:
            yield ("rows", chunk)
            chunk = []
    if chunk:
        yield ("rows", chunk)


# --- the parent: start the child, read its frames ---------------------------------------------


class ChildReader:
    """One child reading one file; frames are read as the caller needs them. The child is
    stopped as soon as the caller lets go of the reader (or of the last row iterator)."""

    def __init__(self, data: bytes):
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the child is reaped
        try:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-B", "-E", "-s", "-m", "congdoan.imports.sandbox"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                cwd=SOURCE_ROOT, env={"LC_ALL": "C.UTF-8"}, close_fds=True,
            )  # fmt: skip
        except OSError as error:  # no process to be had (too many, no memory)
            self._stderr.close()
            log.error("the spreadsheet reader could not start: %s", error)
            raise Refusal("busy") from None
        self._finalizer = weakref.finalize(self, _stop, self._process, self._stderr)
        self._pending: tuple | None = None
        self.peak_kb = 0
        self.timed_out = False
        try:
            self._process.stdin.write(data)
            self._process.stdin.close()
        except (BrokenPipeError, OSError):
            pass  # the child died already; reading says how

    def frame(self) -> tuple:
        if self._pending is not None:
            frame, self._pending = self._pending, None
            return frame
        watchdog = threading.Timer(limits.WAIT_SECONDS, self._too_slow)
        watchdog.daemon = True
        watchdog.start()
        try:
            frame = _Unpickler(self._process.stdout).load()  # one per frame: memos differ
        except (EOFError, pickle.UnpicklingError, OSError, ValueError):
            raise self._death() from None
        finally:
            watchdog.cancel()
        if frame[0] == "refused":
            peak = self._peak_after_refusal()
            self.close()
            self.peak_kb = peak or self.peak_kb
            raise Refusal(frame[1], **frame[2])
        if frame[0] == "end":
            self.close()
            self.peak_kb = frame[1]  # the child's own figure: ru_maxrss counts the parent's
        return frame

    def _peak_after_refusal(self) -> int:
        try:
            return _Unpickler(self._process.stdout).load()[1]  # the ("end", peak) frame
        except Exception:  # noqa: BLE001 - the refusal matters, not the figure
            return 0

    def rows(self) -> Iterator[list]:
        """The rows of the current sheet, up to the next sheet or the end."""
        while True:
            frame = self.frame()
            if frame[0] != "rows":
                self._pending = frame
                return
            yield from frame[1]

    def close(self, *, kill: bool = False) -> str:
        """Reap the child (killing it first when it is not done); keep its peak memory.
        What it wrote on stderr, when it had not been reaped yet."""
        if self._finalizer.detach() is None:
            return ""
        self.peak_kb, said = _stop(self._process, self._stderr, kill=kill)
        return said

    def _too_slow(self) -> None:
        self.timed_out = True
        self._process.kill()

    def _death(self) -> Refusal:
        said = self.close()
        code = self._process.returncode
        log.warning("the spreadsheet reader died (exit %s, %s KB): %s", code, self.peak_kb, said)
        if self.timed_out:
            return Refusal("timeout", seconds=limits.WAIT_SECONDS)
        if code == -signal.SIGXCPU:
            return Refusal("timeout", seconds=limits.CPU_SECONDS)
        if code in (-signal.SIGABRT, -signal.SIGKILL) or "emory" in said:
            return Refusal("memory", limit=limits.MEMORY_MB)
        return Refusal("crashed")


def _stop(process: subprocess.Popen, stderr, *, kill: bool = True) -> tuple[int, str]:
    """Reap the child, killed first if asked (it may be waiting for its reader): its peak
    memory in KB and the end of what it wrote on stderr."""
    if kill and process.returncode is None:
        process.kill()
    peak = 0
    if process.returncode is None:
        try:
            _pid, status, usage = os.wait4(process.pid, 0)
        except ChildProcessError:
            process.wait()
        else:
            process.returncode = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss
    for stream in (process.stdout, process.stdin):
        if stream and not stream.closed:
            stream.close()
    stderr.seek(0)
    said = stderr.read()[-2000:].decode(errors="replace")
    stderr.close()
    return peak, said


class _Unpickler(pickle.Unpickler):
    """Rows hold text, numbers, booleans, None and dates, and text read with doubt (a str that
    keeps its readings, legacy.Doubtful); nothing else may be built."""

    def find_class(self, module: str, name: str):
        if (module, name) == ("datetime", "date"):
            return date
        if (module, name) == ("congdoan.imports.legacy", "Doubtful"):
            from congdoan.imports.legacy import Doubtful  # noqa: PLC0415

            return Doubtful
        raise pickle.UnpicklingError(f"{module}.{name}")


if __name__ == "__main__":
    main()
