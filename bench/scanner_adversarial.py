"""Story scanner against hostile input: does scan() stay linear in the length of the text?

    python -m bench.scanner_adversarial [--max-kb 128] [--budget 20] [--family NAME ...] [--no-detectors]

Each input family (``FAMILIES``) is generated at 8, 16, 32, 64 and 128 KB (1 KB = 1,024 characters of
text, capped by --max-kb) and scanned. A size's figure is the best of a few runs for quick sizes, one
run for slow ones, in CPU seconds of the scanning process (other load on the machine does not skew the
growth; the budget below is wall-clock). Printed per size: ms, ms per KB, the growth exponent from the size before
(log2(t(2n) / t(n)): about 1 is linear, about 2 quadratic) and the ratio to ``re.findall(r"\\w+", text)``
over the same text, measured in the same process (so the ratio holds across machines). A family whose
exponent between its two largest measured sizes is over 1.3 is flagged SUPERLINEAR (those two sizes
are timed again by turns first, so a burst of other load does not flag a linear family), and so is one
whose exponent over the whole range is (it grew fast, then levelled off before the largest size).

The benchmark never stalls on a bad input: each family runs in its own process, which stops growing
once the next size is predicted (from the growth so far) to take longer than --budget seconds, and is
killed if one size runs past the budget anyway. Such sizes are shown as "skipped" or "timeout".

For each SUPERLINEAR family the scan is then split into its stages (every detector in scan.py's
``_TEXT_DETECTORS`` and ``_TOKEN_DETECTORS``, ``tokenise`` and ``_merge``), each timed alone at the two
largest sizes, with the functions taking the most time under cProfile, to show which detector grows.
That reads scan.py's private lists: it is a diagnosis aid and says so when they are not there.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import re
import selectors
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from functools import partial

SIZES_KB = (8, 16, 32, 64, 128)
SUPERLINEAR = 1.3  # exponent between the two largest sizes above which a family is flagged
_WORD = re.compile(r"\w+")


def _repeat(unit: str) -> Callable[[int], str]:
    def generate(n: int) -> str:
        return (unit * (n // len(unit) + 1))[:n]

    return generate


def _mixed_lines(n: int) -> str:
    """Lines of 100,000 characters of ordinary words (no sentence breaks inside a line)."""
    words = (
        "the social worker said my son Jack was three when we moved to Leeds and the court listed it "
        "for the 14th of March at Highfield Primary School with Mr Smith and her daughter Amelia "
    ).split()
    line = " ".join(itertools.islice(itertools.cycle(words), 25_000))[:100_000]
    return "\n".join(itertools.repeat(line, n // 100_000 + 1))[:n]


def _distinct_initials(n: int) -> str:
    """'my son A.B.C. my son A.B.D. ...': every initial different."""
    parts: list[str] = []
    length = 0
    for a, b, c in itertools.product(string.ascii_uppercase, repeat=3):
        part = f"my son {a}.{b}.{c}. "
        parts.append(part)
        length += len(part)
        if length >= n:
            break
    return "".join(parts)[:n]


def _realistic(n: int) -> str:
    from bench.story_scanner import story

    text = story(1000)
    return ("\n\n".join(itertools.repeat(text, n // len(text) + 1)))[:n]


def _url_then(tail: str) -> Callable[[int], str]:
    def generate(n: int) -> str:
        head = "see www.example.co.uk"
        return head + tail * (n - len(head))

    return generate


# name -> (what it is, generator of a text of exactly n characters)
FAMILIES: dict[str, tuple[str, Callable[[int], str]]] = {
    "kin-commas": ("son,son,son,...", _repeat("son,")),
    "kin-spaces": ("my son my son ...", _repeat("my son ")),
    "names-sentence": ("one sentence of capitalised names", _repeat("Jack Amelia Noah Olivia Harry Isla ")),
    "names-and": ("Jack and Amelia and ...", _repeat("Jack and Amelia and Noah and ")),
    "no-spaces": ("aaaa... (one word)", _repeat("a")),
    "punctuation": ("!!!!....,,,, runs", _repeat("!" * 64 + "." * 64 + "," * 64)),
    "mixed-lines": ("100k-character lines of mixed words", _mixed_lines),
    "ages": ("he was 3 he was 3 ...", _repeat("he was 3 ")),
    "digits-spaced": ("0 1 2 3 ... digits and spaces", _repeat("0 1 2 3 4 5 6 7 8 9 ")),
    "digits-phone": ("07700900461... one digit run", _repeat("07700900461")),
    "titles": ("Mr Mr Mr ...", _repeat("Mr ")),
    "school-words": ("Primary Primary School School ...", _repeat("Primary Primary School School ")),
    "the-14th": ("the 14th the 14th ...", _repeat("on the 14th ")),
    "name-removed": ("[name removed] ...", _repeat("[name removed] ")),
    "unicode-emoji": ("emoji, joined and flagged", _repeat("😀 👨‍👩‍👧 🇬🇧 ")),
    "unicode-rtl": ("Hebrew and Arabic words", _repeat("שלום עליכם مرحبا بكم ")),
    "unicode-combining": ("combining marks", _repeat("e\u0301a\u0308o\u0302 Ze\u0301na ")),
    "newlines": ("\\n\\n\\n...", _repeat("\n")),
    "realistic": ("the 1,000-word story repeated (control)", _realistic),
    # Found by reading the detectors: shapes that make one of them backtrack or repeat work.
    "url-close-parens": ("www.example.co.uk)))))...", _url_then(")")),
    "url-trailing-dots": ("www.example.co.uk.....", _url_then(".")),
    "caseno-run": ("caseno-caseno-... (no spaces)", _repeat("caseno-")),
    "school-prefixes": (
        "Junior Catholic Free Day ... (no school word)",
        _repeat("Junior Catholic Free Day "),
    ),
    "distinct-initials": ("my son A.B.C. my son A.B.D. ...", _distinct_initials),
    "role-words": ("Doctor Doctor Doctor ...", _repeat("Doctor ")),
    "centre-words": ("Family Centre Family Centre ...", _repeat("Family Centre ")),
}


def _cpu(fn: Callable[[], object]) -> float:
    """CPU seconds of this process for one call: what the scan costs, whatever else the machine runs."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def _best(fn: Callable[[], object], first: float) -> float:
    """Best of a few runs (5 when quick, 3 under 2 s, else the one); ``first`` is the run already made."""
    best, spent = first, first
    for _ in range(4 if first < 0.1 else 2 if first < 2 else 0):
        if spent > 4.0:
            break
        elapsed = _cpu(fn)
        best, spent = min(best, elapsed), spent + elapsed
    return best


