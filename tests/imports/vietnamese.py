"""Every written Vietnamese syllable, generated from the orthography, and the two legacy code
charts (TCVN 5712:1993 VN3, VNI Windows) as encoders — written here independently of
congdoan.imports.legacy, so the tests check the decoder against a second reading of the rules.
"""

from __future__ import annotations

import unicodedata
from functools import cache

GRAVE, HOOK, TILDE, ACUTE, DOT = "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"
TONES = ("", GRAVE, HOOK, TILDE, ACUTE, DOT)  # ngang, huyền, hỏi, ngã, sắc, nặng

ONSETS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh",
    "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip

# Nucleus (with its glide, if any) -> the finals it takes; "" is the open syllable.
_NUCLEI = {
    "a": "- c ch m n ng nh p t i o u y",
    "ă": "c m n ng p t",
    "â": "c m n ng p t u y",
    "e": "- c m n ng p t o",
    "ê": "- ch m n nh p t u",
    "i": "- ch m n nh p t a u",
    "iê": "c m n ng p t u",
    "yê": "m n t u",
    "y": "-",
    "o": "- c m n ng p t i",
    "oo": "c ng",
    "ô": "- c m n ng p t i",
    "ơ": "- m n p t i",
    "u": "- c m n ng p t a i",
    "uô": "c m n ng t i",
    "ư": "- c m ng t a i u",
    "ươ": "c m n ng p t i u",
    "oa": "- c ch m n ng nh p t i y",
    "oă": "c m n ng t",
    "oe": "- n t o",
    "uâ": "n ng t y",
    "uê": "- ch nh",
    "uơ": "-",
    "uy": "- ch nh t a u",
    "uyê": "n t",
}
STOP_FINALS = ("c", "ch", "p", "t")
CONSONANT_FINALS = ("c", "ch", "m", "n", "ng", "nh", "p", "t")


def rhymes() -> list[tuple[str, str]]:
    """(vowels, consonant final) of every rhyme; the glides i/y, o/u written at the end are
    vowels of the rhyme (tài, cháu)."""
    out = []
    for nucleus, finals in _NUCLEI.items():
        for final in finals.split():
            final = "" if final == "-" else final
            if final in CONSONANT_FINALS:
                out.append((nucleus, final))
            else:
                out.append((nucleus + final, ""))
    return out


def _glide(vowels: str) -> bool:
    return vowels[:2] in ("oa", "oă", "oe", "uâ", "uê", "uơ", "uy")


def _spelled(onset: str, vowels: str) -> str | None:
    """The onset as written before these vowels, or None when they never go together."""
    front = vowels[0] in "ieêy"
    if onset in ("c", "k"):  # /k/: k before i y e ê, c elsewhere, never with a glide (qu)
        if _glide(vowels):
            return None
        return ("k" if front else "c") if onset == ("k" if front else "c") else None
    if onset in ("g", "gh", "ng", "ngh"):
        wants_h = vowels[0] in "ieê"
        return onset if onset.endswith("h") == wants_h else None
    if onset == "gi":  # gi + i... is written once: gì, gìn, giếng, giết
        return None if vowels[0] in "iy" or _glide(vowels) else onset
    if onset in ("b", "m", "p", "ph", "v") and _glide(vowels):
        return None
    return onset


def _tone_places(vowels: str, final: str) -> tuple[int, ...]:
    marked = [i for i, v in enumerate(vowels) if v in "ăâêôơư"]
    if marked:
        return (marked[-1],)
    if final or len(vowels) == 1:
        return (len(vowels) - 1,)
    if vowels in ("oa", "oe", "uy"):  # hòa / hoà, hòe / hoè, thúy / thuý
        return (0, 1)
    return (1,) if len(vowels) == 3 else (0,)


def _with_tone(letters: str, place: int, tone: str) -> str:
    return unicodedata.normalize("NFC", letters[: place + 1] + tone + letters[place + 1 :])


def _forms(onset: str, vowels: str, final: str) -> list[str]:
    tones = (ACUTE, DOT) if final in STOP_FINALS else TONES
    return [
        _with_tone(onset + vowels + final, len(onset) + place, tone)
        for place in _tone_places(vowels, final)
        for tone in tones
    ]


