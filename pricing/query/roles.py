"""Giving each token its role from the word tables, and pronouns their antecedent (`100k of them cached`)."""

from __future__ import annotations

from ..tokens import Token
from .english import english_stem
from .neighbours import CJK_ABOUT, a_recording, noun_past_ge
from .variants import versions_called_each
from .vocab import (
    COUNTING_MEASURES,
    FILLER,
    HYPHEN_COMPOUNDS,
    LINK_WORDS,
    OUTPUT_NOUNS,
    PERIOD_WORDS,
    PHRASES,
    PHRASES3,
    PIECE_NOUNS,
    PROMPT_LABELS,
    TOKEN_WORDS,
    WORDS,
    cjk_price_like,
    correct_typo,
    price_like,
)

__all__ = ["assign_roles", "chinese_context", "described_sizes", "named_pieces", "relative_clauses"]

_PRONOUNS = frozenset(["them", "it", "those", "these", "which", "that"])


def _hyphen_compounds(tokens: list[Token]) -> None:
    """`co-op`, `e-commerce`, `voice-over`: one word of the business, none of its parts a price word
    (vocab.HYPHEN_COMPOUNDS). A part of one or two letters is joined unless the tables know it (`in-out`)."""
    for i in range(len(tokens) - 2):
        first, hyphen, second = tokens[i : i + 3]
        if not (first.kind == second.kind == "word" and hyphen.text == "-" and hyphen.glued and second.glued):
            continue
        short = first.text if len(first.text) <= 2 else second.text if len(second.text) <= 2 else None
        if (first.text, second.text) in HYPHEN_COMPOUNDS or (
                short is not None and short not in WORDS and first.text.isalpha() and second.text.isalpha()
                and first.role is None and second.role is None):
            for tok in (first, hyphen, second):
                tok.role = "skip"


def assign_roles(tokens: list[Token]) -> None:
    """Give each token its role from the word tables, reading two-word phrases first; a keyword
    typed with one letter wrong (5+ letters) is read as the keyword."""
    for tok in tokens:
        if tok.kind == "word" and tok.role is None:
            fixed = correct_typo(tok.text) if tok.text not in WORDS and tok.text not in FILLER else None
            if fixed is not None and (stem := english_stem(tok.text)) is not None and stem not in WORDS:
                fixed = None  # `teacher` is built from `teach`, no slip of `teachers` (a keyword's own ending still is: `cacheing`)
            if fixed is not None:
                tok.text = fixed
    _hyphen_compounds(tokens)
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.role is not None or tok.kind in ("used", "model", "amount"):
            continue
        three = tuple(t.text for t in tokens[i : i + 3])
        if three in PHRASES3 and all(t.kind == "word" and t.role is None for t in tokens[i : i + 3]):
            for t, phrase_role in zip(tokens[i : i + 3], PHRASES3[three], strict=True):
                t.role = phrase_role
            continue
        if (tok.kind == "word" and nxt is not None and nxt.kind == "word" and nxt.role is None and not nxt.after_break
                and (tok.text, nxt.text) in PHRASES):  # (a phrase never spans a comma: `10 min audio, output 1k`)
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
            if tok.role == "label:cached" and tok.text in ("hit", "hits") and nxt is not None and (nxt.kind == "model" or nxt.money is not None):
                tok.role = "skip"  # `our endpoint hits flash`: calls the model; `before i hit $50`: reaches the sum; no cache hit
            if tok.role is None and tok.text in ("month", "day") and (nxt is None or nxt.text == "?"):
                tok.role = f"period:{tok.text}"  # `…, 4k queries/day. month?`: the period asked
            if nxt is None or nxt.kind != "word" or nxt.role is not None:
                continue
            pair = (tok.text, nxt.text)
            if pair in PHRASES and not nxt.after_break:
                tok.role, nxt.role = PHRASES[pair]
            elif tok.text in ("per", "a", "each", "every", "an") and nxt.text in PERIOD_WORDS:
                tok.role, nxt.role = "skip", "period:" + PERIOD_WORDS[nxt.text]
            elif tok.text in ("per", "every") and (WORDS.get(nxt.text) == "count" or _counted_unit(tokens, i)) and nxt.text != "times":
                # `115k tokens per episode`: per request; `20 steps per task`: a count in each unit (a task),
                # multiplied by the number of units given (`200 tasks/day`), as a count per person is
                counted = i >= 2 and tokens[i - 1].role == "count" and tokens[i - 2].kind == "amount"
                tok.role, nxt.role = "skip", "per_unit" if counted else "each"
            elif pair == ("how", "many"):
                tok.role, nxt.role = "budget", "skip"
        elif tok.kind == "cjk" and tok.text in ("月",) and i > 0 and tokens[i - 1].role == "each":
            tok.role = "period:month"
    for k, tok in enumerate(tokens):
        if tok.role == "compare" and tok.text in ("最便宜", "cheapest", "最便宜的"):
            j = k + 1
            while j < len(tokens) and tokens[j].text in ("的", "the", "one"):
                j += 1
            if j < len(tokens) and tokens[j].kind == "model":
                tok.role = "skip"  # `用最便宜的 lite 就好`: that model, chosen for its price; nothing to compare
    for k in range(1, len(tokens)):
        if tokens[k].text == "s" and not tokens[k].glued and tokens[k - 1].kind == "amount" and tokens[k - 1].money is None:
            tokens[k].role = "dur:1/3600"  # `45 s each`: seconds, spaced (`100s of users`, `2s latency` are no duration)
        elif (tokens[k].text == "s" and tokens[k].glued and tokens[k - 1].kind == "amount" and tokens[k - 1].money is None
              and k + 1 < len(tokens) and (a_recording(tokens[k + 1]) or tokens[k + 1].text in _CLIPS)):
            tokens[k].role = "dur:1/3600"  # `each 60s clip`: seconds, glued, said of a recording
        elif tokens[k].text == "正文" and tokens[k - 1].role == "label:input" and not tokens[k].after_break:
            tokens[k].role = "skip"  # `输入正文 3000 token`: the body sent, not the output's body (`正文输出`)
        elif (tokens[k].kind == "cjk" and tokens[k].role is None and len(tokens[k].text) >= 2 and tokens[k].text.endswith("次")
              and tokens[k - 1].kind == "amount" and tokens[k - 1].money is None and not tokens[k].after_break):
            tokens[k].role = "count"  # `一天3000診次`, `每月 800 场次`: times of something, a count of requests
        elif (tokens[k].kind == "cjk" and (tokens[k].role is None or tokens[k].text == "人" and not any(t.role == "per_person" for t in tokens))
              and len(tokens[k].text) == 1 and tokens[k - 1].kind == "amount"
              and tokens[k - 1].money is None and k + 1 < len(tokens) and tokens[k + 1].text == "次" and tokens[k + 1].glued
              and not tokens[k].after_break):
            tokens[k].role = "skip"  # (`3000 诊 次`, `2k 人 次` as split: the times of a visit; `4.5万人次，每人一份`: the people)
    for k in range(1, len(tokens)):
        before, tok = tokens[k - 1], tokens[k]
        after = tokens[k + 1].text if k + 1 < len(tokens) else ""
        if (tok.text == "search" and tok.role == "search" and before.kind == "word" and before.role is None and not tok.after_break
                and before.text not in _SEARCH_OPENERS and after not in ("grounding", "grounded", "tool", "results", "queries", "query")):
            tok.role = "skip"  # `for exec search we use pro`, `our site search`: a kind of search named, not Google Search grounding
    searched = [t for t in tokens if t.role == "search"]
    if searched and all(t.text == "google" for t in searched) and not any(
            t.text in ("search", "searches", "grounding", "grounded", "搜索", "联网", "搜寻", "检索") or t.role == "searches" for t in tokens):
        for t in searched:
            t.role = "skip"  # `Google 評論自動回覆`: Google's reviews, no Search grounding (`google search` is a phrase)
    videos = [k for k, t in enumerate(tokens) if t.role == "label:video"]
    if videos and all(_text_made_of_a_video(tokens, k) or _videos_counted(tokens, k) for k in videos) and any(_names_a_videos_text(t) for t in tokens):
        # (only with text said of a video: `200 videos/day, 20k tokens per video` sends the videos)
        for k in videos:
            tokens[k].role = "skip"  # `带货视频口播稿`, `每条视频字幕大概2500 token`, `hooks per video`: text about the video, no video sent
    _counted_per_period(tokens)
    _replies_counted(tokens)
    _batch_turnaround(tokens)
    _count_asked_for_money(tokens)
    _cached_except(tokens)
    _no_model_preferred(tokens)
    _price_of_one_shop_asked(tokens)
    _pages_of_one_document(tokens)


