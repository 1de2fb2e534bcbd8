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

import codecs
import csv
import io
import logging
import os
import pickle
import re
import resource
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import weakref
import zipfile
import zlib
from collections import Counter
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
    out = sys.stdout.buffer
    try:
        for frame in _stdin_frames(sys.stdin.buffer):
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


def _stdin_frames(stream) -> Iterator[tuple]:
    """A pipe (an upload) is read whole. A file on disk (the command line's, which may be far
    past the upload limit) is looked at first: text is read a line at a time, so a CSV of a
    million rows costs this process no more than one of a thousand; a workbook is read whole,
    as its reader needs it."""
    if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
        return frames(stream.read())
    head = stream.read(4096)
    stream.seek(0)
    if head.startswith((*ZIP_MAGIC, OLE_MAGIC)) or not _is_text(head):
        return frames(stream.read())
    return _csv_frames_streamed(stream, head)


def _is_text(head: bytes) -> bool:
    """Whether a file starting so goes to the CSV reader (not a document named .csv)."""
    if any(head.startswith(magic) for magic, _kind in MAGIC_DOCUMENTS):
        return False
    lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return not lowered.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml"))


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
    yield from _csv_rows(io.StringIO(text), text[:4096], text.count("\n") + 1)


def _text(data: bytes) -> str:
    encoding = _wide_encoding(data[:4096])
    if encoding:
        return data.decode(encoding, errors="replace")
    data = data.replace(b"\x00", b"")  # stray NULs are just noise
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    _require_text(data[:4096])
    return data.decode("cp1252", errors="replace")  # legacy files: TCVN3/VNI in Latin-1


def _wide_encoding(head: bytes) -> str:
    """ "utf-16" or "utf-16-le" for a file written in two bytes a character, else ""; a file
    with many NULs that is not UTF-16 is refused."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.count(0) > len(head) // 4:
        if head[1::2].count(0) > len(head) * 9 // 20 and not head[0::2].count(0):
            return "utf-16-le"  # UTF-16 without its mark
        raise Refusal("nul")
    return ""


def _require_text(head: bytes) -> None:
    if len(head) - len(head.translate(None, CONTROL_BYTES)) > len(head) // 20:
        raise Refusal("not_spreadsheet")  # neither UTF-8 nor legacy text: binary


def _csv_frames_streamed(stream, head: bytes) -> Iterator[tuple]:
    """As _csv_frames, for a file on disk: one pass counts its lines and finds whether it is
    UTF-8, the next reads its rows a line at a time (the same encodings, the same stray NULs
    dropped and the same refusals as a file read whole)."""
    encoding = _wide_encoding(head)
    if encoding:
        lines = sum(line.count("\n") for line in _lines(stream, encoding))
    else:
        decoder, utf8, lines = codecs.getincrementaldecoder("utf-8")(), True, 0
        for block in _blocks(stream, nul_free=True):
            lines += block.count(b"\n")
            utf8 = utf8 and _decodes(decoder, block)
        utf8 = utf8 and _decodes(decoder, b"", final=True)
        if not utf8:
            # judged as a file read whole is: on its first bytes without their stray NULs
            _require_text(next(_blocks(stream, nul_free=True), b"")[:4096])
        encoding = "utf-8-sig" if utf8 else "cp1252"  # legacy files: TCVN3/VNI in Latin-1
    yield from _csv_rows(_lines(stream, encoding), _sample(stream, encoding), lines + 1)


def _sample(stream, encoding: str) -> str:
    """The first 4,096 characters, for the CSV sniffer."""
    taken, size = [], 0
    for line in _lines(stream, encoding):
        taken.append(line)
        size += len(line)
        if size >= 4096:
            break
    return "".join(taken)[:4096]


def _lines(stream, encoding: str) -> Iterator[str]:
    """The file's lines from its start, decoded (stray NULs dropped unless it is UTF-16)."""
    nul_free = not encoding.startswith("utf-16")
    raw = io.BufferedReader(_Blocks(_blocks(stream, nul_free=nul_free)))
    return iter(io.TextIOWrapper(raw, encoding, "replace", newline="\n"))


def _blocks(stream, *, nul_free: bool) -> Iterator[bytes]:
    stream.seek(0)
    for block in iter(lambda: stream.read(1 << 20), b""):
        yield block.replace(b"\x00", b"") if nul_free else block


class _Blocks(io.RawIOBase):
    """Blocks of bytes as a raw stream, for a TextIOWrapper to decode as they come."""

    def __init__(self, blocks: Iterator[bytes]):
        self._blocks, self._left = blocks, b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self._left:
            self._left = next(self._blocks, b"")
            if not self._left:
                return 0
        size = min(len(buffer), len(self._left))
        buffer[:size], self._left = self._left[:size], self._left[size:]
        return size


def _decodes(decoder, block: bytes, *, final: bool = False) -> bool:
    try:
        decoder.decode(block, final)
    except UnicodeDecodeError:
        return False
    return True


SEPARATORS = (",", ";", "\t")  # a comma first: it wins a tie


def _dialect(sample: str):
    """The sniffer's reading; where it gives up (a title line above the header, lines of
    different lengths), the separator that splits the most lines into the same number of
    cells, else a comma. Not the separator most typed: tabs pasted inside cells are no
    columns."""
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(SEPARATORS))
    except csv.Error:
        pass
    lines = sample.splitlines()
    lines = lines[:-1] if len(lines) > 1 else lines  # the sample may end inside a line
    separator = max(SEPARATORS, key=lambda candidate: _regular_lines(lines, candidate))
    if separator == "," or not _regular_lines(lines, separator):
        return csv.excel
    return type("Separated", (csv.excel,), {"delimiter": separator})


def _regular_lines(lines: list[str], separator: str) -> int:
    """How many lines the separator splits into the width most of them share (over one cell)."""
    try:
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=separator))
    except csv.Error:
        return 0
    return max((count for width, count in widths.items() if width > 1), default=0)


def _csv_rows(lines, sample: str, height: int) -> Iterator[tuple]:
    dialect = _dialect(sample)
    csv.field_size_limit(limits.MAX_BYTES)  # this process only; cells are measured below
    reader = csv.reader(lines, dialect)
    yield ("sheet", "CSV", height)
    try:
        yield from _row_frames(reader)
    except csv.Error:
        raise Refusal("csv", row=reader.line_num) from None


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

    def __init__(self, source: bytes | Path):
        """`source` is the file's bytes (written to the child's stdin) or a file on disk (the
        child's stdin itself: this process never holds it)."""
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed when the child is reaped
        on_disk = source.open("rb") if isinstance(source, Path) else None
        try:
            self._process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
                [sys.executable, "-B", "-E", "-s", "-m", "congdoan.imports.sandbox"],
                stdin=on_disk or subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr,
                cwd=SOURCE_ROOT, env={"LC_ALL": "C.UTF-8"}, close_fds=True,
            )  # fmt: skip
        except OSError as error:  # no process to be had (too many, no memory)
            self._stderr.close()
            log.error("the spreadsheet reader could not start: %s", error)
            raise Refusal("busy") from None
        finally:
            if on_disk:
                on_disk.close()  # the child has its own copy of the descriptor
        self._finalizer = weakref.finalize(self, _stop, self._process, self._stderr)
        self._pending: tuple | None = None
        self.peak_kb = 0
        self.timed_out = False
        if on_disk:
            return
        try:
            self._process.stdin.write(source)
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
