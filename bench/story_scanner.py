"""Story scanner speed: scan() on a ~1,000-word story vs. one regex pass over the same text.

    python -m bench.story_scanner [--words 1000] [--repeat 200]

The baseline is ``re.findall(r"\\w+", text)``, the cheapest thing that still reads every word, measured
in the same run so the ratio holds across machines. The first call also loads the name and place lists;
that one-off cost is printed separately.
"""

from __future__ import annotations

import argparse
import re
import statistics
import time

# Paragraphs in the style of a submitted story, with the kinds of details the scanner looks for and a
# good deal of ordinary text around them.
_PARAGRAPHS = [
    "My name is Kerry and I am a mum of three. My eldest, Tyler, was eight when social services first "
    "knocked on the door. He and his sister Kacey were at Highfield Junior School in Stockport and the "
    "school had rung them because Kacey had a bruise on her arm from the trampoline.",
    "Nobody asked me about it. By the time the baby was born in February 2021 we were on a child "
    "protection plan. I did every course they asked me to do and I still do not understand what I did "
    "wrong, or why nobody would tell me what they had written about me.",
    "The local authority issued care proceedings (case number MA21C00045) when my daughter was 18 months "
    "old. The hearing was before HHJ Whitcombe and the children's guardian, Ms Okafor, recommended "
    "foster care while I completed a parenting assessment.",
    "Please contact me on 07700 900461 or sarah.h.mum@example.co.uk if you need more. Please do not use "
    "my address, which is 14 Larch Close, Wigan WN3 5QT, because I am frightened her dad will find us.",
    "The health visitor wrote to the GP and the letter has his NHS number, 943 476 5919, on it. Two weeks "
    "later a social worker turned up at ten at night with PC Wood and said the baby had a fracture.",
    "In 2019 the court made a placement order. I will never understand why they split the children up. "
    "The judge said he would give me a chance but the social worker did not agree, and the guardian "
    "said nothing at all. We live in the North and there is very little support for mothers like me.",
    "I started a page at facebook.com/justice4ourboys and posted as @mumwhofights until my solicitor "
    "told me to take it down. The first conference was on the 14th of that month, then another on "
    "2.11.21, and the final hearing was listed for Tuesday 18 January 2022.",
]


def story(words: int = 1000) -> str:
    parts: list[str] = []
    count = 0
    i = 0
    while count < words:
        paragraph = _PARAGRAPHS[i % len(_PARAGRAPHS)]
        parts.append(paragraph)
        count += len(paragraph.split())
        i += 1
    return "\n\n".join(parts)


def _median_seconds(fn, repeat: int) -> float:
    fn()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def run(words: int = 1000, repeat: int = 200) -> dict[str, float]:
    text = story(words)
    import campaign  # noqa: F401  (the package imports Flask; not the scanner's cost)

    start = time.perf_counter()
    from campaign.scanner import scan

    scan(text)  # compiles the regexes and loads the lists once
    cold = time.perf_counter() - start
    findings = len(scan(text))
    scanner = _median_seconds(lambda: scan(text), repeat)
    word_pattern = re.compile(r"\w+")
    baseline = _median_seconds(lambda: word_pattern.findall(text), repeat)
    result = {
        "words": len(text.split()),
        "findings": findings,
        "scan_ms": scanner * 1000,
        "baseline_ms": baseline * 1000,
        "ratio": scanner / baseline,
        "first_call_ms": cold * 1000,
    }
    print(f"Story scanner: {result['words']} words, {findings} findings")
    print(f"  scan()                 {result['scan_ms']:8.2f} ms (median of {repeat})")
    print(f"  baseline findall(\\w+)  {result['baseline_ms']:8.3f} ms")
    print(f"  ratio                  {result['ratio']:8.1f} x baseline")
    print(
        f"  first call, cold       {result['first_call_ms']:8.2f} ms (module import: regex compile, list loading)"
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    run(args.words, args.repeat)


if __name__ == "__main__":
    main()