#: Words of one document before its page count (`一份 15 頁的 PDF`, `a 15-page PDF`).
_ONE_DOCUMENT = frozenset(["一份", "一本", "单份", "一篇", "一个", "a", "one"])
_PAGES = frozenset(["页", "頁", "pages", "page"])


def _pages_of_one_document(tokens: list[Token]) -> None:
    """`單次丟一份 15 頁的衛教 PDF（大概 1.2萬 token）`: the pages of one document are its length, no count of requests,
    when its size in tokens is said and no page is sized on its own (`一页算258 token` is images_in's)."""
    if any(t.role == "each" and t.text in ("每页", "每頁") or t.text in ("一页", "一頁", "per") for t in tokens):
        return
    for k in range(2, len(tokens)):
        if tokens[k].text in _PAGES and tokens[k - 1].kind == "amount" and tokens[k - 2].text in _ONE_DOCUMENT and tokens[k - 1].money is None:
            sized = any(t.kind == "amount" and t.value and t.value >= 1000 for t in tokens[k + 1 : k + 6])
            if sized:
                tokens[k - 1].as_filler()
                tokens[k].role = "skip"


#: Words that ask the price of one shop (`单店`, `每家店摊多少`, `平均每家店`).
_ONE_SHOP = ("每家店", "每家门店", "每个门店", "每间门市", "单店", "一家店", "每店", "每家", "每间", "一间店")


def _price_of_one_shop_asked(tokens: list[Token]) -> None:
    """`42家门店，每家店每天80份 … 每家店一个月多少钱`, `单店成本多少`, `每家店要分摊多少`: one shop's price asked, or a
    share of the total: the shops are no units to multiply by (asked, as before shops were read)."""
    shops = [k for k, t in enumerate(tokens) if t.kind == "cjk" and any(w in t.text for w in _ONE_SHOP)]
    said = "".join(t.text for t in tokens if t.kind == "cjk")
    if len(shops) > 1 or shops and any(w in said for w in ("单店", "摊", "平均每家")):
        for k in shops:
            tokens[k].role = "matter"


#: `no particular model`, `no model picked yet`: the words between `no` and the model word, and those after it.
_NO_MODEL_BETWEEN = frozenset(["particular", "specific", "preferred", "set", "fixed"])
_NO_MODEL_AFTER = frozenset(["picked", "chosen", "selected", "decided", "preference", "yet"])
#: Words that rule a model or a feature in or out: with them, `no` may say more than no preference (asked).
_RULED_OUT = frozenset(["not", "except", "avoid", "avoiding", "rather", "without", "but", "no", "exclude", "excluding", "off", "needed"])


def _no_model_preferred(tokens: list[Token]) -> None:
    """`no particular model`, `no model picked yet`, `no specific model.`: no preference, so the default model (said in
    the answer), when no model is named and nothing else is ruled in or out (`no model batching`, `no specific model,
    anything except pro`: asked, as before)."""
    for i, tok in enumerate(tokens):
        if tok.text != "no" or tok.role is not None:
            continue
        k = i + 1
        if k < len(tokens) and tokens[k].text in _NO_MODEL_BETWEEN:
            k += 1
        if not (k < len(tokens) and tokens[k].role == "model_kw"):
            continue
        after = tokens[k + 1] if k + 1 < len(tokens) else None
        if after is not None and not after.after_break and after.text not in _NO_MODEL_AFTER and not (k > i + 1 and after.role is not None):
            continue  # (`no model batching`, `no model search grounding`: a feature named after it)
        if any(t.kind == "model" for t in tokens) or any(t.text in _RULED_OUT for j, t in enumerate(tokens) if j != i):
            continue
        for t in tokens[i:k]:
            t.role = "skip"


#: Text written for or about a video, said right after the video word: what the requests read and write is that text.
_TEXT_OF_A_VIDEO = frozenset(["脚本", "腳本", "口播", "口播稿", "文案", "标题", "標題", "评论", "評論", "评论区", "評論區", "留言", "字幕", "简介",
                              "簡介", "描述", "配音", "下面", "底下", "script", "scripts", "title", "titles", "description", "descriptions",
                              "caption", "captions", "hook", "hooks", "comments", "subtitles", "ideas"])
_TEXT_OF_A_VIDEO_PREFIXES = tuple(sorted(_TEXT_OF_A_VIDEO))


def _text_made_of_a_video(tokens: list[Token], i: int) -> bool:
    """The video word at ``i`` names what text is written for (`带货视频口播稿`, `视频字幕大概2500 token`, `video scripts`,
    `10 hook variations per video`): no video goes into the request (asked of every video word: `150 videos a day`
    beside them may be a count of videos or of their tokens)."""
    after = tokens[i + 1] if i + 1 < len(tokens) and not tokens[i + 1].after_break else None
    if after is not None and after.text == "的" and i + 2 < len(tokens):
        after = tokens[i + 2]
    return after is not None and _names_a_videos_text(after)


