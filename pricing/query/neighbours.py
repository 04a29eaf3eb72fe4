"""What the words around a token say: the predicates pairing reads an amount's neighbourhood with.

Pure functions of the token list (no `Parts`): whether a word may stand between an amount and its label,
what an amount counts, whether a share or a plus joins it to another, whether an unknown word beside it
is filler. `pairing` decides with them.
"""

from __future__ import annotations

from decimal import Decimal

from ..tokens import Token
from .english import is_common_word
from .vocab import (
    ASKED_CUES,
    CJK_RECORDINGS,
    CJK_WORDS,
    COUNTING_MEASURES,
    FILLER,
    NOT_WORK_ITEMS,
    NOT_WORK_ITEMS_CJK,
    PERIOD_WORDS,
    PHONE_CALLS,
    PRICE_MORPHEMES,
    RECORDINGS,
    TOKEN_WORDS,
    TRANSCRIBING,
    VERB_NOUNS,
    WORDS,
    cjk_price_like,
    price_like,
)

__all__ = [
    "a_recording",
    "made_text_first",
    "an_image_model",
    "cached_after",
    "noun_past_ge",
    "chinese_question",
    "CJK_ABOUT",
    "CJK_MODAL",
    "COPULA",
    "MEASURES",
    "adjective_before_count",
    "apart_from_amounts",
    "asks_the_price",
    "bare_measure",
    "counted_noun_after",
    "claimed_after",
    "counted_after",
    "count_each",
    "counts_multiply",
    "units_multiply",
    "calls_counted",
    "clause_around",
    "one_priced",
    "counted_prompts",
    "described_noun",
    "harmless_cjk",
    "joined_by_plus",
    "is_label_at",
    "opens_a_label",
    "part_before",
    "per_request_after",
    "period_before",
    "period_follows",
    "unit_of_each_at",
    "counts_the_unit_of",
    "plain_word",
    "plural_count",
    "price_character_split_from",
    "recording_beside",
    "said_as_a_part",
    "said_in_tokens",
    "duration_in_hours",
    "duration_names_a_thing",
    "said_of_a_cache",
    "same_noun",
    "searches_each",
    "share_label",
    "verb_as_noun",
]

#: Words that may stand between an amount and its label without changing what it is.
COPULA = frozenset(["is", "are", "was", "were", "be", "being", "about", "around", "roughly", "approximately", "approx",
                     "avg", "average", "averaging", "averages", "part", "portion", "implicit", "explicit",
                     "maybe", "probably", "perhaps", "like", "another", "typically", "usually", "normally"])  # fmt: skip
#: Chinese words that may stand between an amount and its label: about (`思考token大概2000`), besides
#: (`思考另外6千`)...
CJK_ABOUT = frozenset(["的", "大概", "大约", "约", "大致", "差不多", "将近", "接近", "平均", "另外", "另算", "另计", "额外", "外加", "还有"])
#: ...and a modal only where a label follows it (`有3万能命中缓存`); before a verb (`1千，可以调用几次`) it
#: opens the next clause.
CJK_MODAL = frozenset(["能", "可以", "可", "会", "都", "要"])


#: Measure words between an amount and what it counts (`5000 个学生`, `80万个chunk`, `120 家客户`).
MEASURES = frozenset(["个", "位", "名", "家"])


def counted_after(tokens: list[Token], k: int, step: int) -> bool:
    after = k + step
    return step > 0 and after < len(tokens) and not tokens[after].after_break and (
        tokens[after].role in ("people", "count") or tokens[after].kind == "word")


def part_before(tokens: list[Token], i: int) -> bool:
    """`其中 8000`, `里面有2万8`: a part word just before the amount (a filler word may sit between)."""
    k = i - 1
    if k >= 0 and tokens[k].role == "skip" and tokens[k].kind == "cjk":
        k -= 1
    return k >= 0 and tokens[k].role == "part" and not tokens[k + 1].after_break


def share_label(tokens: list[Token], i: int) -> int | None:
    """The cached label a few words after amount ``i`` in its clause (`8000 是 system prompt 走快取`, `2.5万是固定的system
    prompt+文档会命中缓存`, `2k是我們已經做cache的政策說明`), or in a clause of wanting it right after (`4k 是固定的欄位說明跟範例，
    想走 cache`), if any."""
    for k in range(i + 1, min(i + 11, len(tokens))):
        tok = tokens[k]
        the_rest = tok.text in _THE_REST or tok.text == "其" and k + 1 < len(tokens) and tokens[k + 1].text in ("他", "它", "余", "餘")
        if tok.kind == "amount" or tok.after_break and tok.text not in _WANTING or the_rest:
            return None  # (`其中2k是新問題其他都是…cache`: the rest is what is cached)
        if tok.role in ("label:cached", "label:cache"):
            return k
        if tok.role not in (None, "skip", "link", "label:input", "count", "make", "help"):
            return None
    return None


#: The rest of the prompt, past the part said (`其他`, `剩下的`).
_THE_REST = frozenset(["其他", "其它", "其余", "其餘", "剩下", "剩下的", "剩余", "剩餘", "另外", "rest", "remaining"])
#: Words that open a clause of wanting what the clause before names (`，想走 cache`).
_WANTING = frozenset(["想", "要", "打算", "会", "會", "准备", "準備"])


def opens_a_label(tokens: list[Token], period_at: int) -> bool:
    """`每天输入3千`: a period word right before a label may be the tokens' period, not a count's (not across a
    comma: `3 plans per day, prompt ~1.5k`)."""
    k = period_at + 1
    return 0 < k < len(tokens) and (tokens[k].role or "").startswith("label:") and not tokens[k].after_break


def harmless_cjk(tokens: list[Token], i: int) -> bool:
    """An unknown Chinese word is filler when it has no price morpheme and no amount stands right beside it
    in its clause (`我们新创这边想先抓个数字`); `300 名玩家`, `流量费` are asked about (vocab.PRICE_MORPHEMES)."""
    tok = tokens[i]
    if cjk_price_like(tok.text):
        return False  # (a lone price character is a fragment or a slip, `一個越` for 一個月: vocab.IME_SLIPS)
    return apart_from_amounts(tokens, i)


