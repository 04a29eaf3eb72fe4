"""Engine benchmark: parse + price per query against genai-prices and litellm, growth, and import cost.

Every figure is a ratio against a baseline measured in the same run (machines here are shared and
noisy); absolute microseconds are printed for orientation only. Optional peers are skipped, and said
to be, when not installed (`pip install -e '.[bench]'`).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from pricing import PriceBook, PricingError, estimate, load_card, parse_query

#: English and Chinese questions as people ask them (all parse to an estimate on a model both peers know).
QUERIES = [
    "1M in 50k out on 2.5 pro",
    "输入100万 输出5万 2.5 pro",
    "10k in 2k out on 2.5 flash",
    "in 200k out 10k cached 50k 2.5 pro",
    "五万输入 两千输出 2.5 flash",
    "1,200 in 300 out gemini-2.5-pro",
    "250k input 8k output 2.5 flash-lite",
    "輸入30萬 輸出2萬 2.5 pro",
]


def _per_call_us(fn: Callable[[], object], calls_per_fn: int, *, seconds: float = 1.0, repeats: int = 5) -> float:
    """Median microseconds per call over ``repeats`` timed batches of about ``seconds`` / repeats each."""
    fn()  # warm caches and imports
    batch = 1
    while True:  # size a batch to ~seconds/repeats
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        if time.perf_counter() - start > seconds / repeats / 4:
            break
        batch *= 2
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - start) / batch / calls_per_fn * 1e6)
    return statistics.median(samples)


def engine(book: PriceBook) -> dict[str, Any]:
    """Parse + price of QUERIES, and pricing alone, against the peers on the same usages."""
    parsed = [parse_query(q, book) for q in QUERIES]
    usages = [(p.usage, p.model) for p in parsed]
    assert all(u is not None and m is not None for u, m in usages)

    def ours_parse_and_price() -> None:
        for q in QUERIES:
            p = parse_query(q, book)
            estimate(book, p.usage, p.model)  # type: ignore[arg-type]

    def ours_price_only() -> None:
        for usage, model in usages:
            estimate(book, usage, model)  # type: ignore[arg-type]

    result: dict[str, Any] = {
        "queries": len(QUERIES),
        "ours_parse_and_price_us": _per_call_us(ours_parse_and_price, len(QUERIES)),
        "ours_price_only_us": _per_call_us(ours_price_only, len(QUERIES)),
    }
    try:
        from genai_prices import Usage as GUsage
        from genai_prices import calc_price

        peer_usages = [
            (GUsage(input_tokens=u.input_tokens, cache_read_tokens=u.cached_tokens, output_tokens=u.output_tokens), m.id)
            for u, m in usages  # type: ignore[union-attr]
        ]

        def genai_prices_calc() -> None:
            for usage, model_id in peer_usages:
                calc_price(usage, model_id, provider_id="google")

        result["genai_prices_calc_price_us"] = _per_call_us(genai_prices_calc, len(peer_usages))
    except ImportError:
        result["genai_prices_calc_price_us"] = None
    try:
        os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no network: the bundled map
        import litellm

        def litellm_cost() -> None:
            for usage, model in usages:
                litellm.cost_per_token(
                    model=f"gemini/{model.id}",  # type: ignore[union-attr]
                    prompt_tokens=usage.input_tokens,  # type: ignore[union-attr]
                    completion_tokens=usage.output_tokens,  # type: ignore[union-attr]
                )

        result["litellm_cost_per_token_us"] = _per_call_us(litellm_cost, len(usages))
    except ImportError:
        result["litellm_cost_per_token_us"] = None
    base = result["genai_prices_calc_price_us"]
    if base:
        result["ratio_parse_and_price_vs_calc_price"] = result["ours_parse_and_price_us"] / base
        result["ratio_price_only_vs_calc_price"] = result["ours_price_only_us"] / base
    return result


def growth(book: PriceBook) -> dict[str, Any]:
    """Time per query as the query grows (10 B to 10 KB) and as the card grows (10 to 1,000 models)."""
    by_size = {}
    for size in (10, 100, 1_000, 10_000):
        words = ("1M in 50k out x3 per day batch 输入100万 输出5万 ")
        text = (words * (size // len(words) + 1))[:size]
        junk = ("zq#%&<>|~ xx-yy 3.3 " * (size // 10 + 1))[:size]

        def run(t: str = text, j: str = junk) -> None:
            for q in (t, j):
                try:
                    parse_query(q, book)
                except PricingError:
                    pass

        by_size[size] = _per_call_us(run, 2, seconds=0.5, repeats=3)
    by_models = {}
    for count in (10, 100, 1_000):
        big = PriceBook(_card_with(count))

        def run_big(b: PriceBook = big) -> None:
            for q in QUERIES:
                p = parse_query(q, b)
                estimate(b, p.usage, p.model)  # type: ignore[arg-type]

        by_models[count] = _per_call_us(run_big, len(QUERIES), seconds=0.5, repeats=3)
    return {
        "query_bytes_us": by_size,
        "query_us_per_byte": {k: v / k for k, v in by_size.items()},
        "card_models_us": by_models,
    }


def _card_with(count: int):  # type: ignore[no-untyped-def]
    """The shipped card padded with synthetic models up to ``count`` (copies of 2.5 Flash-Lite)."""
    from pricing import parse_card

    card = load_card()
    data = card.model_dump(mode="python")
    template = next(m for m in data["models"] if m["id"] == "gemini-2.5-flash-lite")
    extra = max(0, count - len(data["models"]))
    data["models"] = [*data["models"], *({**template, "id": f"synthetic-{i}", "name": f"Synthetic {i}", "aliases": ()} for i in range(extra))]
    return parse_card(data)


def import_times(repeats: int = 5) -> dict[str, Any]:
    """Fresh-interpreter seconds for our import + card load, and each peer's bare import (best of N)."""
    snippets = {
        "ours_import_and_card_load": "import pricing; pricing.PriceBook(pricing.load_card())",
        "python_startup_baseline": "pass",
        "genai_prices_import": "import genai_prices",
        "litellm_import": "import os; os.environ['LITELLM_LOCAL_MODEL_COST_MAP']='True'; import litellm",
    }
    found: dict[str, Any] = {}
    for name, code in snippets.items():
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True)
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                times = []
                break
        found[name] = min(times) if times else None
    base = found["ours_import_and_card_load"]
    for peer in ("genai_prices_import", "litellm_import"):
        if found[peer]:
            found[f"ratio_ours_vs_{peer}"] = base / found[peer]
    return found


def run_engine_bench() -> dict[str, Any]:
    book = PriceBook(load_card())
    return {"engine": engine(book), "growth": growth(book), "imports": import_times()}


if __name__ == "__main__":
    import json

    print(json.dumps(run_engine_bench(), indent=1, default=lambda o: str(o) if isinstance(o, Decimal) else o))
