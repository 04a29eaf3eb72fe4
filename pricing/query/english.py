"""Which words are everyday English: a word people write on purpose is never a typo of a keyword.

`leads` is one letter from `reads` and `makes` from `takes`; reading them as those keywords priced
`40 leads/day` as 40 cached tokens. The word list is pyspellchecker's English frequency table (built
from OpenSubtitles and Wikipedia); only words seen at least `COMMON` times are kept, so that rare
spellings that are mostly slips (`cachd`, `ouput`, `tokes`) are still corrected.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["is_common_word", "is_english_word", "english_stem", "load_word_tables", "COMMON", "WRITTEN"]

#: Occurrences in the frequency table from which a word counts as written on purpose.
COMMON = 1000
#: Occurrences from which a word is an English word at all, if not an everyday one (`narratives`, `excerpt`: 300
#: and 344); below it are abbreviations and slips (`db`, `yt` and `tokes` are seen 50 times).
WRITTEN = 100


@cache
def _words(least: int) -> frozenset[str]:
    from spellchecker import SpellChecker  # loaded on the first unknown word, then only the sets are kept

    table = SpellChecker(language="en").word_frequency.dictionary
    return frozenset(word for word, count in table.items() if count >= least)


def is_common_word(word: str) -> bool:
    return word in _words(COMMON)


#: Endings English builds words with; the table lists few of the words built (`teacher`, `reworded`). (Not prefixes:
#: `reguests` is re + guests, and a slip of `requests`.)
_ENDINGS = ("ing", "ed", "er", "ers")


def english_stem(word: str) -> str | None:
    """The English word ``word`` is built from by an ending the table leaves out (`teacher`: `teach`, `reworded`:
    `reword`), or None: such a word is written on purpose, not a slip of a keyword one letter away."""
    for ending in _ENDINGS:
        base = word.removesuffix(ending)
        if base != word and len(base) >= 3:
            for stem in (base, base + "e"):
                if is_english_word(stem):
                    return stem
    return None


def is_english_word(word: str) -> bool:
    """A word of the language, if not an everyday one: an unknown word read past names a thing (read_past.py). British
    spellings count as their American twins (`summarising`, `organisation`), as the table holds them or their stems."""
    if word in _words(WRITTEN):
        return True
    american = _BRITISH.sub(r"iz\1", word)
    return american != word and (american in _words(WRITTEN) or english_stem(american) is not None)


#: The British -ise endings, spelled -ize in the table.
_BRITISH = re.compile(r"is(e|es|ed|ing|ation|ations|er|ers)$")


def load_word_tables() -> None:
    """Load the word tables now, not on the first unknown word: a server calls this before it answers, so no
    question pays the table's load (0.3 s unloaded, seconds on a busy machine) inside its answer's time budget."""
    _words(COMMON)
    _words(WRITTEN)
