"""Images read by the model, given in tokens: input tokens, at the input rate.

`每张图 258 token`, `4 imgs per req @ 258 tok each + 400 tok text`, `每篇2張照片、每張大概1,300 token，再加指令500`:
people who read images with Gemini give the tokens of each image (Google documents them per image size),
how many images a request sends and the text prompt beside them. The input of a request is their sum.
Images with no tokens given (`describe 50 photos`) are still asked about: their tokens are not known.

Pages are read the same way (`每份约5页、一页算258 token`, `2 pages each ~1,100 tokens/page`): a scanned page is
an image to Gemini, and a page of text given in tokens is just as much of the prompt.

The pass reads those amounts itself (the input, `images x tokens + text`) and marks them and the image
words used; a count of images with a period (`每天 20 万张`, `3k photos/day`) is the request count. A count of
units said of one item (`每套房平均8张图`, `each claim ~12 scanned pages`, `8 photos per listing`) is that item's,
and the item is the request: counted elsewhere (`一天200套`), that count is the request count.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..tokens import Token
from .neighbours import an_image_model, noun_past_ge, plain_word, said_in_tokens
from .vocab import PROMPT_LABELS

__all__ = ["ImagesRead", "images_as_input", "images_as_requests", "images_in_the_input", "images_joined_with_text", "said_as_text"]

#: Words that join the text prompt to the images (`+ 400 tok text`, `再加 400 token 文字说明`, `加指令500`).
_PLUS = frozenset(["+", "再加", "加上", "加", "plus", "另加", "外加"])
#: The text's own name right before its amount joins it as well (`每次一张图1100token左右 文字三百`).
_TEXT_NAMES = frozenset(["文字", "文本", "文字说明", "提示", "提示词", "指令", "问题"])
_SKIP_BEFORE_TOKENS = ("skip", "each", "link")


#: Page words: pages are sent like images, each given in tokens (`每页按258 token`, `~1k tok per page`, `一頁大概700 token`).
#: 张 counts sheets as well (`每张258 token 两张`) when no picture word is said (roles.py made it a count).
_PAGE_WORDS = frozenset(["页", "頁", "page", "pages", "张", "張"])
#: Words between tokens and the unit they are said of (`1,100 tokens per photo`, `1k tok/page`, `258 each page`).
_PER = frozenset(["per", "/", "each", "a", "every"])


@dataclass(frozen=True)
class ImagesRead:
    images: Decimal  # images (or pages) a request sends
    tokens_each: Decimal
    text: Decimal  # the text prompt beside them (0 when none is said)
    pages: bool = False  # the units are pages (`每份5页`), not images

    @property
    def input(self) -> Decimal:
        return self.images * self.tokens_each + self.text


def images_as_input(tokens: list[Token]) -> ImagesRead | None:
    per_image = _tokens_per_image(tokens)
    if per_image is None or _images_left_out(tokens, per_image[0]):
        return None
    at, word_at = per_image
    page_units = _page_unit(tokens[word_at])  # (pages or sheets: 张 too, which the notice calls images)
    images, images_at, units_word = Decimal(1), None, None
    counted: set[int] = set()  # unit words that count the requests (`500k pages, ~1.8k tokens each`)
    # (`一張照片算 1100 token … 傳 4 張`: the measure word alone counts the images its unit word names)
    measure = tokens[word_at].text[:1] if tokens[word_at].kind == "cjk" and tokens[word_at].text[:1] in _PAGE_WORDS else None
    for k, tok in enumerate(tokens):
        if not (tok.role == "images" or page_units and tok.text in _PAGE_WORDS or tok.text == measure and tok.role in (None, "skip", "count")):
            continue
        before = k - 1
        if before > 0 and tokens[before - 1].kind == "amount" and (tok.role == "images" and tokens[before].text in _PAGE_WORDS or (
                tokens[before].role == "skip" or plain_word(tokens[before])) and tokens[before].kind == "word"):
            tokens[before].role = "skip"  # `3 page imgs`: pages sent as images; `12 scanned pages`
            before -= 1
        if k == word_at and before >= 0 and tokens[before].value == 1:
            continue  # `一張照片算 1100 token`: one image's size, its 一 no count of them (made filler below)
        if before >= 0 and tokens[before].kind == "amount" and tokens[before].money is None and before != at:
            item = _item_of(tokens, before, k)
            if _with_a_period(tokens, before, k):
                tok.role = "count"  # `每天 20 万张`, `3k photos/day`: one image a request, this many requests
                counted.add(k)
            elif item is None and before > 0 and tokens[before - 1].role == "total":
                tok.role = "count"  # `這批一共2.5萬張`: that many images in all, one a request
                counted.add(k)
            elif images_at is None and item is not None and (tokens[before].value or 0) <= 100:
                images, images_at, units_word = tokens[before].value or Decimal(1), before, k  # `每套房平均8张图`, `12 photos per claim`
                _count_the_items(tokens, item, before)
                _the_article_one(tokens, before)
            elif images_at is None and (before < at and _per_request(tokens, before, tokens[before].value) or _few_beside_a_period(tokens, before)):
                # `3 张图`, `4 imgs per req`; `截6張關鍵幀 … 每天2200次`, `一张 1100 token，一次传 4 张`: a few images
                # with no period of their own, where the requests have one, are those of each request
                images, images_at, units_word = tokens[before].value or Decimal(1), before, k
            elif images_at is None and before < at:
                tok.role = "count"  # `一次把 3000 張商品圖…每張輸出 80`: that many images, one a request
                counted.add(k)
    text_at = _text_after(tokens, at, images_at)
    text = tokens[text_at].value if text_at is not None else Decimal(0)
    each = tokens[at].value
    assert text is not None and each is not None  # every amount has a value (amounts.py)
    one = word_at - 1
    if one != images_at and one >= 0 and tokens[one].kind == "amount" and tokens[one].value == 1 and tokens[one].money is None:
        tokens[one].as_filler()  # `每件 4 張 … 一張圖抓 1,100 token`: one image's size, not a count of them
    for used in (at, images_at, text_at):
        if used is not None:
            tokens[used].used = True
    for k, tok in enumerate(tokens):
        if tok.role == "images" or page_units and tok.text in _PAGE_WORDS and k in (word_at, units_word) and k not in counted:
            tok.role = "skip"  # every image word is explained: the images are this input
    if text_at is not None:
        for k in range(at + 1, text_at):
            if tokens[k].role is None or tokens[k].role in ("label:input", "help"):
                tokens[k].role = "skip"  # `文字说明`, `prompt`: the text's name
        if text_at + 1 < len(tokens) and tokens[text_at + 1].role in ("label:input", "link"):
            tokens[text_at + 1].role = "skip"  # `100 tok prompt`
    return ImagesRead(images, each, text, page_units and any(c in tokens[word_at].text for c in ("页", "頁", "page")))


def _unit(tok: Token) -> bool:
    return tok.role == "images" or tok.text in _PAGE_WORDS and tok.role in (None, "count", "skip", "each")


def _tokens_per_image(tokens: list[Token]) -> tuple[int, int] | None:
    """The amount of tokens of one image or page: right after an image word (`每张图 258 token`, `each photo ~1290
    tok`, `@ 258 tok each` after `imgs`, `一页算258 token`), in its clause, or right before it (`~1,100 tokens per
    photo`, `1k tok/page`), and said in tokens."""
    for k, tok in enumerate(tokens):
        if tok.kind != "amount" or tok.money is not None or not said_in_tokens(tokens, k):
            continue
        j = k - 1
        while j >= 0 and k - j <= 4 and (tokens[j].role in _SKIP_BEFORE_TOKENS or tokens[j].text in ("@", "(", "约", "to", "is", "are", "at", "about", "around", "roughly") or plain_word(tokens[j])) and not tokens[j + 1].after_break:
            j -= 1  # (`image comes to ~1,100 tokens`: plain words may stand between)
        if j >= 0 and _unit(tokens[j]) and not tokens[j + 1].after_break and (tokens[j].role == "images" or _a_unit_of_one(tokens, j)):
            return k, j
        each = next((e for e in range(j + 1, k) if _each_page(tokens[e])), None)
        if each is not None:
            return k, each  # `按每页258 token算`, `每頁算 258 tokens`
        after = k + 2
        if after < len(tokens) and tokens[after].text == "each" and not tokens[after].after_break:
            unit = next((u for u in range(k - 1, max(k - 7, -1), -1) if tokens[u].role == "images" or _page_unit(tokens[u])), None)
            if unit is not None and not any((t.role or "").startswith("label:") for t in tokens[unit + 1 : k]):
                return k, unit  # `4 photos per listing, ~258 tokens each`
        while after < len(tokens) and after - k <= 3 and tokens[after].text in _PER and not tokens[after].after_break:
            after += 1
        if k + 2 < after < len(tokens) and _unit(tokens[after]) and not tokens[after].after_break:
            return k, after
    return None


def _each_page(tok: Token) -> bool:
    """`每页`, `每頁`, `一页`, `每张`: one page (or sheet) said in one word, the unit its tokens are said of."""
    return tok.kind == "cjk" and len(tok.text) == 2 and tok.text[0] in _ONE_ITEM and tok.text[1] in _PAGE_WORDS


def _page_unit(tok: Token) -> bool:
    return tok.role != "images" and (tok.text in _PAGE_WORDS or _each_page(tok))


def _a_unit_of_one(tokens: list[Token], word: int) -> bool:
    """`一页算258 token`, `每頁算 258 tokens`, `每张按258 token`: a page word said of one page (the image words need not)."""
    before = tokens[word - 1] if word > 0 else None
    return before is not None and (before.text in _UNIT_BEFORE or before.kind == "cjk" and before.text.endswith("每")
                                   or before.kind == "amount" and before.value == 1)


#: Words that say the units counted are one item's (`each claim ~12 pages`, `2 pages each`, `8 photos per listing`).
_ITEM_WORDS = frozenset(["each", "every", "per", "a", "an"])
#: An item said in Chinese, with the measure it is counted by: `每套房`, `一份`, `每個物件`, `一个案件`.
_ONE_ITEM = ("每", "一")


def _item_of(tokens: list[Token], amount: int, word: int) -> str | None:
    """The item whose units are counted here, when the clause says they are one item's: its measure word or noun
    (`每套房平均8张图` -> 套, `一份 2 頁` -> 份, `each claim ~12 scanned pages` -> claim, `8 photos per listing` ->
    listing), or "" when no noun follows (`2 pages each`). None when the count is not said of one item."""
    k = amount - 1
    while k >= 0 and amount - k <= 5 and not tokens[k + 1].after_break:
        t = tokens[k]
        if t.kind == "cjk" and t.text.startswith(("一次", "一起", "一共")):
            return None  # `一次把 3000 張商品圖`: all at once, not one item's
        if t.kind == "cjk" and len(t.text) >= 2 and t.text[0] in _ONE_ITEM and t.role in ("each", "skip", None):
            return t.text[1:].removeprefix("个").removeprefix("個") or _noun_after(tokens, k)
        if (t.kind == "cjk" and t.text in ("每", "一") or t.kind == "amount" and t.value == 1 and t.text == "一") and k + 1 < amount and tokens[k + 1].kind == "cjk":
            return tokens[k + 1].text[:1]  # (`一台車拍 4 張`: the 一 is the article, made filler with the item's count read)
        if t.text in ("each", "every") and k + 1 < amount and tokens[k + 1].kind == "word":
            return tokens[k + 1].text
        if t.kind == "amount" or (t.role or "").startswith(("label:", "period:")):
            break
        k -= 1
    j = word + 1
    while j < len(tokens) and j - word <= 2 and tokens[j].role == "skip" and tokens[j].kind == "word" and tokens[j].text not in _ITEM_WORDS:
        j += 1  # (`3 page imgs`)
    if j < len(tokens) and tokens[j].text == "each" and not tokens[j].after_break:
        return ""
    if j + 1 < len(tokens) and tokens[j].text in ("per", "a", "an") and tokens[j + 1].kind == "word" and not tokens[j + 1].after_break:
        return tokens[j + 1].text
    return None


def _the_article_one(tokens: list[Token], amount: int) -> None:
    """`一台車拍 4 張`: the 一 before the item whose units are counted is "a", no amount."""
    for k in range(amount - 1, max(amount - 6, -1), -1):
        if tokens[k].kind == "amount" and tokens[k].text == "一" and tokens[k].value == 1:
            tokens[k].as_filler()
            return


def _noun_after(tokens: list[Token], k: int) -> str:
    return tokens[k + 1].text if k + 1 < len(tokens) and tokens[k + 1].kind == "cjk" else ""


def _count_the_items(tokens: list[Token], item: str, units_at: int) -> None:
    """`一套房平均8张图 … 一天200套`, `each claim ~12 pages … 700 claims a day`: the items counted elsewhere are the
    requests. A count already read as requests needs nothing; an unknown measure (`套`) is made one."""
    if not item:
        return
    for k, tok in enumerate(tokens[:-1]):
        if k == units_at or tok.kind != "amount" or tok.money is not None or said_in_tokens(tokens, k):
            continue
        nxt = tokens[k + 1]
        if nxt.role is None and nxt.kind == "cjk" and noun_past_ge(nxt.text)[:1] == item[:1] and not nxt.after_break:  # (`120个物件`)
            nxt.role = "count"
            if k > 0 and tokens[k - 1].role == "label:input" and tokens[k - 1].text in ("进", "進"):
                tokens[k - 1].role = "count_verb"  # `一天進 1,200 台`: that many come in, not input tokens


def _per_request(tokens: list[Token], amount: int, value: Decimal | None) -> bool:
    """`每次传 3 张图`, `4 imgs per req`, `每篇2張照片`: a few images sent in each request; `能不能把 3000 张图一起塞进
    一个请求里`: as many as said, when they are said to go into one request."""
    if any(t.text in ("一个请求", "一次请求", "同一个请求", "一起") for t in tokens) or _said_together(tokens):
        return True
    near = tokens[max(amount - 3, 0) : amount + 4]
    return value is not None and value <= 20 and (any(t.role == "each" for t in near) or value <= 4)


def _few_beside_a_period(tokens: list[Token], amount: int) -> bool:
    """A few images (20 at most) counted with no period, in a question whose requests have one (`每天2200次`)."""
    value = tokens[amount].value
    return value is not None and value <= 20 and any((t.role or "").startswith("period:") for t in tokens)


def _said_together(tokens: list[Token]) -> bool:
    texts = [t.text for t in tokens]
    return any(texts[k : k + 3] in (["in", "one", "request"], ["in", "a", "single"], ["in", "one", "call"]) for k in range(len(texts) - 2))


def _with_a_period(tokens: list[Token], amount: int, word: int) -> bool:
    before = tokens[amount - 1] if amount > 0 else None
    k = word + 1
    while k < len(tokens) and tokens[k].role == "skip":
        k += 1
    after = tokens[k] if k < len(tokens) else None
    return any(t is not None and (t.role or "").startswith("period:") for t in (before, after))


def _text_after(tokens: list[Token], at: int, units_at: int | None = None) -> int | None:
    """The text prompt beside the images: the next amount, joined by a plus word (`+ 100 tok prompt`,
    `再加指令500`), not another part's (`, 150 tok out`)."""
    k = start = at + 1
    joined = False
    while k < len(tokens) and (k - start <= 4 or joined and k - start <= 7 and not tokens[k].after_break) and (tokens[k].kind != "amount" or k == units_at):
        joined = joined or tokens[k].text in _PLUS  # (`每张按258 token算，再加OCR出来的文字4000 token`: a longer name)
        if k == units_at:
            start = k + 1  # (`每页按258 token算，平均一份40页，加上审阅指令1k`: past the pages counted)
        k += 1
    joined = joined or k < len(tokens) and (tokens[k - 1].kind == "cjk" and tokens[k - 1].text in _TEXT_NAMES or tokens[k - 1].text in PROMPT_LABELS)
    if not joined or k >= len(tokens) or tokens[k].kind != "amount" or tokens[k].money is not None:
        return None
    if written_back(tokens, k):
        return None  # `生成的文字说明 300 token`, `模型回的文字 300`: what the model writes back, the output
    after = k + 1
    while after < len(tokens) and tokens[after].role == "link":
        after += 1
    opens_next = after + 1 < len(tokens) and tokens[after].kind == "cjk" and tokens[after + 1].kind == "amount"
    if after < len(tokens) and not tokens[after].after_break and not opens_next and (tokens[after].role or "").startswith(
            ("label:output", "label:thinking", "count", "period:")):
        return None  # `+ 100, 150 tok out`: the output's amount (not `再加文字三百 回答五百`, where 回答 opens the next)
    return k


