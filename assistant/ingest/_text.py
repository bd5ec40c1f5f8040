"""Plain text and Markdown: labelled transcripts in every layout of `_labels.py`, and a coach's notes.

The file is read once: each line is matched against the label rules, the evidence over all lines
decides which names are speakers (`_speakers.py`), the header and footer become metadata
(`_frame.py`), and the rest becomes turns. A file where no speakers are recognised is read as
notes, one utterance per paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest._frame import (
    LEGAL_NOTICE,
    front_matter_end,
    is_boilerplate,
    is_closing,
    is_structure,
    names_a_header_field,
    read_header,
)
from assistant.ingest._labels import (
    CLOCK,
    NAME,
    NAME_ALONE,
    SOUNDS,
    Label,
    is_heading_word,
    looks_like_a_name,
    match_label,
    question_and_answer_labels,
)
from assistant.ingest._raw import Header, RawTurn, clock_to_seconds, merge_same_speaker, normalise_space
from assistant.ingest._remarks import REMARKS, notes_blocks, remark
from assistant.ingest._roles import is_role_label, role_from_label
from assistant.ingest._speakers import Speakers, choose_speakers, same_person
from assistant.types import Role

# Descript and others start a paragraph of the same speaker with its time: "[00:01:12] And then...".
_TIMED_LINE = re.compile(rf"^\s*[\[(]{CLOCK}(?:\s*(?:-|–|-->)\s*{CLOCK})?[\])]\s+(?P<text>\S.*)$")
# Emphasis spans are short; the bound keeps a line of unmatched '**' from being scanned again and again.
_BOLD = re.compile(r"\*\*(?=\S)(.{1,300}?)(?<=\S)\*\*|__(?=\S)(.{1,300}?)(?<=\S)__")
_SENTENCE_ENDS = (".", "?", "!", "…", '"', "”")
_MIN_SEGMENT_LINES = 5
_ITALIC = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


# A person's name and nothing else ("Hyun-woo Park", "P.K. Mwangi"), not a sentence.
_ONLY_A_NAME = re.compile(rf"(?!(?i:hi|hello|hey|welcome|good|thanks|thank|okay|ok|so|yes|no)\b){NAME}")


@dataclass
class TextReading:
    """Turns, the layout found ('otter', 'labelled' or 'notes') and the header."""

    turns: list[RawTurn]
    shape: str
    header: Header


_TIMED_MARKER = re.compile(rf"\s*\[(?P<sound>[^\[\]\n]{{1,40}}?)(?:\s+(?:at\s+)?{CLOCK})+\]")
"""A transcriber's marker stamped with where it falls ("[inaudible 00:03:12]", "[crosstalk
00:05:40]": Temi, Rev): no one's words when it names a sound (`SOUNDS`), and a quote a coach reads
should not hold it. Without a time ("[laughs]") it stays: the cleaned phrases leave it out, the quote
keeps what was transcribed."""


def _without_timed_markers(line: str) -> str:
    return _TIMED_MARKER.sub(lambda m: "" if SOUNDS.search(m["sound"]) else m.group(), line)


def read_text(text: str) -> TextReading:
    lines = _without_page_breaks(_unquoted(text.replace("\u00a0", " ").splitlines()))
    lines = [_without_timed_markers(line) for line in lines]
    lines = _names_beside_their_clocks(lines)
    front = front_matter_end(lines)
    labels: list[Label | None] = [None] * front
    # "CONFIDENTIALITY: This e-mail and any attachments are confidential and intended solely for the
    # addressee." under a mailed transcript reads like a turn: a mail's legal notice is no one's words
    labels += [None if re.search(LEGAL_NOTICE, line, re.IGNORECASE) else match_label(line) for line in lines[front:]]
    reading = _read_labelled(lines, labels)
    if reading is None and (asked := question_and_answer_labels(lines, front)):
        reading = _read_labelled(lines, asked)
        if reading is not None:  # the one who asks is the coach
            reading.header.stated_roles.update({"Q": "coach", "A": "client"})
    if reading is None and (heads := _names_alone_as_labels(lines, front)):
        reading = _read_labelled(lines, heads)
    return reading or TextReading(_read_notes(lines), "notes", Header())


_MIN_NAMES_ALONE = 3
"""Times each of two names at least must head a paragraph for bare names to be a file's labels: a
coach's notes on two clients, or a template's "What Went Well" / "Even Better If", head two each."""
_NAMES_ALONE_SHARE = 0.5
"""Share of the paragraphs of words that bare names must head: in a coach's notes a heading heads a few."""
_SPOKEN_SHARE = 0.6
"""Share of the headed paragraphs that must sound spoken (`_SPOKEN`, or a reply of a word or two):
notes about a client are written about them ("Sarah is more confident"), a session's turns say "I"
and "you", ask, and answer "Absolutely"."""
_SPOKEN = re.compile(
    r"\?|\b(?:i|i'm|i'll|i've|i'd|me|my|you|you're|your|we|we're|we'll|us|our|yeah|yes|no|okay|ok|mm|"
    r"mm-hmm|um|uh|right|sure|so)\b",
    re.IGNORECASE,
)


