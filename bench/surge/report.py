"""What the surge benchmark prints: figures, ratios against the trivial route, and the issue's targets as
a pass/fail table. It never asserts."""

from __future__ import annotations

import bisect
import math
import os
from collections import Counter
from dataclasses import dataclass, field

from .load import EMAIL_STEP, STEPS
from .stack import MACHINE

REQUESTS_PER_JOURNEY = len(STEPS)
HARNESS = ("generator (this process)", "stand-in", MACHINE)  # not the platform's own work


def percentiles(values: list[float]) -> tuple[float, float, float] | None:
    """p50, p95, p99 (nearest rank), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    n = len(ordered)
    return tuple(ordered[max(math.ceil(q * n) - 1, 0)] for q in (0.50, 0.95, 0.99))  # type: ignore[return-value]


def count_lags(
    confirmations: list[float], samples: list[tuple[float, int]], base: int, t0: float, t1: float
) -> tuple[list[float], int]:
    """For each confirmation in [t0, t1], the time until the public count first showed it: the k-th
    confirmation (in time order, counted from ``base``) is shown by the first sample at or after it with a
    count of at least base + k. Returns (lags, confirmations never shown)."""
    times = [t for t, _ in samples]
    lags, never = [], 0
    for k, confirmed in enumerate(sorted(confirmations), start=1):
        if not t0 <= confirmed <= t1:
            continue
        i = bisect.bisect_left(times, confirmed)
        while i < len(samples) and samples[i][1] < base + k:
            i += 1
        if i == len(samples):
            never += 1
        else:
            lags.append(samples[i][0] - confirmed)
    return lags, never


@dataclass
class Run:
    """Requests measured together: latencies by step, errors by kind, seconds, CPU by process group."""

    seconds: float
    steps: dict[str, list[float]]
    errors: Counter
    requests: int
    cpu: dict[str, float | None] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Signing:
    signers: int
    warmup: float
    window: Run
    trivial: Run
    confirmed: int  # the app's own count of counted signatures, end of window minus start
    flagged: int  # signatures of this run the app flagged (over a limit): kept, never counted
    journeys: list[float]
    lags: list[float]
    never_shown: int
    interval: int
    sendgrid: tuple[int, int]  # requests, messages in the window
    backlog: int  # RQ jobs still queued at the window's end

    @property
    def per_second(self) -> float:
        return self.confirmed / self.window.seconds


@dataclass
class Reads:
    readers: int
    runs: dict[str, Run]  # "petition page", "petition JSON", "trivial route"


def _ms(x: float | None) -> str:
    return "-" if x is None else f"{x * 1000:.1f}"


def _ratio(x: float | None, base: float | None) -> str:
    return "-" if x is None or not base else f"{x / base:.2f}"


def _cpu_table(columns: dict[str, Run]) -> None:
    """CPU seconds by process group in each run, then everything else the machine did meanwhile (other
    people's processes on a shared machine make every figure here lower than the machine can do)."""
    names: list[str] = []
    for run in columns.values():
        names += [n for n in run.cpu if n not in names and n != MACHINE]
    head = "".join(f"{label[:22]:>24}" for label in columns)
    print(f"  {'CPU seconds (% of one core)':<32}{head}")

    def cell(used: float | None, run: Run) -> str:
        return f"{'n/a':>24}" if used is None else f"{f'{used:.1f} ({used / run.seconds:.0%})':>24}"

    for name in names:
        print(f"  {name:<32}" + "".join(cell(run.cpu.get(name), run) for run in columns.values()))
    ours = {label: sum(v for k, v in r.cpu.items() if v and k != MACHINE) for label, r in columns.items()}
    print(f"  {'all of the above':<32}" + "".join(cell(ours[label], r) for label, r in columns.items()))
    others = {
        label: None if r.cpu.get(MACHINE) is None else max(r.cpu[MACHINE] - ours[label], 0.0)
        for label, r in columns.items()
    }
    print(
        f"  {'not the bench (other processes)':<32}" + "".join(cell(others[k], r) for k, r in columns.items())
    )
    busiest = max((others[k] / r.seconds for k, r in columns.items() if others[k] is not None), default=0.0)
    if busiest > 0.25:
        print(
            f"  note: other processes took up to {busiest:.1f} of this machine's {os.cpu_count()} CPUs meanwhile; "
            "the stack alone would do better than these figures"
        )


def stack_cpu(run: Run) -> float:
    """CPU seconds the platform's own processes (web, workers, scheduler, PostgreSQL, Redis) used."""
    return sum(v for k, v in run.cpu.items() if v and k not in HARNESS)


def _ceiling(cpu_seconds: float, done: int) -> str:
    """CPU per unit of work, and the rate all of this machine's CPUs would allow at that cost."""
    if not done or not cpu_seconds:
        return "-"
    per = cpu_seconds / done
    return (
        f"{per * 1000:.1f} ms CPU each, at most {(os.cpu_count() or 1) / per:.0f}/s on {os.cpu_count()} CPUs"
    )


def _errors(errors: Counter) -> str:
    return ", ".join(f"{kind}: {n}" for kind, n in errors.most_common()) or "none"


def print_settings(describe: str, cpus: int, relaxed: dict, unchanged: list[str], settings: dict) -> None:
    print(f"Stack: {describe}; {cpus} CPUs.")
    print("Settings: " + ", ".join(f"{k}={v}" for k, v in settings.items()))
    print("Relaxed for the synthetic signers (everything else as APP_ENV=production):")
    for name, (production, bench, why) in relaxed.items():
        print(f"  {name}: {production} -> {bench}: {why}")
    print("Unchanged, and not reached:")
    for line in unchanged:
        print(f"  {line}")


def print_signing(s: Signing) -> None:
    w, t = s.window, s.trivial
    print()
    print(
        f"Signing surge: {s.signers} signers, {w.seconds:.1f} s measured after {s.warmup:g} s of warm-up; "
        f"then the same {s.signers} clients making the same {w.requests} requests to GET /bench/trivial"
    )
    print(
        "  journey: GET petition page, GET sign form (its own page; the petition page only links to it), "
        "POST it, GET check-email (the redirect), wait for the email, GET confirm page, POST confirm"
    )
    print(
        f"  confirmed signatures/s (the app's count)   {s.per_second:8.1f}   "
        f"({s.confirmed} counted in the window; {s.flagged} flagged over a limit, never counted)"
    )
    journey_rate = s.per_second * REQUESTS_PER_JOURNEY
    print(
        f"  HTTP requests/s, signing                   {w.rate:8.1f}   x{_ratio(w.rate, t.rate)} trivial "
        f"({t.rate:.1f}/s, same clients, same number of requests)"
    )
    print(
        f"  journeys/s x {REQUESTS_PER_JOURNEY} requests                    {journey_rate:8.1f}   "
        f"x{_ratio(journey_rate, t.rate)} trivial"
    )
    print(
        f"  SendGrid in the window                     {s.sendgrid[0]:8d} requests, {s.sendgrid[1]} messages; "
        f"RQ jobs queued at the window's end: {s.backlog}"
    )
    print(f"  errors: {_errors(w.errors)}")
    print(f"  trivial route errors: {_errors(t.errors)}")
    print()
    print(
        f"  {'step (ms)':<24}{'n':>7}{'p50':>9}{'p95':>9}{'p99':>9}    "
        f"{'x trivial p50':>13}{'p95':>7}{'p99':>7}"
    )
    base = percentiles(t.steps.get("trivial", []))
    rows = [(step, w.steps.get(step, [])) for step in (*STEPS, EMAIL_STEP)]
    rows += [("whole journey", s.journeys), ("trivial route", t.steps.get("trivial", []))]
    for label, values in rows:
        p = percentiles(values)
        if p is None:
            print(f"  {label:<24}{0:>7}")
            continue
        ratios = "".join(
            f"{_ratio(p[i], base[i] if base else None):>{13 if i == 0 else 7}}" for i in range(3)
        )
        print(f"  {label:<24}{len(values):>7}{_ms(p[0]):>9}{_ms(p[1]):>9}{_ms(p[2]):>9}    {ratios}")
    print()
    if s.lags or s.never_shown:
        lag = percentiles(s.lags)
        nan = float("nan")
        print(
            f"  count lag (confirm POST answered -> the public JSON count shows it; roll-up every {s.interval} s): "
            f"max {max(s.lags) if s.lags else nan:.2f} s, p50 {lag[0] if lag else nan:.2f} s, "
            f"p95 {lag[1] if lag else nan:.2f} s"
            + (f"; {s.never_shown} never shown before the bench stopped looking" if s.never_shown else "")
        )
    print()
    _cpu_table({"signing window": w, "trivial run": t})
    print(f"  the stack's CPU per confirmed signature: {_ceiling(stack_cpu(w), s.confirmed)}")
    print(f"  the stack's CPU per trivial request:     {_ceiling(stack_cpu(t), t.requests)}")


def print_reads(r: Reads) -> None:
    print()
    print(f"Read surge: {r.readers} concurrent readers, each request from its own address, no cookies")
    base = r.runs["trivial route"]
    bp = percentiles(base.steps.get("trivial route", []))
    print(
        f"  {'(ms)':<18}{'requests/s':>11}{'x trivial':>10}{'p50':>9}{'p95':>9}{'p99':>9}   "
        f"{'x trivial p50':>13}{'p95':>7}{'p99':>7}   errors"
    )
    for label, run in r.runs.items():
        p = percentiles(run.steps.get(label, []))
        if p is None:
            print(f"  {label:<18}{run.rate:>11.1f}   errors: {_errors(run.errors)}")
            continue
        ratios = "".join(f"{_ratio(p[i], bp[i] if bp else None):>{13 if i == 0 else 7}}" for i in range(3))
        print(
            f"  {label:<18}{run.rate:>11.1f}{_ratio(run.rate, base.rate):>10}{_ms(p[0]):>9}{_ms(p[1]):>9}"
            f"{_ms(p[2]):>9}   {ratios}   {_errors(run.errors)}"
        )
    print()
    _cpu_table(r.runs)
    for label, run in r.runs.items():
        print(f"  the stack's CPU per {label + ':':<15} {_ceiling(stack_cpu(run), run.requests)}")


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("pass" if ok else "FAIL")


def print_targets(signings: list[Signing], reads: Reads | None) -> None:
    rows: list[tuple[str, str, bool | None]] = []
    for s in signings:
        at = f"({s.signers} signers)"
        email = percentiles(s.window.steps.get(EMAIL_STEP, []))
        errors = sum(s.window.errors.values()) + s.flagged
        worst = max(s.lags) if s.lags else None
        journey = s.per_second * REQUESTS_PER_JOURNEY / s.trivial.rate if s.trivial.rate else None
        rows += [
            (f">= 100 confirmed signatures/s {at}", f"{s.per_second:.1f}/s", s.per_second >= 100),
            (
                f"confirmation email p95 < 5 s {at}",
                f"{email[1]:.2f} s" if email else "no email",
                email is not None and email[1] < 5,
            ),
            (f"zero errors {at}", f"{errors}", errors == 0),
            (
                f"count lag <= 5 s {at}",
                (f"{worst:.2f} s" if worst is not None else "-")
                + (f", {s.never_shown} never shown" if s.never_shown else ""),
                worst is not None and worst <= 5 and not s.never_shown,
            ),
            (
                f"journeys/s x {REQUESTS_PER_JOURNEY} >= 0.5 x trivial requests/s {at}",
                f"{journey:.2f} x" if journey is not None else "-",
                None if journey is None else journey >= 0.5,
            ),
        ]
    if reads:
        base = reads.runs["trivial route"]
        for label in ("petition page", "petition JSON"):
            run = reads.runs[label]
            p = percentiles(run.steps.get(label, []))
            at = f"({reads.readers} readers)"
            ratio = run.rate / base.rate if base.rate else None
            rows += [
                (
                    f"{label} >= 0.5 x trivial requests/s {at}",
                    f"{ratio:.2f} x" if ratio is not None else "-",
                    None if ratio is None else ratio >= 0.5,
                ),
                (
                    f"{label} p95 < 50 ms {at}",
                    f"{p[1] * 1000:.1f} ms" if p else "-",
                    p is not None and p[1] < 0.050,
                ),
                (f"{label} zero errors {at}", f"{sum(run.errors.values())}", not run.errors),
            ]
    print()
    print(f"  {'target (issue 13)':<58}{'figure':>18}  result")
    for label, figure, ok in rows:
        print(f"  {label:<58}{figure:>18}  {_verdict(ok)}")


def print_side_by_side(results: dict[str, tuple[list[Signing], Reads | None]]) -> None:
    """--cluster: the same figures for each way in, each against its own trivial route (measured through
    the same way in, in the same run), in columns."""
    labels = list(results)
    rows: list[tuple[str, list[str]]] = []
    levels = [s.signers for s in results[labels[0]][0]]
    for i, signers in enumerate(levels):
        at = f"({signers} signers)"
        runs = [results[label][0][i] for label in labels]
        rows += [
            (f"confirmed signatures/s {at}", [f"{s.per_second:.1f}" for s in runs]),
            (
                f"signing requests/s, x trivial {at}",
                [f"{s.window.rate:.0f}, x{_ratio(s.window.rate, s.trivial.rate)}" for s in runs],
            ),
            (
                f"whole journey p50 ms {at}",
                [_ms(p[0]) if (p := percentiles(s.journeys)) else "-" for s in runs],
            ),
            (
                f"stack CPU ms per signature {at}",
                [f"{stack_cpu(s.window) / s.confirmed * 1000:.1f}" if s.confirmed else "-" for s in runs],
            ),
            (f"errors {at}", [str(sum(s.window.errors.values()) + s.flagged) for s in runs]),
        ]
    reads = [results[label][1] for label in labels]
    if all(reads):
        readers = reads[0].readers  # type: ignore[union-attr]
        for name in ("petition page", "petition JSON", "trivial route"):
            cells = []
            for r in reads:
                run, base = r.runs[name], r.runs["trivial route"]  # type: ignore[union-attr]
                p = percentiles(run.steps.get(name, []))
                cells.append(f"{run.rate:.0f}/s x{_ratio(run.rate, base.rate)} p95 {_ms(p[1]) if p else '-'}")
            rows.append((f"{name} ({readers} readers)", cells))
    print()
    print("Side by side (each way in against its own trivial route, this run):")
    width = max(24, *(len(c) + 2 for _, cells in rows for c in cells))
    print(f"  {'':<44}" + "".join(f"{label:>{width}}" for label in labels))
    for label, cells in rows:
        print(f"  {label:<44}" + "".join(f"{c:>{width}}" for c in cells))