#: Words before an image word that make it the unit of the usage that follows (`每张图输入 1400`, `per image`).
_UNIT_BEFORE = frozenset(["每", "每张", "每張", "each", "per", "every", "一张", "单张"])


def images_as_requests(tokens: list[Token]) -> bool:
    """`每张图输入 1400 输出 120，每天 5000 张`, `~12k images/day, 1.3k tokens in each incl prompt`: each image is
    one request, and the input given for it already holds the image (the asker counted it: no image tokens are
    said apart). True when the image words are read so: each is the unit the input is said per, or counts the
    requests (`5000 张`, `300 万张`, `12k images/day`, `多少张`). Images sent a few to a request (`每次 3 张图`), or
    with their tokens given (`images_as_input`), are not: their tokens are still asked about or added; nor are the
    images an image model makes."""
    if _tokens_per_image(tokens) is not None or not any(t.role == "label:input" for t in tokens):
        return False
    if an_image_model(tokens):
        return False  # `300 images on 2.5 flash image`: images it makes, priced per image
    images = [k for k, t in enumerate(tokens) if t.role == "images"]
    if not images:
        return False
    units, counts, named = [], [], []
    for k in images:
        before = tokens[k - 1] if k > 0 else None
        if before is not None and (before.text in _UNIT_BEFORE or before.kind == "cjk" and before.text.endswith("每")):
            units.append(k)
        elif before is not None and before.kind == "amount" and before.money is None and (
                _with_a_period(tokens, k - 1, k) or not _per_request(tokens, k - 1, before.value)):
            counts.append(k)  # `每天 5000 张`, `300 万张` (a count of requests), never `每次 3 张图`
        elif before is not None and before.text in ("多少", "几", "幾", "how", "many"):
            counts.append(k)  # `一天能跑多少张`: the count asked
        elif before is None or before.kind != "amount":
            named.append(k)  # `历史缺陷图片复检`: what the task is about
        else:
            return False
    counted = [k for k in counts if tokens[k - 1].kind == "amount"]
    dated = bool(counted) and all(_with_a_period(tokens, k - 1, k) for k in counted) and _whole_input(tokens)
    if not units and not (counts and any(t.text == "each" for t in tokens)) and not dated:
        return False  # (nothing says the input is per image; `图+prompt 输入 2000 … 每天 5000 张` does)
    for k in units + named:
        tokens[k].role = "skip"
    for k in counts:
        tokens[k].role = "count" if tokens[k - 1].kind == "amount" else "skip"
    return True