def apart_from_amounts(tokens: list[Token], i: int) -> bool:
    """No amount right beside token ``i`` in its clause, nor beside the measure word it follows; nor a
    price character split from it (`流量费`)."""
    tok = tokens[i]
    split = price_character_split_from(tokens, i)
    if split is not None and split.role == "skip":
        return False  # `流量费`: the word and the price character it was split from
    before = tokens[i - 1] if i > 0 and not tok.after_break else None
    after = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].after_break else None
    # `1 萬則評論`: beside the measure word of an amount is beside the amount
    counted = before is not None and before.role in ("count", "skip") and i > 1 and tokens[i - 2].kind == "amount"
    counted = counted and not (after is not None and after.role == "count")  # `250 萬則歷史工單`: the noun counted is known
    # `3万篇论文 … 每篇输入1500`: the things counted are the requests, each one said with the same measure word
    counted = counted and not (before is not None and _each_said_again(tokens, i, "每" + before.text))
    # `每個預約流程 … 呼叫4次 … 每天900筆預約`: the things counted were named before, each of them making calls
    counted = counted and not (len(tok.text) >= 2 and any(
        t.kind == "cjk" and t.text[:1] in "每一" and (tok.text in t.text or tok.text in tokens[j + 1].text)
        for j, t in enumerate(tokens[max(i - 40, 0) : i - 2], start=max(i - 40, 0))))  # (a few clauses back: a long paste stays linear)
    if after is not None and after.kind == "amount" and i + 2 < len(tokens) and tokens[i + 2].role == "people":
        after = None  # `门店30个经纪人`, `牙醫診所12家分店`: where the people counted after it are
    everyday = tok.kind == "word" and is_common_word(tok.text)  # (never `aud` or `nzd`: a currency's code asks)
    if after is not None and after.after_colon and everyday:
        after = None  # `headline A/B scoring: 200 tokens in`: an everyday word before a colon heads what follows
    if after is not None and after.money is not None and everyday:
        after = None  # `audit approved $2,500/month`: an everyday word before a sum of money is what is done with it
    if before is not None and before.money is not None and everyday:
        before = None  # `5 鎂 sponsor`, `$500 grant`: so is one after it
    return not counted and not any(t is not None and t.kind == "amount" for t in (before, after))


def price_character_split_from(tokens: list[Token], i: int) -> Token | None:
    """`流量费`, `微调`: a price character glued to the word at ``i``, split from it by the tables; None if there is none."""
    for k in (i - 1, i + 1):
        glued = 0 <= k < len(tokens) and (tokens[k].glued if k > i else tokens[i].glued) and tokens[k].kind == "cjk"
        each = k == i - 1 and k > 0 and tokens[k - 1].text == "每" and tokens[k].text in COUNTING_MEASURES  # (`每 張 處方`: a measure word)
        if glued and len(tokens[k].text) == 1 and tokens[k].text in PRICE_MORPHEMES and not each:
            return tokens[k]
    return None


def _each_said_again(tokens: list[Token], i: int, each: str) -> bool:
    """`3万篇论文 … 每篇输入1500`: after the counted noun, the same measure word with 每 opens the input or output
    of one of them, its size in tokens (`300 篇文献，每篇 1.5 万 token`), or the calls each one makes (`200条评论，每条跑3步`)."""
    for k in range(i + 1, min(i + 40, len(tokens))):  # (within a few clauses: a long paste stays linear)
        split = tokens[k].text == "每" and k + 1 < len(tokens) and tokens[k + 1].text == each[1:]  # (`每 張 處方`)
        if tokens[k].text == each or split:
            k += split
            after = tokens[k + 1 : k + 5]  # (`每份作业调用2次`: the noun may be said again)
            calls = any(t.kind == "amount" for t in after) and any(t.role == "count" for t in after)
            sized = any(t.kind == "amount" and said_in_tokens(tokens, j) for j, t in enumerate(tokens[k + 1 : k + 3], start=k + 1))
            return calls or sized or any((t.role or "") in ("label:input", "label:output") for t in after[:2])
    return False


def same_noun(a: str, b: str) -> bool:
    """`task` and `tasks`: one noun, singular or plural."""
    return a == b or a + "s" == b or b + "s" == a


def claimed_after(tokens: list[Token], i: int) -> bool:
    """`support summarization: 8k in`, `for classrooms: 40 teachers`: the amount right after an English word is
    claimed by its own label, count or people word after it, so the word before it names the product."""
    before = tokens[i - 1] if i > 0 else None
    if before is not None and before.kind == "amount" and not tokens[i].after_break:
        return False  # `1.5k of rubric`: what the amount before is
    k = i + 1
    if k + 1 >= len(tokens) or tokens[k].kind != "amount" or tokens[k].money is not None:
        return False
    return (tokens[k + 1].role or "").startswith("label:") or tokens[k + 1].role in ("count", "people")


def is_label_at(tokens: list[Token], k: int) -> bool:
    return 0 <= k < len(tokens) and (tokens[k].role or "").startswith("label:")

def adjective_before_count(tokens: list[Token], k: int) -> bool:
    """`60k product descriptions`, `2000 customer emails`: one filler word, then a plural count noun."""
    if not (0 <= k < len(tokens) - 1):
        return False
    word, noun = tokens[k], tokens[k + 1]
    # only a word the tables know as harmless (or `grounded`, which keeps its meaning): an unknown one is still asked about
    if (word.kind == "word" and (word.role is None and word.text in FILLER or word.role == "search" or word.text == "new") and len(word.text) >= 2
            and noun.role == "count" and noun.text.endswith("s") and noun.text not in ("times",) and not noun.used):
        return True
    # `1,500 dispatch questions a day`, `1.5k ad copy generations a day`: one or two plain words, then a plural
    # count noun and its period, or said before any other amount (the things counted, then the usage of each)
    for width in (1, 2):
        if k + width >= len(tokens):
            return False
        words, noun = tokens[k : k + width], tokens[k + width]
        # (everyday words only, english.py: an unknown one is still asked about)
        plain = all(w.kind == "word" and len(w.text) >= 2 and not w.after_break and (
            w.role is None and (w.text in FILLER or plain_word(w) and is_common_word(w.text)) or w.role == "info" and w.text == "support")
            for w in words)  # (`support tickets`)
        counted = noun.role == "count" and noun.text.endswith("s") and noun.text != "times" and not noun.used and not noun.after_break
        after = k + width + 1
        while after < len(tokens) and tokens[after].role == "skip" and not tokens[after].after_break:
            after += 1
        dated = after < len(tokens) and (tokens[after].role or "").startswith("period:")
        first = not any(t.kind == "amount" for t in tokens[: k - 1])  # (`summarise 40,000 old support tickets …, 1,500 in`)
        if plain and counted and (dated or first):
            return True
    return False


def bare_measure(tokens: list[Token], i: int) -> bool:
    """`输入1千 输出1千 每天2000个`: a bare 个 after an amount that a period word opens counts requests; so does one
    before a plain noun (`每周大概2800个issue`: the things counted, one request each)."""
    k = i + 1
    if not (k < len(tokens) and not tokens[k].after_break and period_before(tokens, i) >= 0):
        return False
    if tokens[k].text in _ITEM_MEASURES and tokens[k].role is None:
        return True  # `每天1万道`, `每天三百句`: a measure word of items, one request each
    if tokens[k].kind == "cjk" and tokens[k].text[:1] == "个" and tokens[k].text[1:] in NOT_WORK_ITEMS_CJK:
        return False  # `每天 6 个门店`, `一天 8 个群`: places and groups counted, no requests
    if tokens[k].kind == "cjk" and tokens[k].text[:1] == "个" and len(tokens[k].text) > 2 and plain_word(tokens[k]):
        return True  # `每天 800 個行程`: the measure word and a plain noun, read as one word
    if tokens[k].kind == "cjk" and len(tokens[k].text) >= 2 and tokens[k].text[:1] != "个" and plain_word(tokens[k]) and not said_in_tokens(tokens, i):
        return True  # `一天總共大概 1 萬回合`: a plain noun counted with its period
    if tokens[k].text != "个":
        return False
    return k + 1 >= len(tokens) or tokens[k + 1].after_break or tokens[k + 1].kind not in ("cjk", "word") or counted_noun_after(tokens, k)


