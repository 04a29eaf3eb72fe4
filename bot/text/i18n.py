"""Languages: choosing one per asker, loading the catalogs once, and locale-correct numbers and money."""

from __future__ import annotations

import datetime as dt
import gettext
import io
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_scientific,
    get_currency_name,
    get_currency_symbol,
)

__all__ = [
    "LANGS",
    "LOCALES_DIR",
    "Translator",
    "translator",
    "lang_from_slack_locale",
    "parse_lang_choice",
    "display_amount",
]

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
#: Our language codes; they double as catalog folder names (keyed as strings, never as Babel
#: Locale objects: Locale.parse("zh-CN") is zh_Hans_CN and would silently miss the zh_CN catalog).
LANGS = ("en", "zh_CN", "zh_TW")
_CLDR = {"en": "en_US", "zh_CN": "zh_Hans_CN", "zh_TW": "zh_Hant_TW"}

_CHOICES = {
    "en": "en", "english": "en", "英文": "en", "英语": "en",
    "zh": "zh_CN", "zh_cn": "zh_CN", "zh-cn": "zh_CN", "zh-hans": "zh_CN", "cn": "zh_CN",
    "中文": "zh_CN", "简体": "zh_CN", "简体中文": "zh_CN", "chinese": "zh_CN",
    "zh_tw": "zh_TW", "zh-tw": "zh_TW", "zh-hant": "zh_TW", "tw": "zh_TW", "繁體": "zh_TW", "繁体": "zh_TW",
    "繁體中文": "zh_TW", "繁体中文": "zh_TW",
    "auto": "auto", "自动": "auto", "自動": "auto",
}  # fmt: skip


def lang_from_slack_locale(locale: str | None) -> str:
    """Slack's user locale (`zh-CN`, `zh-TW`, `en-US`, ...) to one of `LANGS`."""
    tag = (locale or "").replace("_", "-").lower()
    if tag in ("zh-tw", "zh-hk", "zh-mo") or tag.startswith("zh-hant"):
        return "zh_TW"
    if tag.startswith("zh"):
        return "zh_CN"
    return "en"


def parse_lang_choice(text: str) -> str | None:
    """What `/gemini-cost lang X` asks for: a language code, "auto", or None when not understood."""
    return _CHOICES.get(text.strip().lower())


@dataclass(frozen=True)
class Translator:
    """One language's catalog plus its CLDR locale, for every string and number shown to a user."""

    lang: str
    locale: Locale
    _catalog: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def money(self, amount: Decimal, currency: str = "USD") -> str:
        if _too_long_to_spell(amount):
            return get_currency_symbol(currency, locale=self.locale) + self._scientific(amount)
        return _format_money(self.lang, str(display_amount(amount)), currency)

    def exact_money(self, amount: Decimal, currency: str = "USD") -> str:
        """Every digit of ``amount`` (no rounding): for "what did this call cost, exactly"."""
        text = format(amount.normalize(), "f") if amount else "0"
        return _format_money(self.lang, text, currency)

    def number(self, value: Decimal | int) -> str:
        """Formatting never raises: an amount too long to spell out is shown in scientific notation."""
        if isinstance(value, int):
            value = Decimal(value)  # Decimal has no digit limit (int's str() refuses past 4,300 digits)
        if _too_long_to_spell(value):
            return self._scientific(value)
        value = value.normalize() if value == value.to_integral_value() else display_amount(value)
        return _format_number(self.lang, str(value))

    def count(self, value: Decimal | int) -> str:
        """A token or request count as readers count it: `1,000,000` in English, `100万` / `100萬` in Chinese.

        Chinese readers count in 万 and 亿 (CLDR's compact forms): `100万`, `1.5亿`, `20.01万`. The compact
        form is used only when it is exact with at most two decimals, so a line item never shows a rounded
        count and never a hard-to-read `104.8576万`: those stay in digits (`1,048,576`).
        """
        if self.lang == "en" or isinstance(value, Decimal) and value != value.to_integral_value():
            return self.number(value)
        n = Decimal(value)
        if not n.is_finite() or _too_long_to_spell(n) or abs(n) < 10_000:
            return self.number(value)
        return _format_count(self.lang, str(n.normalize()))

    def list(self, items: list[str], style: str = "standard") -> str:
        """Items joined as the language lists them: `a, b and c`; `a、b和c` (``style="or"``: `a、b或c`)."""
        return format_list(items, style=style, locale=self.locale) if items else ""  # type: ignore[arg-type]

    def words(self, items: list[str]) -> str:
        """Quoted words side by side, not a sentence's "a and b": `a, b` in English, `a、b` in Chinese."""
        if not items:
            return ""
        joined = items[0]
        for item in items[1:]:
            joined = self.gettext("{before}, {after}").format(before=joined, after=item)
        return joined

    def currency_name(self, code: str) -> str:
        """CLDR's name of a currency in this language (新台幣, 人民币, New Taiwan dollars)."""
        return _currency_name(self.lang, code)

    def _scientific(self, value: Decimal) -> str:
        return format_scientific(value, format="#.##E0", locale=self.locale)

    def date(self, value: dt.date) -> str:
        return _format_date(self.lang, value)