def images_in_the_input(tokens: list[Token]) -> bool:
    """`判讀瑕疵照片，每次 in 1.6k out 100`, `~1.4k tokens per request incl. the image`: images named with no count
    and no tokens of their own, beside a request's whole input (not its prompt alone): the asker counted them in
    that input. Their words are read so (True); images counted, measured or made are left to the passes above."""
    if _tokens_per_image(tokens) is not None or not _whole_input(tokens):
        return False
    if an_image_model(tokens) or any(t.role == "make" for t in tokens):
        return False  # images an image model makes, or images asked to be made
    images = [k for k, t in enumerate(tokens) if t.role == "images"]
    if not images or any(k > 0 and tokens[k - 1].kind == "amount" for k in images):
        return False
    if any(t.text in _PLUS or t.text in ("外加", "另外", "and", "with") for k in images for t in tokens[max(k - 2, 0) : k]):
        return False  # `10k in 1k out, plus images`, `外加图片`: images on top of the input, their tokens unknown
    for k in images:
        tokens[k].role = "skip"
    return True


#: Words joining images and text into one amount (`1 photo + prompt`, `图片+题目`, `一张图加说明`).
_JOINED = frozenset(["+", "加", "&", "and", "跟", "和"])
#: Words of the text sent with images, beside the text's names (_TEXT_WORDS, below); Chinese also by how the word starts
#: (`题目` splits as 题 + 目, `说明` stands alone).
_TEXT_SENT_CJK = ("题", "说明", "数据", "资料", "描述", "规格")


