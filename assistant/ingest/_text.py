"""Plain text and Markdown: labelled transcripts, Otter exports, and a coach's unlabelled notes."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest._raw import RawTurn, clock_to_seconds, normalise_space
from assistant.ingest._roles import is_role_label

# A speaker name: one to five words, each starting with a capital or digit ("Dana", "DANA W.",
# "Speaker 1", "Dr. O'Neill", "Jean-Luc"). Lower-case words would admit prose such as "Next steps:".
_NAME = r"[A-Z0-9][\w.'’\-]*(?:[ \t][A-Z0-9][\w.'’\-]*){0,4}"
_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"

# Each labelled-line shape the issue lists, most specific first. Groups: name, clock, text.
_LABELLED = [
    re.compile(rf"^\s*[\[(](?P<clock>{_CLOCK})[\])]\s*(?P<name>{_NAME})\s*:\s*(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<clock>{_CLOCK})\s+(?P<name>{_NAME})\s*:\s*(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<name>{_NAME})\s*[\[(](?P<clock>{_CLOCK})[\])]\s*:\s*(?P<text>.*)$"),
    re.compile(rf"^\s*\*\*(?P<name>{_NAME})\s*:\*\*\s*(?P<text>.*)$"),
    re.compile(rf"^\s*\*\*(?P<name>{_NAME})\*\*\s*:\s*(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s+(?P<text>.*)$"),
    re.compile(rf"^\s*(?P<name>{_NAME})\s*:\s*$"),
]
# Otter (and Teams DOCX): "Dana Whitfield  0:03" on its own line, the words on the lines below.
_OTTER_HEADER = re.compile(rf"^\s*(?P<name>{_NAME})\s+(?P<clock>{_CLOCK})\s*$")
# Lines that are structure, not speech: Markdown headings and rules.
_STRUCTURE = re.compile(r"^\s*(#{1,6}\s|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$)")
# Words before a colon that are section labels in notes, never speakers.
_NOT_SPEAKERS = {
    "note",
    "notes",
    "goal",
    "goals",
    "action",
    "actions",
    "next",
    "summary",
    "date",
    "time",
    "agenda",
    "topic",
    "topics",
    "todo",
    "to do",
    "re",
    "subject",
    "follow up",
    "follow-up",
    "http",
    "https",
    "ps",
    "p.s",
    "warning",
    "example",
    "question",
    "answer",
    "q",
    "a",
    "context",
    "background",
    "outcome",
    "outcomes",
    "purpose",
    "attendees",
    "participants",
    "focus",
    "objective",
    "objectives",
    "observations",
    "reflection",
    "reflections",
    "homework",
    "location",
    "duration",
    "session",
    "theme",
    "themes",
    "commitments",
    "plan",
    "next steps",
    "key points",
}


@dataclass
class _Label:
    name: str
    clock: str | None
    text: str


def read_text(text: str) -> tuple[list[RawTurn], str]:
    """Turns and the shape found: 'otter', 'labelled' or 'notes'."""
    lines = text.splitlines()
    otter = _read_otter(lines)
    if otter is not None:
        return otter, "otter"
    labelled = _read_labelled(lines)
    if labelled is not None:
        return labelled, "labelled"
    return _read_notes(lines), "notes"


def _match_label(line: str) -> _Label | None:
    for pattern in _LABELLED:
        match = pattern.match(line)
        if match and match["name"].strip().lower().rstrip(".") not in _NOT_SPEAKERS:
            groups = match.groupdict()
            return _Label(match["name"].strip(), groups.get("clock"), groups.get("text") or "")
    return None


def _is_speaker_document(names: list[str], content_lines: int) -> bool:
    """Labels make a transcript when they cover much of the text and look like speakers.

    Speakers recur, or are named by role ("Coach:"), or label every line of a short exchange;
    a notes page with "Context:" and "Outcome:" once each is none of these.
    """
    if not names or len(names) < content_lines * 0.2:
        return False
    recurring = max(Counter(names).values()) >= 2
    role_named = any(is_role_label(name) for name in names)
    every_line = len(names) == content_lines and len(set(names)) >= 2
    return recurring or role_named or every_line


def _read_labelled(lines: list[str]) -> list[RawTurn] | None:
    labels = [_match_label(line) for line in lines]
    content = [line for line in lines if line.strip() and not _STRUCTURE.match(line)]
    if not _is_speaker_document([lab.name for lab in labels if lab], len(content)):
        return None
    turns: list[RawTurn] = []
    preamble: list[str] = []
    for line, label in zip(lines, labels, strict=True):
        if _STRUCTURE.match(line):
            continue
        if label:
            start = clock_to_seconds(label.clock) if label.clock else None
            turns.append(RawTurn(label.name, label.text, start))
        elif turns:
            turns[-1].text = f"{turns[-1].text}\n{line}"  # continuation of the previous speaker
        elif line.strip():
            preamble.append(line)
    return _finish(preamble, turns)


def _read_otter(lines: list[str]) -> list[RawTurn] | None:
    headers = [_OTTER_HEADER.match(line) for line in lines]
    names = [h["name"] for h in headers if h]
    if len(names) < 2 or not _is_speaker_document(names, len(names) * 2):
        return None
    turns: list[RawTurn] = []
    preamble: list[str] = []
    for line, header in zip(lines, headers, strict=True):
        if header:
            turns.append(RawTurn(header["name"].strip(), "", clock_to_seconds(header["clock"])))
        elif turns:
            turns[-1].text = f"{turns[-1].text}\n{line}"
        elif line.strip():
            preamble.append(line)
    return _finish(preamble, turns)


def _finish(preamble: list[str], turns: list[RawTurn]) -> list[RawTurn]:
    """Normalise whitespace and drop empty turns. Text before the first label is a title
    ("Transcript", "Weekly coaching - Otter.ai") when short, and dropped; longer, it is kept as notes."""
    result = []
    if preamble and not _is_title(preamble):
        result.append(RawTurn(None, normalise_space(" ".join(preamble))))
    for turn in turns:
        turn.text = normalise_space(turn.text)
        if turn.text:
            result.append(turn)
    return result


def _is_title(lines: list[str]) -> bool:
    return len(lines) <= 3 and sum(len(line.split()) for line in lines) <= 15


def _read_notes(lines: list[str]) -> list[RawTurn]:
    """A coach's own notes: one utterance per paragraph (blank lines separate paragraphs)."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [RawTurn(None, normalise_space(" ".join(p))) for p in paragraphs if p]
