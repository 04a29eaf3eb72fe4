"""The catalogs are complete and current: every string in the code has a reviewed translation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.text.i18n import LANGS, LOCALES_DIR, translator

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{(\w*)\}")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> set[str | tuple[str, ...]]:
    """Extract the messages from the code now, with the workflow configured in pyproject.toml."""
    pot = tmp_path_factory.mktemp("pot") / "messages.pot"
    subprocess.run(
        [str(Path(sys.executable).with_name("pybabel")), "extract", "-F", "pyproject.toml", "-o", str(pot),
         "--no-location", "--omit-header", "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as fh:
        return {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(fh) if m.id}


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "en"])
def test_catalog_has_every_message_and_nothing_stale(lang: str, template: set[str | tuple[str, ...]]) -> None:
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    entries = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in catalog if m.id}
    assert sorted(map(str, template - entries.keys())) == [], "missing: run pybabel update (README)"
    assert sorted(map(str, entries.keys() - template)) == [], "stale: run pybabel update (README)"
    assert not catalog.obsolete, "obsolete entries left in the catalog"
    for key, message in entries.items():
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"untranslated: {key!r}"
        assert "fuzzy" not in message.flags, f"fuzzy: {key!r}"
        source = key if isinstance(key, str) else key[0]
        for s in strings:
            assert sorted(PLACEHOLDER.findall(s)) == sorted(PLACEHOLDER.findall(source)), f"placeholders differ: {key!r}"


def test_translations_are_used_at_run_time() -> None:
    assert translator("zh_CN").gettext("Estimated cost: {total}") == "预估费用：{total}"
    assert translator("zh_TW").gettext("Estimated cost: {total}") == "預估費用：{total}"
    assert translator("en").gettext("Estimated cost: {total}") == "Estimated cost: {total}"


# --- typography and wording (issue 20; the rules and their reasons are in locales/GLOSSARY.md) -------------

#: CJK ideographs and full-width punctuation: what counts as "inside a Chinese sentence".
CJK = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
#: ASCII `; , ( ) :` touching a CJK character: a Chinese sentence takes ；，（）： (English text keeps its own).
ASCII_BESIDE_CJK = re.compile(rf"{CJK}[;,():]|[;,():]{CJK}")
#: Two full-width brackets with a space between (`） （`): one bracket with a list inside, or none.
SPACED_BRACKETS = re.compile(r"[）)]\s+[（(]")
#: Mainland wording a Taiwan reader would not write, and what the glossary uses instead.
MAINLAND_IN_TW = {"當前": "目前", "反饋": "回報", "校驗": "驗證", "審計": "稽核", "聯網": "連網", "免費層": "免費方案",
                  "付費層": "付費方案", "例項": "執行個體", "實例": "執行個體", "幫助": "說明", "摺合": "折合", "文件位": "級距",
                  "檔位": "級距", "約合": "約", "檢視": "查看", "後繼": "後續", "服務商": "供應商"}  # fmt: skip
QUOTES = {"zh_CN": ("“", "”"), "zh_TW": ("「", "」")}


def _translations(lang: str) -> list[tuple[str, str]]:
    with (LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    out = []
    for m in catalog:
        if not m.id:
            continue
        key = m.id if isinstance(m.id, str) else m.id[0]
        out += [(key, s) for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if s]
    return out


def _prose(text: str) -> str:
    """The text a reader reads as Chinese: code spans (`/gemini-cost admin fx 7.10`) are commands, left as typed."""
    return re.sub(r"`[^`]*`", "`code`", text)


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_chinese_punctuation_is_full_width(lang: str) -> None:
    bad = [(key, s) for key, s in _translations(lang) if ASCII_BESIDE_CJK.search(_prose(s)) or SPACED_BRACKETS.search(s)]
    assert bad == [], "ASCII ; , ( ) : beside Chinese, or ） （ with a space: use ；，（）："


@pytest.mark.parametrize("lang", ["zh_CN", "zh_TW"])
def test_one_quote_style_per_language(lang: str) -> None:
    own = QUOTES[lang]
    other = QUOTES["zh_TW" if lang == "zh_CN" else "zh_CN"]
    bad = [(key, s) for key, s in _translations(lang) if any(q in s for q in other) or '"' in _prose(s)]
    assert bad == [], f"{lang} quotes with {own[0]}{own[1]} only"


def test_traditional_catalog_has_no_simplified_only_characters_or_mainland_terms() -> None:
    # CC-CEDICT's character lists (via zhon): characters that appear only in Simplified text.
    from zhon import cedict

    simplified_only = set(cedict.simplified) - set(cedict.traditional)
    entries = _translations("zh_TW")
    leaked = [(key, s, "".join(sorted(set(s) & simplified_only))) for key, s in entries if set(s) & simplified_only]
    assert leaked == [], "Simplified-only characters in zh_TW"
    mainland = [(key, s, word, MAINLAND_IN_TW[word]) for key, s in entries for word in MAINLAND_IN_TW if word in s]
    assert mainland == [], "Mainland wording in zh_TW (see locales/GLOSSARY.md)"
    assert translator("zh_TW").gettext("Apply") == "套用"  # a button: 應用 is an app in Taiwan


def test_the_check_catches_what_the_issue_quoted() -> None:
    """The rules above fail the lines readers reported (so the check cannot pass vacuously)."""
    assert ASCII_BESIDE_CJK.search("免费层 token 免费; 最后公布的限额")
    assert ASCII_BESIDE_CJK.search("(其中缓存 100,000)")
    assert ASCII_BESIDE_CJK.search("每天 50,000 次请求, 按月合计")
    assert SPACED_BRACKETS.search("（提示超过 20万 token 时价格更高） （已停用）")
    assert "當前" in MAINLAND_IN_TW and "聯網" in MAINLAND_IN_TW
