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
from .vocab import NEGATION_CHARS, TOKEN_WORDS

__all__ = ["thinking_budget"]

#: Words between `thinking budget` and its amount (`设的`, `we set`, `开到`, `给了`, `=`).
_BETWEEN = 4


def thinking_budget(tokens: list[Token]) -> Decimal | None:
    """The budget's amount, with the budget's words and the amount marked used; None when none is given."""
    for i, tok in enumerate(tokens):
        if tok.role != "budget" or tok.text not in ("budget", "预算", "預算"):
            continue  # (`thinking 預算設 4千`: the Chinese word after the English one)
        after = next((t for t in tokens[i + 1 : i + 1 + _BETWEEN] if t.kind == "amount"), None)
        if tok.text != "budget" and (after is None or after.money is not None or tok.after_break or any(
                w in t.text for t in tokens for w in ("够", "夠", "enough"))):
            continue  # (`开 thinking，预算 500 美元`, `预算 500 … 够吗`: the money's budget, its currency unsaid)
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
    thinking label. Anything else stays as it was read (asked about, or another part's)."""
    budget = tokens[budget_at].value
    for k in range(budget_at + 1, len(tokens)):
        t = tokens[k]
        if t.kind == "cjk" and t.role is None and any(c in t.text for c in _IN_FULL_CJK) and len(t.text) <= 5:
            negated = any(c in t.text for c in NEGATION_CHARS) or k > 0 and any(c in tokens[k - 1].text for c in NEGATION_CHARS)
            if not negated:
                t.role = "skip"  # `按满了算`, `按打满算`, `都用滿`: priced at the budget, as a budget is (not `用不满`, `不要按满算`)
        elif t.kind == "amount" and t.value == budget and not t.used and k > 0 and tokens[k - 1].text in _IN_FULL and _ends_there(tokens, k):
            t.used = True  # `assume it burns the full 8k.`: the budget, said again (not `the whole 1000 requests`, `full answer 8k`)
            tokens[k - 1].role = "skip"
        elif t.text in _IN_FACT:
            j = k + 1
            while j < len(tokens) and j - k <= 3 and tokens[j].kind != "amount" and tokens[j].text not in _USED and not tokens[j].after_break:
                j += 1  # (`平均`, `大概`)
            said = [tokens[i] for i in range(k + 1, j)]
            if (j + 1 < len(tokens) and tokens[j].text in _USED and tokens[j + 1].kind == "amount" and not any((u.role or "").startswith("label:") for u in said)
                    and _a_thinking_amount(tokens, j + 1)):
                tokens[j].role = "label:thinking"  # `实际平均用掉 六千`: the thinking used
            return


def _ends_there(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` closes its clause, past a token word (`the full 8k.`, `the full 512`)."""
    j = k + 1 + (k + 1 < len(tokens) and tokens[k + 1].text in TOKEN_WORDS)
    return j >= len(tokens) or tokens[j].after_break or tokens[j].role in ("question", "skip") and tokens[j].kind == "sym"


def _a_thinking_amount(tokens: list[Token], k: int) -> bool:
    """The amount at ``k``, after `实际…用掉`, is a number of tokens used (not `4 成`, `1500 個字`), and no output word is said
    of it (`用掉 3000 输出 token`, `用 1200 token 回答`): its clause ends, or the next part's label opens with its own amount."""
    if k + 1 < len(tokens) and (tokens[k + 1].role == "percent" or tokens[k + 1].text[:1] in "成个個字%"):
        return False
    j = k + 1
    while j < len(tokens) and (tokens[j].text in TOKEN_WORDS or tokens[j].role == "skip" and tokens[j].kind == "cjk") and not tokens[j].after_break and j - k <= 3:
        j += 1  # (`一万二左右`, `3000 token`)
    if j >= len(tokens) or tokens[j].after_break:
        return True
    if tokens[j].kind == "cjk" and tokens[j].role is None and j + 1 < len(tokens) and (tokens[j + 1].role or "").startswith("label:"):
        j += 1  # (`解说输出八百`: the next part's label, named)
    if (tokens[j].role or "").startswith("label:"):
        after = j + 1
        while after < len(tokens) and tokens[after].role == tokens[j].role and after - j <= 2:
            after += 1  # (`译文 输出 两千`: two words of one label)
        return after < len(tokens) and tokens[after].kind == "amount"
    return False