#: Measure words of items one request each handles (`道` questions, `句` lines, `则` messages); not of images (`张`)
#: or of businesses (`家`).
_ITEM_MEASURES = frozenset("道题句则条篇份件单笔封首段")


def counted_noun_after(tokens: list[Token], k: int) -> bool:
    """`2800个issue`, `500个工单`: a plain noun right after the measure word at ``k``, in its clause."""
    noun = tokens[k + 1] if k + 1 < len(tokens) else None
    return noun is not None and not noun.after_break and noun.role is None and plain_word(noun) and len(noun.text) > 1


def plural_count(tokens: list[Token], k: int) -> bool:
    """`150 prompts a day`: a plural prompt word followed by a period counts requests."""
    if not (0 <= k < len(tokens)) or tokens[k].text not in ("prompts", "requests"):
        return False
    after = k + 1
    while after < len(tokens) and tokens[after].role == "skip":
        after += 1
    return after < len(tokens) and (tokens[after].role or "").startswith("period:")


def verb_as_noun(tokens: list[Token], k: int) -> bool:
    """`每天2000请求`, `1000调用`: a calling verb after an amount, with no amount of its own after it,
    names what was counted (`输出1千 调用1000次`: there 调用 opens the next count)."""
    if not (0 <= k < len(tokens)) or tokens[k].role != "count_verb" or tokens[k].used or tokens[k].text not in VERB_NOUNS:
        return False
    after = k + 1
    while after < len(tokens) and tokens[after].role in ("skip", "link"):
        after += 1
    return after >= len(tokens) or tokens[after].kind != "amount"


def searches_each(tokens: list[Token], k: int) -> bool:
    """`每次請求搜尋 3 次`, `每次都搜索2次`: a search word after a per-request marker counts searches."""
    return tokens[k].role == "search" and k > 0 and tokens[k - 1].role == "each"


def asks_the_price(tokens: list[Token], k: int) -> bool:
    """`调用2万次 每月多少钱`, `x20000, monthly cost?`: a period word followed by the price question is
    the period asked, never the count's."""
    k += 1
    while k < len(tokens) and not tokens[k].after_break and tokens[k].role == "skip" and tokens[k].text not in ASKED_CUES:
        k += 1
    # in the same clause only: `x20k per day, how much per month?` keeps `per day` the count's
    # (English `how much` after a count's period opens a new question: `x500 per day how much a month`)
    return k < len(tokens) and not tokens[k].after_break and (
        tokens[k].role == "price_q" and tokens[k].kind == "cjk" or tokens[k].text in ASKED_CUES
        or tokens[k].role == "compare" and tokens[k].kind == "cjk" and "多少" in tokens[k].text)  # `一个月各多少`


def period_before(tokens: list[Token], i: int) -> int:
    """Index of the period word that opens the count at amount ``i`` (`每天5000次`, `每天调用2万次`,
    `日均大概调用3万次`), past the verb and the filler between them; -1 when there is none."""
    k = i - 1
    while k >= 0 and not (tokens[k + 1].after_break or tokens[k + 1].after_colon) and (
            tokens[k].role in ("count_verb", "count_label", "skip", "link", "total") and not tokens[k].used):
        k -= 1
    # never across a clause break or a colon: `how much per month: 12 chats/day` asks the month
    opens = k >= 0 and not (tokens[k + 1].after_break or tokens[k + 1].after_colon)
    return k if opens and (tokens[k].role or "").startswith("period:") else -1


def period_follows(tokens: list[Token], i: int) -> int | None:
    """Index of a period word right after amount ``i`` (`1000/day`, `10k per day`, `300 a day`), or after the plural
    noun it counts (`2,100 reports a week`, `~90 issues a day`: things the tables do not know, one request each)."""
    k = i + 1
    if k < len(tokens) and tokens[k].text in NOT_WORK_ITEMS:
        return None  # `22 workdays a month`, `1000 visitors a day`: days and people, no requests
    if (k < len(tokens) and tokens[k].kind == "word" and tokens[k].role is None and len(tokens[k].text) > 3
            and tokens[k].text.endswith("s") and not tokens[k].after_break and not said_in_tokens(tokens, i)):
        k += 1  # (a plural noun: `reports`, `issues`)
    while k < len(tokens) and tokens[k].role == "skip" and k - i <= 3:
        k += 1
    if k < len(tokens) and (tokens[k].role or "").startswith("period:") and tokens[k].role != "period:minute" and k > i + 1:
        if tokens[k].kind == "cjk" and k + 1 < len(tokens) and tokens[k + 1].kind == "amount":
            return None  # `out 30 日均6万次`: a Chinese period before an amount opens that one's count
        return k
    return None


#: Words before `hours` / `minutes` that make a thing of them, no length: `opening hours`, `after-hours calls`,
#: `peak hours`, `meeting minutes`, `AGM minutes`.
_DURATION_COMPOUNDS = {
    "hours": frozenset(["opening", "after", "business", "office", "peak", "working", "work", "rush", "visiting", "trading", "store", "shop",
                        "restaurant", "school", "quiet", "off", "operating", "support", "clinic", "banking", "core", "happy", "late"]),
    "minutes": frozenset(["meeting", "meetings", "council", "board", "agm", "committee", "standup", "call", "session", "hearing", "the"]),
}


def duration_names_a_thing(tokens: list[Token], i: int) -> bool:
    """A duration word with no amount that names a thing, not a length (`opening hours`, `after-hours calls`,
    `council meeting minutes`, `minutes from the calls`): no storage time, so nothing to ask."""
    word = tokens[i].text
    before = next((t.text for t in reversed(tokens[max(i - 3, 0) : i]) if t.kind == "word"), None)  # (past `-`: `after-hours`)
    if word in ("hours", "hrs") and before in _DURATION_COMPOUNDS["hours"]:
        return True
    after = tokens[i + 1].text if i + 1 < len(tokens) else None
    return word == "minutes" and (before in _DURATION_COMPOUNDS["minutes"] or after in ("from", "summarizer", "summariser"))


def duration_in_hours(tokens: list[Token], amount: int, unit: int) -> Decimal:
    """The duration said by the amount at ``amount`` and its unit word at ``unit`` (role `dur:num/den`, hours per unit:
    `dur:1/60` for minutes), in hours."""
    num, _, den = (tokens[unit].role or "dur:0")[4:].partition("/")
    return (tokens[amount].value or Decimal(0)) * Decimal(num or 0) / Decimal(den or 1)


def said_in_tokens(tokens: list[Token], i: int) -> bool:
    """`500 tokens(商品規格)`: an amount said in tokens is never a count of requests, whatever noun follows."""
    if i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 1].glued and tokens[i + 2].glued:
        i += 1  # `a 200k-token manual`
    return i + 1 < len(tokens) and tokens[i + 1].text in TOKEN_WORDS


