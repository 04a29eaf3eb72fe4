"""A thinking budget with its amount: the most thinking a request can use, priced in full unless the
thinking actually used is said.

`thinking budget 2048`, `思考预算开到8千`, `thinking budget we set 8k`: the budget caps the thinking
tokens, so priced at the budget the answer is the most those requests can cost (said in the answer:
`Notice("thinking_at_budget")`). `思考预算8千 实际每次思考大概6千` prices the 6,000 said; a budget of 0 is
thinking off.
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token

__all__ = ["thinking_budget"]

#: Words between `thinking budget` and its amount (`设的`, `we set`, `开到`, `给了`, `=`).
_BETWEEN = 4


def thinking_budget(tokens: list[Token]) -> Decimal | None:
    """The budget's amount, with the budget's words and the amount marked used; None when none is given."""
    for i, tok in enumerate(tokens):
        if tok.role != "budget" or tok.text != "budget":
            continue
        before = [k for k in range(max(i - 3, 0), i) if tokens[k].role in ("label:thinking", "thinking_on", "thinking_off")]
        if before and not any(t.kind == "amount" for t in tokens[before[-1] : i]):
            # `thinking budget`, `把 thinking 關掉（budget 0）`: one word, as 思考预算 is (switching it off stays said)
            if tokens[before[-1]].role != "thinking_off":
                tokens[before[-1]].role = "skip"
            tok.role = "thinking_budget"
    for i, tok in enumerate(tokens):
        if tok.role != "thinking_budget" or tok.used:
            continue
        for k in range(i + 1, min(i + 1 + _BETWEEN, len(tokens))):
            t = tokens[k]
            if t.kind == "amount":
                if t.money is not None or t.value is None:
                    return None
                tok.used = t.used = True
                for between in tokens[i + 1 : k]:
                    if between.role is None:
                        between.role = "skip"  # `设的`, `we set`, `开到`: the budget is set to the amount
                return t.value
            if (t.role or "").startswith("label:") or t.after_break and k > i + 1:
                break
    return None