def _child_sizes(family: str, sizes: list[int], budget: float) -> None:
    """In the child process: one JSON line per size, flushed as soon as it is measured."""
    from bench.story_scanner import story
    from campaign.scanner import scan

    scan(story(200))  # regexes compiled, word lists loaded: not part of any size's figure
    generate = FAMILIES[family][1]
    measured: list[tuple[int, float]] = []
    for kb in sizes:
        text = generate(kb * 1024)
        start = time.process_time()
        findings = len(scan(text))  # the lists are loaded: a first run is a fair sample
        scanned = _best(partial(scan, text), time.process_time() - start)
        baseline = _best(partial(_WORD.findall, text), _cpu(partial(_WORD.findall, text)))
        print(json.dumps({"kb": kb, "scan": scanned, "base": baseline, "findings": findings}), flush=True)
        growth = max(2.0, scanned / measured[-1][1]) if measured else 2.0
        measured.append((kb, scanned))
        rest = [s for s in sizes if s > kb]
        if rest and scanned * growth ** math.log2(rest[0] / kb) > budget:
            predicted = scanned * growth ** math.log2(rest[0] / kb)
            print(json.dumps({"kb": rest[0], "skipped": predicted}), flush=True)
            break
    # A burst of other work on the machine can make one size look slow. If the last two sizes say
    # superlinear and are quick to repeat, time them again by turns and keep the best of each.
    if len(measured) >= 2:
        (small_kb, small), (large_kb, large) = measured[-2:]
        if _exponent(small, large, large_kb / small_kb) > SUPERLINEAR and large < 3.0:
            texts = {small_kb: generate(small_kb * 1024), large_kb: generate(large_kb * 1024)}
            best = {small_kb: small, large_kb: large}
            for _ in range(3):
                for kb, text in texts.items():
                    best[kb] = min(best[kb], _cpu(partial(scan, text)))
            for kb, seconds in best.items():
                print(json.dumps({"kb": kb, "confirmed": seconds}), flush=True)


