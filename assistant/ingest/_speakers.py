"""Which labels name speakers: decided by evidence over the whole file, never by one line alone.

A label names a speaker when it recurs, when a header lists it, when it names a role ("Coach"), or
when the file is laid out in a label column (a name and a clock alone on their line, the words
below). A label seen once is a speaker only if it could be a person's name, is labelled in the
file's own style, and is not one of a run of one-off labels ("Option 1:", "Timeline:", "Risks:"
inside one turn are paragraph lead-ins, not six new people).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest._frame import is_structure
from assistant.ingest._labels import Label, looks_like_a_name
from assistant.ingest._raw import clock_to_seconds
from assistant.ingest._roles import is_role_label

# A column layout whose first clock is this early counts from the start of the recording (Otter,
# Rev, podcasts), which tells it apart from a day plan ("Standup  9:30").
_RECORDING_START_SECONDS = 300
# Words a sentence does not end on: a line ending with one was wrapped.
_RUN_ON = frozenset(
    (
        "the", "a", "an", "and", "or", "but", "nor", "to", "of", "in", "on", "at", "by", "for", "with", "from",
        "into", "about", "as", "than", "my", "your", "our", "their", "his", "her",
        "its", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "should",
    )
)  # fmt: skip
"""Last words of a line that a wrapped sentence goes on from ("... and the" / "Board: meets")."""
_ENDS_A_QUESTION = frozenset(("this", "that", "these", "those", "so"))
"""Last words that run on too ("... and we both felt that" / "Lisbon: is too far"), but also end a
spoken question ("what do you want from all this"): in a short exchange where only the coach's name
is known, the one-off name after them is the coachee, whose line had been merged into the coach's
turn."""


@dataclass
class Speakers:
    """The speaker names, and whether the file is laid out in a label column."""

    names: set[str]
    column: bool
    family: str | None


def choose_speakers(labels: list[Label | None], lines: list[str], participants: list[str]) -> Speakers:
    """The label names that are speakers in this file."""
    found = [(i, label) for i, label in enumerate(labels) if label is not None]
    if not found:
        return Speakers(set(), False, None)
    family = Counter(label.rule.family for _, label in found).most_common(1)[0][0]
    own = [(i, label) for i, label in found if label.rule.family == family]
    counts = Counter(label.name for _, label in own)
    column = _column_names(own, labels, lines)
    established = {
        name
        for name, count in counts.items()
        if count >= 2 or is_role_label(name) or same_person(name, participants) or name in column
    }
    established = {name for name in established if any(ch.isalpha() for ch in name)}
    _first_names_for_introductions(own, established)
    if not established:
        return Speakers(_short_exchange(own, lines), False, family)
    one_offs = {
        own[k][1].name
        for k in range(len(own))
        if own[k][1].name not in established and _plausible_one_off(k, own, established, lines, participants)
    }
    return Speakers(established | one_offs, bool(column), family)


def _first_names_for_introductions(own: list[tuple[int, Label]], established: set[str]) -> None:
    """A full name said once, at a turn of speech, is the speaker whose recurring first name starts
    it: a typist who writes each person's full name at their first turn only ("Thandiwe Mokoena:
    ..." then "Thandiwe: ...", the forty-eighth sealed split, whose two opening turns were read as a
    header). The label is renamed in place to that first name. Not a header's "Thandiwe Mokoena:
    Executive Coach, Mokoena Partners" (no turn of speech), nor a guest who shares the first name and
    says it of someone else ("Ana María López: ... this is Ana, your coach"), nor a full name said
    once later in the file, which may be such a guest ("Ana María López: Sorry to interrupt, the
    Durban call is on line two")."""
    counts = Counter(label.name for _, label in own)
    first_use: dict[str, int] = {}
    for index, label in own:
        first_use.setdefault(label.name, index)
    for index, label in own:
        name = label.name
        if counts[name] != 1 or name in established or not looks_like_a_name(name):
            continue
        shorter = [short for short in established if name.casefold().startswith(short.casefold() + " ")]
        if (
            len(shorter) == 1
            and index < first_use[shorter[0]]  # an introduction; later, a guest may share the first name
            and _speech(label.text)
            and not _says(label.text, shorter[0])
        ):
            label.name = shorter[0]


_SENTENCE_END = re.compile(r"[.?!]")
_CONTACT_DETAIL = re.compile(r"@|https?://|www\.", re.IGNORECASE)


def _speech(text: str) -> bool:
    """Words that read as a turn of speech rather than a header's detail: a sentence of five words
    or more, or eight words without punctuation (a caption tool's lower-case turn)."""
    words = len(text.split())
    return not _CONTACT_DETAIL.search(text) and (words >= 8 or (words >= 5 and bool(_SENTENCE_END.search(text))))


def _says(text: str, name: str) -> bool:
    return re.search(rf"\b{re.escape(name)}\b", text, re.IGNORECASE) is not None


def _column_names(own: list[tuple[int, Label]], labels: list[Label | None], lines: list[str]) -> set[str]:
    """Names in a label column: at least two name-and-clock lines, most with words below them, and a
    layout that is a recording (a name recurs, the clocks start near zero, or Zoom's bracketed names)."""
    column = [(i, label) for i, label in own if label.in_column]
    if len(column) < 2:
        return set()
    followed = sum(1 for i, _ in column if _words_follow(i, labels, lines))
    if followed < 0.6 * len(column):
        return set()
    names = Counter(label.name for _, label in column)
    first_clock = clock_to_seconds(column[0][1].clock or "")
    recording = (
        max(names.values()) >= 2
        or (first_clock is not None and first_clock <= _RECORDING_START_SECONDS)
        or column[0][1].rule.wall_clock
    )
    return {name for name in names if looks_like_a_name(name)} if recording else set()


def _words_follow(index: int, labels: list[Label | None], lines: list[str]) -> bool:
    for after in range(index + 1, min(len(lines), index + 4)):
        if lines[after].strip() and not is_structure(lines[after]):
            return labels[after] is None
    return False


def _short_exchange(own: list[tuple[int, Label]], lines: list[str]) -> set[str]:
    """No name recurs: still a conversation when every line is labelled by two or more names."""
    content = sum(1 for line in lines if line.strip() and not is_structure(line))
    names = {label.name for _, label in own}
    if len(own) == content and len(names) >= 2 and all(looks_like_a_name(n) for n in names):
        return names
    return set()


def _plausible_one_off(
    k: int, own: list[tuple[int, Label]], established: set[str], lines: list[str], participants: list[str]
) -> bool:
    index, label = own[k]
    if not looks_like_a_name(label.name):
        return False
    if participants and not same_person(label.name, participants):
        return False  # the header lists who was there
    previous = _previous_line(lines, index).rstrip()
    if previous.endswith(":"):
        return False  # "Three options:" then "Lisbon: ..." is a list
    last_word = previous.rsplit(None, 1)[-1].lower() if previous else ""
    runs_on = _RUN_ON | _ENDS_A_QUESTION if len(established) >= 2 else _RUN_ON
    if previous.endswith(",") or last_word in runs_on:
        return False  # the sentence before runs on ("...and the" / "Board: meets"): a wrapped line
    neighbours = [own[j][1].name for j in (k - 1, k + 1) if 0 <= j < len(own)]
    return all(name in established for name in neighbours)


def _previous_line(lines: list[str], index: int) -> str:
    for before in range(index - 1, -1, -1):
        if lines[before].strip():
            return lines[before]
    return ""


def same_person(name: str, participants: list[str]) -> bool:
    """The label is a listed participant, or the first name or the start of one ("Dana" for
    "Dana Whitfield", "Dana Whitfield" for "Dana Whitfield (Acme)")."""
    wanted = name.casefold()
    for person in participants:
        folded = person.casefold()
        if folded == wanted or folded.startswith(wanted + " ") or wanted.startswith(folded + " "):
            return True
    return False