#: Powers of ten outside which an amount is shown in scientific notation, not spelled out in full
#: (1e-200000 spelled out is 200,000 digits, and Babel's int() of it raises).
MAX_SPELLED_DIGITS = 24
MIN_SPELLED_EXPONENT = -12


def _too_long_to_spell(value: Decimal) -> bool:
    return value.is_finite() and value != 0 and not MIN_SPELLED_EXPONENT <= value.adjusted() < MAX_SPELLED_DIGITS


def display_amount(amount: Decimal) -> Decimal:
    """Round once, for display: cents from $1 up, else 3 significant digits, so tiny sums never read $0.00.

    Rounded with as many digits as the amount needs: the default 28-digit context raises
    `InvalidOperation` when quantizing $1e26 to cents.
    """
    if amount == 0 or not amount.is_finite():
        return Decimal("0.00") if amount == 0 else amount
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, amount.adjusted() + 4, 8)
        if abs(amount) >= 1:
            return amount.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        exponent = amount.adjusted() - 2  # keep 3 significant digits
        rounded = amount.quantize(Decimal(1).scaleb(min(exponent, -2)), rounding=ROUND_HALF_UP).normalize()
        if rounded.as_tuple().exponent > -2:  # type: ignore[operator]
            rounded = rounded.quantize(Decimal("0.01"))
        return rounded


# Babel's CLDR formatting is the costliest step of an answer (~40 us a figure) and the same figures
# recur all the time ($4.00/1M, 1,000,000 tokens): memoize by the exact decimal text, per language.
@lru_cache(maxsize=8192)
def _format_money(lang: str, amount: str, currency: str) -> str:
    return format_currency(Decimal(amount), currency, locale=_CLDR[lang], decimal_quantization=False)


@lru_cache(maxsize=1024)
def _format_date(lang: str, value: dt.date) -> str:
    """CLDR's medium date ("Oct 7, 2026", "2026年10月7日"); every answer shows one or two, mostly the same."""
    return format_date(value, format="medium", locale=_CLDR[lang])


@lru_cache(maxsize=8192)
def _format_number(lang: str, value: str) -> str:
    return format_decimal(Decimal(value), locale=_CLDR[lang], decimal_quantization=False)


_CJK_UNITS = {"万": Decimal(10) ** 4, "萬": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "億": Decimal(10) ** 8,
              "万亿": Decimal(10) ** 12, "萬億": Decimal(10) ** 12, "兆": Decimal(10) ** 12}  # fmt: skip


@lru_cache(maxsize=4096)
def _format_count(lang: str, value: str) -> str:
    n = Decimal(value)
    compact = format_compact_decimal(n, locale=_CLDR[lang], fraction_digits=2)
    unit = compact.lstrip("-0123456789.")  # 万 / 萬 / 亿 / 億 / 万亿: CLDR's own characters for the locale
    scale = _CJK_UNITS.get(unit)
    if scale is None:
        return _format_number(lang, value)
    shown = Decimal(compact[: len(compact) - len(unit)])
    if shown * scale != n:  # rounded (1.23亿 for 123,456,789): the count is shown in full instead
        return _format_number(lang, value)
    return compact


@lru_cache(maxsize=256)
def _currency_name(lang: str, code: str) -> str:
    # English: the lower-case plural ("New Taiwan dollars") reads as a phrase; Chinese has one form.
    return get_currency_name(code, count=2 if lang == "en" else None, locale=_CLDR[lang])


@cache
def translator(lang: str) -> Translator:
    """The translator for ``lang`` (one of `LANGS`), loaded once and cached."""
    if lang not in LANGS:
        lang = "en"
    catalog: gettext.NullTranslations = gettext.NullTranslations()
    po_path = LOCALES_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang != "en":
        # Read the .po itself (no compiled .mo in the repository to go stale): compile in memory.
        with po_path.open("rb") as fh:
            po = read_po(fh, locale=lang)
        buffer = io.BytesIO()
        write_mo(buffer, po, use_fuzzy=False)
        buffer.seek(0)
        catalog = gettext.GNUTranslations(buffer)
    return Translator(lang, Locale.parse(_CLDR[lang]), catalog)
