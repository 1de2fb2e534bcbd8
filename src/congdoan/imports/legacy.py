"""Text typed years ago in the legacy Vietnamese encodings (TCVN3/ABC and VNI), back to Unicode.

Excel shows such cells as Latin-1 gibberish ("NguyÔn V¨n A", "Nguyeãn Vaên A"). Each cell is
judged on its own: it is decoded both ways and the reading whose words are real Vietnamese
syllables wins; a cell that already reads as Vietnamese is left as it is.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN 5712:1993 (VN3): one byte per letter; capitals with tones share the small letters' bytes.
_TCVN3_PAIRS = (
    "¨ă ©â ªê «ô ¬ơ \xadư ®đ ¡Ă ¢Â £Ê ¤Ô ¥Ơ ¦Ư §Đ "
    "µà ¶ả ·ã ¸á ¹ạ »ằ ¼ẳ ½ẵ ¾ắ Æặ Çầ Èẩ Éẫ Êấ Ëậ "
    "Ìè Îẻ Ïẽ Ðé Ñẹ Òề Óể Ôễ Õế Öệ ×ì Øỉ Üĩ Ýí Þị "
    "ßò áỏ âõ ãó äọ åồ æổ çỗ èố éộ êờ ëở ìỡ íớ îợ "
    "ïù ñủ òũ óú ôụ õừ öử ÷ữ øứ ùự úỳ ûỷ üỹ ýý þỵ"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}

# VNI Windows: a base letter followed by a mark character; a few letters stand alone.
_VNI_MARKS = {
    "ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323",
    "â": "\u0302", "á": "\u0302\u0301", "à": "\u0302\u0300", "å": "\u0302\u0309",
    "ã": "\u0302\u0303", "ä": "\u0302\u0323",
    "ê": "\u0306", "é": "\u0306\u0301", "è": "\u0306\u0300", "ú": "\u0306\u0309",
    "ü": "\u0306\u0303", "ë": "\u0306\u0323",
}  # fmt: skip
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
VNI_BASES = "aeiouyơưAEIOUYƠƯ"

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_ONSET = "ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx]"
_NUCLEI = " ".join(  # longest first, so the regular expression tries them first
    (
        "iêu yêu oai oay oeo uây uôi ươi ươu uya uyê uyu",
        "ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uê ui uô uơ ưa ưi ưu ươ uy",
        "ya yê a ă â e ê i o ô ơ u ư y",
    )
).split(" ")
_SYLLABLE = re.compile(rf"^(?:{_ONSET})?(?:{'|'.join(_NUCLEI)})(?:ch|ng|nh|[cmnpt])?$")
_WORD = re.compile(r"[^\W\d_]+")


def _vni_decode(text: str) -> str:
    out: list[str] = []
    for char in text:
        lower = char.lower()
        if out and lower in _VNI_MARKS and out[-1] and out[-1][-1] in VNI_BASES:
            out[-1] = unicodedata.normalize("NFC", out[-1] + _VNI_MARKS[lower])
        elif lower in _VNI_ALONE:
            letter = _VNI_ALONE[lower]
            out.append(letter.upper() if char.isupper() else letter)
        else:
            out.append(char)
    return unicodedata.normalize("NFC", "".join(out))


def _tcvn3_decode(text: str) -> str:
    return "".join(TCVN3.get(char, char) for char in text)


def is_syllable(word: str) -> bool:
    """A Vietnamese syllable: onset, vowel nucleus, coda, and at most one tone."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    if sum(decomposed.count(tone) for tone in _TONES) > 1:
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return bool(_SYLLABLE.match(toneless))


def _score(text: str) -> int:
    """How many words read as Vietnamese, less those that cannot."""
    words = [word for word in _WORD.findall(text) if not word.isascii()]
    return sum(1 if is_syllable(word) else -1 for word in words)


def from_legacy(text: str) -> str:
    """The cell in Unicode: TCVN3 or VNI converted, anything else untouched."""
    if text.isascii() or any(ord(char) > 0xFF for char in text):
        return text  # plain ASCII, or already Unicode beyond Latin-1
    best, best_score = text, _score(text)
    for decoded in (_tcvn3_decode(text), _vni_decode(text)):
        score = _score(decoded)
        if score > best_score:
            best, best_score = decoded, score
    return best
