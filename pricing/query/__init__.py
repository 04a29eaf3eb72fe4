"""The query language: free English or Chinese text in, a typed `Query` (or a typed error) out.

Reading happens in passes over a token list (`pricing.tokens.Token`), each linear in the text's length
(no regular expression here can backtrack), one module per pass:

- `normalize`: text clean-up (width, case, Traditional characters, Slack markup, a date);
- `tokenize`: words, numbers, symbols, and Chinese runs split into keywords and numerals;
- model names (`pricing.model_names`), then `amounts` (with `numbers`): numerals, multipliers,
  currencies and durations folded into amount tokens;
- `roles`: each word's meaning from `vocab`; `pairing`: amounts paired with labels, durations and
  counts into `Parts`; `usage`: the `Usage` they describe;
- `read` runs those passes in order; `intent` decides what the reading asks; `parse` is the entry
  (`parse_query`); `followups` and `canonical` change and write back a reading (`question.Query`).

Precision first: a price is read only when every amount has a role and no word that would change the
price is left unexplained; otherwise `Ambiguous` names what is unclear and the likely readings.
"""

from .canonical import canonical
from .english import load_word_tables
from .followups import apply_followup, reads_as_followup
from .normalize import MAX_QUERY_CHARS
from .parse import parse_query
from .question import Intent, Query, Topic
from .usage import MAX_TOKENS

__all__ = [
    "Query",
    "Intent",
    "Topic",
    "parse_query",
    "reads_as_followup",
    "canonical",
    "apply_followup",
    "load_word_tables",
    "MAX_QUERY_CHARS",
    "MAX_TOKENS",
]