def _names_a_videos_text(tok: Token) -> bool:
    """`脚本`, `口播稿`, `字幕大概`, `scripts`: a word naming text written for or about a video (a Chinese one may have more glued on)."""
    return tok.text in _TEXT_OF_A_VIDEO or tok.kind == "cjk" and tok.text.startswith(_TEXT_OF_A_VIDEO_PREFIXES)


def _videos_counted(tokens: list[Token], i: int) -> bool:
    """`一个月4500条视频`, `150 videos a day`, `hooks per video`: videos counted, or a count said per video."""
    if i >= 2 and tokens[i - 1].text in ("条", "條", "支", "部", "个", "個") and tokens[i - 2].kind == "amount" and tokens[i - 2].money is None:
        return True
    return i > 0 and (tokens[i - 1].text == "per" or tokens[i - 1].kind == "amount" and tokens[i].text == "videos")


#: Words before `search` that make it Google Search grounding (`google search`, `with search`, `enable search`).
_SEARCH_OPENERS = frozenset(["google", "web", "with", "w", "plus", "and", "use", "using", "enable", "enabled", "add", "adding", "turn",
                             "on", "via", "needs", "need", "live", "internet", "online", "realtime", "grounded", "gemini", "also"])
#: Pieces of audio whose length may be glued to an `s` of seconds (`each 60s clip`, `30s snippets`).
_CLIPS = frozenset(["clip", "clips", "call", "calls", "audio", "recording", "recordings", "snippet", "snippets", "memo", "memos"])


#: Output words in the plural: after an amount with no word of tokens, they may count replies (`8 million replies a month`).
_OUTPUT_PLURALS = frozenset(["replies", "responses", "answers", "completions", "outputs", "summaries", "generations"])


def _batch_turnaround(tokens: list[Token]) -> None:
    """`batch is fine since next-day is ok`, `用 batch 跑隔天再處理`, `隔天出結果就行`: with batch named, the next day is
    when the results may come back (batch's turnaround), no period of the usage."""
    if not any(t.role == "batch" for t in tokens):
        return
    for k, tok in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if tok.text == "隔" and nxt.text == "天" and nxt.glued:
            tok.role = nxt.role = "skip"
        elif tok.text == "next" and nxt.text in ("-", "day") and not nxt.after_break:
            day = k + 2 if nxt.text == "-" else k + 1
            if day < len(tokens) and tokens[day].text == "day":
                for j in range(k, day + 1):
                    tokens[j].role = "skip"


def _amount_beside(tokens: list[Token], k: int) -> bool:
    """An amount right before or after the label at ``k`` (`50 out`, `output 300`)."""
    return any(0 <= j < len(tokens) and tokens[j].kind == "amount" and tokens[j].money is None for j in (k - 1, k + 1))


def _replies_counted(tokens: list[Token]) -> None:
    """`600 in 50 out, 8 million replies a month`, `18k responses total`: an output word in the plural right after an
    amount, with the output's own amount said elsewhere and a period or a total after it, counts the replies (the
    requests), not output tokens (`2k tokens of replies` stays output)."""
    for k in range(1, len(tokens)):
        tok = tokens[k]
        if tok.role != "label:output" or tok.text not in _OUTPUT_PLURALS or tokens[k - 1].kind != "amount" or tokens[k - 1].money is not None:
            continue
        other_output = any(t.role == "label:output" and j != k and _amount_beside(tokens, j) for j, t in enumerate(tokens))
        after = [t for t in tokens[k + 1 : k + 4] if not t.after_break]
        dated = any((t.role or "").startswith("period:") or t.text in ("total", "per", "a", "/", "daily", "monthly") for t in after)
        if other_output and dated:
            tok.role = "count"


def _count_asked_for_money(tokens: list[Token]) -> None:
    """`$2,500 a month ..., 6k in, 1k out. requests per month?`: with money given, a count word with no amount,
    said last with its period, asks what the money buys (as `how many requests per month` does)."""
    if not any(t.kind == "amount" and t.money is not None for t in tokens):
        return
    words = [k for k, t in enumerate(tokens) if t.role != "question"]
    if len(words) < 3:
        return
    count, *rest = words[-3:] if tokens[words[-2]].role == "skip" else words[-2:]
    if tokens[count].role != "count" or tokens[count - 1].kind == "amount" or not (tokens[rest[-1]].role or "").startswith("period:"):
        return
    if tokens[count - 1].role in ("each", "per_person", "times_sign", "skip", "link"):
        return  # `20 each requests per day`, `x requests`: a count given, not asked
    tokens[count].role = "budget"


def _plain_noun(tok: Token, *, filler: bool = False) -> bool:
    """A word the tables do not know (or filler, when ``filler``), with no price stem: a noun naming a thing."""
    known = tok.role is not None or tok.text in WORDS or (tok.text in FILLER and not filler)
    return tok.kind == "word" and tok.text.isalpha() and not known and not price_like(tok.text)


def _people_of_a_count(tokens: list[Token], i: int) -> bool:
    """`40 teachers each generate 5 quizzes a day`, `12 client chatbots, each gets 400 convos/day`: the things
    an amount counts, followed by `each` and a count of its own, are who makes the requests (people, each
    making that many); `200 campaigns × 50 variants`, `3,000 prompts x 4 runs`: a count of things times a
    count each is the same product. Nouns the tables do not know there are read so; known ones keep their role."""
    if tokens[i - 1].kind != "amount" or tokens[i - 1].money is not None:
        return False
    k = i
    while k < len(tokens) and k - i < 2 and (_plain_noun(tokens[k], filler=True) or tokens[k].role == "count" or tokens[k].text == "prompts"):
        k += 1
    if k == i or k >= len(tokens) or k + 2 >= len(tokens) or not any(t.kind == "amount" for t in tokens[k + 1 : k + 4]):
        return False
    if tokens[k].role == "each":
        # `each gets 400`, `each makes about 20 quizzes`: a verb and an `about` may stand before the count
        amount_at = next((a for a in range(k + 1, min(k + 4, len(tokens))) if tokens[a].kind == "amount"), k + 2)
        if any(t.kind != "word" or t.role not in (None, "skip", "make", "info") for t in tokens[k + 1 : amount_at]):
            return False
        counted = amount_at + 1 < len(tokens) and (tokens[amount_at + 1].role == "count" or _plain_noun(tokens[amount_at + 1]))
    elif tokens[k].role == "times_sign" and tokens[k + 1].kind == "amount":
        amount_at = k + 1
        counted = amount_at + 1 < len(tokens) and (tokens[amount_at + 1].role == "count" or _plain_noun(tokens[amount_at + 1]))
    elif tokens[k].kind == "amount" and tokens[k].money is None and k + 1 < len(tokens) and tokens[k + 1].role == "count" and any(
            t.role == "each" for t in tokens[k + 2 : k + 5]):
        amount_at, counted = k, True  # `40 analysts, ~30 questions each a day`: each analyst asks 30
    else:
        return False
    if not counted:
        return False
    tokens[i].role = "people"
    for t in tokens[i + 1 : k]:
        t.role = "skip"  # `chatbots` in `12 client chatbots`
    if tokens[amount_at + 1].role is None:
        tokens[amount_at + 1].role = "count"
    return True


