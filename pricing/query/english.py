"""Which words are everyday English: a word people write on purpose is never a typo of a keyword.

`leads` is one letter from `reads` and `makes` from `takes`; reading them as those keywords priced
`40 leads/day` as 40 cached tokens. The word list is pyspellchecker's English frequency table (built
from OpenSubtitles and Wikipedia); only words seen at least `COMMON` times are kept, so that rare
spellings that are mostly slips (`cachd`, `ouput`, `tokes`) are still corrected.
"""

from __future__ import annotations

from functools import cache

__all__ = ["is_common_word", "COMMON"]

#: Occurrences in the frequency table from which a word counts as written on purpose.
COMMON = 1000


@cache
def _common_words() -> frozenset[str]:
    from spellchecker import SpellChecker  # loaded on the first unknown word, then only the set is kept

    table = SpellChecker(language="en").word_frequency.dictionary
    return frozenset(word for word, count in table.items() if count >= COMMON)


def is_common_word(word: str) -> bool:
    return word in _common_words()
