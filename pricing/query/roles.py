"""Giving each token its role from the word tables, and pronouns their antecedent (`100k of them cached`)."""

from __future__ import annotations

from ..tokens import Token
from .vocab import FILLER, LINK_WORDS, PERIOD_WORDS, PHRASES, PHRASES3, WORDS, correct_typo

__all__ = ["assign_roles", "relative_clauses"]

_PRONOUNS = frozenset(["them", "it", "those", "these", "which", "that"])


def assign_roles(tokens: list[Token]) -> None:
    """Give each token its role from the word tables, reading two-word phrases first; a keyword
    typed with one letter wrong (5+ letters) is read as the keyword."""
    for tok in tokens:
        if tok.kind == "word" and tok.role is None:
            fixed = correct_typo(tok.text) if tok.text not in WORDS and tok.text not in FILLER else None
            if fixed is not None:
                tok.text = fixed
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.role is not None or tok.kind in ("used", "model", "amount"):
            continue
        three = tuple(t.text for t in tokens[i : i + 3])
        if three in PHRASES3 and all(t.kind == "word" and t.role is None for t in tokens[i : i + 3]):
            for t, phrase_role in zip(tokens[i : i + 3], PHRASES3[three], strict=True):
                t.role = phrase_role
            continue
        if tok.kind == "word" and nxt is not None and nxt.kind == "word" and nxt.role is None and (tok.text, nxt.text) in PHRASES:
            tok.role, nxt.role = PHRASES[(tok.text, nxt.text)]
            continue
        if tok.text in LINK_WORDS:
            tok.role = "link"
        elif tok.kind == "sym":
            tok.role = {"×": "times_sign", "*": "times_sign", "?": "question", "-": "link", "+": "skip", "%": "percent"}.get(tok.text)
            if tok.text == "/" and nxt is not None and nxt.text in PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + PERIOD_WORDS[nxt.text]
            elif tok.text == "/" and nxt is not None and nxt.text in ("min", "minute"):
                tok.role, nxt.role = "skip", "period:minute"
            elif nxt is not None and (tok.text, nxt.text) in PHRASES:
                tok.role, nxt.role = PHRASES[(tok.text, nxt.text)]  # `/user`
        elif tok.kind == "word":
            tok.role = WORDS.get(tok.text)
            if nxt is None or nxt.kind != "word" or nxt.role is not None:
                continue
            pair = (tok.text, nxt.text)
            if pair in PHRASES:
                tok.role, nxt.role = PHRASES[pair]
            elif tok.text in ("per", "a", "each", "every", "an") and nxt.text in PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + PERIOD_WORDS[nxt.text]
            elif tok.text in ("per", "every") and WORDS.get(nxt.text) == "count" and nxt.text != "times":
                # `115k tokens per episode`: per request; `20 steps per task`: a count in each unit (a task),
                # multiplied by the number of units given (`200 tasks/day`), as a count per person is
                counted = i >= 2 and tokens[i - 1].role == "count" and tokens[i - 2].kind == "amount"
                tok.role, nxt.role = "skip", "per_unit" if counted else "each"
            elif pair == ("how", "many"):
                tok.role, nxt.role = "budget", "skip"
        elif tok.kind == "cjk" and tok.text in ("月",) and i > 0 and tokens[i - 1].role == "each":
            tok.role = "period:month"


def relative_clauses(tokens: list[Token]) -> None:
    """`100k of them cached`, `50k of which are cached`: the pronoun refers to the prompt just given."""
    for i, tok in enumerate(tokens):
        if tok.text in ("input", "prompt") and i > 1 and tokens[i - 1].text == "the" and tokens[i - 2].text == "of":
            # `3k of the input is cached`: the prompt just given, as a pronoun would be
            if any(t.role in ("label:cached", "label:cache") for t in tokens[i + 1 : i + 4]):
                tok.role = "pronoun_link"
            continue
        if tok.text not in _PRONOUNS or i == 0 or tokens[i - 1].text != "of":
            continue
        # `of them cached`, `of it from cache`, `of which 200k is cached`: a cached/thinking label soon after
        for k in range(i + 1, min(i + 5, len(tokens))):
            if tokens[k].role in ("label:cached", "label:cache", "label:thinking", "label:audio"):
                tok.role = "pronoun_link"
                break
        else:
            period_after = any((t.role or "").startswith("period:") for t in tokens[i + 1 : i + 4])
            if i > 1 and tokens[i - 2].kind == "amount" and tok.text in ("those", "these", "them") and period_after:
                tok.role = "count"  # `700 of those per day`: that many of the request just described