def count_each(tokens: list[Token], i: int, count_at: int) -> bool:
    """`30 queries each per day`, `12 chats a day each`, `each makes about 20 quizzes`, `每天各问15次`,
    `每个玩家每天聊20句`: `each`, or the person it is said of, with the request count itself (after its noun
    and period, or a few words before its amount) makes it a count per person. An `each` said of the
    tokens (`5000 requests a day, each 2k in`) does not."""
    k = max(i, count_at) + 1
    while k < len(tokens) and not tokens[k].after_break and (tokens[k].role == "skip" or (tokens[k].role or "").startswith("period:")):
        k += 1
    if k < len(tokens) and not tokens[k].after_break and tokens[k].role in ("each", "per_person"):
        # (`每天4万场比赛 每场10个玩家`: 每场 is each of the counted things, not each person)
        return not (tokens[k].text[:1] == "每" and len(tokens[k].text) > 1 and tokens[count_at].text[:1] == tokens[k].text[1:2])
    k = min(i, count_at) - 1
    for _ in range(5):
        if k < 0 or tokens[k].kind == "amount" or tokens[k + 1].after_break:
            return False  # (never from the clause before: `…, each 2k in. 5000 requests a day`)
        if tokens[k].role in ("each", "per_person") or tokens[k].text == "各":
            return True
        if tokens[k].role == "people" and (k == 0 or tokens[k - 1].kind != "amount"):
            return True  # `一个玩家一天触发40次`: the person, uncounted, is who makes the count
        k -= 1
    return False


def counts_multiply(tokens: list[Token], first: int, second: int) -> bool:
    """Two request counts that multiply: joined by a times sign (`30 PRs/day x 400 cases`, `12 組 prompt × 500 題`),
    or the second said of each unit the first counts (`5k chats/day, each chat ~4 calls`, `6 msgs per session`)."""
    if first >= second or any(t.kind == "amount" for t in tokens[first + 1 : second]):
        return False
    between = tokens[first + 1 : second]
    if any(t.role == "times_sign" for t in between) and len(between) <= 6 and any(t.kind in ("word", "cjk") and t.role != "times_sign" for t in between):
        return True  # (the first counts a unit, said by a noun or a period: `x100 x200` is a count given twice)
    nouns = [t.text for t in tokens[first + 1 : first + 3] if t.kind in ("word", "cjk")]
    dated = any((t.role or "").startswith("period:") for t in tokens[second + 1 : second + 4] if not t.after_break)
    if [t.text for t in tokens[max(first - 3, 0) : first]][:2] == ["each", "of"] and dated:
        return True  # `each of our 12 designers fires off ~70 prompts a day`: 70 a day for each of the 12
    lead = [t.text for t in tokens[max(second - 3, first + 1) : second]]
    if nouns and "each" in lead and all(t.kind == "word" for t in tokens[max(second - 3, first + 1) : second]):
        # `1,20,000 chats per month, each ~5 turns`: each chat is 5 turns; `12 designers each send ~70 prompts a day`
        return True
    before = tokens[max(second - 3, first + 1) : second]
    after = tokens[second + 1 : second + 4]
    for group in (before, after):
        words = [t.text for t in group]
        for k, word in enumerate(words[:-1]):
            if word in ("each", "per", "every") and any(same_noun(words[k + 1], noun) for noun in nouns):
                return True
    return False


def a_recording(tok: Token) -> bool:
    """`voicemails`, `会议录音`, `transcribing`: the question is about audio, so a length of each item is its audio."""
    if tok.kind == "cjk":
        return any(part in tok.text for part in CJK_RECORDINGS) or tok.text in TRANSCRIBING
    return tok.kind == "word" and (tok.text in RECORDINGS or tok.text in TRANSCRIBING)


#: Words between a recording and its length that say how long it is (`calls average 6 min`, `一通平均 5 分钟`).
_LENGTH_WORDS = frozenset(["avg", "average", "averages", "about", "around", "is", "are", "lasts", "last", "of", "~", "平均", "大概", "约", "大约", "长"])


#: Words that make the recording text, or something made, before the model reads it (`逐字稿已经有了`, `先用 Whisper
#: 转文字`, `字幕文件`, `TTS`), or cut it into parts sent apart (`切成 3 段`): its length is then no audio sent.
_NOT_THE_AUDIO_SENT = ("逐字稿", "转文字", "文字", "文本", "字幕", "whisper", "tts", "切成", "拆成", "分成", "分段", "先用", "本地", "已经有",
                       "transcript", "transcripts", "生成")


def _one_of_them(tokens: list[Token], k: int) -> bool:
    """`音檔一集 45 分鐘`, `录音一段 30 分钟`: one of the recordings, named by its measure word after 一 (the caller rules
    out a recording made text first or cut into parts: _NOT_THE_AUDIO_SENT)."""
    tok = tokens[k]
    if tok.role == "one_of" and tok.text == "一":
        return True
    return tok.kind == "cjk" and tok.role == "count" and len(tok.text) == 1 and k > 0 and tokens[k - 1].role == "one_of" and tokens[k - 1].text == "一"


#: Words that say a recording was made text before the model reads it (`已经有逐字稿了`, `先转文字`, `we already have
#: transcripts`): its length is then no audio sent, whatever the words around it.
_MADE_TEXT_FIRST = ("已经有逐字稿", "逐字稿已经", "已经转好", "先转文字", "转好文字", "已经有字幕")
#: ... unless the audio is sent all the same (`但质量差，我们想直接把音频发给…`, `but want better ones`, `also a voice clip`).
_SENT_ANYWAY = ("但", "直接", "改用", "还要", "还想", "另外")
_SENT_ANYWAY_EN = frozenset(["but", "directly", "also", "instead", "better"])


def made_text_first(tokens: list[Token]) -> bool:
    """The recordings were made text before the model reads them (_MADE_TEXT_FIRST)."""
    said = "".join(t.text for t in tokens if t.kind == "cjk")
    words = [t.text for t in tokens]
    if any(w in _SENT_ANYWAY_EN for w in words) or any(w in said for w in _SENT_ANYWAY):
        return False
    english = any(words[k : k + 3] == ["already", "have", "transcripts"] for k in range(len(words)))
    return english or any(w in said for w in _MADE_TEXT_FIRST)


def recording_beside(tokens: list[Token], amount: int, unit: int) -> bool:
    """A length said of a recording or a phone call: the thing a few words before it in its clause, not counted
    (`voicemails avg 45 sec`, `會議錄音 1 小時`, `avg call 8 min`), or right after it (`10 minute sales calls`). (A recording
    made text first, `made_text_first`, is the caller's to rule out.)"""

    def recording(tok: Token) -> bool:
        return (tok.kind == "word" and tok.text in RECORDINGS or tok.kind == "cjk" and any(part in tok.text for part in CJK_RECORDINGS)
                or tok.text in PHONE_CALLS)  # fmt: skip

    k = amount - 1
    while k >= 0 and amount - k <= 4 and not tokens[k + 1].after_break and tokens[k].kind != "amount":
        if recording(tokens[k]) and tokens[k].role != "label:audio":
            # (`600 calls over 8 hours`: counted calls, a rate's hours; `each call takes 5 s`: the time it takes)
            # (`一集` between the recording and its length: not when it is made text first or cut into parts)
            one_named = not any(w in t.text for t in tokens for w in _NOT_THE_AUDIO_SENT)
            return (k == 0 or tokens[k - 1].kind != "amount") and all(
                t.text in _LENGTH_WORDS or t.role in ("skip", "each") or one_named and _one_of_them(tokens, j)
                for j, t in enumerate(tokens[k + 1 : amount], start=k + 1))
        k -= 1
    after = tokens[unit + 1 : unit + 3]
    for j, tok in enumerate(after):
        if tok.kind == "amount" or tok.after_break or tok.role is not None and j == 0 and tok.role != "skip":
            return False
        if recording(tok):
            return True
    return False