def _names_alone_as_labels(lines: list[str], front: int = 0) -> list[Label | None] | None:
    """Labels for a file whose turns are headed by a bare name on a line of its own ("Siobhan
    Carter" / "Right, so, before we start..."), or None when it is no such file. Tried only where no
    other layout made a conversation. A bare name heads the paragraph it opens; the words follow on
    its next line, or in the next paragraph (a Word file, where each line is one), whatever they are
    ("Absolutely", "Right": a one-word answer that looks like a name is words). It is a file's
    layout when two names or more head at least three paragraphs each, at least half the paragraphs
    of words are headed so, and most of those sound spoken (a coach's notes on two clients are
    written about them). "Hugo." answered on a line of its own is no head: it ends on a full stop."""
    first = _heads(lines, front, None)
    counts = Counter(label.name for label in first.labels if label)
    recurring = {name for name, count in counts.items() if count >= _MIN_NAMES_ALONE}
    if len(recurring) < 2:
        return None
    heads = _heads(lines, front, recurring)
    if heads.headed < _NAMES_ALONE_SHARE * heads.words or heads.spoken < _SPOKEN_SHARE * heads.headed:
        return None
    return heads.labels


@dataclass
class _Heads:
    labels: list[Label | None]
    words: int  # paragraphs of words
    headed: int  # of them, headed by a name
    spoken: int  # of those, sounding spoken


def _heads(lines: list[str], front: int, names: set[str] | None) -> _Heads:
    """Bare names that head paragraphs (only these `names`, when given), read in order: a paragraph
    right after a head standing alone is that head's words, never a head itself."""
    found = _Heads([None] * len(lines), 0, 0, 0)
    words_of: int | None = None  # the paragraph after a head alone holds its words
    for start, end in _paragraphs(lines, front):
        name = lines[start].strip()
        head = words_of is None and (name in names if names is not None else _could_head(name))
        if head and end - start == 1:
            found.labels[start], words_of = Label(NAME_ALONE, name, None, ""), start
            continue
        found.words += 1
        said = " ".join(lines[start + 1 if head else start : end])
        if head:
            found.labels[start] = Label(NAME_ALONE, name, None, "")
        if head or words_of is not None:
            found.headed += 1
            found.spoken += bool(_SPOKEN.search(said)) or len(said.split()) <= 2  # "Brilliant", "Absolutely"
        words_of = None
    return found


def _could_head(line: str) -> bool:
    """A bare name that could head a turn: a name alone, no heading word, and no word a person's
    name does not hold ("What Went Well" / "Even Better If": a coach's reflection template)."""
    name = line.strip()
    return (
        _name_alone(name)
        and bool(_ONLY_A_NAME.fullmatch(name))
        and not is_heading_word(name)
        and not _NOT_IN_A_NAME.intersection(name.lower().split())
    )