Stage = Callable[[str, list], object]


def _text_stage(detector: Callable[[str], Iterable[object]]) -> Stage:
    return lambda text, tokens: list(detector(text))


def _token_stage(detector: Callable[[str, list], Iterable[object]]) -> Stage:
    return lambda text, tokens: list(detector(text, tokens))


def _stages() -> list[tuple[str, Stage]] | None:
    """scan() split into its stages, each a callable (text, tokens) -> result, or None if scan.py has
    changed shape."""
    import campaign.scanner  # noqa: F401  (loads campaign.scanner.scan)

    scan_module = sys.modules["campaign.scanner.scan"]
    text_detectors = getattr(scan_module, "_TEXT_DETECTORS", None)
    token_detectors = getattr(scan_module, "_TOKEN_DETECTORS", None)
    tokenise = getattr(scan_module, "tokenise", None)
    if text_detectors is None or token_detectors is None or tokenise is None:
        return None
    stages: list[tuple[str, Stage]] = []
    for d in text_detectors:
        stages.append((f"{d.__module__.rsplit('.', 1)[-1]}.{d.__name__}", _text_stage(d)))
    stages.append(("tokens.tokenise", lambda text, tokens: tokenise(text)))
    for d in token_detectors:
        stages.append((f"{d.__module__.rsplit('.', 1)[-1]}.{d.__name__}", _token_stage(d)))
    return stages