def _counted_unit(tokens: list[Token], i: int) -> bool:
    """`1 call per session`, `3 calls per ticket`: after an amount and its count, `per` + a noun the tables do not
    know (and with no price stem) names the unit each count is in, as `20 steps per task` does."""
    nxt = tokens[i + 1]
    unknown = nxt.kind == "word" and nxt.role is None and nxt.text not in WORDS and nxt.text not in FILLER and not price_like(nxt.text)
    return unknown and i >= 2 and tokens[i - 1].role == "count" and tokens[i - 2].kind == "amount"


def _each_follows(tokens: list[Token], i: int) -> bool:
    """After the noun at ``i``, in a few words and with no amount between, `each` and an amount of tokens labelled."""
    for k in range(i + 1, min(i + 9, len(tokens) - 2)):
        if tokens[k].kind == "amount":
            return _labelled_then_each(tokens, k)
        if tokens[k].role == "each":
            after = tokens[k + 1]
            if (after.role or "").startswith("label:") and k + 2 < len(tokens) and tokens[k + 2].kind == "amount":
                return tokens[k + 2].money is None  # `8,500 new listings / each prompt ~450 tokens`
            return after.kind == "amount" and after.money is None and (tokens[k + 2].role or "").startswith("label:")
    return False


def _labelled_then_each(tokens: list[Token], k: int) -> bool:
    """`120k SKUs, ~600 tokens in, ~350 out each`: the amounts after the noun are labelled and `each` closes
    them, in a few words with no unlabelled amount: the same per-request usage as `each 600 in 350 out`."""
    seen = False
    for j in range(k, min(k + 10, len(tokens))):
        tok = tokens[j]
        if tok.kind == "amount":
            after = j + 1
            while after < len(tokens) and tokens[after].role in ("link", "skip"):
                after += 1
            if tok.money is not None or after >= len(tokens) or not (tokens[after].role or "").startswith("label:"):
                return False
            seen = True
        elif tok.role == "each":
            return seen
    return False


def _cached_except(tokens: list[Token]) -> None:
    """`all of it cached except 1k`: the cached part named by what it is not, as `all but 1k cached` says it
    (read in that order: the amount, then its label)."""
    for i in range(len(tokens) - 2):
        label, word, amount = tokens[i : i + 3]
        if label.role == "label:cached" and word.text in ("except", "but") and amount.kind == "amount" and amount.money is None:
            word.role = "except"
            tokens[i : i + 3] = [word, amount, label]
            for k in range(max(0, i - 3), i):
                if tokens[k].text in ("all", "of", "it"):
                    tokens[k].role = "skip"  # `all of it`: the prompt just given


def _counted_per_period(tokens: list[Token]) -> None:
    """`40k lines a day`, `400 convos/day`, `400 meetings/mo`: a noun the tables do not know, between an amount
    and the period it happens in, is what is counted each period: requests. Not a word with a price stem
    (`1M chars a day` is a size: vocab.PRICE_STEMS), which is asked about."""
    labelled = any((t.role or "") in ("label:input", "label:output") for t in tokens)
    first_amount = next((k for k, t in enumerate(tokens) if t.kind == "amount"), -1)
    for i in range(1, len(tokens)):
        tok, before = tokens[i], tokens[i - 1]
        if tok.role == "people_label" and tok.text.isascii() and before.kind == "amount" and before.money is None and not (
                i + 1 < len(tokens) and tokens[i + 1].kind == "amount" and not tokens[i + 1].after_break):
            tok.role = "people"  # `80k DAU`: English says the people after their number (`DAU 80k` stays a label)
            continue
        if _people_of_a_count(tokens, i):
            continue
        if tok.role == "label:audio" and before.kind == "amount" and before.money is None and not tok.after_break:
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            k = i + 1
            while k < len(tokens) and tokens[k].role == "skip" and not tokens[k].after_break:
                k += 1
            if tok.text.endswith("s") and k < len(tokens) and (tokens[k].role or "").startswith("period:"):
                tok.role = "count"  # `4,000 recordings a day`: recordings counted, one request each
            elif nxt is not None and nxt.role == "count" and not nxt.after_break:
                tok.role = "link"  # `1,500 voice notes a day`: the kind of note counted (read past, as `the`)
            continue
        if (before.kind == "word" and (before.role is None and before.text in FILLER or before.text == "new") and i >= 2
                and tokens[i - 2].kind == "amount"):
            before = tokens[i - 2]  # `8,500 new listings`, `14k research abstracts`: a harmless word before the noun
        if tok.kind != "word" or tok.role is not None or tok.text in FILLER or price_like(tok.text) or before.kind != "amount":
            continue
        if before.money is not None or not tok.text.isalpha():
            continue
        k = i + 1
        while k < len(tokens) and tokens[k].role == "skip":
            k += 1
        if k < len(tokens) and (tokens[k].role or "").startswith("period:") and k - i <= 2:
            tok.role = "count"
        elif _each_follows(tokens, i):
            tok.role = "count"  # `5,000 NPCs, generated once at build time, each 400 in / 60 out`: one request each
        elif (tok.text.endswith("s") and len(tok.text) > 3 and labelled and (k >= len(tokens) or tokens[k].text not in ("of", "with", "from", "per")
              and not (tokens[k].role or "").startswith("label:"))
              and before is tokens[first_amount]):
            # `summarize 40k pdfs (~18k tok each), 1k tok summary`: things counted first, their tokens given after,
            # are the requests (one each); `500 PDFs of 50 pages each` says what they hold and is asked about
            tok.role = "count"


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
        said = range(max(i - 6, 0), i - 2)
        if i > 1 and tokens[i - 2].kind == "amount" and any(tokens[k].role in ("label:cached", "label:thinking") for k in said):
            tok.role = "pronoun_link"  # `thinking is ~3k of that`, `cached is 40k of it`: the label said before the amount
            continue
        # `of them cached`, `of it from cache`, `of which 200k is cached`: a cached/thinking label soon after
        for k in range(i + 1, min(i + 5, len(tokens))):
            if tokens[k].role in ("label:cached", "label:cache", "label:thinking", "label:audio"):
                tok.role = "pronoun_link"
                for t in tokens[i + 1 : k]:
                    if t.kind == "word" and t.role is None and t.text in FILLER:
                        t.role = "link"  # `of it from the cache`, `of which 25k is a cached ...`: words between
                if tokens[k].role == "label:cache":
                    tokens[k].role = "label:cached"  # `20k of it from the context cache`: a share of the prompt is read from it
                break
        else:
            period_after = any((t.role or "").startswith("period:") for t in tokens[i + 1 : i + 4])
            if i > 1 and tokens[i - 2].kind == "amount" and tok.text in ("those", "these", "them") and period_after:
                tok.role = "count"  # `700 of those per day`: that many of the request just described


