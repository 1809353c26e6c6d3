"""Dutch-aware search without a search engine.

Text is folded (lower case, accents removed), split into words and reduced to Snowball Dutch
stems, so "debatten" and "debat", "wijken" and "wijk", "taalcafés" and "taalcafe" meet. The
stems of an activity are kept in ``ActivitySearchTerm``; a query matches the activities that
contain every stem of the query. The same code runs on SQLite and PostgreSQL.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

MAX_QUERY_TERMS = 8
MAX_TERM_LENGTH = 64
_WORD = re.compile(r"[0-9a-z]+")
# Words too common to narrow a search; they are left out of the index and of queries.
STOPWORDS = frozenset(
    [
        "de",
        "het",
        "een",
        "en",
        "of",
        "in",
        "op",
        "aan",
        "van",
        "voor",
        "met",
        "door",
        "over",
        "bij",
        "naar",
        "om",
        "te",
        "tot",
        "uit",
        "is",
        "zijn",
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "in",
        "on",
        "at",
        "for",
        "with",
        "to",
        "by",
        "from",
        "is",
        "are",
    ]
)


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("dutch")


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def stems(text: str) -> list[str]:
    """The distinct stems of ``text``, in order of first appearance."""
    words = [w for w in _WORD.findall(fold(text)) if w not in STOPWORDS]
    seen: dict[str, None] = {}
    for stem in _stemmer().stemWords(words):
        if stem:
            seen.setdefault(stem[:MAX_TERM_LENGTH], None)
    return list(seen)


def query_stems(query: str) -> list[str]:
    return stems(query)[:MAX_QUERY_TERMS]
