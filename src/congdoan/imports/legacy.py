"""Text typed years ago in the legacy Vietnamese encodings (TCVN3/ABC and VNI), back to Unicode.

Excel shows such cells as Latin-1 gibberish ("NguyÔn V¨n A", "Nguyeãn Vaên A"). Each cell is
read three ways — as it is (Unicode), as TCVN3 and as VNI — and a reading is plausible when it
uses only that encoding's codes and every word it makes is a Vietnamese syllable (onset, rhyme,
a tone the rhyme may take, on the vowel that carries it). One plausible reading is certain.
Two plausible readings, or none, leave the cell in doubt: the sheet's certain cells decide when
they are nearly all of one encoding; otherwise the cell comes back as a `Doubtful` string (a
`str` that remembers the readings), for the import to hold the row back ("Kiểm tra lại").

The tables below are written from the published code charts: TCVN 5712:1993 VN3 (the ABC fonts:
one byte per letter; capitals with a tone have no code of their own — the all-capital ".VnTimeH"
font draws the small letters' codes as capitals, so their case is taken from the word) and VNI
Windows (a base letter followed by a mark character; i, đ, ơ, ư and ỵ stand alone).

No Django at import: the sandboxed reading process (sandbox.py) uses this module.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from congdoan.core.text import normalize_text

# --- TCVN 5712:1993 VN3 ---------------------------------------------------------------------

_TCVN3_PAIRS = (
    "¨ă ©â ªê «ô ¬ơ \xadư ®đ ¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}

# --- VNI Windows ----------------------------------------------------------------------------

_GRAVE, _ACUTE, _TILDE, _HOOK, _DOT = "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"
_CIRCUMFLEX, _BREVE, _HORN = "\u0302", "\u0306", "\u031b"
TONES = (_GRAVE, _HOOK, _TILDE, _ACUTE, _DOT)  # huyền, hỏi, ngã, sắc, nặng
_VNI_TONE = {"ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_HAT = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
_VNI_ALONE = {
    "ñ": "đ",
    "ô": "ơ",
    "ö": "ư",
    "í": "í",
    "ì": "ì",
    "æ": "ỉ",
    "ó": "ĩ",
    "ò": "ị",
    "î": "ỵ",
}
VNI_CODES = {
    char
    for table in (_VNI_TONE, _VNI_HAT, _VNI_BREVE, _VNI_ALONE)
    for code in table
    for char in (code, code.upper())
}
LEGACY_CODES = set(TCVN3) | VNI_CODES

# --- Vietnamese syllables -------------------------------------------------------------------

ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip
_RHYMES_BY_NUCLEUS = """
    a ai ao au ay ac ach am an ang anh ap at   ăc ăm ăn ăng ăp ăt
    âu ây âc âm ân âng âp ât   e eo ec em en eng ep et   ê êu êch êm ên ênh êp êt
    i ia iu ich im in inh ip it   iêu iêc iêm iên iêng iêp iêt   y yêu yêm yên yêt
    o oi oc om on ong op ot oong ooc   ô ôi ôc ôm ôn ông ôp ôt   ơ ơi ơm ơn ơp ơt
    u ua ui uc um un ung up ut   uôi uôc uôm uôn uông uôt
    ư ưa ưi ưu ưc ưm ưng ưt   ươi ươu ươc ươm ươn ương ươp ươt
    oa oai oay oac oach oam oan oang oanh oap oat   oăc oăm oăn oăng oăt   oe oeo oen oet
    uê uêch uênh uân uâng uât uây uơ   uy uya uyu uych uynh uyt uyên uyêt