def _cache_said_after(tokens: list[Token]) -> None:
    """`条款库12万token做显式缓存`, `数据库50万token想缓存起来`: an amount of tokens, then a verb of putting it in
    the cache: the cache word is that amount's label, as `60k tokens cached` is in English."""
    for i, tok in enumerate(tokens):
        if tok.role != "label:cache" or tok.kind != "cjk" or tok.after_break:
            continue
        k = i - 1
        while k >= 0 and i - k <= 3 and tokens[k].kind == "cjk" and tokens[k].text in _PUT_IN_CACHE and not tokens[k + 1].after_break:
            k -= 1
        if k < i - 1 and k >= 1 and tokens[k].role == "link" and tokens[k - 1].kind == "amount" and tokens[k - 1].money is None:
            for t in tokens[k + 1 : i]:
                t.role = "link"


#: Verbs between an amount of tokens and the cache it is put in (`12万token做显式缓存`).
_PUT_IN_CACHE = frozenset(["做", "做成", "想", "要", "放", "放进", "放到", "显式", "全部", "都", "先"])


def _firms_not_providers(tokens: list[Token]) -> None:
    """`各家研报` (each firm's research reports): 各家 before a noun the tables do not know is no provider."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.role == "providers" and tok.text == "各家" and tokens[i + 1].kind == "cjk" and tokens[i + 1].role is None and tokens[i + 1].glued:
            tok.role = "skip"


#: Saying what comes out of a request: the output, when its amount follows (`出來 4k`, `翻出來差不多1萬5 token`).
_COMES_OUT = frozenset(["出来", "翻出来", "写出来", "生成出来"])


def _in_and_out_said_plainly(tokens: list[Token]) -> None:
    """`一份大概 2萬 token 進去、出來 4k`: 进去 right after an amount of tokens is the input's label, 出来 right
    before an amount the output's, where the question says no input or no output label itself."""
    roles = {t.role for t in tokens}
    for i, tok in enumerate(tokens):
        if tok.kind != "cjk":
            continue
        if tok.text in _COMES_OUT and "label:output" not in roles:
            k = i + 1
            while k < len(tokens) and tokens[k].kind == "cjk" and tokens[k].text in CJK_ABOUT and not tokens[k].after_break:
                k += 1
            if k < len(tokens) and tokens[k].kind == "amount" and tokens[k].money is None and not tokens[k].after_break:
                tok.role = "label:output"
        elif tok.text == "进去" and "label:input" not in roles and i >= 2 and tokens[i - 1].text in TOKEN_WORDS and tokens[i - 2].kind == "amount":
            tok.role = "label:input"


#: Verbs of making whose amount, counted by a measure word, is how many things are made (`一天出 20 份`).
_MAKING = frozenset(["出", "生成", "生", "产生", "写"])
#: Words that make a comparison one of prices or of models, whatever else is compared near them.
_PRICE_COMPARED = frozenset(["vs", "versus", "还是", "哪个", "哪個", "which", "cheaper", "cheapest", "便宜", "划算", "贵", "price", "prices",
                             "cost", "costs", "pricing", "价格", "价钱", "费用", "成本", "models", "模型"])
_COMPARE_WORDS = frozenset(["比较", "对比", "比对", "compare", "comparing", "compared", "comparison"])


def _comparing_things(tokens: list[Token]) -> None:
    """`用 2.5 pro 做保單比較`, `把全部 40 份保單一次丟進去比較`, `pro w/ thinking to compare a candidate against the
    brief`: with one model named and nothing said of prices or other models, the comparison is the task the model
    does (of policies, of candidates), not a comparison of models: no compare intent."""
    if sum(t.kind == "model" for t in tokens) != 1 or any(t.role == "alt" or t.text in _PRICE_COMPARED for t in tokens):
        return
    for tok in tokens:
        if tok.role == "compare" and tok.text in _COMPARE_WORDS:
            tok.role = "skip"


def _things_sized_in_tokens(tokens: list[Token]) -> None:
    """`每位客戶上傳 5 份保單大約 7萬 token`: things counted, then at once their size in tokens, in one clause: the count
    is of what one prompt holds (its size given), not of requests. A count with a period before it is one of requests
    (`每天 300 份`), and one followed by 每 and its measure sizes each of them (`300 份，每份 2k`)."""
    for k, tok in enumerate(tokens[:-2]):
        measure = tokens[k + 1]
        if tok.kind != "amount" or tok.money is not None or measure.kind != "cjk":
            continue
        if measure.text[:1] not in "份篇则則条條个個件本" or measure.after_break or (tok.value or 0) <= 1:
            continue  # (`一张图 258 token`: one image's size, and images or pages with theirs, are images_in.py's)
        if any((t.role or "").startswith("period:") or t.role == "count_verb" for t in tokens[max(k - 2, 0) : k]):
            continue
        j = k + 2
        while j < len(tokens) and j - k <= 5 and not tokens[j].after_break and tokens[j].kind == "cjk" and (
                tokens[j].role in (None, "count", "skip") or tokens[j].text in CJK_ABOUT) and not tokens[j].text.startswith("每"):
            j += 1
        if j + 1 < len(tokens) and tokens[j].kind == "amount" and tokens[j].money is None and not tokens[j].after_break and tokens[j + 1].text in TOKEN_WORDS:
            tok.as_filler()  # (the size's amount is the prompt's, read by pairing)
            measure.role = "skip"


def _things_in_one_reply(tokens: list[Token]) -> None:
    """`一次请求生成5个备选标题 … out 300`, `一次出10个备选 … 输出400`: things made in one call (每次 / 一次 just before),
    with the output's own amount said elsewhere, are inside that one reply: no count and no output amount."""
    for i, tok in enumerate(tokens[:-2]):
        amount, counted = tokens[i + 1], tokens[i + 2]
        if not (tok.text in _MAKING and tok.role in ("make", "label:output") and amount.kind == "amount" and amount.money is None
                and counted.kind == "cjk" and counted.text[:1] in "个個条條篇版张張" and not counted.after_break) or versions_called_each(tokens, i + 1):
            continue  # (`一次要生三個版本，各一次請求`: a call each, variants.py)
        once = any(t.role in ("each", "count_verb") and t.text[:1] in "一每" or t.text in ("一次", "每次") for t in tokens[max(i - 3, 0) : i])
        output_said = any(t.role == "label:output" and j != i and j + 1 < len(tokens) and tokens[j + 1].kind == "amount"
                          for j, t in enumerate(tokens))  # fmt: skip
        each_of_them = any(t.kind == "cjk" and t.text.startswith("每" + counted.text[:1]) for t in tokens)  # (`一次生8000條 … 每條in 2500`)
        if once and output_said and not each_of_them and (amount.value or 0) <= 50:
            tok.role = "skip"
            amount.as_filler()
            counted.role = "skip"