def images_joined_with_text(tokens: list[Token]) -> bool:
    """`1,300 tokens in (1 photo + prompt)`, `~4k tokens in (photos+prompt)`, `input 6k（照片+資料）`: a size, then the
    images joined to the text sent with them: the images are in that size, which is the input (their words are read
    here; the text word labels the size when no input label does)."""
    if _tokens_per_image(tokens) is not None or an_image_model(tokens) or any(t.role == "make" for t in tokens):
        return False
    for k, tok in enumerate(tokens):
        if tok.role != "images" or k + 2 >= len(tokens) or tokens[k + 1].text not in _JOINED:
            continue
        text = tokens[k + 2]
        if not (text.text in _TEXT_WORDS | _MORE_TEXT_WORDS or text.kind == "cjk" and text.text.startswith(_TEXT_SENT_CJK)):
            continue
        # the size said before the images and their text (`1,300 tokens in (1 photo + prompt)`, `input 6k（照片+資料）`); a size
        # after them may be the text's alone (`1 photo + prompt 200 tokens`, `图片+说明 2000 token，不算图片`): asked
        near = range(max(k - 6, 0), min(k + 8, len(tokens)))
        sized = [j for j in range(max(k - 6, 0), k) if tokens[j].kind == "amount" and tokens[j].money is None and (
            said_in_tokens(tokens, j) or j > 0 and tokens[j - 1].role == "label:input")]
        if not sized or tokens[k].after_break and not any(tokens[j].role == "label:input" for j in range(sized[-1] - 1, k)):
            counted = k > 0 and tokens[k - 1].kind == "amount"
            many = (tokens[k - 1].value if counted else None) or Decimal(1)
            if counted and _with_a_period(tokens, k - 1, k):
                continue  # `每天 500 张图 + 说明 一共大概 100万 token`: the day's images, so the day's tokens
            sized = _sum_said_after(tokens, k + 2, many)
            if not sized or _images_beside_the_size(tokens, sized[0], many):
                continue
        labelled = any((tokens[j].role or "") == "label:input" and j != k + 2 for j in near)
        if k > 0 and tokens[k - 1].kind == "amount" and tokens[k - 1].value == 1:
            tokens[k - 1].as_filler()  # `1 photo + prompt`: one image, inside the size
        tokens[k + 1].role = "skip"
        text.role = "skip" if labelled else "label:input"
        if k + 3 < len(tokens) and tokens[k + 3].kind == "cjk" and tokens[k + 3].role is None and len(tokens[k + 3].text) == 1:
            tokens[k + 3].role = "skip"  # (`题` + `目`: the rest of the word)
        for j, other in enumerate(tokens):
            counted = j > 0 and tokens[j - 1].kind == "amount" and j - 1 not in sized and tokens[j - 1].value != 1
            if other.role in ("images", "one_of") and not counted:
                other.role = "skip"  # (`site photo descriptions`, `一张图`: the images the size holds; `一天 40 张` still counts them)
            elif other.role == "images" and _with_a_period(tokens, j - 1, j):
                other.role = "count"  # `照片+說明大概 2k token … 一天 120 張`: one image a request, this many a day
            elif other.role == "images" and j == k and sized[0] > k:
                other.role = "skip"  # `每单大概8张图加说明 一共1.2万token`: the size said after them holds them all
                tokens[j - 1].as_filler()
        return True
    return False