_NOT_IN_A_NAME = frozenset(
    (
        "what", "how", "why", "when", "where", "who", "which", "if", "the", "a", "an", "of", "for", "to", "in", "on",
        "and", "or", "my", "our", "your", "their", "with", "at", "by", "is", "are", "was", "not", "no", "next", "went",
    )
)  # fmt: skip


def _paragraphs(lines: list[str], front: int) -> list[tuple[int, int]]:
    """(first line, line after the last) of each run of non-blank lines from `front` on."""
    found, start = [], None
    for n in range(front, len(lines) + 1):
        blank = n == len(lines) or not lines[n].strip()
        if blank and start is not None:
            found.append((start, n))
            start = None
        elif not blank and start is None:
            start = n
    return found


def _read_labelled(lines: list[str], labels: list[Label | None]) -> TextReading | None:
    """The turns the labels make, or None when they make no conversation."""
    stated = _roles_in_brackets(labels)
    header, header_lines = read_header(lines, _first_turn(labels, lines))
    header.stated_roles.update(stated)
    speakers = choose_speakers(labels, lines, header.participants)
    _first_names_as_full_names(labels, speakers)
    speaker_lines = [i for i, label in enumerate(labels) if label and label.name in speakers.names]
    if not _is_conversation(speaker_lines, speakers, lines, labels):
        return None
    _take_stated_roles(labels, speaker_lines, speakers, header, header_lines)
    if not speaker_lines:
        return None
    body_end = _strip_footer(lines, speaker_lines[-1], header)
    header.removed[:0] = [lines[i].strip() for i in sorted(header_lines)]
    turns = _build_turns(lines[:body_end], labels, speakers, header_lines, header)
    if speakers.family == "bold":
        for turn in turns:
            turn.text = _ITALIC.sub(r"\1", turn.text)
    shape = "otter" if speakers.family == "otter" else "labelled"
    return TextReading(merge_same_speaker(turns), shape, header)


_QUOTED = re.compile(r"^\s*> ?")


def _unquoted(lines: list[str]) -> list[str]:
    """A transcript forwarded by e-mail, every line quoted ("> Fatima Al-Sayed  0:03"), without the
    quote marks: only when most lines carry one."""
    content = [line for line in lines if line.strip()]
    if not content or sum(1 for line in content if _QUOTED.match(line)) < 0.5 * len(content):
        return lines
    return [_QUOTED.sub("", line, count=1) for line in lines]


_ROLE_ASIDE = re.compile(r"^(?P<person>.+?)\s*\((?P<role>[^()]+)\)$")


def _roles_in_brackets(labels: list[Label | None]) -> dict[str, Role]:
    """'Ana (Coach):' and 'Ana (coach):' are one speaker, Ana, whose label says she is the coach: the
    bracket is taken off the name and kept as her stated role."""
    found: dict[str, set[Role]] = {}
    for label in labels:
        aside = _ROLE_ASIDE.match(label.name) if label else None
        role = role_from_label(aside["role"]) if aside else None
        if aside and role and not is_role_label(aside["person"]):
            found.setdefault(aside["person"], set()).add(role)
    # "Chris (Coach)" and "Chris (Client)" are two people the bracket tells apart: their labels stay whole
    stated = {person: next(iter(roles)) for person, roles in found.items() if len(roles) == 1}
    for label in labels:
        aside = _ROLE_ASIDE.match(label.name) if label else None
        if label and aside and aside["person"] in stated and role_from_label(aside["role"]):
            label.name = aside["person"]
    return stated