#: Versions of one thing, each made by a call (`生 8 版`).
_VERSIONS = frozenset(["版", "版本", "个版本", "稿"])
#: Units said with 每 that are periods or requests themselves, never things counted elsewhere.
_NO_UNITS = frozenset(["天", "日", "月", "周", "年", "次", "小时", "分钟", "秒", "个", "人", "位", "次请求", "次调用"])


def _units_counted_elsewhere(tokens: list[Token]) -> None:
    """`每栋楼每天平均报修15单，我们管42栋楼`, `每班一天一次 … 我們有 18 個班`: a unit said with 每, and an amount that
    counts that same unit elsewhere: the amount is a count (of units), multiplied by the count in each (pairing)."""
    units = {t.text[1:] for t in tokens if t.kind == "cjk" and t.text.startswith("每") and len(t.text) >= 2
             and t.role in (None, "each", "per_person")} - _NO_UNITS  # fmt: skip
    if not units:
        return
    for k, tok in enumerate(tokens[:-1]):
        nxt = tokens[k + 1]
        if tok.kind == "amount" and tok.money is None and nxt.kind == "cjk" and nxt.role is None and not nxt.after_break and noun_past_ge(nxt.text) in units:  # (`18 个班`)
            nxt.role = "count"


#: What may follow 成 (tenths) in one token (`七成会命中快取`, `8成是固定的`): no word of its own.
_AFTER_TENTHS = frozenset(["会", "是", "的", "左右", "都", "能", "可以", "以上"])


def chinese_context(tokens: list[Token]) -> None:
    """Chinese words whose role depends on the word beside them:

    - 日 / 月 before a calling verb or a budget are its period (`日调用8k次`, `月调用量15万次`, `月预算100美元`);
    - a verb of making before an amount, with no picture in the question, names the output (`生成六百`);
    - 几 / 多少 before a measure word, where money is given, asks how many the money buys (`总共可以跑几笔`);
    - a quota right after money is the budget (`每月 3000 元的额度`), not the free tier's; so are 上限 and 封顶
      beside money (without money, `一天上限多少次` is the free tier's limit);
    - what a request produces, before its amount, is the output (`摘要大概 300 token`, `译文 200`); an audio
      file's name is the audio (`每個音檔約 4.8 萬 token`); the text's name is the prompt (`文字 200 token`);
    - 张 with no picture in the question is a sheet, not an image (`每张工单`, `日均工单8000张`);
    - "the standard one" beside batch (`批次的 2.5 pro 跟一般的 2.5 flash`) is asked about: batch for one side only;
    - 成 after an amount up to 10 is tenths (`快取命中大概 6 成`: 60%);
    - 各家 before a noun the tables do not know is each firm (`各家研报`), not each provider of the model;
    - a cache word after an amount of tokens and a verb of putting is that amount's label (`12万token做显式缓存`);
    - what goes in and comes out, said plainly beside their amounts, are the input and the output (`2萬 token
      進去、出來 4k`, `翻出來差不多1萬5 token`), where no input or output label is said.
    """
    _units_of_people(tokens)
    _in_and_out_said_plainly(tokens)
    _units_counted_elsewhere(tokens)
    _firms_not_providers(tokens)
    _cache_said_after(tokens)
    for i, tok in enumerate(tokens):
        if tok.role == "providers" and tok.kind == "cjk" and "平台" in tok.text and not (
                i > 0 and any(w in tokens[i - 1].text for w in ("哪", "其他", "第三方", "各", "所有", "别的", "其它"))):
            tok.role = "skip"  # `外卖平台商家评价`: a business, not the resellers of the model (`哪个平台便宜`)
    one_model = sum(t.kind == "model" for t in tokens) < 2  # (`2.5 flash 和 2.5 pro 效果比较`: models compared)
    for i, tok in enumerate(tokens[1:], start=1):
        before = tokens[i - 1]
        if one_model and (tok.role == "compare" and tok.kind == "cjk" and tok.text in ("比较", "对比", "比对") and before.kind == "cjk"
                and before.role is None and tok.glued and not cjk_price_like(before.text) and not set(before.text) & set("谁哪")):
            tok.role = before.role = "skip"  # `業務查車款比較`: a comparison of cars is the task, not one of models
    _things_in_one_reply(tokens)
    _comparing_things(tokens)
    _things_sized_in_tokens(tokens)
    for i, tok in enumerate(tokens[:-2]):
        if tok.role == "make" and tokens[i + 1].kind == "amount" and tokens[i + 2].text in _VERSIONS and tokens[i + 2].role is None:
            tok.role, tokens[i + 2].role = "count_verb", "count"  # `一場婚禮大概要生 8 版`: 8 versions made, a call each
        if tok.text in _MAKING and tok.role == "label:output" and tokens[i + 1].kind == "amount" and (
                tokens[i + 2].role == "count" or tokens[i + 2].text in ("份", "篇", "张", "个", "条", "题", "套", "版", "个版本")):
            tok.role = "count_verb"  # `一天出 20 份`, `要生 8 版`: makes 20 of them (a count), not 20 output tokens
    for i, tok in enumerate(tokens[:-1]):
        if tok.role == "label:thinking" and tokens[i + 1].text in ("关了", "关掉", "关闭", "不开", "没开", "关", "off"):
            tok.role, tokens[i + 1].role = "thinking_off", "skip"  # `thinking 关了`: off, as 关掉思考 is
    pictures = any(t.role == "images" and t.text not in ("张",) for t in tokens) or any(t.role == "make" for t in tokens)
    for tok in tokens:
        if tok.text == "张" and tok.role == "images" and not pictures:
            tok.role = "count"  # `日均工单8000张`: 8,000 tickets
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if (tok.kind == "amount" and tok.money is None and tok.value is not None and 0 < tok.value <= 10 and nxt.role is None
                and (nxt.text == "成" or nxt.text[:1] == "成" and nxt.text[1:] in _AFTER_TENTHS)):
            tok.value, nxt.role = tok.value * 10, "percent"  # `七成会命中`: tenths, the verb after them glued on
    has_money = any(t.kind == "amount" and t.money is not None for t in tokens)
    has_batch = any(t.role == "batch" for t in tokens)
    has_images = any(t.role == "images" for t in tokens)
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.kind != "cjk":
            continue
        if tok.role is None and tok.text in ("日", "月") and (nxt.role in ("count_verb", "count_label", "budget") or (
                nxt.kind == "amount" and nxt.money is None and i + 2 < len(tokens) and tokens[i + 2].role == "count")):
            tok.role = "period:day" if tok.text == "日" else "period:month"  # `日调用8k次`, `月 10 万次`
        elif tok.role == "make" and nxt.kind == "amount" and not has_images and not _counts_things(tokens, i + 2):
            tok.role = "label:output"  # `生成六百`; not `产生 20 份报价单` (20 reports are a count)
        elif tok.text in _STANDARD_WORDS and has_batch:
            tok.role = "matter"  # `批次的 2.5 pro 跟一般的 2.5 flash`: batch for one side only is asked about
        elif tok.text in ("上限", "封顶") and has_money:
            tok.role = "budget"  # `一个月 500 美金上限`; with no money, `一天上限多少次` is the free tier's limit
        elif tok.text in ("几", "多少") and has_money and (nxt.role == "count" or nxt.kind == "cjk" and nxt.text in COUNTING_MEASURES):
            tok.role = "budget"
        elif tok.text in _PRODUCTS and _amount_follows(tokens, i):
            tok.role = "label:output"
        elif (tok.text in _AUDIO_THINGS or tok.role == "each" and any(w in tok.text for w in ("音频", "音档", "录音"))
              and _tokens_follow(tokens, i)) and _amount_follows(tokens, i):
            tok.role = "label:audio"  # `每場會議音檔約 11.5 萬 token`, `每段音频大概2万token`: the audio's tokens
        elif tok.text in _TEXTS and _amount_follows(tokens, i) and not (i > 0 and (tokens[i - 1].role or "").startswith("label:")):
            tok.role = "label:input"  # `音訊 5000 token + 文字 200 token`: the text part of the prompt
    for i, tok in enumerate(tokens):
        if tok.text in ("额度", "限额") and tok.kind == "cjk" and i > 0:
            k = i - 1 - (tokens[i - 1].text == "的")
            if k >= 0 and tokens[k].kind == "amount" and tokens[k].money is not None:
                tok.role = "budget"


