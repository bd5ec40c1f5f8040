"""Captions: WebVTT (Zoom "Name: text", Teams "<v Name>", Webex, YouTube), SRT and YouTube's SBV.

A cue is a timing line and the text below it, up to a blank line or the next timing line (some
exporters leave out the blank line; the timing line never becomes text). The speaker comes from a
voice tag, a "Name:" or "[Name]:" prefix, or Webex's cue identifier; consecutive cues of one speaker
are merged.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from assistant.ingest._labels import NAME, SOUNDS, is_heading_word
from assistant.ingest._raw import RawTurn, clock_to_seconds, merge_same_speaker, normalise_space
from assistant.ingest._roles import is_role_label
from assistant.ingest._rolling import is_rolling, new_lines_only

VTT_TIMING = re.compile(r"^\s*(?P<start>[\d:.,]+)\s*-->\s*(?P<end>[\d:.,]+)")
# "[00:00.000 --> 00:02.000]  words" on one line (Whisper's console output, MacWhisper and others).
BRACKETED_TIMING = re.compile(r"^\s*\[(?P<start>[\d:.,]+)\s*-->\s*(?P<end>[\d:.,]+)\]\s*(?P<text>.*)$")
SBV_TIMING = re.compile(r"^\s*(?P<start>\d+:\d{2}:\d{2}\.\d{3}),(?P<end>\d+:\d{2}:\d{2}\.\d{3})\s*$")
# Tags are short: bounded so that a line of stray '<' is not scanned again and again.
_VOICE = re.compile(r"<v(?:\.[\w.-]{1,40})?\s+(?P<name>[^>\n]{1,100})>")
_TAG = re.compile(r"</?[a-zA-Z][^>\n]{0,300}>|<\d[\d:.]{0,20}>")
# A cue identifier: a number, a GUID ("3f0c.../12-0") or Webex's '12 "Dana Whitfield" (3034654720)'.
_IDENTIFIER = re.compile(r'^\s*(\d+|[0-9a-fA-F-]{8,}(/\d+-\d+)?|\d+\s+"[^"]*"(\s*\(\d+\))?)\s*$')
_WEBEX_NAME = re.compile(r'^\s*\d+\s+"(?P<name>[^"]+)"')
# Zoom names are free text ("dana.w", "Sam (she/her)") but short: at most five words, no sentence stops.
_ZOOM_SPEAKER = re.compile(r"^(?P<name>[^:\n?!,;]{1,60}?):\s+(?P<text>.+)$", re.DOTALL)
_BRACKET_SPEAKER = re.compile(r"^\[(?P<name>[^\[\]\n]{1,40})\]:\s*(?P<text>.+)$", re.DOTALL)
# Riverside and others: "[Isabel Ortega] Buenos días" with no colon; only a name ("[laughs] Fair
# enough." is a typist's note in the speaker's words).
_BRACKET_NAME = re.compile(r"^\[(?P<name>[^\[\]\n]{1,40})\]\s+(?P<text>.+)$", re.DOTALL)
_HANDLE = re.compile(r"^[\w.'’\-]+(?: [\w.'’\-]+){0,3}$")
"""A name as a display name or handle may be written ("Ana Lima", "ben.okoro")."""
_NAME_LINE = re.compile(rf"^{NAME}$")
# ">>" marks a change of speaker in broadcast and YouTube captions.
_TURN_MARK = re.compile(r"^\s*(>>|&gt;&gt;)\s*")
# A subtitle's dialogue dash before a speaker's line, and the name after it ("- KOFI: She wants to do
# art."; not "- Here's the plan: I call her Monday.").
_DIALOGUE_DASH = re.compile(r"^\s*[-–—]\s+(?=\S)")
_DASHED_NAME = re.compile(rf"^{NAME}:\s")
# A cue that is only a sound ("[Music]", "(applause)", "♪") holds no speech.
_SOUND_ONLY = re.compile(r"^(\s|\[[^\]]*\]|\([^)]*\)|♪|♫)*$")


@dataclass
class _Cue:
    start: float | None
    end: float | None
    lines: list[str]
    identifier: str | None


def looks_like_vtt(text: str) -> bool:
    return text.lstrip().startswith("WEBVTT")


def looks_like_srt(text: str) -> bool:
    """An SRT file starts with a cue number, then a timing line with a comma before milliseconds."""
    lines = [line for line in text.strip().splitlines()[:3]]
    return len(lines) >= 2 and lines[0].strip().isdigit() and bool(VTT_TIMING.match(lines[1]))


def looks_like_sbv(text: str) -> bool:
    """An SBV file (YouTube) starts with '0:00:00.599,0:00:04.160'."""
    first = text.strip().split("\n", 1)[0]
    return bool(SBV_TIMING.match(first))


def looks_like_timed_text(text: str) -> bool:
    """Text or a Word document whose turns start with timing lines (Teams' older DOCX, Whisper's console)."""
    timed = 0
    for line in text.splitlines():
        if VTT_TIMING.match(line) or BRACKETED_TIMING.match(line):
            timed += 1
            if timed >= 2:
                return True
    return False


def read_timed_text(text: str) -> list[RawTurn]:
    """Timing lines start the cues; blank lines do not end them (Word puts one between paragraphs)."""
    return read_captions(text, (BRACKETED_TIMING, VTT_TIMING), blank_ends_cue=False)


def read_captions(
    text: str, timings: tuple[re.Pattern[str], ...] = (VTT_TIMING,), *, blank_ends_cue: bool = True
) -> list[RawTurn]:
    """Cues to turns, consecutive cues of one speaker merged."""
    cues = _split_cues(text.replace("\r\n", "\n").replace("\r", "\n"), timings, blank_ends_cue)
    raw_lines = [[line for line in cue.lines if line.strip()] for cue in cues]
    clean_lines = [[_clean(line) for line in lines] for lines in raw_lines]
    name_lines = _recurring_name_lines(clean_lines)
    rolling = is_rolling(text, clean_lines)
    if rolling:
        clean_lines = new_lines_only([[line for line in lines if line] for lines in clean_lines])
    names = _prefix_names(clean_lines)
    turns: list[RawTurn] = []
    for cue, raw, clean in zip(cues, raw_lines, clean_lines, strict=True):
        for part in _dialogue(clean, names):
            turn = _cue_turn(cue, raw, part, name_lines, names)
            if turn is None:
                continue
            if turn.speaker is None and turns and not turn.text.startswith(">>"):
                turn.speaker = turns[-1].speaker  # an unlabelled cue continues the current speaker
            turns.append(turn)
    if rolling:
        turns = _join_between_marks(turns)
    for turn in turns:
        turn.text = _TURN_MARK.sub("", turn.text)
    return merge_same_speaker(turns)


def _split_cues(text: str, timings: tuple[re.Pattern[str], ...], blank_ends_cue: bool) -> list[_Cue]:
    """Cues in order. Lines outside a cue (the header, NOTE and STYLE blocks) are skipped."""
    cues: list[_Cue] = []
    current: _Cue | None = None
    outside: list[str] = []  # lines since the last blank line that belong to no cue
    for line in text.split("\n"):
        match = next((m for timing in timings if (m := timing.match(line))), None)
        if match:
            identifier = outside[-1] if outside else None
            if current and current.lines and _IDENTIFIER.match(current.lines[-1]):
                identifier = current.lines.pop()  # no blank line before this cue: its identifier ended the last
            inline = match.groupdict().get("text")
            start, end = clock_to_seconds(match["start"]), clock_to_seconds(match["end"])
            current = _Cue(start, end, [inline] if inline else [], identifier)
            cues.append(current)
            outside = []
        elif not line.strip() and current is not None and not current.lines and line:
            continue  # YouTube starts a cue with a line holding one space: not the blank line that ends it
        elif not line.strip():
            if blank_ends_cue:
                current, outside = None, []
        elif current is not None:
            current.lines.append(line)
        else:
            outside.append(line)
    return cues


def _recurring_name_lines(clean_lines: list[list[str]]) -> set[str]:
    """A name alone on a cue's first line, the words below (Teams' older DOCX): taken as the speaker
    only when such names recur through most of the cues."""
    firsts = Counter(lines[0] for lines in clean_lines if len(lines) >= 2 and _NAME_LINE.match(lines[0]))
    names = {name for name, count in firsts.items() if count >= 2}
    with_name = sum(firsts[name] for name in names)
    multi_line = sum(1 for lines in clean_lines if len(lines) >= 2)
    return names if names and with_name >= 0.5 * multi_line else set()


def _prefix_names(clean_lines: list[list[str]]) -> set[str]:
    """The "Name:" prefixes that name speakers, judged over the whole file as other formats' labels
    are (`_speakers.py`). Where most spoken cues are labelled (Zoom, whose names are free text), every
    prefix but a word that opens a sentence ("Look:", "Note:") is a speaker, a third person's one
    remark included. Elsewhere a prefix must also look like a name ("Dana", "KOFI", not "Here's the
    thing" or "My plan for Monday"), and counts once another name is known: labels only where the
    speaker changes, a dialogue said once. A single one-off among unlabelled captions ("- Look: I
    call her Monday.") is the speaker's words, not a speaker."""
    parts = [part for clean in clean_lines for part in _dialogue(clean, None)]
    texts = [_TURN_MARK.sub("", "\n".join(line for line in part if line)).strip() for part in parts]
    spoken = [text for text in texts if text and not _SOUND_ONLY.match(text)]  # not "[Music]", nor rolling's empty cues
    said = [_prefixed_speaker(text)[0] for text in spoken]
    counts = Counter(name for name in said if name is not None and not _lead_in(name))
    bare_names = _bare_bracket_names(spoken)
    recurring = any(count >= 2 for count in bare_names.values())
    for name, bare in bare_names.items():
        # once, it names a speaker only as a proper name beside others that recur ("[Ben Okoro]" in a
        # Riverside file); "[Both Laugh] OK good." or "[dana] ..." once in a Zoom file is no speaker
        if bare < 2 and counts[name] == bare and not (recurring and _could_be_a_name(name)):
            del counts[name]
    if sum(counts.values()) >= 0.5 * max(1, len(spoken)):
        return set(counts)
    names = {name: count for name, count in counts.items() if is_role_label(name) or _could_be_a_name(name)}
    known = any(count >= 2 or is_role_label(name) for name, count in names.items())
    return set(names) if known or len(names) >= 2 else set()


_LEAD_INS = frozenset(
    (
        "look", "listen", "honestly", "seriously", "basically", "remember", "anyway", "well", "so", "okay", "ok",
        "right", "fine", "sorry", "yes", "no", "yeah", "oh", "hey", "wait", "see", "also", "plus", "again", "now",
        "then", "actually", "like", "quote",
    )
)  # fmt: skip
"""Words that open a spoken sentence with a colon ("Look: I call her Monday."), never a name."""


def _lead_in(name: str) -> bool:
    """A spoken lead-in, or a heading ("Note:", "Option 1:"); not a day or a month (a coach may be
    called April), nor "Q:" and "A:", which label speakers."""
    folded = name.strip().lower()
    return folded in _LEAD_INS or (len(folded) > 1 and is_heading_word(name, calendar=False))


def _could_be_a_name(name: str) -> bool:
    return bool(_NAME_LINE.match(name.strip()))


def _clean(line: str) -> str:
    text = html.unescape(_TAG.sub("", line)).replace("\u200e", "").replace("\u200f", "")
    return text.strip()


def _dialogue(clean: list[str], names: set[str] | None) -> list[list[str]]:
    """A cue's lines, split where subtitles mark each speaker's line with a dash and a name ("- MARISOL:
    What was it about?" / "- KOFI: She wants to do art."): each is a turn of its own. Other cues are
    one part; a dash without a name says nothing of who speaks, and is kept. `names` are the
    speakers' names (`_prefix_names`; None: any name)."""
    starts = [n for n, line in enumerate(clean) if _DIALOGUE_DASH.match(line)]
    named = [n for n in starts if _dashed_speaker(_DIALOGUE_DASH.sub("", clean[n]), names)]
    if not named:
        return [clean]
    cuts = [0, *[n for n in named if n > 0], len(clean)]
    parts = [clean[a:b] for a, b in zip(cuts, cuts[1:], strict=False) if a < b]
    return [
        [_DIALOGUE_DASH.sub("", part[0]), *part[1:]] if part[0] and _DIALOGUE_DASH.match(part[0]) else part
        for part in parts
    ]


def _dashed_speaker(line: str, names: set[str] | None) -> bool:
    match = _DASHED_NAME.match(line)
    if match is None:
        return False
    return names is None or line[: match.end()].rstrip()[:-1].strip() in names


def _cue_turn(cue: _Cue, raw: list[str], clean: list[str], name_lines: set[str], names: set[str]) -> RawTurn | None:
    voice = _VOICE.search("\n".join(raw))
    speaker = voice["name"].strip() if voice else None
    if speaker is None and len(clean) >= 2 and clean[0] in name_lines:
        speaker, clean = clean[0], clean[1:]
    text = "\n".join(line for line in clean if line)
    marked = bool(_TURN_MARK.match(text))
    text = _TURN_MARK.sub("", text)
    if speaker is None:
        named, words = _prefixed_speaker(text)
        if named in names:
            speaker, text = named, words
    if speaker is None and cue.identifier and (webex := _WEBEX_NAME.match(cue.identifier)):
        speaker = webex["name"].strip()
    text = normalise_space(text)
    if not text or _SOUND_ONLY.match(text):
        return None
    # An unnamed turn keeps its '>>' until the cues are joined: it must not continue the last speaker.
    return RawTurn(speaker, (">> " if marked and speaker is None else "") + text, cue.start, cue.end)


def _prefixed_speaker(text: str) -> tuple[str | None, str]:
    """'Name: words' (Zoom, Webex, WhisperX), '[Name]: words' or '[Name] words'."""
    bracketed = _BRACKET_SPEAKER.match(text.strip()) or _BRACKET_NAME.match(text.strip())
    if bracketed and _names_a_speaker(bracketed):  # before "Name:": "[Camila] A clear rule: ..." is Camila's
        return bracketed["name"].strip(), bracketed["text"]
    match = _ZOOM_SPEAKER.match(text.strip())
    if match and len(match["name"].split()) <= 5:
        return match["name"].strip(), match["text"]
    return None, text


def _names_a_speaker(bracketed: re.Match[str]) -> bool:
    """'[Name]:' always; '[Name]' without a colon only when it could be a name or handle, not a sound
    (and, judged over the file in `_prefix_names`, only one that labels two cues or more)."""
    name = bracketed["name"].strip()
    if len(name.split()) > 5:
        return False
    return bracketed.re is _BRACKET_SPEAKER or bool(_HANDLE.match(name) and not SOUNDS.search(name))


def _bare_bracket_names(spoken: list[str]) -> Counter[str]:
    """How often each '[Name] words' label without a colon opens a cue."""
    return Counter(
        m["name"].strip()
        for text in spoken
        if (m := _BRACKET_NAME.match(text.strip())) and not _BRACKET_SPEAKER.match(text.strip()) and _names_a_speaker(m)
    )


def _join_between_marks(turns: list[RawTurn]) -> list[RawTurn]:
    """Rolling captions without names: a cue is a display window, not a turn. The lines are joined;
    a '>>' mark (a change of speaker) starts a new turn."""
    joined: list[RawTurn] = []
    for turn in turns:
        if joined and turn.speaker is None and joined[-1].speaker is None and not turn.text.startswith(">>"):
            joined[-1].text = f"{joined[-1].text} {turn.text}"
            joined[-1].end = turn.end
        else:
            joined.append(turn)
    return joined