"""
RHYMES = tuple(_RHYMES_BY_NUCLEUS.split())
CODAS = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
STOPS = ("c", "ch", "p", "t")  # a syllable closed by these takes sắc or nặng only
_MEDIAL = ("oa", "oă", "oe", "uâ", "uê", "uy", "uơ")  # the rhymes with a glide (o/u) first
_FRONT = "ieêy"
_LABIALS = ("b", "m", "p", "ph", "v")
_Y_ONSETS = ("", "h", "k", "l", "m", "n", "s", "t", "th", "v")  # "y" after them: Lý, Mỹ, Vy
_GI_MERGED = ("i", "in", "iên", "iêng", "iêt")  # gi + i...: gì, gìn, giền, giếng, giết
_MARKED = "ăâêôơư"


def _split_rhyme(rhyme: str) -> tuple[str, str]:
    for coda in CODAS:
        if rhyme.endswith(coda) and len(rhyme) > len(coda):
            return rhyme[: -len(coda)], coda
    return rhyme, ""


def _tone_places(vowels: str, coda: str) -> tuple[int, ...]:
    """Where the tone mark may sit in the vowels: on the last vowel with a mark of its own; else
    on the last vowel before a final consonant; else by the open rhyme (oa, oe, uy: on either
    vowel, the old style and the new; three vowels: the middle one; two: the first)."""
    marked = [i for i, char in enumerate(vowels) if char in _MARKED]
    if marked:
        return (marked[-1],)
    if coda or len(vowels) == 1:
        return (len(vowels) - 1,)
    if vowels in ("oa", "oe", "uy"):
        return (0, 1)
    return (1,) if len(vowels) == 3 else (0,)


def _allowed(onset: str, rhyme: str) -> bool:
    medial = rhyme.startswith(_MEDIAL)
    if onset == "gi":
        return not medial and rhyme[0] not in "iy"
    if onset in ("k", "gh", "ngh"):
        front = rhyme[0] in ("ieêy" if onset == "k" else "ieê")
        return front and not medial and not rhyme.startswith("yê")
    if onset in ("c", "g", "ng") and rhyme[0] in _FRONT:
        return False
    if medial and onset in ("c", *_LABIALS):
        return False
    if rhyme.startswith("y"):
        return onset == "" or (rhyme == "y" and onset in _Y_ONSETS)
    if rhyme.startswith("iê"):
        return onset != ""
    return True


def _syllable_table() -> dict[str, tuple[tuple[int, ...], bool]]:
    """Every written syllable without its tone: where the tone may go, and whether it ends in a
    stop (p, t, c, ch)."""
    table: dict[str, tuple[tuple[int, ...], bool]] = {}

    def add(onset: str, rhyme: str) -> None:
        vowels, coda = _split_rhyme(rhyme)
        places = tuple(len(onset) + place for place in _tone_places(vowels, coda))
        table.setdefault(onset + rhyme, (places, coda in STOPS))

    for onset in ONSETS:
        if onset == "qu":
            continue
        for rhyme in RHYMES:
            if _allowed(onset, rhyme):
                add(onset, rhyme)
    for rhyme in RHYMES:  # qu carries the glide: qua, quê, quy, quyên, quốc; qui, quít (old)
        if rhyme.startswith(_MEDIAL) and rhyme not in ("uya", "uyu"):
            add("qu", rhyme[1:])
    for rhyme in ("ôc", "i", "it"):
        add("qu", rhyme)
    for rhyme in _GI_MERGED:
        vowels, coda = _split_rhyme(rhyme)
        places = tuple(1 + place for place in _tone_places(vowels, coda))
        table.setdefault("g" + rhyme, (places, coda in STOPS))
    return table


SYLLABLES = _syllable_table()


@lru_cache(maxsize=65_536)
def is_syllable(word: str) -> bool:
    """A written Vietnamese syllable: onset and rhyme that go together, at most one tone, one the
    rhyme may take (p, t, c, ch: sắc or nặng), on a vowel that may carry it."""
    letters: list[str] = []
    tone, place = "", -1
    for char in unicodedata.normalize("NFD", word.lower()):
        if char in TONES:
            if tone or not letters:
                return False
            tone, place = char, len(letters) - 1
        elif unicodedata.combining(char):
            if not letters:
                return False
            letters[-1] += char
        else:
            letters.append(char)
    toneless = unicodedata.normalize("NFC", "".join(letters))
    if len(toneless) != len(letters):
        return False
    entry = SYLLABLES.get(toneless)
    if entry is None:
        return False
    places, stop = entry
    if stop and tone not in (_ACUTE, _DOT):
        return False
    return not tone or place in places


# --- Decoding -------------------------------------------------------------------------------


_LATIN1_LETTERS = {chr(code) for code in range(0xC0, 0x100) if chr(code).isalpha()}
_NOT_TCVN3 = frozenset(_LATIN1_LETTERS - set(TCVN3))
_TCVN3_TABLE = str.maketrans(TCVN3)
_TCVN3_TONED = frozenset(
    code for code, letter in TCVN3.items() if set(unicodedata.normalize("NFD", letter)) & set(TONES)
)  # letters with a tone: their case is not in the byte


def _tcvn3_decode(text: str) -> str | None:
    """The text read as TCVN3, or None when it holds a letter that is no TCVN3 code."""
    if not _NOT_TCVN3.isdisjoint(text):
        return None
    decoded = text.translate(_TCVN3_TABLE)
    if _TCVN3_TONED.isdisjoint(text):
        return decoded
    return _restore_case(decoded, text)


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _restore_case(decoded: str, codes: str) -> str:
    """Capitals with a tone share the small letters' codes: a word whose other letters are
    capitals is in capitals ("NGUYÔN"), and a word's first letter is a capital when the word
    opens the cell or the cell's other words open with capitals ("NguyÔn V¨n ¸nh")."""
    words = []  # (start, end, the known letters after the first, whether the first is known)
    for match in _LETTER_RUN.finditer(decoded):
        start, end = match.span()
        tail = "".join(decoded[i] for i in range(start + 1, end) if codes[i] not in _TCVN3_TONED)
        words.append((start, end, tail, codes[start] not in _TCVN3_TONED))
    tails = [tail for _start, _end, tail, _known in words if tail]
    cell_upper = bool(tails) and all(tail.isupper() for tail in tails)
    initials = [decoded[start] for start, _end, _tail, known in words if known]
    cell_title = sum(char.isupper() for char in initials) * 2 >= len(initials) > 0
    letters = list(decoded)
    for number, (start, end, tail, _known) in enumerate(words):
        upper_word = tail.isupper() if tail else cell_upper
        for i in range(start, end):
            if codes[i] in _TCVN3_TONED and (
                upper_word or (i == start and (number == 0 or cell_title))
            ):
                letters[i] = letters[i].upper()
    return "".join(letters)