#: What a request produces, named as a thing (`摘要大概 300 token`): before an amount it names the output.
_PRODUCTS = frozenset(["摘要", "总结", "译文", "翻译结果", "结果", "答案", "回覆", "回", "评语", "评分", "反馈", "回馈", "点评"])
_STANDARD_WORDS = frozenset(["一般的", "普通的", "一般", "普通", "标准的", "正常的"])
_TEXTS = frozenset(["文字", "文本", "文字部分", "问题", "用户问题", "客人问题", "玩家输入", "新输入", "提问", "用户消息"])
_AUDIO_THINGS = frozenset(["音档", "录音", "音频档", "语音档", "音频文件", "录音档"])
_ABOUT = frozenset(["大概", "大约", "约", "左右", "差不多", "平均", "的", "是", "为"])


def _units_of_people(tokens: list[Token]) -> None:
    """`50个坐席 每个坐席每天处理120通电话`: a number of something, then 每个 + the same noun with a count of its
    own, are who makes the requests (people, each making that many), as `300 个用户，每人…` are."""
    # where each noun is said with 每 / 每个 (the last time), so that every amount is checked in one pass
    per: dict[str, tuple[int, int]] = {}
    for k, each in enumerate(tokens[:-1]):
        if each.text in ("每个", "每") and tokens[k + 1].kind == "cjk":
            per[tokens[k + 1].text] = (k, k + 1)
        elif each.text.startswith(("每个", "每")) and each.kind == "cjk":
            per[each.text.removeprefix("每个") if each.text.startswith("每个") else each.text[1:]] = (k, -1)
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind != "amount" or tok.money is not None:
            continue
        nxt = tokens[i + 1]
        if nxt.kind != "cjk" or nxt.role is not None and nxt.role != "skip":
            continue
        noun_at, noun = (i + 1, nxt.text[1:]) if nxt.text[:1] in _EACH_BY_MEASURE and len(nxt.text) > 1 else (i + 2, "")
        if not noun and nxt.text in _EACH_BY_MEASURE and i + 2 < len(tokens) and tokens[i + 2].kind == "cjk" and tokens[i + 2].role is None:
            noun = tokens[i + 2].text
        if noun_at == i + 1 and i + 2 < len(tokens) and tokens[i + 2].kind == "cjk" and tokens[i + 2].role == "people":
            noun += tokens[i + 2].text  # `30个经纪` `人`: the noun split before its last character
        by_measure = _each_by_measure(tokens, i, nxt.text[:1], noun) if noun not in per else None
        if by_measure is not None:
            per[noun] = (by_measure, -1)  # `牙醫診所12家分店 … 每家每天180則`, `30个经纪人 每人每天15条`
        if len(noun) < 2 or noun not in per:
            continue  # (每个商家每天回30条，现在接了1200家商家: the 每个 may come first)
        each_at, said_at = per[noun]
        nxt.role = "people"
        if noun_at != i + 1:
            tokens[noun_at].role = "skip"
        tokens[each_at].role = "per_person"
        if said_at >= 0:
            tokens[said_at].role = "skip"


#: `每家` is said of what `家` counts (and `每间`, `每所` of shops and schools); `每人` / `人均` of people counted by 个, 位 or 名.
_EACH_BY_MEASURE = {"家": ("每家",), "间": ("每间",), "所": ("每所",), "个": ("每人", "人均", "每个人", "各"), "位": ("每位", "每人", "人均", "各"),
                    "名": ("每名", "每人", "人均", "各")}  # (`200个车主每天各问10次`: 各, each of them)
#: The measure words of places: what they count needs no people noun (`12家分店`, `8間分店`, `5所学校`).
_PLACES = frozenset("家间所")
#: The characters people nouns end in (经纪人, 药师, 客服人员, 学生, 农户, 作者, 车主): who is counted by 个, 位, 名.
_PEOPLE_ENDINGS = frozenset("人员师生户者客手工长主")  # (车主, 店主, 业主: owners)


def _each_by_measure(tokens: list[Token], i: int, measure: str, noun: str) -> int | None:
    """The `每家` / `每人` a few words after ``N <measure><noun>`` that is said of those things: its index, or None."""
    if measure not in _EACH_BY_MEASURE or len(noun) < 2 or measure not in _PLACES and noun[-1] not in _PEOPLE_ENDINGS:
        return None
    for k in range(i + 2, min(i + 9, len(tokens))):
        if tokens[k].kind == "amount":
            return None
        if tokens[k].text in _EACH_BY_MEASURE[measure]:
            return k
    return None


def _tokens_follow(tokens: list[Token], i: int) -> bool:
    """The next amount after token ``i`` is said in tokens (`每段音频大概2万token`), not in minutes."""
    k = next((j for j in range(i + 1, min(i + 4, len(tokens))) if tokens[j].kind == "amount"), None)
    return k is not None and k + 1 < len(tokens) and tokens[k + 1].text in TOKEN_WORDS


def _counts_things(tokens: list[Token], k: int) -> bool:
    """The token at ``k`` (after an amount) says the amount counts things: `20 份`, `300 个任务`."""
    return k < len(tokens) and (tokens[k].role in ("count", "people", "images") or tokens[k].text in ("个", "份", "张", "期", "集"))


def _amount_follows(tokens: list[Token], i: int) -> bool:
    k = i + 1
    while k < len(tokens) and tokens[k].text in _ABOUT:
        k += 1
    return k < len(tokens) and tokens[k].kind == "amount"