def _first_names_as_full_names(labels: list[Label | None], speakers: Speakers) -> None:
    """'Sofia' after 'Sofia Lindqvist' (full names before a reconnect, first names after it) is one
    speaker: the first name is read as the one full name it starts."""
    where: dict[str, list[int]] = {}
    for index, label in enumerate(labels):
        if label and label.name in speakers.names:
            where.setdefault(label.name, []).append(index)
    for name in list(speakers.names):
        if " " in name.strip() or name not in where:
            continue
        fuller = [other for other in speakers.names if len(other) > len(name) and same_person(name, [other])]
        # Two people ("Ana" the coach, "Ana María" the client) talk in turn; one person renamed does
        # not. A full name said once is no renaming: a guest's one line ("Ana María López: Chloé,
        # this is Ana, your coach") must not rename the coach.
        if len(fuller) != 1 or len(where.get(fuller[0], [])) < 2 or _interleaved(where[name], where[fuller[0]]):
            continue
        speakers.names.discard(name)
        for label in labels:
            if label and label.name == name:
                label.name = fuller[0]


def _interleaved(short: list[int], full: list[int]) -> bool:
    """Whether two labels are used in the same stretch of the file rather than one after the other."""
    return not (max(short) < min(full) or max(full) < min(short))


_NAME_ALONE = re.compile(rf"^\s*{NAME}\s*$")


_PAGE_MARK = re.compile(r"^\s*(?:page\s+\d+\s*(?:of|/)\s*\d+|-\s*\d+\s*-)\s*$", re.IGNORECASE)


def _without_page_breaks(lines: list[str]) -> list[str]:
    """A transcript copied out of a PDF: its "Page 1 of 3" lines left out, and the running header
    printed after each (the document's first line again: "Adebayo Ogunleye – Session 6 – 05 Nov
    2024"), which would otherwise run on inside a turn cut by the page break."""
    marks = [n for n, line in enumerate(lines) if _PAGE_MARK.match(line)]
    if not marks:
        return lines
    title = next((line.strip() for line in lines if line.strip()), "")
    dropped = set(marks) | {n + 1 for n in marks if n + 1 < len(lines) and lines[n + 1].strip() == title}
    return [line for n, line in enumerate(lines) if n not in dropped]


def _names_beside_their_clocks(lines: list[str]) -> list[str]:
    """A name on one line and its time alone on the next ("Priya Raman" / "00:00:04", Zoom's web
    transcript copied into a document) become one label line, "Priya Raman  00:00:04", as Otter
    writes it; only where the pair recurs, so a heading above a lone time is left alone. A time
    spelt out for screen readers between them ("Helen Marsh" / "1 minute 4 seconds" / "1:04": a
    Teams transcript copied from the meeting's recap) is left out."""
    pairs = {
        n: below
        for n in range(len(lines) - 1)
        if _name_alone(lines[n]) and (below := _clock_below(lines, n)) is not None
    }
    if len(pairs) < 2:
        return lines
    joined, n = [], 0
    while n < len(lines):
        if n in pairs:
            clock_line = pairs[n]
            joined.append(f"{lines[n].strip()}  {_clock_alone(lines[clock_line])}")
            n = clock_line + 1
        else:
            joined.append(lines[n])
            n += 1
    return joined


_SPOKEN_DURATION = re.compile(
    r"^\s*(?=\d)(?:\d+ hours?,?\s*)?(?:\d+ minutes?,?\s*)?(?:\d+ seconds?)?\s*$", re.IGNORECASE
)


def _clock_below(lines: list[str], n: int) -> int | None:
    """The line of the time alone below a name at line `n`, past one time spelt out; None if none."""
    below = n + 1
    if below + 1 < len(lines) and _SPOKEN_DURATION.match(lines[below]):
        below += 1
    return below if _clock_alone(lines[below]) else None


def _name_alone(line: str) -> bool:
    """A person's name and nothing else on the line; not a one-word sentence ("Exactly.")."""
    return (
        bool(_NAME_ALONE.match(line))
        and looks_like_a_name(line.strip())
        and not line.rstrip().endswith((".", "?", "!"))
    )