#: Words that say a size is an estimate or a sum of what was named before it (`照片+說明大概 2k token`, `一張照片加指令大概算
#: 1.3k`, `图片+题目一共 2500 token`, `3 photos + prompt come to 4k tokens in total`). In English only a sum: `photo +
#: prompt about 2k tokens` is as likely a prompt of about 2k beside the photo.
_SUM_WORDS = frozenset(["大概", "大约", "大約", "约", "約", "算", "抓", "一共", "总共", "總共", "合计", "合計", "加起来", "加起來", "共",
                        "altogether", "together", "total", "combined"])
#: Words that leave something out of a size (`1,800 tokens in excluding the images`, `不含图片`).
_LEAVING_OUT = frozenset(["excluding", "excl", "except", "without", "不含", "不算", "不包括", "不包含", "除了"])
#: ... and those, with words that add the images on top or leave them uncounted (`图片另算`, `圖片本身還沒算`, `not counting
#: the image`).
_APART = _LEAVING_OUT | frozenset(["另算", "另计", "没算", "没有算", "还没算", "未算", "不计", "counting", "separately", "extra"])


def _images_beside_the_size(tokens: list[Token], size: int, many: Decimal) -> bool:
    """After the size that would hold the images: images named again (`外加图片`, `plus the image itself`, `plus a logo
    image`), a word leaving them apart (`图片另算`, `not counting the image`), a period of the size (`2M tokens a day`),
    or, when a request holds several, images counted with a period (`每次 3 张 … 一天 120 张`: how many requests?)."""
    for k in range(size + 1, min(size + 5, len(tokens))):
        if tokens[k].after_break:
            break
        if (tokens[k].role or "").startswith("period:") or tokens[k].text in ("/", "每天", "每日", "每月"):
            return True  # `photos + prompt total about 2M tokens a day`, `合计 5万 token 每天`
        if tokens[k].text in ("each", "apiece", "text", "各") or tokens[k].text.startswith(("的文字", "文字", "各")):
            return True  # `… 2k token 的文字`, `4k tokens of text`, `4k tokens each`: the text's alone, or each one's
    if any(t.text in ("pdf", "pdfs", "文件", "附件", "档案", "檔案", "document", "documents", "file", "files") for t in tokens):
        return True  # `…每次再附一个 PDF`: another thing sent beside them
    for k in range(size + 1, len(tokens)):
        tok = tokens[k]
        if tok.text in _APART:
            return True
        if tok.role == "images" or tok.text in ("image", "images", "photo", "photos", "图片", "照片", "图", "圖"):
            dated = k > 0 and tokens[k - 1].kind == "amount" and _with_a_period(tokens, k - 1, k)
            if not dated or many != 1:
                return True
    return False