@cache
def syllables() -> tuple[str, ...]:
    """Every syllable (small letters, NFC), each tone and each accepted tone place."""
    found: set[str] = set()
    for onset in ONSETS:
        for vowels, final in rhymes():
            if onset == "qu":
                if _glide(vowels) and vowels not in ("uya", "uyu"):
                    found.update(_forms("qu", vowels[1:], final))  # qua, quê, quy, quyên
                elif vowels + final == "ôc":
                    found.update(_forms("qu", "ô", "c"))  # quốc
                continue
            if vowels.startswith("y"):  # y alone after a few onsets (Lý, Mỹ, Vy); yê: no onset
                if onset not in (
                    ("", "h", "k", "l", "m", "n", "s", "t", "th", "v") if vowels == "y" else ("",)
                ):
                    continue
            elif vowels.startswith("iê") and not onset:
                continue  # written yê
            spelled = _spelled(onset, vowels)
            if spelled is not None:
                found.update(_forms(spelled, vowels, final))
    for vowels, final in (("i", ""), ("i", "n"), ("iê", "n"), ("iê", "ng"), ("iê", "t")):
        found.update(_forms("g", vowels, final))  # gi + i...: gì, gìn, giền, giếng, giết
    return tuple(sorted(found))


def cases(word: str) -> tuple[str, str, str]:
    return word, word[0].upper() + word[1:], word.upper()


# --- The code charts --------------------------------------------------------------------------

# TCVN 5712:1993 VN3, row by row as the chart prints it: the letter, then with huyền, hỏi, ngã,
# sắc, nặng. Capitals with a tone have no code: the all-capital font draws these as capitals.
_VN3_ROWS = {
    "a": "a µ ¶ · ¸ ¹",
    "ă": "¨ » ¼ ½ ¾ Æ",
    "â": "© Ç È É Ê Ë",
    "e": "e Ì Î Ï Ð Ñ",
    "ê": "ª Ò Ó Ô Õ Ö",
    "i": "i × Ø Ü Ý Þ",
    "o": "o ß á â ã ä",
    "ô": "« å æ ç è é",
    "ơ": "¬ ê ë ì í î",
    "u": "u ï ñ ò ó ô",
    "ư": "\xad õ ö ÷ ø ù",
    "y": "y ú û ü ý þ",
}
_VN3_CAPITALS = {"Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§", "đ": "®"}


def _letter_parts(char: str) -> tuple[str, str, str]:
    """(base letter, vowel mark, tone) of one precomposed letter."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = next((mark for mark in decomposed if mark in TONES[1:]), "")
    rest = "".join(mark for mark in decomposed if mark not in TONES[1:])
    return rest[0], rest[1:], tone


def to_tcvn3(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in _VN3_CAPITALS:
            out.append(_VN3_CAPITALS[char])
            continue
        base, mark, tone = _letter_parts(char.lower())
        letter = unicodedata.normalize("NFC", base + mark)
        if letter not in _VN3_ROWS or (not mark and not tone):
            out.append(char)
            continue
        if char.isupper() and not tone:
            out.append(_VN3_CAPITALS[letter.upper()])
            continue
        out.append(_VN3_ROWS[letter].split()[TONES.index(tone)])
    return "".join(out)


# VNI Windows: a base letter and a mark character after it (capitals: the mark's capital).
_VNI_TONE = {ACUTE: "ù", GRAVE: "ø", HOOK: "û", TILDE: "õ", DOT: "ï"}
_VNI_HAT = {"": "â", ACUTE: "á", GRAVE: "à", HOOK: "å", TILDE: "ã", DOT: "ä"}  # â ê ô
_VNI_BREVE = {"": "ê", ACUTE: "é", GRAVE: "è", HOOK: "ú", TILDE: "ü", DOT: "ë"}  # ă
_VNI_HORN = {"o": "ô", "u": "ö"}  # ơ ư, which take the tone marks after them
_VNI_I = {"": "i", ACUTE: "í", GRAVE: "ì", HOOK: "æ", TILDE: "ó", DOT: "ò"}


def to_vni(text: str) -> str:
    out = []
    for char in unicodedata.normalize("NFC", text):
        upper = char.isupper()
        base, mark, tone = _letter_parts(char.lower())
        if base == "đ":
            code = "ñ"
        elif base == "i":
            code = _VNI_I[tone]
        elif base == "y" and tone == DOT:
            code = "î"
        elif mark == "\u0302":
            code = base + _VNI_HAT[tone]
        elif mark == "\u0306":
            code = base + _VNI_BREVE[tone]
        elif mark == "\u031b":
            code = _VNI_HORN[base] + _VNI_TONE.get(tone, "")
        elif tone:
            code = base + _VNI_TONE[tone]
        else:
            out.append(char)
            continue
        out.append(code.upper() if upper else code)
    return "".join(out)