def said_of_a_cache(tokens: list[Token], amount: int, unit: int) -> bool:
    """`缓存每天挂十小时`, `cache放8小时`, `the cache stays up 10h a day`: a cache word in the duration's clause,
    a few words before its amount or right after its unit."""
    cache_roles = ("label:cache", "label:cached", "label:storage")
    k, words = amount - 1, 0
    while k >= 0 and words < 5:
        if tokens[k].role in cache_roles or tokens[k].text in ("cache", "缓存"):  # (`the cache` is a phrase: a link)
            return True
        if tokens[k].kind == "amount" and not said_in_tokens(tokens, k):
            break  # (`缓存 200k token，保留 24 小时`: across the cached size, but no further)
        # (the cached size and its token word are not counted: `we cache a 300k token manual for 8 hours`)
        words += not (tokens[k].kind == "amount" or tokens[k].text in TOKEN_WORDS)
        k -= 1
    after = tokens[unit + 1 : unit + 3]
    return any(t.role in cache_roles and not t.after_break for t in after)


def plain_word(tok: Token) -> bool:
    """A word the tables do not know, with no price character or stem: a noun naming a thing (`知识`, `comes`)."""
    return tok.role is None and tok.kind in ("word", "cjk") and not (cjk_price_like(tok.text) if tok.kind == "cjk" else price_like(tok.text))


def units_multiply(tokens: list[Token], first: int, second: int) -> bool:
    """Two request counts, one of them said per unit of what the other counts: `350 leads/day … 7 per lead`,
    `6 steps per run … 25 runs a day`, `每天4萬場 每場call 3次`, `每篇論文要跑7步 … 300篇`, `一份合同大概20段
    每天二十份合同`. The unit and the counted thing must be the same noun (or the same measure word)."""
    for each, other in ((second, first), (first, second)):
        if _said_per_its_own_unit(tokens, each, other) or one_priced(tokens):
            continue
        if (each + 1 < len(tokens) and "images" in (tokens[each + 1].role, WORDS.get(tokens[each + 1].text), CJK_WORDS.get(tokens[each + 1].text))
                and not _one_opens_its_usage(tokens, tokens[each + 1].text[:1])):
            continue  # `8 photos per listing`: images in each request, not requests (`一張 input 1.3k`: each photo is one)
        found, noun = unit_of_each_at(tokens, each), _counted_noun(tokens, other)
        units = [found[0], _head_noun(tokens, found[1]) if found[1] > 0 and tokens[found[1] - 1].text in ("per", "each", "every") else None] if found else []
        if noun is not None and any(unit is not None and unit not in _REQUEST_UNITS and _same_unit(unit, noun) for unit in units) and _calls(tokens, each):
            return True
        if other < each and _each_of_the_last(tokens, each) and _calls(tokens, each):
            return True  # `5k conversations/day, ~6 turns each`: each of the things just counted
        if each < other and _calls(tokens, each) and _of_some_unit(tokens, each) and _things_a_period(tokens, other):
            return True  # `每張單要呼叫 2 次 … 一天 2500 張單`, `an agent with 5 steps … 1,200 exceptions per day`
        if _turns_of_a_conversation(tokens, each) and _counted_after(tokens, other) in _CONVERSATION_WORDS:
            return True  # `avg conversation is 6 turns … 700 chats a day`, `每天1w次会话，每次会话平均4轮`
    return False


def _said_per_its_own_unit(tokens: list[Token], each: int, other: int) -> bool:
    """`每個 user 一天 40 個 task，一個 task 平均 15 step`: the units are counted per something else (each user's tasks),
    whose count is not said: the product would be one user's (asked)."""
    mine, theirs = unit_of_each_at(tokens, each), unit_of_each_at(tokens, other)
    if theirs is None or mine is not None and theirs[1] == mine[1] or _same_unit(theirs[0], _counted_noun(tokens, other) or ""):
        return False
    at = theirs[1]  # (said with 每 or each: `每個 user`, `per airport`; not `support bot: 5k conversations`)
    if tokens[at].role == "per_person":
        # (`30个老师 每人每天批改40份`: each person's, the people multiply in as people; `每个用户一天220次配对` with no
        # people counted: one user's, asked)
        return not any(t.role in ("people", "people_label") for t in tokens)
    if not (tokens[at].text[:1] == "每" or tokens[at].text == "一个" or at > 0 and tokens[at - 1].text in ("each", "per", "every")):
        return False  # (`一个 agent 一天 40 个 task`: one agent's, as `每个 agent`)
    # (`8間分店，每間每天150則`: the units' own count is said, and multiplies in too)
    return not any(t.kind == "amount" and k not in (each, other) and counts_the_unit_of(tokens, other, k) for k, t in enumerate(tokens))


def clause_around(tokens: list[Token], k: int, floor: int = 0) -> tuple[int, int]:
    """The bounds (start, end) of the clause that holds the token at ``k``: from the break at or before it (not before
    ``floor``) to the next break."""
    start, end = k, k + 1
    while start > floor and not tokens[start].after_break:
        start -= 1
    while end < len(tokens) and not tokens[end].after_break:
        end += 1
    return start, end


def one_priced(tokens: list[Token]) -> bool:
    """`cost per visit?`, `每次配對多少錢`, `一個 task 的成本`: a price word with `per`, `each`, `one` or 每/单/一 before it
    (not a period: `cost per month?`, `每月多少钱`)."""
    for k, t in enumerate(tokens):
        if not (t.role in ("price_q", "total") or t.text in ("cost", "成本", "价格", "多少钱", "费用", "单价", "花费", "多少") or t.text.startswith(("费用", "单价", "花费"))):
            continue
        start, end = clause_around(tokens, k)  # (in the clause that asks: `每班 2500 張，一天多少錢` asks the day)
        if k > 0 and (tokens[k - 1].role or "").startswith("period:"):
            continue  # (`一天多少錢`, `per month cost`: a period's price)
        for j in range(max(k - 4, start), min(k + 3, end)):
            u, nxt = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
            period_next = nxt is not None and (nxt.role or "").startswith("period:")
            if (u.text in ("per", "each", "one", "single") and not period_next or u.text in ("一次", "一个", "平均一次")
                    or u.kind == "cjk" and u.text[:1] in "每单" and not (u.role or "").startswith("period:") and u.role != "per_person"):
                return True
    return False


#: A turn of a conversation (one request each): `6 turns`, `4轮`, `6轮对话`, `三個來回`.
_TURN_WORDS = frozenset(["turns", "turn", "rounds", "round", "exchanges", "轮", "轮对话", "輪", "輪對話", "回合", "来回", "來回"])
#: A conversation, of many turns: `700 chats a day`, `每天1w次会话`, `300个session`.
_CONVERSATION_WORDS = frozenset(["conversations", "conversation", "chats", "chat", "sessions", "session", "dialogs", "dialogues",
                                 "会话", "次会话", "个会话", "对话", "次对话", "段对话", "通对话",
                                 "會話", "次會話", "個會話", "對話", "次對話", "段對話", "通對話"])