def _first_turn(labels: list[Label | None], lines: list[str]) -> int:
    """Where the header ends: at the first label whose name labels another line too, or names a role.
    A title with a colon ("Coaching: Dmitri / Lucía (2024-04-09) - Transcript", Google Meet) is
    labelled like a turn, but only once; the header after it ("Attendees") says who spoke."""
    names = Counter(label.name for label in labels if label)
    first = next((i for i, label in enumerate(labels) if label), len(labels))
    label = labels[first] if first < len(labels) else None
    if (
        label is None
        or names[label.name] >= 2
        or is_role_label(label.name)
        or not _reads_as_a_title(label, first, lines)
    ):
        return first  # a speaker who opens the session once is still a speaker ("Manager: I'll leave you to it")
    return next((i for i in range(first + 1, len(labels)) if labels[i]), len(labels))


def _reads_as_a_title(label: Label, index: int, lines: list[str]) -> bool:
    """A one-off first label that says what a title says ("- Transcript", a date), or that a header's
    field follows ("Attendees", "Date: 9 April 2024")."""
    after = next((line for line in lines[index + 1 :] if line.strip()), "")
    return bool(_TITLE_WORDS.search(label.text)) or names_a_header_field(after)


_TITLE_WORDS = re.compile(r"\btranscript\s*$|\(\d{4}-\d{2}-\d{2}\b|\bGMT[+-]\d|\bUTC\b", re.IGNORECASE)
"""What a document's title says and a turn does not: "... (2024-04-09 08:30 GMT+2) - Transcript"."""


def _is_conversation(
    speaker_lines: list[int], speakers: Speakers, lines: list[str], labels: list[Label | None]
) -> bool:
    """Speakers make a transcript when they label much of the text, or talk back and forth often,
    or stand in a label column."""
    if not speaker_lines:
        return False
    content = sum(1 for line in lines if line.strip() and not is_structure(line))
    share = len(speaker_lines) / max(1, content)
    return speakers.column or share >= 0.2 or (share >= 0.1 and _back_and_forth(speaker_lines, labels))


def _back_and_forth(speaker_lines: list[int], labels: list[Label | None]) -> bool:
    """Two speakers or more, each with three turns or more: long turns of many paragraphs."""
    turns = Counter(label.name for i in speaker_lines if (label := labels[i]) is not None)
    return sum(1 for count in turns.values() if count >= 3) >= 2


def _take_stated_roles(
    labels: list[Label | None], speaker_lines: list[int], speakers: Speakers, header: Header, header_lines: set[int]
) -> None:
    """'Coach: Dana Whitfield' before the first turn names a role in a header; it is not speech. The
    name need not label a turn: a file labelled 'COACH:' and 'CLIENT:' may say who they are above
    its first turn ('Client: Hyun-woo Park'), which names the client. So does 'Dana Whitfield:
    Coach', the other way round."""
    people = [name for name in speakers.names if not is_role_label(name)]
    stating = _roles_stated_on_top(labels, speaker_lines, people)
    for index in list(speaker_lines):
        label = labels[index]
        assert label is not None
        if index in stating:
            header.stated_roles[label.name] = role_from_label(label.text) or "other"
            header_lines.add(index)
            speaker_lines.remove(index)
            continue
        named = label.text.strip(" .")
        person = next((name for name in people if same_person(named, [name])), None)
        if person is None and _ONLY_A_NAME.fullmatch(named) and len(named.split()) >= 2:
            person = named  # a full name; "CLIENT: Exhausted." is a turn
        if not (is_role_label(label.name) and person):
            break  # the header ends at the first real turn
        header.stated_roles[person] = role_from_label(label.name) or "other"
        header_lines.add(index)
        speaker_lines.remove(index)


