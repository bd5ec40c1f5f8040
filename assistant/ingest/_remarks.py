"""The coach's own notes and remarks inside a conversation, told apart from the speech.

A transcript a coach uploads often holds their own words beside the session's: a notes section
under the last turn ("COACH NOTES (not shared with client):"), a heading typed mid-session ("Coach
note:"), a remark on a line of its own ("(Coach comment: long silence here)", "NB: ..."). They are
read as a speaker of their own, `REMARKS`, whose role is `other`, so the analysis never takes them
for the client's words; what a client reads out ("Note to self: ...") inside their own turn stays
theirs. Found by sixty files written apart from the reader and three reviews of the first versions
(tests/ingest/test_exports.py, tests/ingest/test_review_cases.py).
"""

from __future__ import annotations

import re

from assistant.ingest._frame import is_structure
from assistant.ingest._labels import Label, bare_notes_heading, notes_heading
from assistant.ingest._speakers import Speakers

REMARKS = "Notes"
"""The speaker of the coach's own notes and remarks in a conversation, kept apart from the speech."""


def notes_blocks(lines: list[str], labels: list[Label | None], speakers: Speakers) -> tuple[dict[int, str], set[int]]:
    """The coach's notes in a conversation: each notes heading's line with the words after it, and the
    lines its notes run over. Below the last turn a heading's notes run to the end; above it, a heading alone on its
    line after a blank one runs to the next blank line, time line or turn ("Coach note:" / "Long
    silence here." / "" / "Coach: Take your time.")."""
    turn_lines = [i for i, label in enumerate(labels) if label and label.name in speakers.names]
    headings: dict[int, str] = {}
    members: set[int] = set()
    if not turn_lines:
        return headings, members
    index = turn_lines[0] + 1
    while index < len(lines):
        words = notes_heading(lines[index]) if labels[index] is None else None
        blank_before = not lines[index - 1].strip() or is_structure(lines[index - 1])
        below = index > turn_lines[-1]
        if words is None and below and blank_before and labels[index] is None and bare_notes_heading(lines[index]):
            words = ""
        if words is None and below and labels[index] is None and lines[index].strip() and _after_a_break(lines, index):
            words = lines[index].strip()  # "---" then "Next: 16 Oct. Bring up ...": the coach's, below the talk
        if words is None or not (below or (not words and blank_before)):
            index += 1
            continue
        headings[index] = words
        end = len(lines) if below else _paragraph_end(lines, labels, speakers, index + 1)
        members.update(range(index + 1, end))
        index = max(end, index + 1)
    return headings, members


_BREAK = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")


def _after_a_break(lines: list[str], index: int) -> bool:
    """The first words under a Markdown break ("---") below the last turn."""
    before = next((line for line in reversed(lines[:index]) if line.strip()), "")
    return bool(_BREAK.match(before))


def _paragraph_end(lines: list[str], labels: list[Label | None], speakers: Speakers, start: int) -> int:
    """Where the coach's notes under a heading above the last turn end: at the first blank line, time
    line or speaker's turn ("Summary:" typed mid-session, then "Coach: So you want to call her." is the
    conversation going on, not notes)."""
    for index in range(start, len(lines)):
        label = labels[index]
        if not lines[index].strip() or is_structure(lines[index]) or (label and label.name in speakers.names):
            return index
    return len(lines)


_REMARK_WORD = re.compile(r"^\W*(?:nb|n\.b\.?|coach(?:'s|’s)? (?:comments?|notes?))\s*:", re.I)
"""Words that say a line is the coach's remark wherever it stands ("NB: ...", "(Coach comment: ...)");
a client may read out a "Note to self:" or a "Comment:" of their own, so those count only between
turns."""


def remark(lines: list[str], labels: list[Label | None], speakers: Speakers, index: int) -> str | None:
    """The words of a remark of the coach's: a line after a remark word ("NB: third time he's mentioned
    it", "(Coach comment: long silence here)") wherever it stands; a line in brackets of three words or
    more ("[rest was scheduling – deleted]") or after another notes word ("Summary: ...") only on a
    line of its own between two turns, a blank line before it and a turn (or the end) after it. A
    bracketed line inside a turn ("(long pause, looks away)" before "I'll call her on Sunday.") stays
    the speaker's."""
    line = lines[index]
    inner = aside(line)
    if inner is not None and _REMARK_WORD.match(inner):
        return inner
    if labels[index] is None and _REMARK_WORD.match(line) and line.strip()[-1:] != ":":
        return line.strip()
    words = inner if inner is not None else (notes_heading(line) or None) if labels[index] is None else None
    if words is None or (index > 0 and lines[index - 1].strip()):
        return None
    after = next((n for n in range(index + 1, len(lines)) if lines[n].strip() and not is_structure(lines[n])), None)
    ends_here = after is None or bool((label := labels[after]) and label.name in speakers.names)
    return words if ends_here else None


_ASIDE = re.compile(r"^\s*(?:\[(?P<a>[^\[\]]+)\]|\((?P<b>[^()]+)\)|-{2,}\s*(?P<c>[^-].*?)\s*-{2,})\s*$")
_ASIDE_WORDS = 3
"""A bracketed line of this many words or more is a remark; "[laughs]" or "(pause)" stays in the turn."""


def aside(line: str) -> str | None:
    """The words of a line that is all one bracketed remark ("[--- Zoom dropped here ---]"), or None."""
    match = _ASIDE.match(line)
    if match is None:
        return None
    words = (match["a"] or match["b"] or match["c"] or "").strip(" -–—")
    return words if len(words.split()) >= _ASIDE_WORDS else None