_BETWEEN_NOUN_AND_AMOUNT = frozenset(["about", "around", "roughly", "approx", "is", "of", "maybe", "=", "~", "ca", "like"])


def named_pieces(tokens: list[Token]) -> None:
    """English amounts named by what they are instead of `in`/`out`: `essay ~3k tokens + rubric 1k, feedback
    ~700 tokens`. A product's name (feedback, summary, JSON) labels the output; a content's name (essay,
    rubric, abstract, instructions) a piece of the prompt, summed with the others (`pairing._set_label`)."""
    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None:
            continue
        j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].role == "link")
        if j < len(tokens) and (tokens[j].role or "").startswith("label:") and not tokens[j].after_break:
            continue  # `(w history) 220 out`: the amount has its own label
        if i > 0 and (tokens[i - 1].role or "").startswith("label:") and not tok.after_break:
            continue  # `输入100万 caption`: so has this one
        k = i - 1
        while k >= 0 and i - k <= 3 and tokens[k].text in _BETWEEN_NOUN_AND_AMOUNT and not tokens[k + 1].after_break:
            k -= 1
        noun = tokens[k] if k >= 0 and not tokens[k + 1].after_break else None
        if noun is None or noun.kind != "word" or noun.role is not None or noun.text not in OUTPUT_NOUNS | PIECE_NOUNS:
            after = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text in ("tokens", "token", "tok", "toks", "of"))
            noun = tokens[after] if after < len(tokens) and not tokens[after].after_break else None
            if noun is None or noun.kind != "word" or noun.role is not None:
                continue
            if after == i + 1 and noun.text.endswith("s"):
                continue  # `we have 12,000 labels`: things counted, no size of the output (`50 tokens of labels` is one)
        if noun.text in OUTPUT_NOUNS:
            noun.role = "label:output"
        elif noun.text in PIECE_NOUNS:
            noun.role = "label:piece"
    _content_of_each_beside_a_prompt(tokens)
    _input_pieces_joined(tokens)


def _input_pieces_joined(tokens: list[Token]) -> None:
    """`每件文字 600 tokens + 分類說明 prompt 3000 tokens`, `input 2k + prompt 500`: two amounts each labelled as input,
    joined by a plus: two pieces of one prompt, summed (as named pieces are), not the input given twice."""
    inputs = [j for j, t in enumerate(tokens) if t.role == "label:input" and any(u.kind == "amount" for u in tokens[j + 1 : j + 3])]
    if len(inputs) != 2 or any(t.role in ("alt", "compare", "label:cache", "label:cached") or t.text in ("=", "option", "options", "vs", "or", "方案", "还是")
                               for t in tokens):
        return  # (`option A: input 2k + prompt 500; option B: input 3k`, `… = input 2.5k`: scenarios or a sum said again; a
        #         cache word: which piece is cached is read by pieces.py)
    for k, tok in enumerate(tokens):
        if tok.text not in ("+", "加上", "再加", "plus"):
            continue
        left = next((j for j in range(k - 1, max(k - 3, -1), -1) if tokens[j].kind == "amount"), None)
        if left is None or left == 0 or tokens[left - 1].role != "label:input" or tokens[left].after_break:
            continue
        if left > 1 and tokens[left - 2].role in ("label:audio", "label:video"):
            continue  # (`音訊輸入 5000 token + 文字 200`: the media, then the text beside it)
        right = next((j for j in range(k + 1, min(k + 5, len(tokens))) if tokens[j].role == "label:input"), None)
        if right is None or any(t.after_break for t in tokens[k + 1 : right + 1]):
            continue
        amount = right + 1 + (right + 1 < len(tokens) and tokens[right + 1].role == "link")
        if amount < len(tokens) and tokens[amount].kind == "amount" and tokens[amount].money is None:
            tokens[left - 1].role = tokens[right].role = "label:piece"


#: Chinese hedges between a content's name and its size (`一份履歷大約 5k tokens`).
_ABOUT_CJK = frozenset(["大约", "大概", "约", "平均", "差不多", "左右", "是"])
#: Media in a Chinese content's name: read as audio, images or video with the prompt beside them, not as text pieces.
_MEDIA_CJK = ("音", "视频", "图", "照片", "影片")


def _content_of_each_beside_a_prompt(tokens: list[Token]) -> None:
    """`一份履歷大約 5k tokens，指令 1k`, `每篇论文大概3万token 加上提示词500`: the content each request sends,
    named with 每/一 and its measure word right before its size, beside the prompt's own instructions: two pieces of
    the input, summed (as `essay ~3k tokens + rubric 1k` is). Without instructions the size alone is the input."""
    if not any(t.role == "label:input" and t.text in PROMPT_LABELS for t in tokens):
        return
    for i, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None or i == 0 or (tokens[i - 1].role or "").startswith("label:"):
            continue
        k = i - 1
        while k >= 0 and i - k <= 3 and tokens[k].text in _ABOUT_CJK and not tokens[k + 1].after_break:
            k -= 1
        if k < 0 or tokens[k + 1].after_break or tokens[k].kind != "cjk":
            continue
        noun, each = tokens[k], tokens[k - 1] if k > 0 else None
        if noun.role not in (None, "count", "each") or any(media in noun.text for media in _MEDIA_CJK):
            continue  # (`一个月 3 万通`: a period; `每段音频 2 万 token`: audio, read with its prompt as media)
        named = len(noun.text) >= 3 and noun.text[:1] in "每一" and noun.text[1] in COUNTING_MEASURES
        named = named or (each is not None and each.kind == "cjk" and len(each.text) == 2 and each.text[:1] in "每一"
                          and each.text[1] in COUNTING_MEASURES and noun.role in (None, "count") and not noun.after_break)
        labelled = any((t.role or "").startswith("label:") for t in tokens[max(k - 4, 0) : k])  # (`输出就一个标签20 token`: the output's)
        if named and not labelled:
            noun.role = "label:piece"


def described_sizes(tokens: list[Token]) -> None:
    """`a 40-page broker report ≈ 35k tokens`, `translating a 400-page novel chunk by chunk, 200 chunks, each 3k tokens
    in`: a size of one thing said with a hyphen after `a` describes that thing; with tokens said elsewhere in the
    question, it is no count and no part of the price (its words are read). Without them it is left to be asked."""
    if not any(t.kind == "amount" and k + 1 < len(tokens) and tokens[k + 1].text in TOKEN_WORDS for k, t in enumerate(tokens)):
        return
    for k in range(1, len(tokens) - 2):
        amount, hyphen, unit = tokens[k], tokens[k + 1], tokens[k + 2]
        if (tokens[k - 1].text in ("a", "an") and amount.kind == "amount" and amount.money is None and hyphen.text == "-"
                and unit.kind == "word" and not unit.after_break and unit.text not in TOKEN_WORDS):
            amount.as_filler()
            hyphen.role = unit.role = "skip"
