"""The output said with its thinking inside it, before the output's amount.

`輸出含思考 8k`, `输出包含思考大概 8k`, `output incl. thinking 8k`: the amount is the whole output, thinking
included, as `8k out (含思考)` and `2.5k out incl. thinking` are (the word of inclusion after the amount, read in
pairing). Read in the other order the thinking label took the amount and the output had none, so the question was
refused ("the parts of the output add up to more than its total").
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["output_holds_its_thinking"]

#: Words between the thinking label and the amount: an estimate (`大概`, `約`) or a link (`=`, `is`).
_BETWEEN = 3


def output_holds_its_thinking(tokens: list[Token]) -> bool:
    """True, with the inclusion word and the thinking label read past, when an output label is followed by a word of
    inclusion, the thinking label and then, in the same clause, an amount (which the output label then takes).

    Not when thinking is spoken of again (`输出含思考 8k，思考 6k`, `不含思考 2k`, `thinking budget 16k`, `思考大概 70%`:
    the second says how much of it, or a cap, read another way), when the amount is a period's (`8M tokens/month`),
    or when whether it holds the thinking is asked (`输出含思考 8k 还是不含？`): those are read as before (asked)."""
    for i in range(len(tokens) - 3):
        label, part, thinking = tokens[i : i + 3]
        if label.role != "label:output" or part.role != "part" or thinking.role != "label:thinking":
            continue
        for j in range(i + 3, min(i + 3 + _BETWEEN, len(tokens))):
            tok = tokens[j]
            if tok.after_break and j > i + 3:
                break
            if tok.kind == "amount":
                if tok.money is not None or _more_said(tokens, j):
                    break
                part.role = thinking.role = "skip"
                return True
            if tok.role != "skip":
                break
    return False


#: Words that open a part of the whole just given (`其中思考 6k`).
_OF_WHICH = frozenset(["其中"])


def _less_after(tokens: list[Token], word: int, whole: Decimal | None) -> bool:
    """The next amount after ``word``, right after it but for filler, is smaller than the whole (`其中思考 6k`; not
    `其中思考预算 16k`)."""
    for tok in tokens[word + 1 : word + 4]:
        if tok.kind == "amount":
            return whole is not None and tok.value is not None and tok.value < whole
        if tok.role != "skip":
            return False
    return False


#: Words that ask whether the output holds it (`还是不含`, `or not`).
_ASKING = frozenset(["还是", "或者", "或", "or", "?", "吗", "嗎"])


def _more_said(tokens: list[Token], amount_at: int) -> bool:
    """After the amount: thinking named again anywhere (but as a part of it: `其中思考 6k`), a period or a question in
    its clause."""
    for m in range(amount_at + 1, len(tokens)):
        t = tokens[m]
        if "thinking" in (t.role or "") or "思考" in t.text or t.text in ("thinking", "thoughts", "thought", "reasoning"):
            if not (tokens[m - 1].text in _OF_WHICH and _less_after(tokens, m, tokens[amount_at].value)):
                return True  # (`其中思考 6k`: how much of the whole is thinking, read as a part of it)
    for tok in tokens[amount_at + 1 : amount_at + 5]:
        if tok.after_break:
            return False
        if (tok.role or "").startswith("period:") or tok.text in _ASKING or tok.role == "percent":
            return True
    return False
