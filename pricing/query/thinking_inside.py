"""The output said with its thinking inside it, before the output's amount.

`輸出含思考 8k`, `输出包含思考大概 8k`, `output incl. thinking 8k`: the amount is the whole output, thinking
included, as `8k out (含思考)` and `2.5k out incl. thinking` are (the word of inclusion after the amount, read in
pairing). Read in the other order the thinking label took the amount and the output had none, so the question was
refused ("the parts of the output add up to more than its total").
"""

from __future__ import annotations

from ..tokens import Token

__all__ = ["output_holds_its_thinking"]

#: Words between the thinking label and the amount: an estimate (`大概`, `約`) or a link (`=`, `is`).
_BETWEEN = 3


def output_holds_its_thinking(tokens: list[Token]) -> bool:
    """True, with the inclusion word and the thinking label read past, when an output label is followed by a word of
    inclusion, the thinking label and then, in the same clause, an amount (which the output label then takes)."""
    for i in range(len(tokens) - 3):
        label, part, thinking = tokens[i : i + 3]
        if label.role != "label:output" or part.role != "part" or thinking.role != "label:thinking":
            continue
        for j in range(i + 3, min(i + 3 + _BETWEEN, len(tokens))):
            tok = tokens[j]
            if tok.after_break and j > i + 3:
                break
            if tok.kind == "amount":
                if tok.money is not None:
                    break
                part.role = thinking.role = "skip"
                return True
            if tok.role != "skip":
                break
    return False