def _roles_stated_on_top(labels: list[Label | None], speaker_lines: list[int], people: list[str]) -> set[int]:
    """The opening speaker lines that state a role beside a name ("Dana Whitfield: Coach"): a full
    name, or two or more such lines in a row ("Chloé: Client" / "Thandiwe: Coach"); a first name's
    one "Marcus: Coach!" is a greeting."""
    run: list[Label] = []
    for index in speaker_lines:
        label = labels[index]
        if label is None or label.name not in people or not _ROLE_ALONE.fullmatch(label.text.strip()):
            break
        run.append(label)
    opening = speaker_lines[: len(run)]  # the lines the run was read from, one each
    return {index for index, label in zip(opening, run, strict=True) if len(run) >= 2 or " " in label.name.strip()}


_ROLE_ALONE = re.compile(
    r"\(?(?:(?:the|executive|leadership|career|business|life)\s+)?(?:coach|client|coachee)\)?\.?", re.IGNORECASE
)
"""The text of a header line that states a role beside a full name ("Dana Whitfield: Coach"), not a
greeting ("Marcus: Morning, coach.") nor a title with more ("Coach, ICF PCC")."""

_CONTACT = re.compile(
    r"@|www\.|https?://|\+\d[\d ()-]{6,}\d|\(\d{2,5}\) ?\d|\b\d{3}[-. ]\d{3,4}[-. ]\d{4}\b|^sent from my\b"
    rf"|{LEGAL_NOTICE}",
    re.IGNORECASE,
)
"""What a signature holds and speech does not: an address, a site, a telephone number, a mail's
legal notice ("... are confidential and intended solely for the addressee")."""
_SIGNATURE_LINES = 8
"""An e-mail signature is short: a "-- " line with more than this below it is not one."""


def _strip_footer(lines: list[str], last_speaker_line: int, header: Header) -> int:
    """The end of the body: footer lines after the last turn's start are left out, and an e-mail
    signature below the delimiter "-- " (a transcript the coach mailed to themselves)."""
    end = len(lines)
    for n in range(last_speaker_line + 1, len(lines)):
        below = [line.strip() for line in lines[n + 1 :] if line.strip()]
        if lines[n].rstrip() == "--" and len(below) <= _SIGNATURE_LINES and any(map(_CONTACT.search, below)):
            header.removed.extend(below)
            end = n
            break
    while end > last_speaker_line + 1:
        line = lines[end - 1]
        if line.strip() and not is_structure(line) and not is_closing(line):
            break
        if is_closing(line):
            header.removed.append(line.strip())
        end -= 1
    return end


def _build_turns(
    lines: list[str], labels: list[Label | None], speakers: Speakers, header_lines: set[int], header: Header
) -> list[RawTurn]:
    turns: list[RawTurn] = []
    preamble: list[str] = []
    offset = _clock_offset(labels, speakers)
    pending_clock: float | None = None  # a clock alone on its line times the turn after it
    headings, in_notes = notes_blocks(lines, labels, speakers)
    for index, line in enumerate(lines):
        label = labels[index]
        if index in header_lines:
            continue
        if index in headings:
            # The coach's notes ("Notes:", "## Actions", "COACH NOTES (not shared with client):") are
            # theirs, not the last speaker's words: a client's "Nervous. But lighter." had run on into
            # "- G. committed: call his mother on Friday".
            turns.append(RawTurn(REMARKS, _clean(headings[index])))
            continue
        if index in in_notes:
            if line.strip() and not is_structure(line):
                turns[-1].text = f"{turns[-1].text}\n{_clean(line)}"
            continue
        if is_structure(line):
            pending_clock = _lone_clock(line, pending_clock)
            continue
        if is_boilerplate(line):
            header.removed.append(line.strip())
            continue
        if label is not None and label.name in speakers.names:
            start = clock_to_seconds(label.clock) if label.clock else pending_clock
            if start is not None and label.clock:
                start = max(0.0, start - offset)
            turns.append(RawTurn(label.name, _clean(label.text), start))
            pending_clock = None
        elif turns and (said := remark(lines, labels, speakers, index)):
            # "(Coach comment: long silence here)", "NB: third time he's mentioned it": the coach's remark,
            # not the last speaker's words; the lines after it are the remark's, as a turn's are, up to the
            # next turn ("Coach notes: he seems stuck." / "- I will send him the article on Monday.").
            turns.append(RawTurn(REMARKS, _clean(said)))
        elif turns:
            timed = _TIMED_LINE.match(line)
            turns[-1].text = f"{turns[-1].text}\n{_clean(timed['text'] if timed else line)}"
        else:
            preamble.append(line)
    if any(turn.speaker == REMARKS for turn in turns):
        header.stated_roles.setdefault(REMARKS, "other")  # never read as anyone's speech
    return _finish(preamble, turns, header)


