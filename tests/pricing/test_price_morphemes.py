"""The tables checked against themselves: every Chinese price word of the tables is built from a price
morpheme (vocab.PRICE_MORPHEMES), so an unknown synonym of one (built from the same characters) is asked
about, never skipped as filler. Counts and calling verbs are exempt: they matter beside an amount, and an
unknown word beside an amount is asked about whatever it is made of."""

from __future__ import annotations

from pricing.query.vocab import CJK_WORDS, PRICE_MORPHEMES, PRICE_ROLES, PRICE_STEMS, WORDS, price_like

#: Roles that change a price wherever the word stands.
_PRICE_ROLES = ("label:", "tier:", "fx:", "dur:", "period:", "batch", "search", "cny", "usd", "images", "embed", "searches",
                "thinking_on", "thinking_off", "thinking_budget")  # fmt: skip


#: 上下文 (context) is built from common characters only (上, 下, 文): 文 as a morpheme made 公文, 论文 and
#: 作文 questions ask about the document's kind; a synonym of it is written in English (context) anyway.
_EXEMPT = frozenset(["上下文"])


def test_every_chinese_price_word_has_a_price_morpheme() -> None:
    words = [w for w, role in CJK_WORDS.items() if role.startswith(_PRICE_ROLES) and not w.isascii()]
    assert len(words) > 150
    missing = sorted(w for w in words if not set(w) & PRICE_MORPHEMES and w not in _EXEMPT)
    assert missing == [], f"add a character of each to PRICE_MORPHEMES: {missing}"


def test_common_chinese_filler_is_not_made_of_price_morphemes() -> None:
    # the openers and hedges people write around a question stay filler when the tables do not list them
    for word in ("老板", "新创", "咨询", "请教", "手册", "客服", "小弟", "同事", "面试"):
        assert not set(word) & PRICE_MORPHEMES, word


def test_every_english_price_word_has_a_price_stem() -> None:
    # the English twin: a word of four letters or more with a price role holds a stem of vocab.PRICE_STEMS
    # (shorter words are abbreviations, always asked about when the tables do not know them)
    words = [w for w, role in WORDS.items() if role.startswith(PRICE_ROLES) and len(w) >= 4]
    assert len(words) > 60
    missing = sorted(w for w in words if not any(stem in w for stem in PRICE_STEMS))
    assert missing == [], f"add a stem of each to PRICE_STEMS: {missing}"


def test_common_english_filler_has_no_price_stem() -> None:
    # the product nouns and chat people write around a question stay filler when the tables do not list them
    for word in ("discord", "summarizer", "prototype", "startup", "tutoring", "finance", "teacher", "marketing", "legal"):
        assert not price_like(word), word


def test_a_bound_character_alone_makes_no_price_word() -> None:
    # 理 marks a price in 推理, not in 整理 or 合理; 网 in 联网, not in 官网: such words are filler
    from pricing.query.vocab import cjk_price_like

    assert not any(cjk_price_like(w) for w in ("整理", "合理", "官网", "美术素材", "回来"))
    assert all(cjk_price_like(w) for w in ("流量费", "实时", "微调", "不用", "联网版", "推理模式"))