def _child_stages(family: str, sizes: list[int]) -> None:
    """In the child process: per size, the seconds each stage of scan() takes alone, then a profile."""
    import cProfile
    import pstats

    stages = _stages()
    scan_module = sys.modules["campaign.scanner.scan"]
    merge = getattr(scan_module, "_merge", None)
    if stages is None or merge is None:
        print(json.dumps({"error": "scan.py has no _TEXT_DETECTORS/_TOKEN_DETECTORS/_merge"}), flush=True)
        return
    tokenise = scan_module.tokenise
    generate = FAMILIES[family][1]
    for kb in sizes:
        text = generate(kb * 1024)
        tokens = tokenise(text)
        seconds: dict[str, float] = {}
        found: list = []
        for name, stage in stages:
            start = time.process_time()
            result = stage(text, tokens)
            seconds[name] = time.process_time() - start
            if isinstance(result, list) and name != "tokens.tokenise":
                found.extend(result)
        seconds["scan._merge"] = _cpu(partial(merge, text, found))
        print(json.dumps({"kb": kb, "stages": seconds}), flush=True)
    # Where the time goes inside the slowest stage, at the smaller size (profiling slows things down).
    text = generate(sizes[0] * 1024)
    profiler = cProfile.Profile()
    profiler.runcall(scan_module.scan, text)
    stats = pstats.Stats(profiler)
    rows = []
    for (path, line, function), (_, calls, own, total, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "campaign" in path:
            rows.append((own, total, calls, f"{path[path.index('campaign') :]}:{line}({function})"))
        elif path == "~" and "profiler" not in function:
            rows.append((own, total, calls, function))  # a builtin: str.count, list.insert...
    rows.sort(reverse=True)
    print(json.dumps({"profile": rows[:5]}), flush=True)


def _spawn(args: list[str], line_timeout: float) -> tuple[list[dict], bool]:
    """Run this module as a child with ``args``; (its JSON lines, whether it was killed for taking
    longer than ``line_timeout`` seconds to print a line)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.scanner_adversarial", *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    assert process.stdout is not None
    lines: list[dict] = []
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    killed = False
    try:
        while True:
            if not selector.select(timeout=line_timeout):
                process.kill()
                killed = True
                break
            line = process.stdout.readline()
            if not line:
                break
            lines.append(json.loads(line))
    finally:
        selector.close()
        process.stdout.close()
        process.wait()
    return lines, killed


def _exponent(small: float, large: float, ratio: float = 2.0) -> float:
    return math.log(large / small) / math.log(ratio)


def measure_family(family: str, sizes: list[int], budget: float) -> dict:
    lines, killed = _spawn(
        ["--child", family, "--sizes", ",".join(map(str, sizes)), "--budget", str(budget)],
        # The first run of a size may take up to the budget; then text generation, repeats and baseline.
        line_timeout=budget + 10,
    )
    rows = [line for line in lines if "scan" in line]
    for line in lines:
        if "confirmed" in line:
            row = next(r for r in rows if r["kb"] == line["kb"])
            row["scan"] = min(row["scan"], line["confirmed"])
    skipped = next((line for line in lines if "skipped" in line), None)
    timeout_kb = None
    if killed:
        timeout_kb = next((s for s in sizes if s not in {r["kb"] for r in rows}), None)
    previous = None
    for row in rows:
        row["exponent"] = (
            _exponent(previous["scan"], row["scan"], row["kb"] / previous["kb"]) if previous else None
        )
        previous = row
    exponent = rows[-1]["exponent"] if rows else None
    if rows and timeout_kb:
        # The killed size took longer than the budget: a lower bound on the growth to it.
        bound = _exponent(rows[-1]["scan"], budget, timeout_kb / rows[-1]["kb"])
        exponent = bound if exponent is None else max(exponent, bound)
    # Over the whole range: catches a family that grows fast and then levels off before the largest
    # size (a 100,000-character line is one sentence; a longer text is two).
    overall = (
        _exponent(rows[0]["scan"], rows[-1]["scan"], rows[-1]["kb"] / rows[0]["kb"])
        if len(rows) > 1
        else None
    )
    return {
        "rows": rows,
        "skipped": skipped,
        "timeout_kb": timeout_kb,
        "exponent": exponent,
        "overall": overall,
        "superlinear": any(e is not None and e > SUPERLINEAR for e in (exponent, overall)),
    }


def diagnose(family: str, sizes: list[int], budget: float) -> dict:
    lines, _ = _spawn(["--child", family, "--stages", "--sizes", ",".join(map(str, sizes))], 3 * budget + 30)
    if any("error" in line for line in lines):
        return {"error": next(line["error"] for line in lines if "error" in line)}
    measured = [line for line in lines if "stages" in line]
    profile: list = next((line["profile"] for line in lines if "profile" in line), [])
    if len(measured) < 2:
        return {"error": "the stages did not finish in time"}
    small, large = measured[-2], measured[-1]
    ratio = large["kb"] / small["kb"]
    stages = []
    for name, seconds in large["stages"].items():
        before = small["stages"][name]
        growth = _exponent(before, seconds, ratio) if before > 1e-4 and seconds > 1e-4 else None
        stages.append({"stage": name, "seconds": seconds, "exponent": growth})
    stages.sort(key=lambda s: -s["seconds"])
    return {"kb": (small["kb"], large["kb"]), "stages": stages, "profile": profile}


def _realistic_figure(repeat: int = 50) -> dict[str, float]:
    from bench.story_scanner import _median_seconds, story
    from campaign.scanner import scan

    text = story(1000)
    scan(text)
    scanned = _median_seconds(lambda: scan(text), repeat)
    baseline = _median_seconds(lambda: _WORD.findall(text), repeat)
    return {"words": len(text.split()), "scan_ms": scanned * 1000, "ratio": scanned / baseline}


def run(
    max_kb: int = 128, budget: float = 20.0, families: list[str] | None = None, detectors: bool = True
) -> dict:
    sizes = [kb for kb in SIZES_KB if kb <= max_kb] or [max_kb]
    chosen = families or list(FAMILIES)
    print(
        f"Story scanner, adversarial input ({', '.join(map(str, sizes))} KB; a size stops past {budget:g} s)"
    )
    print(
        f"{'family':<20} {'KB':>4} {'ms':>10} {'ms/KB':>8} {'exponent':>9} {'x baseline':>11} {'findings':>8}"
    )
    results: dict[str, dict] = {}
    for family in chosen:
        result = measure_family(family, sizes, budget)
        results[family] = result
        for row in result["rows"]:
            exponent = f"{row['exponent']:9.2f}" if row["exponent"] is not None else f"{'':>9}"
            print(
                f"{family:<20} {row['kb']:>4} {row['scan'] * 1000:>10.1f} {row['scan'] * 1000 / row['kb']:>8.2f} "
                f"{exponent} {row['scan'] / row['base']:>11.0f} {row['findings']:>8}"
            )
        if result["skipped"]:
            s = result["skipped"]
            print(
                f"{family:<20} {s['kb']:>4} {'skipped':>10}   (predicted {s['skipped']:.0f} s > {budget:g} s)"
            )
        if result["timeout_kb"]:
            print(f"{family:<20} {result['timeout_kb']:>4} {'timeout':>10}   (killed after {budget:g} s)")
        if result["superlinear"]:
            print(
                f"{family:<20} SUPERLINEAR: exponent {result['exponent']:.2f} at the largest sizes, "
                f"{result['overall']:.2f} over {result['rows'][0]['kb']}-{result['rows'][-1]['kb']} KB"
            )
        sys.stdout.flush()

    flagged = [f for f in chosen if results[f]["superlinear"]]
    diagnoses: dict[str, dict] = {}
    if detectors and flagged:
        print()
        print("Superlinear families, scan() split into stages (each timed alone at the two largest sizes):")
        for family in flagged:
            measured = [row["kb"] for row in results[family]["rows"]]
            pair = measured[-2:] if len(measured) >= 2 else measured
            diagnosis = diagnose(family, pair, budget)
            diagnoses[family] = diagnosis
            if "error" in diagnosis:
                print(f"  {family}: {diagnosis['error']}")
                continue
            print(f"  {family} ({diagnosis['kb'][0]} -> {diagnosis['kb'][1]} KB):")
            for stage in diagnosis["stages"][:3]:
                growth = f"{stage['exponent']:.2f}" if stage["exponent"] is not None else "-"
                print(f"    {stage['stage']:<34} {stage['seconds'] * 1000:>10.1f} ms   exponent {growth}")
            for own, _total, calls, where in diagnosis["profile"][:4]:
                print(f"    profile: {where:<60} own {own * 1000:8.1f} ms, {calls} calls")

    measured_exponents = [
        (max(e for e in (results[f]["exponent"], results[f]["overall"]) if e is not None), f)
        for f in chosen
        if results[f]["exponent"] is not None
    ]
    worst = max(measured_exponents, default=(None, None))
    realistic = _realistic_figure()
    print()
    if worst[0] is not None:
        print(f"Worst exponent: {worst[0]:.2f} ({worst[1]}); superlinear: {', '.join(flagged) or 'none'}")
    print(
        f"Realistic: {realistic['words']} words in {realistic['scan_ms']:.2f} ms "
        f"({realistic['ratio']:.0f} x baseline findall(\\w+))"
    )
    return {
        "sizes_kb": sizes,
        "families": results,
        "superlinear": flagged,
        "diagnoses": diagnoses,
        "worst_exponent": worst[0],
        "worst_family": worst[1],
        "realistic": realistic,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--max-kb", type=int, default=128, help="largest size, KB (default 128)")
    parser.add_argument("--budget", type=float, default=20.0, help="seconds one scan may take (default 20)")
    parser.add_argument("--family", action="append", choices=sorted(FAMILIES), help="only these families")
    parser.add_argument("--no-detectors", action="store_true", help="skip the per-stage diagnosis")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--sizes", help=argparse.SUPPRESS)
    parser.add_argument("--stages", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sizes = [int(s) for s in args.sizes.split(",")]
        if args.stages:
            _child_stages(args.child, sizes)
        else:
            _child_sizes(args.child, sizes, args.budget)
        return
    run(args.max_kb, args.budget, args.family, not args.no_detectors)


if __name__ == "__main__":
    main()