_VNI_MARK_CODES = {  # code -> (the letters it goes on, what it adds)
    code: (bases, extra + mark)
    for table, bases, extra in (
        (_VNI_TONE, "aeouyơưAEOUYƠƯ", ""),
        (_VNI_HAT, "aeoAEO", _CIRCUMFLEX),
        (_VNI_BREVE, "aA", _BREVE),
    )
    for small, mark in table.items()
    for code in (small, small.upper())
}
_VNI_LETTER_CODES = {
    code: letter
    for small, letter in _VNI_ALONE.items()
    for code, letter in ((small, letter), (small.upper(), letter.upper()))
}
_NOT_VNI = frozenset(_LATIN1_LETTERS - VNI_CODES)


def _vni_decode(text: str) -> str | None:
    """The text read as VNI Windows, or None when a mark has no letter to go on, or a letter is
    no VNI code."""
    if not _NOT_VNI.isdisjoint(text):
        return None
    out: list[str] = []
    may_mark = False  # whether the last letter may still take a mark
    for char in text:
        if char < "\x80":
            out.append(char)
            may_mark = True
        elif char in _VNI_MARK_CODES:
            bases, marks = _VNI_MARK_CODES[char]
            if not may_mark or not out or out[-1] not in bases:
                return None
            out[-1] += marks
            may_mark = False
        else:
            letter = _VNI_LETTER_CODES.get(char, char)
            out.append(letter)
            may_mark = letter in "ơưƠƯ"
    return unicodedata.normalize("NFC", "".join(out))


# --- Readings -------------------------------------------------------------------------------

UNICODE, TCVN3_NAME, VNI_NAME = "Unicode", "TCVN3", "VNI"
_ORDER = (UNICODE, TCVN3_NAME, VNI_NAME)  # the first wins among readings equally good
_CODE_CLASS = "".join(re.escape(char) for char in sorted(LEGACY_CODES) if not char.isalpha())
_RAW_WORD = re.compile(rf"(?:[^\W\d_]|[{_CODE_CLASS}])+")
SURE_SHARE = 0.9  # of the sheet's certain cells, for them to settle a cell in doubt
SURE_CELLS = 3


class Doubtful(str):
    """A cell's text whose encoding is not certain: `readings` holds each plausible reading (or,
    when none is plausible, the reading chosen) as (encoding, text)."""

    readings: tuple[tuple[str, str], ...] = ()
    unreadable: bool = False

    def __new__(cls, text: str, readings, unreadable: bool):
        cell = super().__new__(cls, text)
        cell.readings, cell.unreadable = tuple(readings), unreadable
        return cell

    def __reduce__(self):  # rows cross from the reading process in pickles
        return Doubtful, (str(self), self.readings, self.unreadable)

    def note(self) -> str:
        """What to check, in Vietnamese."""
        from django.utils.translation import gettext as _  # noqa: PLC0415 - Django-free module

        if self.unreadable:
            encoding, text = self.readings[0]
            return _("“%(text)s” có chữ không phải tiếng Việt (đọc theo mã %(encoding)s)") % {
                "text": text,
                "encoding": encoding,
            }
        options = [
            _("“%(text)s” (mã %(encoding)s)") % {"text": text, "encoding": encoding}
            for encoding, text in self.readings
        ]
        return _("ô đọc được là %(options)s") % {"options": _(" hay ").join(options)}