def _counted_after(tokens: list[Token], k: int) -> str | None:
    """The word the amount at ``k`` counts, past a measure word (`300个session`, `1w次会话`)."""
    j = k + 1
    if j < len(tokens) and tokens[j].text in ("个", "個", "次", "段", "通") and not tokens[j].after_break:
        j += 1
    return tokens[j].text if j < len(tokens) and not tokens[j].after_break else None


#: Words that make turns something else than calls: the context kept, a cap, one call for the whole conversation.
_TURNS_NOT_CALLS = frozenset(["context", "memory", "cap", "capped", "max", "maximum", "last", "once", "only", "window", "history", "whole",
                              "最近", "最多", "保留", "只", "只把", "一次性", "整段", "最后", "最後", "窗口", "记忆", "記憶", "上限"])


def _each_turn_sends(tokens: list[Token]) -> bool:
    """`each turn sends ~3k tokens`, `每轮输入2500`, `每輪 input 1500`: the tokens of one turn are said, so each is a call."""
    for k, tok in enumerate(tokens):
        each_turn = (tok.text in ("每轮", "每輪", "单轮", "單輪", "每一轮", "每一輪") or tok.text in ("each", "per", "every")
                     and k + 1 < len(tokens) and tokens[k + 1].text in _TURN_WORDS)
        near = [t for t in tokens[k + 1 : k + 5] if not t.after_break] + [t for t in tokens[max(k - 3, 0) : k] if not tokens[k].after_break]
        if each_turn and any(t.kind == "amount" or (t.role or "").startswith(("label:input", "label:output")) for t in near):
            return True  # (`2k in 300 out per round`: the turn's tokens before it)
    return False


