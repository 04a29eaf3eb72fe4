"""Words read past: a word the tables do not know, which cannot change the figures, is left out of the price,
and the answer names it (notice `read_past`).

A question the grammar reads whole except for a few words (`每天一萬次行程問答 in 1.8k out 350`, `fraud team wants
summaries of suspicious txn narratives: 400/day, 12k in, 1.5k out`) used to be asked about, its reading offered
as a button. On the tuning sets that reading was the expected one nine times in ten; the tenth came from words
that do change the figures. Those are kept asking, by what they are, not by a list of cases:

- a word with a price morpheme or stem (vocab.PRICE_MORPHEMES, PRICE_STEMS): a time (`月底`, `夜班`,
  `month's`), money, media, batch, a slip of a model word (`flsh`): `cjk_price_like`, `price_like`;
- a word split from a price character the tables did not use (`微调`), a price character alone, bound ones too (`image生一張圖`: 生 for 生成), a Chinese word with a media character (`照`, `影`, `声`), or opening with 每 (`每本 30 張圖`: each of what?);
- a noun counted by a measure word other than 次 (`1 萬則評論丟進去`: reviews put into one prompt, not
  10,000 requests); after 次 the count is of calls already (`一萬次行程問答`);
- a word right after an amount that is not a count (`300 sentences in`, `平均一分半`: a unit we do not know), or an English word
  one no dictionary holds (`npc`, `yt`: an abbreviation may name anything);
- a word of a period, duration or quantity left unread, a negation, a pronoun: those are in `Parts.unexplained`
  or make no reading at all (parse._refuse_unexplained), and nothing is read past beside them.
"""

from __future__ import annotations

from ..tokens import Token
from .english import is_english_word
from .neighbours import an_image_model, price_character_split_from
from .pairing import Parts
from .vocab import COUNTING_MEASURES, PRICE_MORPHEMES, cjk_price_like, near_model_word, price_like

__all__ = ["PERIOD_NAMED", "words_read_past"]

#: Characters of media a Chinese word may carry bound (`照片`, `影片`, `声音`): the tokens of what they name are unknown.
_MEDIA_CHARS = frozenset("照画畫影像声聲音视視频頻图圖片")
#: Characters a unit of time or of text opens with (`平均一分半`, `3页`): right after an amount, such a word may be its unit.
_UNIT_CHARS = frozenset("分秒时時天日月周週年字页頁段句行")
#: Measure words of calls: a noun after `一萬次` names what the calls are.
_CALL_MEASURES = frozenset("次回趟")


def words_read_past(parts: Parts, tokens: list[Token]) -> list[str]:
    """The unknown words of ``parts`` when every one of them may be read past, in the order said; [] when any
    one may change the figures (then all are asked about, as before)."""
    unknown = set(parts.unknown_words) | set(parts.unknown_cjk)
    if not unknown or parts.unexplained or parts.unknown_unit:
        return []
    seen: list[str] = []
    for i, tok in enumerate(tokens):
        if tok.text not in unknown or tok.role is not None:
            if tok.text in unknown and tok.role == "pronoun":
                return []  # `it`, `that`: refers to a figure
            continue
        if not _harmless(tokens, i, parts):
            return []
        if tok.text not in seen:
            seen.append(tok.text)
    return seen if set(seen) == unknown else []


def _harmless(tokens: list[Token], i: int, parts: Parts) -> bool:
    tok = tokens[i]
    if tok.kind == "cjk":
        rest = _without_everyday_words(tok.text, tokens)
        return not (rest in PRICE_MORPHEMES or rest and cjk_price_like(rest) or set(tok.text) & _MEDIA_CHARS or tok.text.startswith("每")
                    or _counted_by_a_measure(tokens, i, parts) or tok.text[0] in _UNIT_CHARS and _unit_of_an_amount(tokens, i, parts)
                    or _split_from_a_price_word(tokens, i, parts))  # fmt: skip
    if tok.kind != "word" or not tok.text.isalpha():
        return False
    word = tok.text.lower()
    if not is_english_word(word) or price_like(word, written=True) or near_model_word(word):
        return False
    return not _unit_of_an_amount(tokens, i, parts)


#: Everyday words that hold a price character with another sense: real time (`即时事实查核`, `要实时的`), current
#: affairs, a timeline, an anniversary (`周年庆`), a diary, Japan and Japanese (`日服`: a game's Japanese server),
#: holidays, what is around (`周边`), grading (`能批多少篇`, `要批 7000 份`: 批 of 批改, not of 批量), inventory
#: (`库存老剧`, `药品库存异常提醒`: 存 of stock, not of a cache's storage), reports named by their period (`年报`,
#: `质检月报`: the document, no period of requests), birthdays, a night market, New Year goods (`年货大街`), and
#: what was done over the years (`历年判决书`). The rest of a word is still judged.
_EVERYDAY_WORDS = ("即时", "实时", "时事", "时间轴", "周年", "日记", "日本", "日文", "日语", "日韩", "日服", "节假日", "周边", "能批", "要批",
                   "库存", "生日")
