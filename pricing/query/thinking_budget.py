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
        if tok.role != "budget" or tok.text not in ("budget", "预算", "預算"):
            continue  # (`thinking 預算設 4千`: the Chinese word after the English one)
        after = next((t for t in tokens[i + 1 : i + 1 + _BETWEEN] if t.kind == "amount"), None)
        if tok.text != "budget" and (after is None or after.money is not None):
            continue  # (`开 thinking，预算 500 美元`: the money's budget)
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
                _used_in_full_or_in_fact(tokens, k)
                return t.value
            if (t.role or "").startswith("label:") or t.after_break and k > i + 1:
                break
    return None


#: Words that say the budget is used in full (`按满了算`, `假設都用滿`, `assume it burns the full 8k`).
_IN_FULL_CJK = ("满", "滿")
_IN_FULL = frozenset(["full", "whole", "entire", "max", "maxed"])
#: Words that open the thinking actually used, beside a budget (`实际平均用掉六千`, `實際差不多用1500`).
_IN_FACT = frozenset(["实际", "實際", "实际上", "實際上", "实测", "實測"])
#: Verbs of using, after which the amount is the thinking used (`用掉`, `只用到`, `消耗`).
_USED = frozenset(["用", "用掉", "用了", "用到", "只用到", "只用", "消耗", "耗", "花", "吃", "吃掉", "差不多用", "大概用"])


def _used_in_full_or_in_fact(tokens: list[Token], budget_at: int) -> None:
    """After the budget's amount: the budget said again as used in full (`assume it burns the full 8k`, `按满了算`) is
    the same figure; the thinking used in fact (`实际平均用掉六千`) is the thinking, read by pairing with its verb as a
    thinking label."""
    budget = tokens[budget_at].value
    for k in range(budget_at + 1, len(tokens)):
        t = tokens[k]
        if t.kind == "cjk" and t.role is None and any(c in t.text for c in _IN_FULL_CJK) and len(t.text) <= 5:
            t.role = "skip"  # `按满了算`, `按打满算`, `都用滿`: priced at the budget, as a budget is
        elif (t.kind == "amount" and t.value == budget and not t.used
              and any(u.text in _IN_FULL for u in tokens[max(k - 3, budget_at + 1) : k])):
            t.used = True  # `assume it burns the full 8k`: the budget, said again
            for u in tokens[max(k - 3, budget_at + 1) : k]:
                if u.text in _IN_FULL:
                    u.role = "skip"
        elif t.text in _IN_FACT:
            j = k + 1
            while j < len(tokens) and j - k <= 3 and tokens[j].kind != "amount" and tokens[j].text not in _USED and not tokens[j].after_break:
                j += 1  # (`平均`, `大概`)
            if j < len(tokens) and tokens[j].text in _USED and j + 1 < len(tokens) and tokens[j + 1].kind == "amount":
                tokens[j].role = "label:thinking"  # `实际平均用掉 六千`: the thinking used
            return