def _turns_of_a_conversation(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` counts turns, with no period of its own, in a clause that names a conversation (`a
    session is 12 turns`, `每次会话平均4轮`, `一个session平均6轮对话`): the turns of each conversation."""
    if _counted_after(tokens, k) not in _TURN_WORDS or period_before(tokens, k) >= 0 or period_follows(tokens, k) is not None:
        return False
    if any(t.text in _TURNS_NOT_CALLS for t in tokens) or not _each_turn_sends(tokens):
        return False  # (`we keep the last 6 turns as context`, `一次性丢给模型`: turns that are no calls)
    start, end = clause_around(tokens, k)
    return any(t.text in _CONVERSATION_WORDS for t in tokens[start:end] if t.kind in ("word", "cjk"))


def _of_some_unit(tokens: list[Token], k: int) -> bool:
    """The calls counted at ``k`` are those of one unit, said before them in their clause and not a request or a
    period: `每個訂位流程 agent 大概會 call 模型 5 次`, `一个工单要跑三次`, `每 張 單要呼叫 2 次`, `an agent with 5 steps`.
    A count with its own period (`每天调用 5 次`) is no unit's."""
    if period_before(tokens, k) >= 0 or period_follows(tokens, k) is not None:
        return False
    j = k - 1
    while j >= 0 and k - j <= 12 and not tokens[j + 1].after_break and tokens[j].kind != "amount":
        tok = tokens[j]
        if tok.kind == "cjk" and tok.text[:1] in "每一" and not (tok.role or "").startswith("period:"):
            unit = tok.text[1:] or (tokens[j + 1].text if j + 1 < k else "")
            return bool(unit) and unit not in _REQUEST_UNITS and unit not in ("个", "個") or unit in ("个", "個") and j + 1 < k and tokens[j + 1].kind == "cjk"
        if tok.text in ("each", "per", "every") and tokens[j + 1].kind == "word" and tokens[j + 1].text not in PERIOD_WORDS:
            return tokens[j + 1].text not in _REQUEST_UNITS and tokens[j + 1].text.rstrip("s") not in _REQUEST_UNITS
        if tok.text == "with" and j + 1 == k:
            return True  # `an agent with 5 steps`: the steps of what is counted
        j -= 1
    return False


def _things_a_period(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` counts things that are not calls, with its period (`一天 2500 張單`, `1,200 exceptions per day`)."""
    noun = tokens[k + 1] if k + 1 < len(tokens) else None
    if noun is None or noun.text in _CALL_WORDS or noun.text in _REQUEST_UNITS or noun.kind not in ("word", "cjk"):
        return False
    j = k + 2  # (past the noun: `1,200 exceptions per day`)
    while j < len(tokens) and tokens[j].role == "skip" and not tokens[j].after_break and j - k <= 4:
        j += 1
    after = j < len(tokens) and not tokens[j].after_break and (tokens[j].role or "").startswith("period:")
    return period_before(tokens, k) >= 0 or period_follows(tokens, k) is not None or after


def _each_of_the_last(tokens: list[Token], k: int) -> bool:
    """`~6 turns each,`: a count then `each` closing its clause, said of what the count before it counts."""
    after = k + 2
    return after < len(tokens) and tokens[after].text == "each" and (after + 1 == len(tokens) or tokens[after + 1].after_break)


#: What a count per unit must count to multiply into requests: calls and their kin (`3次`, `6 steps`, `20轮`).
_CALL_WORDS = frozenset(["次", "轮", "步", "步骤", "个步骤", "回", "遍", "次调用", "轮对话", "calls", "call", "steps", "step", "turns", "turn",
                         "runs", "requests", "queries", "messages", "rounds", "passes", "iterations", "generations",
                         "prompts", "times", "forths", "exchanges", "versions", "variants",
                         "版", "版本", "个版本", "则消息", "条消息"])  # (not `则` alone: `每個商品抓最近 200 則評論` go into one prompt)


def calls_counted(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` counts calls by their own word (`15 step`, `call 5次`, `3 個 step`), not things."""
    j = k + 2 if k + 2 < len(tokens) and tokens[k + 1].text in ("个", "個") else k + 1
    return j < len(tokens) and (tokens[j].text in _CALL_WORDS or tokens[j].text.rstrip("s") + "s" in _CALL_WORDS)


def _calls(tokens: list[Token], k: int) -> bool:
    """The count at ``k`` counts calls (`每場call 3次`, `6 steps per run`), or things each of which opens a
    request's usage (`一份合同大概20段 … 每段输入八千`); `每单平均3件商品` counts things inside one request."""
    noun = tokens[k + 1] if k + 1 < len(tokens) else None
    if noun is not None and noun.text == "个" and k + 2 < len(tokens):
        noun = tokens[k + 2]  # `3 个步骤`: the measure word, then what is counted
    elif k + 4 < len(tokens) and tokens[k + 2].text == "-" and not any(t.after_break for t in tokens[k + 2 : k + 5]):
        noun = tokens[k + 4]  # `4 tool-using steps`: a hyphened word, then what is counted
    if noun is None:
        return False
    if noun.text in _CALL_WORDS or noun.text.rstrip("s") + "s" in _CALL_WORDS:
        return True
    if k > 0 and tokens[k - 1].role == "count_verb":
        return True  # `一場婚禮大概要生 8 版`: things made, one call each
    each = "每" + noun.text[:1]
    return _one_opens_its_usage(tokens, noun.text[:1]) or any(
        t.text.startswith(each) and any((u.role or "").startswith(("label:input", "label:output")) for u in _clause_after(tokens, j, 6))
        for j, t in enumerate(tokens) if t.kind == "cjk")


def _one_opens_its_usage(tokens: list[Token], measure: str) -> bool:
    """`一張 input 1.3k`: the measure word left of a dropped 一 (an article), the usage of one right after it."""
    return measure in COUNTING_MEASURES and any(
        t.kind == "cjk" and t.text == measure and t.role in (None, "skip")
        and any((u.role or "").startswith(("label:input", "label:output")) for u in _clause_after(tokens, j, 2))
        for j, t in enumerate(tokens))


def _clause_after(tokens: list[Token], j: int, most: int) -> list[Token]:
    """Up to ``most`` tokens after ``j``, in its clause (`每单分类+派单建议 in 900`: the label a few words on)."""
    out: list[Token] = []
    for tok in tokens[j + 1 : j + 1 + most]:
        if tok.after_break:
            break
        out.append(tok)
    return out


#: Units that are a request itself (`每次`, `per call`): a count said per request is no count of requests.
_REQUEST_UNITS = frozenset(["次", "回", "次请求", "次调用", "个请求", "request", "call", "query", "prompt", "message", "time"])


def _unit_of_each(tokens: list[Token], k: int) -> str | None:
    found = unit_of_each_at(tokens, k)
    return found[0] if found is not None else None


def unit_of_each_at(tokens: list[Token], k: int) -> tuple[str, int] | None:
    """The unit the count at ``k`` is said per, and where it is said: `每场` / `一份合同` a few words before it, or
    `per lead` / `each run` a few words after it, in its clause."""
    j = k - 1
    while j >= 0 and k - j <= 6 and not tokens[j + 1].after_break and (tokens[j].kind != "amount" or tokens[j].text == "一"):
        text = tokens[j].text
        if text == "一" and (tokens[j].kind == "amount" or tokens[j].role == "one_of"):
            nxt = tokens[j + 1]  # `一节课大概20轮`: one of the units, then the count in it
            return (nxt.text, j + 1) if j + 1 < k and nxt.kind == "cjk" and nxt.role in (None, "count") and not nxt.after_break else None
        if tokens[j].kind == "word" and tokens[j].role is None and (j + 1 == k and tokens[k].after_colon
                                                                    or j + 2 == k and tokens[j + 1].text in ("=", "is", "averages")):
            return text, j  # `average session: 12 turns`, `a session is 12 turns`: the unit, then what it holds
        if tokens[j].kind == "cjk" and len(text) >= 2 and text[0] in "每一" and (tokens[j].role in ("each", "per_person", None) or text == "一个"):
            unit = text[1:]  # (`一个` is read past as an article, but `一个 task 平均 15 step` says what the steps are of)
            if unit[:1] in COUNTING_MEASURES and len(unit) == 1 and j + 1 < k and tokens[j + 1].kind in ("cjk", "word") and tokens[j + 1].role in (None, "count"):
                unit += tokens[j + 1].text  # `一份` `合同`, `每个` `工单`, `一个` `task`: the measure word and its noun
            elif text == "一个":
                return None
            elif unit == "次" and j + 1 < k and tokens[j + 1].kind == "cjk" and tokens[j + 1].role is None and not tokens[j + 1].after_break:
                unit += tokens[j + 1].text.rstrip("要需会得都")  # `每次配对要 call 5次`: each match, not each call
            return unit, j
        if text in ("each", "per", "every") and j + 1 < k and tokens[j + 1].kind == "word":
            return tokens[j + 1].text, j + 1
        j -= 1
    for j in range(k + 1, min(k + 7, len(tokens) - 1)):
        if tokens[j].after_break or tokens[j].kind == "amount":
            break
        if tokens[j].text in ("per", "each", "every") and tokens[j + 1].kind == "word" and tokens[j + 1].text not in PERIOD_WORDS:
            return tokens[j + 1].text, j + 1
    return None


def _head_noun(tokens: list[Token], j: int) -> str | None:
    """The noun a unit of two words ends with, closing its clause (`per pax case,`: a case; not `each shift handles
    1,400 calls`): tried beside the first word (`per order line,` … `2,000 order lines`)."""
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    closes = j + 2 >= len(tokens) or tokens[j + 2].after_break
    if (nxt is not None and closes and nxt.kind == "word" and nxt.role in (None, "count") and not nxt.after_break and tokens[j].role in (None, "info", "per_unit")
            and nxt.text not in PERIOD_WORDS):
        return nxt.text
    return None


def counts_the_unit_of(tokens: list[Token], count_at: int, amount_at: int) -> bool:
    """The count at ``count_at`` is said of one unit (`每个群每天30个问题`, `一間店一天平均 6 則`), and the amount at
    ``amount_at`` counts those units (`120个班级群`, `180 間門市`)."""
    unit, noun = _unit_of_each(tokens, count_at), _counted_noun(tokens, amount_at)
    if unit is None or noun is None or unit in _REQUEST_UNITS:
        return False
    end = amount_at + 1 + (noun != tokens[amount_at + 1].text)
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    if nxt is not None and nxt.kind == "cjk" and nxt.role in (None, "people") and not nxt.after_break:
        return False  # `120 个门店员工`: the noun goes on (the stores' staff, not the stores)
    # `一間店` and `180 間門市`: shops counted by one measure word are one kind of unit, whatever each is called
    return _same_unit(unit, noun) or unit[:1] == noun[:1] and unit[:1] in _PLACE_MEASURES and all(
        any(word in n for word in _SHOP_WORDS) for n in (unit, noun))


#: Measure words that count places (`間`, `家`): a shop, a store and a branch are the same unit.
_PLACE_MEASURES = frozenset("间間家")
#: What a shop is called (`店`, `門市`, `分行`): not an office or a room.
_SHOP_WORDS = ("店", "门市", "門市", "分行", "据点", "據點")


def _counted_noun(tokens: list[Token], k: int) -> str | None:
    """What the amount at ``k`` counts: the noun (or measure word and noun) right after it."""
    if k + 1 >= len(tokens) or tokens[k + 1].kind not in ("word", "cjk") or tokens[k + 1].after_break:
        return None
    noun = tokens[k + 1].text
    if (tokens[k + 1].kind == "cjk" and k + 2 < len(tokens) and tokens[k + 2].role in (None, "count") and not tokens[k + 2].after_break
            and tokens[k + 1].role != "count" and (tokens[k + 2].kind == "cjk" or tokens[k + 2].kind == "word" and noun in ("个", "個"))):
        noun += tokens[k + 2].text  # `二十 份 合同`, `800 个 工单`, `40 個 task`
    if noun[:1] in ("个", "個") and noun[1:].isascii() and k + 3 < len(tokens) and tokens[k + 3].kind in ("word", "cjk") and (
            tokens[k + 3].role in (None, "count") and not tokens[k + 3].after_break):
        return None  # (`40 个 user session`: a compound, the noun goes on)
    elif noun == "次" and k + 2 < len(tokens) and tokens[k + 2].kind == "cjk" and tokens[k + 2].role is None and not tokens[k + 2].after_break:
        noun += tokens[k + 2].text  # `220次配對`: the times of a thing done (`每次配對要 call 5次`)
    return noun


def _same_unit(unit: str, noun: str) -> bool:
    if unit.isascii() or noun.isascii():
        return same_noun(unit, noun)
    if unit[:1] in ("个", "個") and noun[:1] in ("个", "個") and len(unit) > 1 and len(noun) > 1:
        unit, noun = unit[1:], noun[1:]  # `每个群` and `120个班级群`: the nouns after the measure word
        if unit.isascii() and noun.isascii():
            return same_noun(unit, noun)  # `一个 task` and `40 个 task`
    if unit in ("个", "個") or noun in ("个", "個"):
        return False  # `每个 agent` … `500 个 ticket`: a bare 个 counts anything, so names no unit
    if unit == noun or unit.endswith(noun) or noun.endswith(unit):
        return True
    # `每篇` and `300 篇`, `每场` and `4万场`: the same measure word, whatever the noun after it
    # (`个` counts anything: `每个 agent` is no unit of `500 个 ticket`)
    return unit[0] == noun[0] and unit[0] in COUNTING_MEASURES - {"个", "個"} and (len(unit) == 1 or len(noun) == 1)


def per_request_after(tokens: list[Token], k: int) -> bool:
    """`queries per prompt`, `queries each`: the count is per request."""
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    after = tokens[k + 2] if k + 2 < len(tokens) else None
    per_request = ("prompt", "request", "call", "query", "message", "turn")
    return nxt is not None and (
        nxt.role == "each" or nxt.text == "each" or nxt.text == "per" and after is not None and (after.role == "each" or after.text in per_request)
    )


def counted_prompts(tokens: list[Token], i: int) -> int | None:
    """`300 prompts of 12k tokens`, `150 prompts a day`, `500个prompt`: a whole number of prompts is
    a count of requests (`12k prompt tokens`, singular or followed by tokens, stays a size).
    The index of the prompt word."""
    tok = tokens[i]
    if tok.value is None or tok.value != tok.value.to_integral_value() or (
        tok.text[-1:].isalpha() and not tok.text[-1:].isdigit() and tok.text[-1:] not in "个km"  # `10k prompts`
    ):
        return None
    k = i + 1
    chinese = k < len(tokens) and tokens[k].text == "个"
    if chinese:
        k += 1
    elif k < len(tokens) and tokens[k].text in ("grounded", "search", "grounding"):
        k += 1  # `2,000 grounded prompts`
    if k >= len(tokens) or tokens[k].kind != "word" or tokens[k].text not in (("prompt", "prompts") if chinese else ("prompts",)):
        return None
    if tokens[k].role == "people":
        return None  # `3,000 prompts x 4 runs`: units each run that many times (roles._people_of_a_count)
    after = tokens[k + 1].text if k + 1 < len(tokens) else ""
    return None if after in ("token", "tokens", "tok", "toks") else k


def described_noun(tokens: list[Token], i: int, nxt: int) -> int | None:
    """`1M-token manual`, `50k token system_prompt`, `50万token的文档`: an amount of tokens naming a
    thing, whose role the words after it give (a label right after the noun). The noun's index."""
    if 0 <= nxt < len(tokens) and tokens[nxt].text == "的":
        nxt += 1  # `20万token的文档`: 的 joins the amount to the noun
    if not (0 <= nxt < len(tokens)):
        return None
    noun = tokens[nxt]
    joined = tokens[nxt - 1].text == "的"  # `25万token的知识库`: a filler noun too, once 的 makes it the thing described
    if not (noun.kind == "word" and noun.role is None and noun.text not in FILLER
            or noun.kind == "cjk" and (noun.role in ("count", None) or joined and noun.role == "skip")):
        return None
    if not any(t.text in ("token", "tokens", "tok", "个token") for t in tokens[i + 1 : nxt]):
        return None
    after = nxt + 1
    while after < len(tokens) and (tokens[after].role in ("link", "skip") or after == nxt + 1 and plain_word(tokens[after])):
        after += 1  # (`40k token curriculum doc cached`: a noun of two words)
    return nxt if after < len(tokens) and (tokens[after].role or "").startswith("label:") else None


#: Words that add one amount to the next (`6k audio tokens + 300 text tokens`, `1k answer plus 4k thinking`).
PLUS = frozenset(["+", "plus", "加", "加上", "外加", "再加", "另加", "加上了"])


def joined_by_plus(tokens: list[Token], amount_at: int) -> bool:
    """A plus between this amount and the amount before or after it: the two are summed, not one a part of the other."""
    for step in (-1, 1):
        k = amount_at + step
        while 0 <= k < len(tokens) and tokens[k].kind != "amount" and not tokens[k].after_break:
            if tokens[k].text in PLUS:
                return True
            k += step
    return False


#: Words that make the amount beside them a part of one already given (`including`, `其中`, `of it`).
PART_ROLES = frozenset(["part", "pronoun_link"])


def said_as_a_part(tokens: list[Token], amount_at: int, label_at: int) -> bool:
    """`2k out (incl. 1.5k thinking)`, `输出1.2w，其中思考占1万`, `500 of it thinking`: a part word in the
    amount's own phrase (back to the amount before it, on to the next amount or label) makes thinking part
    of the output; a part word elsewhere (`其中3k命中缓存`) is another amount's."""
    first, last = min(amount_at, label_at), max(amount_at, label_at)
    if any(t.role in PART_ROLES for t in tokens[first:last]):
        return True
    if label_at < amount_at and any(t.text in ("占", "占了") for t in tokens[first:last]):
        return True  # `output两千五（thinking占两千）`: thinking takes up that much of it
    k = first - 1
    while k >= 0 and tokens[k].kind != "amount" and not (tokens[k].role or "").startswith("label:"):
        if tokens[k].role in PART_ROLES:
            return True
        k -= 1
    k = last + 1
    while k < len(tokens) and tokens[k].kind != "amount" and not (tokens[k].role or "").startswith("label:"):
        if tokens[k].role in PART_ROLES:
            return True
        k += 1
    return False


def chinese_question(tokens: list[Token]) -> bool:
    """More Chinese tokens than English words: English inside it is product names (`NPC 對話`), judged by position."""
    return sum(t.kind in ("cjk", "cjknum") for t in tokens) > sum(t.kind == "word" for t in tokens)


def an_image_model(tokens: list[Token]) -> bool:
    """An image model is named (`2.5 flash image`): images said are the ones it makes."""
    return any(t.kind == "model" and "image" in (t.model or "") for t in tokens)


def cached_after(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` is labelled by a cache word after it (`1.5万token做缓存`, `60k tokens cached`, `the 420k
    cached`)."""
    j = k + 1
    while j < len(tokens) and tokens[j].role == "link" and not tokens[j].after_break:
        j += 1
    return j < len(tokens) and tokens[j].role in ("label:cache", "label:cached") and not tokens[j].after_break


def noun_past_ge(text: str) -> str:
    """`个物件` -> `物件`, `個班` -> `班`: a noun said with the all-purpose measure word 个 glued before it."""
    return text[1:] if text[:1] in "个個" and len(text) > 1 else text
