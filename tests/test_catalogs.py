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
