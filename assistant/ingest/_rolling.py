"""Rolling captions (YouTube's automatic captions): every line is shown twice, first as the new
bottom line, then as the top line of the next cue, so each cue repeats the one before it.

Only what a cue adds is kept. A file is treated as rolling on evidence: word timings inside the
cues ("<00:00:01.000><c>"), or many cues that start with the previous cue's last line.
"""

from __future__ import annotations

import re
from itertools import pairwise

INLINE_TIMING = re.compile(r"<\d{1,2}:\d{2}(?::\d{2})?[.,]\d{3}>")
_SPEAKER_MARK = re.compile(r"^\s*>>\s*")
_SHARE_OF_REPEATS = 0.3


def is_rolling(raw_text: str, cue_lines: list[list[str]]) -> bool:
    if INLINE_TIMING.search(raw_text):
        return True
    repeats = sum(1 for before, after in pairwise(cue_lines) if before and after and _same(after[0], before[-1]))
    return len(cue_lines) >= 4 and repeats >= _SHARE_OF_REPEATS * (len(cue_lines) - 1)


def new_lines_only(cue_lines: list[list[str]]) -> list[list[str]]:
    """Per cue, the lines it adds to what was already on screen."""
    shown: list[str] = []
    fresh_per_cue = []
    for lines in cue_lines:
        fresh = lines[_overlap(shown, lines) :]
        fresh_per_cue.append(fresh)
        shown.extend(fresh)
    return fresh_per_cue


def _overlap(shown: list[str], lines: list[str]) -> int:
    """How many of the cue's first lines repeat the last lines shown (a caption window is 1-3 lines)."""
    for k in range(min(len(lines), len(shown), 3), 0, -1):
        if all(_same(a, b) for a, b in zip(shown[-k:], lines[:k], strict=True)):
            return k
    return 0


def _same(a: str, b: str) -> bool:
    """The same caption line, whether or not it carries the '>>' speaker mark this time."""
    return a == b or _SPEAKER_MARK.sub("", a) == _SPEAKER_MARK.sub("", b)
