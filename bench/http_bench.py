"""HTTP bench: signed `/gemini-cost 1M in 50k out` over loopback, the Procfile web process against the floors.

    python bench/http_bench.py                      # 3,000 requests at concurrency 16 per target, every target
    python bench/http_bench.py -n 5000 -c 16 --rounds 3 --profile bench/results/profile
    python bench/http_bench.py --targets floor_on_loop ours    # the headline pair only

Targets (bench/floor_app.py says what each floor is): ``floor_on_loop``, issue 11's reference floor (a
bare sync `App` acking inline through Bolt's Starlette adapter, on the event loop); ``floor``, the
bare sync `App` through the bot's pre-issue-11 adapter (`dispatch` on a worker thread); ``floor_async``,
a bare `AsyncApp` through Bolt's async Starlette adapter; ``ours``, the Procfile's web process; and the
``_asyncio`` twins of ``floor`` and ``ours``. The headline ratios (goals: throughput >= 0.75x, p99 <=
1.5x) are ours against ``floor_on_loop``; ours against every floor that ran is reported too.

Every target is started through bash: ours with the Procfile's `web:` command (`python -m bot http`:
uvicorn on 0.0.0.0:$PORT with its default loop and parser), a floor with the same uvicorn settings on
the command line (`uvicorn bench.floor_app:<factory> --factory --host 0.0.0.0 --port $PORT`); the
`_asyncio` twins are that command line (for ours, with `bot.services:app_from_env`) plus `--loop asyncio
--http h11`, so uvloop and httptools are measured against uvicorn's pure-Python stack. Each has a
SQLite DATABASE_URL in a temporary directory and SLACK_API_URL pointed at the tests' fake Web API
(tests/bot/fake_slack.py) on loopback.

Load client (``client=``): ``raw`` (default) is asyncio streams over keep-alive connections, one per
concurrent request, writing pre-formatted HTTP/1.1 and reading by Content-Length. Measured on the 2-core
machine of bench/RESULTS.md: 0.09-0.17 ms of client CPU per request, 0.1-0.2 of a core, so the server
(one Python process, GIL-bound at about one core) is the limit. ``httpx`` (httpx.AsyncClient, keep-alive)
costs about 1.6 ms of client CPU per request: it saturates a core by itself and caps even the floor at
~600 requests/s, which hides the server's own cost (ours/floor then reads ~0.9). Every result records
the client's CPU per request and its share of a core, so a reader can see whether the client was the limit.

Importable: ``run_http_bench(requests, concurrency) -> dict`` (what bench/run.py calls).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `bench.common` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    EXPECTED_TOTAL,
    FLOOR_TEXT,
    QUERY,
    REPO,
    Server,
    clean_env,
    command_body,
    fake_slack_module,
    floor_command,
    machine_facts,
    ours_on_uvicorn_command,
    percentile,
    procfile_command,
    sign,
    start_server,
)

__all__ = ["run_http_bench"]

RESULTS = REPO / "bench" / "results" / "http.json"
#: Goals from issues 5 and 11: ours / HEADLINE_FLOOR.
TARGET_THROUGHPUT_RATIO = 0.75
TARGET_P99_RATIO = 1.5
REQUEST_TIMEOUT = 10.0
#: Each floor target and its uvicorn factory in bench/floor_app.py.
FLOORS = {"floor_on_loop": "floor_on_loop", "floor": "app_from_env", "floor_async": "floor_async"}
#: The floor the goals are measured against (issue 11): a bare sync `App` on the event loop.
HEADLINE_FLOOR = "floor_on_loop"
#: Every target, in the order they run: the floors and ours on the Procfile's stack (uvloop and
#: httptools, from uvicorn[standard]), then today's floor and ours again forced onto plain asyncio and h11.
TARGETS = (*FLOORS, "ours", "floor_asyncio", "ours_asyncio")
PLAIN_ASYNCIO = " --loop asyncio --http h11"


# -- load clients ------------------------------------------------------------------------------------


class _Load:
    """Counts requests out, collects latencies and errors."""

    def __init__(self, total: int, deadline: float, expect: bytes) -> None:
        self.left = total
        self.deadline = deadline
        self.expect = expect
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() > self.deadline:
            return False
        self.left -= 1
        return True

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


async def _raw_worker(port: int, load: _Load, body: bytes) -> None:
    head = (
        "POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {length}\r\n"
        "X-Slack-Request-Timestamp: {ts}\r\nX-Slack-Signature: {sig}\r\n\r\n"
    )
    reader = writer = None
    while load.take():
        ts, sig = sign(body)
        request = head.format(length=len(body), ts=ts, sig=sig).encode() + body
        started = time.perf_counter()
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT):
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                assert reader is not None
                writer.write(request)
                headers = await reader.readuntil(b"\r\n\r\n")
                status = int(headers[9:12])
                lower = headers.lower()
                at = lower.find(b"content-length:")
                if at < 0:
                    raise ValueError("no content-length")
                length = int(lower[at + 15 : lower.find(b"\r\n", at)])
                answer = await reader.readexactly(length)
                if b"connection: close" in lower:
                    writer.close()
                    reader = writer = None
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, TimeoutError) as error:
            load.error(type(error).__name__)
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        load.latencies.append(time.perf_counter() - started)
        if status != 200:
            load.error(f"http {status}")
        elif load.expect not in answer:
            load.error("wrong body")
    if writer is not None:
        writer.close()


async def _httpx_worker(client: Any, url: str, load: _Load, body: bytes) -> None:
    import httpx

    while load.take():
        ts, sig = sign(body)
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": sig,
        }
        started = time.perf_counter()
        try:
            response = await client.post(url, content=body, headers=headers)
        except httpx.HTTPError as error:
            load.error(type(error).__name__)
            continue
        load.latencies.append(time.perf_counter() - started)
        if response.status_code != 200:
            load.error(f"http {response.status_code}")
        elif load.expect not in response.content:
            load.error("wrong body")


async def _drive(
    port: int, requests: int, concurrency: int, time_cap: float, expect: bytes, client: str
) -> dict[str, Any]:
    body = command_body(QUERY)
    load = _Load(requests, time.perf_counter() + time_cap, expect)
    cpu0 = time.process_time()
    started = time.perf_counter()
    if client == "httpx":
        import httpx

        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        async with httpx.AsyncClient(limits=limits, timeout=REQUEST_TIMEOUT) as http:
            url = f"http://127.0.0.1:{port}/slack/events"
            await asyncio.gather(*(_httpx_worker(http, url, load, body) for _ in range(concurrency)))
    else:
        await asyncio.gather(*(_raw_worker(port, load, body) for _ in range(concurrency)))
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu0
    done = len(load.latencies) + sum(
        v for k, v in load.errors.items() if not k.startswith("http") and k != "wrong body"
    )
    latencies = sorted(load.latencies)
    return {
        "requests": done,
        "errors": sum(load.errors.values()),
        "error_kinds": load.errors,
        "wall_s": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 50) * 1000,
        "p90_ms": percentile(latencies, 90) * 1000,
        "p99_ms": percentile(latencies, 99) * 1000,
        "max_ms": (latencies[-1] * 1000) if latencies else float("nan"),
        "mean_ms": statistics.fmean(latencies) * 1000 if latencies else float("nan"),
        "client_cpu_us_per_req": cpu / max(1, done) * 1e6,
        "client_cpu_share": cpu / wall if wall else 0.0,
        "capped_by_time": load.left > 0,
    }


def server_stack(pid: int) -> dict[str, str]:
    """The event loop and HTTP parser a uvicorn process really runs, from the libraries it has mapped.

    uvicorn's defaults (``--loop auto --http auto``) take uvloop and httptools when they are installed
    and fall back silently otherwise, so the command line alone does not say which ran.
    """
    try:
        maps = Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return {"loop": "unknown", "http": "unknown"}
    return {
        "loop": "uvloop" if "/uvloop/" in maps else "asyncio",
        "http": "httptools" if "/httptools/" in maps else "h11",
    }


def _bench_target(
    server: Server, expect: bytes, requests: int, concurrency: int, time_cap: float, warmup: int, client: str
) -> dict[str, Any]:
    asyncio.run(_drive(server.port, warmup, concurrency, time_cap, expect, client))
    cpu0 = server.cpu_seconds()
    result = asyncio.run(_drive(server.port, requests, concurrency, time_cap, expect, client))
    result["server_cpu_ms_per_req"] = (server.cpu_seconds() - cpu0) / max(1, result["requests"]) * 1000
    result["server_cpu_share"] = (server.cpu_seconds() - cpu0) / result["wall_s"] if result["wall_s"] else 0.0
    result["rss_mb"] = server.rss_bytes() / 2**20
    result["startup_s"] = server.startup_seconds
    result.update(server_stack(server.pid))
    return result


# -- profiling (optional) ----------------------------------------------------------------------------


def _profile(server: Server, out_dir: Path, seconds: int, concurrency: int) -> dict[str, Any]:
    """py-spy the server while it is under the same load; returns where the samples fall (own code only)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    svg = out_dir / f"{server.name}.svg"
    raw = out_dir / f"{server.name}.txt"
    procs = [
        subprocess.Popen(
            [
                "py-spy",
                "record",
                "--pid",
                str(server.pid),
                "--duration",
                str(seconds),
                "--rate",
                "250",
                "--gil",
                "--nonblocking",
                "--format",
                fmt,
                "-o",
                str(path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for fmt, path in (("flamegraph", svg), ("raw", raw))
    ]
    time.sleep(0.5)
    asyncio.run(_drive(server.port, 10**9, concurrency, seconds + 0.5, b"", "raw"))
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        if proc.returncode:
            return {"error": err.decode(errors="replace")[-500:]}
    return {"svg": str(svg), "collapsed": str(raw), "top": summarize_collapsed(raw)}


def summarize_collapsed(path: Path, top: int = 20) -> dict[str, list[tuple[str, float]]]:
    """Where the GIL-holding samples fall, from py-spy's raw (collapsed) output.

    ``by_package``: self time by the package of the innermost frame; ``own_code``: inclusive share of
    the bot's and the engine's functions (bot/, pricing/), busiest first.
    """
    total = 0
    by_package: dict[str, int] = {}
    inclusive: dict[str, int] = {}
    for line in path.read_text().splitlines():
        stack, _, count_text = line.rpartition(" ")
        try:
            count = int(count_text)
        except ValueError:
            continue
        total += count
        frames = [f for f in stack.split(";") if not f.startswith("thread (")]
        if not frames:
            continue
        by_package[_package(frames[-1])] = by_package.get(_package(frames[-1]), 0) + count
        seen = set()
        for frame in frames:
            name = re.sub(r":\d+\)$", ")", frame.strip())
            if name not in seen and ("(bot/" in name or "(pricing/" in name):
                seen.add(name)
                inclusive[name] = inclusive.get(name, 0) + count
    if not total:
        return {}

    def share(items: list[tuple[str, int]]) -> list[tuple[str, float]]:
        return [(name, round(100 * count / total, 1)) for name, count in items]

    return {
        "by_package": share(sorted(by_package.items(), key=lambda kv: -kv[1])[:top]),
        "own_code": share(sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]),
    }


def _package(frame: str) -> str:
    match = re.search(r"\(([^:)]+)", frame)
    if not match:
        return frame
    file = match.group(1)
    if "/" not in file:
        return file.removesuffix(".py")  # stdlib module at the top level: asyncio is "asyncio/..."
    return file.split("/", 1)[0]


# -- the run -----------------------------------------------------------------------------------------


def run_http_bench(
    requests: int = 3000,
    concurrency: int = 16,
    *,
    time_cap: float = 60.0,
    warmup: int = 300,
    rounds: int = 1,
    client: str = "raw",
    profile_dir: Path | None = None,
    profile_seconds: int = 8,
    targets: list[str] | None = None,
) -> dict[str, Any]:
    """Bench the floors and the Procfile web process in one run; median of ``rounds`` per target."""
    fake_slack = fake_slack_module()
    state, fake_server = fake_slack.start_fake_slack()
    names = [name for name in TARGETS if name in (targets or TARGETS)]
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    profiles: dict[str, Any] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="gemini-cost-bench-") as tmp:
            workdir = Path(tmp)
            env = clean_env(state.api_url, f"sqlite:///{workdir / 'bench.db'}")
            every = {
                **{name: (floor_command(factory), FLOOR_TEXT.encode()) for name, factory in FLOORS.items()},
                "ours": (procfile_command("web"), EXPECTED_TOTAL.encode()),
                # Today's floor and ours on uvicorn's pure-Python stack, forced: what uvloop and httptools are worth.
                "floor_asyncio": (floor_command() + PLAIN_ASYNCIO, FLOOR_TEXT.encode()),
                "ours_asyncio": (ours_on_uvicorn_command() + PLAIN_ASYNCIO, EXPECTED_TOTAL.encode()),
            }
            targets = {name: every[name] for name in names}
            for round_no in range(rounds):
                for name, (command, expect) in targets.items():
                    server = start_server(name, command, env, workdir)
                    try:
                        runs[name].append(
                            _bench_target(server, expect, requests, concurrency, time_cap, warmup, client)
                        )
                        if profile_dir is not None and round_no == rounds - 1:
                            profiles[name] = _profile(server, profile_dir, profile_seconds, concurrency)
                    finally:
                        server.stop()
    finally:
        fake_server.shutdown()
        fake_server.server_close()

    summary = {name: _median_run(results) for name, results in runs.items()}
    ratios = _ratios(summary, "ours", HEADLINE_FLOOR)
    ratios["ours_against"] = {floor: _ratios(summary, "ours", floor) for floor in FLOORS if floor in summary}
    if "ours_asyncio" in summary and "floor_asyncio" in summary:
        ratios["on_plain_asyncio"] = _ratios(summary, "ours_asyncio", "floor_asyncio")
    for name in ("ours", "floor"):
        if name in summary and f"{name}_asyncio" in summary:
            ratios[f"uvloop_httptools_gain_{name}"] = _ratios(summary, name, f"{name}_asyncio")
    return {
        "bench": "http",
        "query": QUERY,
        "requests": requests,
        "concurrency": concurrency,
        "rounds": rounds,
        "client": client,
        "time_cap_s": time_cap,
        "warmup": warmup,
        "machine": machine_facts(),
        "procfile_web": procfile_command("web"),
        "headline_floor": HEADLINE_FLOOR,
        "floor_commands": {name: floor_command(factory) for name, factory in FLOORS.items()},
        "plain_asyncio_flags": PLAIN_ASYNCIO.strip(),
        "targets": summary,
        "runs": runs,
        "ratios": ratios,
        "goals": {
            "throughput_ratio_min": TARGET_THROUGHPUT_RATIO,
            "p99_ratio_max": TARGET_P99_RATIO,
            "against": HEADLINE_FLOOR,
            # None when ours or the headline floor did not run (a --targets subset).
            "throughput_met": _met(ratios["throughput"], ratios["throughput"] >= TARGET_THROUGHPUT_RATIO),
            "p99_met": _met(ratios["p99"], ratios["p99"] <= TARGET_P99_RATIO),
        },
        "profiles": profiles,
    }


def _met(ratio: float, met: bool) -> bool | None:
    return None if math.isnan(ratio) else met


def _ratios(summary: dict[str, dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    """``a`` against ``b``: throughput a/b (higher is better for a), latencies and CPU a/b (lower is).

    NaN throughout when either did not run.
    """
    x, y = summary.get(a), summary.get(b)

    def div(key: str) -> float:
        return x[key] / y[key] if x and y and y[key] else float("nan")

    return {
        "of": f"{a}/{b}",
        "throughput": div("rps"),
        "p99": div("p99_ms"),
        "p50": div("p50_ms"),
        "server_cpu_per_req": div("server_cpu_ms_per_req"),
    }


def _median_run(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The round with the median throughput (whole round, so its numbers belong together)."""
    ordered = sorted(results, key=lambda r: r["rps"])
    return ordered[(len(ordered) - 1) // 2]


def format_table(result: dict[str, Any]) -> str:
    rows = [
        ("event loop", "loop", "{}"),
        ("HTTP parser", "http", "{}"),
        ("requests/s", "rps", "{:,.0f}"),
        ("p50 ms", "p50_ms", "{:.2f}"),
        ("p90 ms", "p90_ms", "{:.2f}"),
        ("p99 ms", "p99_ms", "{:.2f}"),
        ("max ms", "max_ms", "{:.1f}"),
        ("errors", "errors", "{}"),
        ("requests", "requests", "{}"),
        ("server CPU ms/req", "server_cpu_ms_per_req", "{:.3f}"),
        ("server CPU (cores)", "server_cpu_share", "{:.2f}"),
        ("client CPU us/req", "client_cpu_us_per_req", "{:.0f}"),
        ("client CPU (cores)", "client_cpu_share", "{:.2f}"),
        ("RSS after run MB", "rss_mb", "{:.1f}"),
        ("start-up to /healthz s", "startup_s", "{:.2f}"),
    ]
    summary = result["targets"]
    names = list(summary)
    lines = [f"{'':24}" + "".join(f"{name:>15}" for name in names)]
    for label, key, fmt in rows:
        lines.append(f"{label:24}" + "".join(f"{fmt.format(summary[name].get(key, '')):>15}" for name in names))
    ratios, goals = result["ratios"], result["goals"]
    machine = result["machine"]
    verdict = {True: "met", False: "MISSED", None: "not measured"}
    lines += [
        "",
        f"throughput {ratios['of']:20} {ratios['throughput']:.2f} (goal >= {goals['throughput_ratio_min']}): "
        + verdict[goals["throughput_met"]],
        f"p99        {ratios['of']:20} {ratios['p99']:.2f} (goal <= {goals['p99_ratio_max']}): "
        + verdict[goals["p99_met"]],
    ]
    others = [ratios.get("ours_against", {}).get(floor) for floor in FLOORS]
    others += [ratios.get(k) for k in ("on_plain_asyncio", "uvloop_httptools_gain_ours", "uvloop_httptools_gain_floor")]
    for r in others:
        if r and not math.isnan(r["throughput"]):
            lines.append(
                f"{r['of']:28} throughput {r['throughput']:.2f}, p99 {r['p99']:.2f}, CPU/req {r['server_cpu_per_req']:.2f}"
            )
    lines.append(
        f"{result['requests']} requests x {result['rounds']} round(s) at concurrency {result['concurrency']}, "
        f"client {result['client']}; {machine['nproc']} CPUs ({machine['cpu_model']}), Python {machine['python']}"
    )
    for name, prof in result.get("profiles", {}).items():
        if "top" not in prof:
            lines.append(f"\nprofile {name}: {prof.get('error')}")
            continue
        lines.append(f"\nprofile {name} ({prof['svg']}), % of GIL-holding samples")
        for section, rows_ in prof["top"].items():
            lines.append(f"  {section}:")
            lines += [f"    {share:5.1f}  {frame}" for frame, share in rows_[:15]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--requests", type=int, default=3000)
    parser.add_argument("-c", "--concurrency", type=int, default=16)
    parser.add_argument("--time-cap", type=float, default=60.0, help="seconds per target and round")
    parser.add_argument("--warmup", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--client", choices=("raw", "httpx"), default="raw")
    parser.add_argument("--profile", type=Path, help="py-spy every target under load, write SVGs here")
    parser.add_argument("--profile-seconds", type=int, default=8)
    parser.add_argument("--targets", nargs="+", choices=TARGETS, help="a subset of the targets (default: all)")
    parser.add_argument("-o", "--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = run_http_bench(
        args.requests,
        args.concurrency,
        time_cap=args.time_cap,
        warmup=args.warmup,
        rounds=args.rounds,
        client=args.client,
        profile_dir=args.profile,
        profile_seconds=args.profile_seconds,
        targets=args.targets,
    )
    print(format_table(result))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, default=str) + "\n")
    print(f"\nwrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
