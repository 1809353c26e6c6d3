"""The Dutch catalogue is complete: every message translated, nothing fuzzy."""

from pathlib import Path

import pytest

PO = Path(__file__).resolve().parents[3] / "locale" / "nl" / "LC_MESSAGES" / "django.po"


def _entries(text: str):
    for block in text.split("\n\n"):
        if "msgid " not in block or block.startswith('msgid ""\nmsgstr ""\n"'):
            continue
        if block.lstrip().startswith("#~"):
            continue
        yield block


def _strings(block: str, key: str) -> str:
    """The concatenated value of msgstr (or msgstr[n]) lines in a PO entry."""
    out, taking = [], False
    for line in block.splitlines():
        if line.startswith(key):
            taking = True
            out.append(line.split(" ", 1)[1].strip('"'))
        elif taking and line.startswith('"'):
            out.append(line.strip('"'))
        else:
            taking = False
    return "".join(out)


def test_dutch_catalogue_is_complete():
    if not PO.exists():
        pytest.fail(f"{PO} is missing")
    text = PO.read_text()
    untranslated, fuzzy = [], []
    for block in _entries(text):
        msgid = _strings(block, "msgid ")
        if not msgid:
            continue
        if "#, fuzzy" in block:
            fuzzy.append(msgid)
        values = [_strings(block, k) for k in ("msgstr ", "msgstr[0] ", "msgstr[1] ")]
        if not any(values) or ("msgid_plural" in block and not all(values[1:])):
            untranslated.append(msgid)
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"
