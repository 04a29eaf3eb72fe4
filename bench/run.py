"""`python -m bench.run`: every benchmark in one run; prints a table and writes bench/results/latest.json.

Targets (issue 5) are ratios against baselines measured in this same run, never absolute times:
HTTP throughput >= 0.75x the bare-Bolt floor on the event loop (floor_on_loop, issue 11) and p99 <=
1.5x its p99, ours against the other floors reported too (bench/http_bench.py); parse + price <= 1/3 of
genai_prices.calc_price; growth linear at worst. `--with-db` adds bench/db_bench.py (the bot's thread pool
against SQLAlchemy's asyncio extension, on SQLite and PostgreSQL when one answers).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench.common import fmt_number, machine_facts
from bench.engine_bench import run_engine_bench
from bench.http_bench import TARGETS, run_http_bench

RESULTS = Path(__file__).with_name("results")


def table(results: dict[str, Any]) -> str:
    e = results["engine"]["engine"]
    g = results["engine"]["growth"]
    i = results["engine"]["imports"]
    rows = [
        ("engine: our parse + price (us/query)", fmt_number(e["ours_parse_and_price_us"], 1)),
        ("engine: our price only (us/usage)", fmt_number(e["ours_price_only_us"], 1)),
        ("engine: genai_prices.calc_price (us/call)", fmt_number(e["genai_prices_calc_price_us"], 1)),
        ("engine: litellm.cost_per_token (us/call)", fmt_number(e["litellm_cost_per_token_us"], 1)),
        ("ratio parse+price / calc_price (target <= 0.33)", fmt_number(e.get("ratio_parse_and_price_vs_calc_price"))),
        ("ratio price only / calc_price", fmt_number(e.get("ratio_price_only_vs_calc_price"))),
        *((f"growth: query of {k} B (us)", fmt_number(v, 1)) for k, v in g["query_bytes_us"].items()),
        *((f"growth: card of {k} models (us/query)", fmt_number(v, 1)) for k, v in g["card_models_us"].items()),
        ("import + card load (s)", fmt_number(i["ours_import_and_card_load"], 3)),
        ("import genai_prices (s)", fmt_number(i["genai_prices_import"], 3)),
        ("import litellm (s)", fmt_number(i["litellm_import"], 3)),
    ]
    http = results.get("http")
    if http:
        for name, side in http["targets"].items():
            rows += [
                (f"http {name}: loop / HTTP parser", f"{side.get('loop')} / {side.get('http')}"),
                (f"http {name}: requests/s", fmt_number(side.get("rps"), 0)),
                (f"http {name}: p50 / p90 / p99 (ms)",
                 " / ".join(fmt_number(side.get(k)) for k in ("p50_ms", "p90_ms", "p99_ms"))),
                (f"http {name}: errors", fmt_number(side.get("errors"))),
                (f"http {name}: RSS (MB)", fmt_number(side.get("rss_mb"), 1)),
                (f"http {name}: start-up to listening (s)", fmt_number(side.get("startup_s"))),
            ]  # fmt: skip
        ratios = http.get("ratios") or {}
        goals = http.get("goals") or {}
        rows += [
            (f"ratio http throughput {ratios.get('of')} (target >= {goals.get('throughput_ratio_min')})",
             fmt_number(ratios.get("throughput"))),
            (f"ratio http p99 {ratios.get('of')} (target <= {goals.get('p99_ratio_max')})", fmt_number(ratios.get("p99"))),
        ]  # fmt: skip
        others = list((ratios.get("ours_against") or {}).values())
        others += [ratios.get(k) for k in ("on_plain_asyncio", "uvloop_httptools_gain_ours", "uvloop_httptools_gain_floor")]
        for r in others:
            if r:
                rows.append((f"ratio http {r['of']}: throughput / p99", f"{fmt_number(r['throughput'])} / {fmt_number(r['p99'])}"))
    width = max(len(r[0]) for r in rows)
    return "\n".join(f"{name.ljust(width)}  {value}" for name, value in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=3000, help="HTTP requests per target")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--skip-http", action="store_true")
    parser.add_argument("--with-db", action="store_true", help="also bench the database ways (bench/db_bench.py)")
    parser.add_argument(
        "--http-targets", nargs="+", choices=TARGETS, help="a subset of the HTTP targets (default: all)"
    )
    args = parser.parse_args()
    results: dict[str, Any] = {"machine": machine_facts(), "engine": run_engine_bench()}
    if not args.skip_http:
        results["http"] = run_http_bench(args.requests, args.concurrency, targets=args.http_targets)
    if args.with_db:
        # Imported only here: it loads the bot, SQLAlchemy and the drivers, which the default run never needs.
        from bench.db_bench import run_db_bench

        results["db"] = run_db_bench(concurrency=args.concurrency)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=1, default=str))
    print(json.dumps(results["machine"]))
    print(table(results))
    if "db" in results:
        from bench.db_bench import format_table as db_table

        print(db_table(results["db"]))


if __name__ == "__main__":
    main()