#: An image of at most 384 px a side is 258 tokens, the fewest Google's token guide gives an image (ai.google.dev/gemini-api/
#: docs/tokens, read 2026-12-08): a size of no more than that is no image with its text. Used for reading, never for a price.
_FEWEST_IMAGE_TOKENS = Decimal(258)


def _sum_said_after(tokens: list[Token], text_at: int, images: Decimal) -> list[int]:
    """`照片+說明大概 2k token`, `一張照片加指令大概算 1.3k token`: right after the images and their text, in the same
    clause, a word of an estimate or a sum and then a size in tokens larger than the images alone: that size holds
    both ([its index]). Without such a word the size may be the text's alone (`1 photo + prompt 200 tokens`): []."""
    between: list[Token] = []
    for j in range(text_at + 1, min(text_at + 5, len(tokens))):
        tok = tokens[j]
        if tok.after_break:
            return []
        if tok.kind == "amount":
            if any(t.text in ("各", "each") or t.text.startswith("各") for t in between):
                return []  # `照片+说明各大概 2k token`: each of them that much
            summed = any(t.text in _SUM_WORDS for t in between)
            big = tok.value is not None and tok.value > images * _FEWEST_IMAGE_TOKENS
            if not (summed and big and tok.money is None and said_in_tokens(tokens, j)):
                return []
            for word in between:
                word.role = "skip"  # (`一共`: the sum of one request's parts, no total of many requests)
            return [j]
        if tok.role not in ("skip", "total", None) or tok.kind == "cjk" and len(tok.text) > 1 and tok.text not in _SUM_WORDS:
            return []  # (`照片+說明 再加 500`: another amount's words)
        between.append(tok)
    return []