@dataclass(frozen=True)
class Reading:
    text: str
    encoding: str  # UNICODE, TCVN3_NAME or VNI_NAME; "" for text with nothing to decide
    certain: bool
    plausible: tuple[tuple[str, str], ...] = ()
    sure: bool = True  # certain on its own, not settled by the sheet


def _visible(raw: str) -> str:
    """The cell without control or format characters (but U+00AD, TCVN3's "ư"), spaces as one."""
    if not raw.isprintable():
        raw = "".join(
            " " if char.isspace() else char
            for char in raw
            if char == "\xad" or char.isspace() or unicodedata.category(char) not in ("Cc", "Cf")
        )
    return " ".join(raw.split())


def _mistakes(text: str, pattern: re.Pattern) -> tuple[int, int]:
    """(words that are syllables, words that are not), among words with a non-ASCII letter."""
    good = bad = 0
    for word in pattern.findall(text):
        if not word.isascii():
            if is_syllable(word):
                good += 1
            else:
                bad += 1
    return good, bad


def read_cell(raw: str, evidence: Counter | None = None) -> Reading:
    """The cell's text in Unicode and how sure the reading is. `evidence` counts the encodings
    of the sheet's certain cells so far; it settles a doubt when nearly all of one encoding."""
    text = _visible(raw)
    if text.isascii():
        return Reading(normalize_text(text), "", True)
    if max(text) > "\xff":
        return Reading(normalize_text(text), UNICODE, True)
    readings = {UNICODE: (normalize_text(text), _mistakes(text, _RAW_WORD))}
    for encoding, decode in ((TCVN3_NAME, _tcvn3_decode), (VNI_NAME, _vni_decode)):
        decoded = decode(text)
        if decoded is not None:
            readings[encoding] = (normalize_text(decoded), _mistakes(decoded, _RAW_WORD))
    plausible = {enc: value for enc, value in readings.items() if value[1][1] == 0}
    texts = {value[0] for value in plausible.values()}
    if len(texts) == 1:
        encoding = next(iter(plausible))
        return Reading(plausible[encoding][0], encoding, True)
    pool = plausible or readings
    choice = _settled(pool, evidence)
    if choice is None:
        choice = max(pool, key=lambda enc: (pool[enc][1][0] - pool[enc][1][1], -_ORDER.index(enc)))
    shown = tuple((enc, pool[enc][0]) for enc in _ORDER if enc in plausible)
    settled = _settled(pool, evidence) is not None
    return Reading(pool[choice][0], choice, settled, shown, sure=False)


def _settled(pool: dict, evidence: Counter | None) -> str | None:
    if not evidence:
        return None
    encoding, count = evidence.most_common(1)[0]
    total = sum(evidence.values())
    if encoding in pool and count >= SURE_CELLS and count >= SURE_SHARE * total:
        return encoding
    return None


class LegacyReader:
    """Reads the cells of one sheet in order; the certain cells tell which encoding the sheet
    is typed in, which settles the cells read two ways."""

    def __init__(self) -> None:
        self.evidence: Counter[str] = Counter()

    def read(self, raw: str) -> str:
        reading = read_cell(raw, self.evidence)
        if reading.certain:
            if reading.encoding and reading.sure:
                self.evidence[reading.encoding] += 1
            return reading.text
        readings = reading.plausible or ((reading.encoding, reading.text),)
        return Doubtful(reading.text, readings, unreadable=not reading.plausible)


def from_legacy(text: str) -> str:
    """The cell in Unicode: TCVN3 or VNI converted, anything else untouched (the cell alone)."""
    return read_cell(text).text


def doubt_reason(row: list, columns) -> str:
    """Why a row must be checked before it goes in: the cells of the given columns read with
    doubt, in Vietnamese ("Kiểm tra lại: …"); "" when every one was read with certainty."""
    from django.utils.translation import gettext as _  # noqa: PLC0415 - Django-free module

    notes = [
        row[index].note()
        for index in sorted(set(columns))
        if index is not None and index < len(row) and isinstance(row[index], Doubtful)
    ]
    if not notes:
        return ""
    return _(
        "Kiểm tra lại: %(notes)s. Dòng này chưa được ghi; gõ lại ô đó bằng Unicode (hoặc chuyển "
        "mã cả tệp) rồi nhập lại."
    ) % {"notes": "; ".join(notes)}