def _clock_offset(labels: list[Label | None], speakers: Speakers) -> float:
    """Zoom's in-app transcript gives times of day; turns are timed from its first one."""
    for label in labels:
        if label and label.name in speakers.names and label.clock:
            return (clock_to_seconds(label.clock) or 0.0) if label.rule.wall_clock else 0.0
    return 0.0


def _lone_clock(line: str, pending: float | None) -> float | None:
    stamp = _clock_alone(line)
    return clock_to_seconds(stamp) if stamp else pending


_TO_THE_SECOND = r"\d{1,2}:\d{2}:\d{2}(?:[.,]\d{1,3})?"
"""A recording's time span counts seconds; a slot in a coach's diary ("09:00 - 10:00") does not."""


def _clock_alone(line: str) -> str | None:
    """The time on a line that holds nothing else ("00:00:04", "[00:01:05]"), or None; of a span
    ("00:00:04 - 00:00:12", Riverside's transcript under each name), its start."""
    stamp = line.strip().strip("[]()")
    span = re.fullmatch(rf"({_TO_THE_SECOND})\s*(?:-|–|—|-->|to)\s*{_TO_THE_SECOND}", stamp)
    if span:
        return span.group(1)
    return stamp if re.fullmatch(CLOCK, stamp) else None


def _clean(text: str) -> str:
    """Markdown emphasis is markup, not words: '**really**' reads 'really'."""
    return _BOLD.sub(lambda m: m.group(1) or m.group(2), text) if "**" in text or "__" in text else text


def _finish(preamble: list[str], turns: list[RawTurn], header: Header) -> list[RawTurn]:
    """Normalise whitespace and drop empty turns. Text before the first turn is a title when short,
    and dropped; longer, it is kept as notes."""
    result = []
    if preamble and not _is_title(preamble):
        result.append(RawTurn(None, normalise_space(" ".join(preamble))))
    elif preamble:
        header.removed[:0] = [line.strip() for line in preamble]
    for turn in turns:
        turn.text = normalise_space(turn.text)
        if turn.text:
            result.append(turn)
    return result


def _is_title(lines: list[str]) -> bool:
    return len(lines) <= 3 and sum(len(line.split()) for line in lines) <= 15


def _read_notes(lines: list[str]) -> list[RawTurn]:
    """A coach's own notes: one utterance per paragraph (blank lines separate paragraphs)."""
    if _one_sentence_a_line(lines):
        return [RawTurn(None, normalise_space(line)) for line in lines]
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return [RawTurn(None, normalise_space(" ".join(p))) for p in paragraphs if p]


def _one_sentence_a_line(lines: list[str]) -> bool:
    """No blank line at all, and most lines end a sentence: each line is its own paragraph (Whisper's
    .txt writes one segment a line). Hard-wrapped prose ends few of its lines with a stop."""
    if len(lines) < _MIN_SEGMENT_LINES or any(not line.strip() for line in lines):
        return False
    ended = sum(1 for line in lines if line.rstrip().endswith(_SENTENCE_ENDS))
    return ended >= 0.6 * len(lines)