def _images_left_out(tokens: list[Token], size: int) -> bool:
    """`(2 photos + text) 1,800 tokens in excluding the images`: the size read as each image's leaves the images out, so
    it is the text's alone and the images' tokens are unsaid (asked; it had been read as 1,800 tokens an image)."""
    for k in range(size + 1, min(size + 5, len(tokens))):
        if tokens[k].kind == "amount":
            return False  # (`每张 258 token，文字 500 不含图片`: the exclusion is another amount's)
        if tokens[k].text in _LEAVING_OUT:
            return any(u.role == "images" or u.text in ("images", "photos", "图片", "照片") for u in tokens[k + 1 : k + 4])
    return False


def _whole_input(tokens: list[Token]) -> bool:
    """An amount labelled as the whole input of a request (`in 1.6k`, `输入 2000`), not its prompt alone."""
    def beside_an_amount(k: int) -> bool:
        near = tokens[max(k - 1, 0) : k] + tokens[k + 1 : k + 3]
        return any(t.kind == "amount" and t.money is None for t in near)

    return any(t.role == "label:input" and t.text not in PROMPT_LABELS and beside_an_amount(k) for k, t in enumerate(tokens))


#: Words that name the text sent beside the images (`tokens of text`, `文字部分`), with _TEXT_NAMES.
_TEXT_WORDS = _TEXT_NAMES | {"text", "notes", "prompt", "instructions", "attributes", "文字部分"}
#: ... and, joined to the images by a plus (`1 photo + caption`), these.
_MORE_TEXT_WORDS = frozenset(["prompts", "question", "questions", "details", "caption", "context"])