#: ... and these, named by a period, only when no period is asked right before the price: `月报 30 份 … 一天多少钱` (30
#: monthly reports: about one a day) or `年报 200 份 … 每月多少` would take the asked period for the count's.
PERIOD_NAMED = ("年报", "月报", "周报", "季报", "夜市", "年货", "历年")


def _without_everyday_words(word: str, tokens: list[Token]) -> str:
    plain = _EVERYDAY_WORDS if _a_period_asked(tokens) else (*_EVERYDAY_WORDS, *PERIOD_NAMED)
    for everyday in plain:
        word = word.replace(everyday, "")
    return word


def _a_period_asked(tokens: list[Token]) -> bool:
    """A period word right before the price asked (`一天多少钱`, `每月多少`, `per day?`), which a count with no period
    of its own is read with."""
    for k, tok in enumerate(tokens):
        if not (tok.role or "").startswith("period:"):
            continue
        nxt = next((t for t in tokens[k + 1 : k + 4] if t.role != "skip"), None)
        if nxt is None or nxt.role in ("price_q", "question") or nxt.text.startswith(("多少", "几", "幾")) or nxt.text in ("cost", "price"):
            return True
    return False


#: The picture characters: split off a word (`看图`, `识图功能`, `瑕疵圖`), they name the images the reading already holds.
_PICTURE_CHARS = frozenset("图圖")
#: Words beside which a picture is more images than those read, or another thing: images made (`出图`, `以图生图`,
#: `重绘`), more or other images (`另有参考图 2 张`, `附图另计`, `高清图更多`, `拼图算 4 张`), a map (`地图`).
_MORE_PICTURES = ("生成", "出图", "生图", "重绘", "画", "另", "参考", "附", "更多", "拼", "高清", "地图")


def _images_all_read(tokens: list[Token], i: int, parts: Parts) -> bool:
    """The images are in the input read with their tokens given (`每张图258 token`; or each image a request, its input
    given), no image is made, and nothing says there are more pictures than those: `看图`, `识图功能` say what is done."""
    if parts.images_read is None and not parts.images_requests:
        return False
    if an_image_model(tokens) or any(t.role == "make" for t in tokens):
        return False
    said = "".join(t.text for t in tokens if t.kind == "cjk")
    return not any(word in said for word in _MORE_PICTURES)


def _split_from_a_price_word(tokens: list[Token], i: int, parts: Parts) -> bool:
    """`微调` read as 微 + 调: the character split off is skipped or left unused, so the word was a price word's. Not
    a picture character when the images are in the input read (`先让模型看图 … 每张图1290 token`, `每張圖258 token`):
    the word says what is done with them."""
    split = price_character_split_from(tokens, i)
    if split is None or split.used:
        return False
    if split.text in _PICTURE_CHARS and _images_all_read(tokens, i, parts):
        return False
    return split.role != "skip" or split.text not in COUNTING_MEASURES  # (a skipped measure word is its count's: `判幾張`)


def _counted_by_a_measure(tokens: list[Token], i: int, parts: Parts | None = None) -> bool:
    """`1 萬則評論`, `三百篇稿子`: the noun is what an amount counts, by a measure word that is not of calls. Unless
    that amount was read as the request count and nothing puts the things into one prompt (`每天60条稿子`: the
    articles are the requests; `一次把 1 萬則評論丟進去`: into one, still asked)."""
    before = tokens[i - 1] if i > 0 else None
    if before is None or before.text[-1:] not in COUNTING_MEASURES or before.text[-1:] in _CALL_MEASURES:
        return False
    counted = i > 1 and tokens[i - 2].kind == "amount" or len(before.text) > 1  # (`三百篇`: the measure glued to its count)
    if counted and parts is not None and i > 1 and tokens[i - 2].kind == "amount" and _the_requests(tokens[i - 2], parts):
        return any(t.text in _INTO_ONE for t in tokens)
    return counted


#: Words that put things into one prompt (`一次把 1 萬則評論丟進去`): counted things there are no requests.
_INTO_ONE = frozenset(["一次", "一起", "进去", "丢进去", "塞进去", "放进去", "一次性", "同一个", "打包", "一包"])


def _the_requests(amount: Token, parts: Parts) -> bool:
    """The amount was read as the request count (or a factor of it, or the people counted): pairing judged it so, by
    its period (`每天60条稿子`) or as a batch of things (`一共五千份合同`, `5万条…batch`)."""
    counts = {parts.requests, *parts.count_factors, parts.people}
    return amount.used and amount.value in counts


def _unit_of_an_amount(tokens: list[Token], i: int, parts: Parts) -> bool:
    """`300 sentences in`, `一分半`: right after an amount that is not a count of requests or people, an unknown word
    may be its unit (a count's noun names the requests: `3.2M support tickets`)."""
    if i == 0 or tokens[i - 1].kind != "amount" or tokens[i].after_break:
        return False
    counts = {parts.requests, parts.people, parts.weekly, parts.yearly, parts.images, *parts.count_factors}
    return tokens[i - 1].value not in counts