def said_as_text(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` is the text beside the images: added to them (`+ 1k tokens of notes`, `加文字 200`) or named
    as text (`文字部分300 token`, `200 prompt tokens`), in its clause; not `再寫介紹 500 token`, what is written back."""
    start = k
    while start > 0 and k - start < 3 and not tokens[start].after_break:
        start -= 1  # (back to the clause's first word, three at most)
    before = tokens[start:k]
    after = []
    for tok in tokens[k + 1 : k + 5]:
        if tok.after_break:
            break
        after.append(tok)
    if written_back(tokens, k):
        return False
    return any(t.text in _PLUS for t in before) or any(t.text in _TEXT_WORDS for t in (*before, *after))


def written_back(tokens: list[Token], k: int) -> bool:
    """The amount at ``k`` is what the model writes (`the model writes ~500 tokens of notes`, `生成的文字说明 300 token`,
    `模型回的文字 300`): a word of writing or an output label a few words before it, in its clause."""
    j = k - 1
    while j >= 0 and k - j <= 5 and not tokens[j + 1].after_break:
        t = tokens[j]
        if (t.role or "").startswith("label:output") or t.role in ("make", "model_kw") or t.text in _WRITTEN_BACK or t.text == "回" or t.kind == "cjk" and any(
                w in t.text for w in ("生成", "回的", "写的")):
            return True
        j -= 1
    return False


#: Words that make the text beside the images what the model writes (`the model writes ~500 tokens of notes`).
_WRITTEN_BACK = frozenset(["writes", "write", "generates", "generate", "returns", "return", "produces", "replies", "model"])
