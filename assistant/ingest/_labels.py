"""Speaker-label layouts of text transcripts, as data: one record per layout a tool writes.

A rule only says "this line could be labelled by <name>". Whether <name> is a speaker is decided
by the evidence over the whole file (`_speakers.py`): the label recurs, a header lists it, or the
file is laid out in a label column. Each rule carries examples and counterexamples that one
parametrised test runs (tests/ingest/test_labels.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

# A speaker name: one to five words, each starting with a capital, a digit or a non-ASCII letter
# ("Dana", "DANA W.", "Speaker 1", "Dr. O'Neill", "Élodie", "SPEAKER_00"). Lower-case words would
# admit prose such as "so the plan: ...", but for the particles of a surname before a capital
# ("Sanne de Wit", "Ana da Silva", "Ahmad bin Ismail": a writer's Markdown transcript was read as
# one utterance without them). Words are bounded so that no line makes a regex crawl.
_PARTICLE = r"(?:de|del|della|der|den|di|da|das|dos|du|la|le|van|von|ter|ten|bin|binti|al|el|zu|y)"
NAME = rf"[^\W_a-z][\w.'’\-]{{0,30}}(?:[ \t](?:{_PARTICLE}[ \t]){{0,2}}[^\W_a-z][\w.'’\-]{{0,30}}){{0,4}}"
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_OPEN, _CLOSE = r"[\[(]", r"[\])]"
# Free-text names inside brackets (Zoom display names: "dana.w", "Sam (she/her)").
_BRACKETED = r"\[(?P<name>[^\[\]\n]{1,60}?)\]"
# A role or company in brackets after the name: "Dana (Coach)", "Sam Lee (Acme)".
_ASIDE = r"(?:[ \t]\([^()\d\n]{1,30}\))?"
# Lower-case names ("dana.w", "interviewer") are labels only as one or two short words.
_LOWER_NAME = r"[a-z][\w.'’\-]{0,20}(?:[ \t][a-z][\w.'’\-]{0,20})?"


@dataclass(frozen=True)
class LabelRule:
    """One labelling layout: the pattern, what it means, and lines that do and do not match."""

    id: str
    pattern: re.Pattern[str]
    meaning: str
    family: str  # the labelling style; one document labels its speakers in one style
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    wall_clock: bool = False  # the clock is a time of day, not time since the recording started


@dataclass
class Label:
    """A line that starts a turn if its name turns out to be a speaker."""

    rule: LabelRule
    name: str
    clock: str | None
    text: str

    @property
    def in_column(self) -> bool:
        """A name and a clock alone on their line, the words below: the label column of a layout."""
        return self.clock is not None and not self.text


def _rule(
    id: str,
    pattern: str,
    meaning: str,
    family: str,
    examples: tuple[str, ...],
    counterexamples: tuple[str, ...] = (),
    wall_clock: bool = False,
) -> LabelRule:
    return LabelRule(id, re.compile(pattern), meaning, family, examples, counterexamples, wall_clock)


# Most specific first: the first rule that matches a line labels it.
RULES: tuple[LabelRule, ...] = (
    _rule(
        "clock-in-brackets-then-name",
        rf"^\s*{_OPEN}(?P<clock>{CLOCK})(?:\s*(?:-|–|-->)\s*{CLOCK})?{_CLOSE}\s*(?P<name>{NAME})\s*:\s*(?P<text>.*)$",
        "A bracketed time, then 'Name:' and the words (Descript, Zoom and Fireflies text exports).",
        "clock-first",
        ("[00:00:04] Priya Nair: Let's pick up.", "(01:02) Dana: Hi", "[00:02 - 00:05] Speaker 0: Hi"),
        counterexamples=("[00:00:12] and then we agreed on Monday.",),
    ),
    _rule(
        "clock-tab-name",
        rf"^\s*(?P<clock>{CLOCK})\t+(?P<name>[^\t\n]{{1,60}}?)\t+(?P<text>.*)$",
        "Time, name and words in tab-separated columns (Zoom's tab-separated text export).",
        "clock-first",
        ("00:00:05\tDana Whitfield\tHello there.",),
    ),
    _rule(
        "clock-then-name",
        rf"^\s*(?P<clock>{CLOCK})\s+(?P<name>{NAME})\s*:\s*(?P<text>.*)$",
        "A time, then 'Name:' and the words.",
        "clock-first",
        ("00:01:05 Dana Whitfield: Hello", "0:05 Sam: Yes."),
        counterexamples=("10:30 meeting with the board: went well",),
    ),
    _rule(
        "clock-then-name-alone",
        rf"^\s*(?P<clock>{CLOCK})[ \t]+(?P<name>{NAME})\s*$",
        "'00:00:03 Speaker 1' alone on its line, the words below (Word's Transcribe, copied out).",
        "clock-then-name",  # its own family: "14:00 Priya" in a schedule read out is no label
        ("00:00:03 Speaker 1", "00:12:40 Adebayo Ogunleye"),
        counterexamples=("10:30 meeting with the board",),
    ),
    _rule(
        "clock-dash-name",
        rf"^\s*(?P<open>{_OPEN})?(?P<clock>{CLOCK})(?::\d{{2}})?(?(open){_CLOSE})\s+[-–—]\s+(?P<name>{NAME})"
        r"(?:\s+\([^()\n]{1,40}\))?"
        r"\s*(?::\s*(?P<text>.*))?$",
        "A time, bracketed or not, a dash and the name, the words below or after a colon (Fathom, tl;dv,"
        " Happy Scribe).",
        "clock-first",
        (
            "0:05 - Dana Whitfield",
            "12:40 - Sam Lee (Acme)",
            "0:05 - Dana: Hi",
            "[00:00:02.27] - Emre Yılmaz",
            "00:00:05:16 - Intervenant 2",  # a frame after the seconds (Happy Scribe in French)
        ),
        counterexamples=("0:05 - and that was it",),
    ),
    _rule(
        "name-then-clock-in-brackets",
        rf"^\s*(?P<name>{NAME})\s*{_OPEN}(?P<clock>{CLOCK}){_CLOSE}\s*(?::\s*(?P<text>.*)|:?\s*$)",
        "The name, a bracketed time, then a colon: the words follow or start on the next line (Rev).",
        "name-then-clock",
        ("Grace Liu (00:00:03): What would help?", "Speaker 1 (00:12):", "Dana Whitfield (10:02)"),
        counterexamples=("Dana (10:02) said she would call",),
    ),
    _rule(
        "bracketed-name-then-clock",
        rf"^\s*{_BRACKETED}\s+(?P<clock>{CLOCK})(?:\s+(?P<text>.*))?\s*$",
        "'[Name] 11:02:09' with the words below or after it (Zoom's in-app transcript).",
        "bracketed-name",
        ("[Dana Whitfield] 11:02:09", "[dana.w] 09:15:00", "[Sam Lee] 10:00:01 Hello there"),
        counterexamples=("[Music] 0:05 and then",),
        wall_clock=True,
    ),
    _rule(
        "bracketed-name",
        rf"^\s*{_BRACKETED}\s*:\s*(?P<text>.*)$",
        "'[Name]: words' (WhisperX and other diarised text output).",
        "bracketed-name",
        ("[SPEAKER_00]: So what brings you here?", "[Dana]: Hi"),
        counterexamples=("[laughs] okay",),
    ),
    _rule(
        "bold-name-colon",
        rf"^\s*\*\*(?P<name>{NAME})\s*(?::\*\*|\*\*\s*:)\s*(?P<text>.*)$",
        "'**Name:**' or '**Name**:' then the words (Markdown).",
        "bold",
        ("**Coach:** How did it go?", "**Daniel**: Not yet.", "**Sanne de Wit:** And the chapter?"),
    ),
    _rule(
        "bold-name-then-clock",
        rf"^\s*\*\*(?P<name>{NAME})\*\*\s*\*{{0,2}}{_OPEN}?(?P<clock>{CLOCK}){_CLOSE}?\*{{0,2}}\s*:?\s*(?P<text>.*)$",
        "'**Name** [0:00]' with the words below or after it (Markdown podcast transcripts).",
        "bold",
        ("**Dana Whitfield** [0:00]", "**Sam** (12:03) And then?", "**Dana** 1:02"),
    ),
    _rule(
        "bold-name-alone",
        rf"^\s*\*\*(?P<name>{NAME})\*\*\s*$",
        "'**Name**' alone on its line, the words below (Markdown).",
        "bold",
        ("**Dana Whitfield**",),
    ),
    _rule(
        "name-then-clock",
        rf"^\s*(?P<name>{NAME})[ \t]+(?:[|·•–—-][ \t]*)?(?P<clock>{CLOCK})\s*$",
        "'Name  0:03' alone on its line, the words below (Otter, Teams DOCX, Webex).",
        "otter",
        ("Helen Park  0:03", "Unknown Speaker  1:02:03", "Rachel Adeyemi   0:04", "Dana Whitfield | 00:03"),
        counterexamples=("We met at 10:30",),
    ),
    _rule(
        "name-then-time-of-day",
        rf"^\s*(?P<name>{NAME})[ \t]+(?:[|·•–—-][ \t]*)?(?P<clock>{CLOCK})[ \t]?[AaPp]\.?[Mm]\.?\s*$",
        "'Name | 10:01 AM' alone on its line, the words below (Krisp and note-takers that stamp the time of day).",
        "time-of-day",  # a family of its own: in an Otter file, "Board Prep 2:00 PM" read out is no label
        ("Beatriz Santos | 10:01 AM", "Malik Johnson  2:15 pm"),
        counterexamples=("We met at 10:30 am",),
        wall_clock=True,
    ),
    _rule(
        "name-colon",
        rf"^\s*(?P<name>{NAME}{_ASIDE})\s*:\s+(?P<text>.*)$",
        "'Name: words' (typed transcripts, Google Meet, Fireflies, SRT-style text).",
        "plain",
        (
            "Dana: I will call her.",
            "COACH: What's on your mind?",
            "Speaker1: [00:00:03] Hello",
            "Dana (Coach): Hi",
            "Ana da Silva: I will.",
            "Jan van der Berg: Not yet.",
        ),
        counterexamples=("so the plan: call her", "https://example.com", "Then de facto: nothing"),
    ),
    _rule(
        "name-colon-alone",
        rf"^\s*(?P<name>{NAME}{_ASIDE})\s*:\s*$",
        "'Name:' alone on its line, the words below.",
        "plain",
        ("Dana Whitfield:",),
    ),
    _rule(
        "email-colon",
        r"^\s*(?P<name>[\w.+'-]{1,40}@[\w-]{1,40}(?:\.[\w-]{1,20}){1,4})\s*:\s+(?P<text>.*)$",
        "'address@domain: words': a meeting tool that labels each speaker by their e-mail address.",
        "plain",
        ("c.obrien@brightpath-coaching.com: Morning, Nadia.", "nadia.farouk@northwind.io: The budget."),
        counterexamples=("mail me at dana@acme.com: thanks",),
    ),
    _rule(
        "lower-name-colon",
        rf"^\s*(?P<name>{_LOWER_NAME})\s*:\s+(?P<text>.*)$",
        "'name: words' with a lower-case name (chat-style and Zoom display names).",
        "lower",
        ("interviewer: so tell me more", "dana.w: yes"),
        counterexamples=("so the plan: call her",),
    ),
)

# Words used before a colon as headings or lead-ins in notes and inside turns ("Option 1:",
# "Risks:"), never as speakers; checked with any trailing number or letter removed.
NOT_SPEAKERS = frozenset(
    (
        # headings of a coach's notes
        "note", "notes", "goal", "goals", "action", "actions", "action item", "action items", "next", "next steps",
        "next time", "summary", "agenda", "topic", "topics", "todo", "to do", "to-do", "follow up", "follow-up",
        "context", "background", "outcome", "outcomes", "purpose", "focus", "objective", "objectives",
        "observations", "reflection", "reflections", "homework", "theme", "themes", "commitments", "plan", "plans",
        "key points", "question", "questions", "answer", "answers", "q", "a", "example", "examples", "warning",
        "important", "reminder", "ps", "p.s", "re", "subject", "http", "https", "nb", "n.b", "note to self",
        "from", "to", "cc", "bcc", "sent", "reply-to",
        # header fields
        "date", "time", "duration", "location", "session", "attendees", "participants", "speakers", "title",
        "meeting", "meeting title", "meeting date", "host", "organizer", "organiser", "recorded", "recording",
        "transcript", "transcribed by", "language", "source", "url", "link", "keywords", "summary keywords",
        # lead-ins inside a turn ("Option 1:", "Timeline:", "Risks:")
        "option", "options", "timeline", "risk", "risks", "pro", "pros", "con", "cons", "pros and cons", "step",
        "steps", "phase", "point", "points", "part", "item", "items", "task", "tasks", "milestone", "milestones",
        "budget", "cost", "costs", "benefit", "benefits", "downside", "downsides", "upside", "upsides", "idea",
        "ideas", "problem", "problems", "issue", "issues", "solution", "solutions", "decision", "decisions",
        "result", "results", "status", "update", "updates", "deadline", "owner", "priority", "priorities",
        "concern", "concerns", "challenge", "challenges", "reason", "reasons", "first", "second", "third",
        "finally", "bottom line", "tldr", "tl;dr", "impact", "scope", "mitigation", "feedback", "takeaway",
        "takeaways", "insight", "insights", "learning", "learnings", "strengths", "weaknesses", "opportunities",
        "threats", "advice", "tip", "tips", "recommendation", "recommendations", "current state", "approach",
        "alternative", "alternatives", "trade-off", "trade-offs", "tradeoffs", "caveat", "day", "week", "month",
        "quarter", "chapter", "section",
        # sounds captioned in brackets ("[Music] 0:05")
        "music", "laughter", "laughs", "applause", "inaudible", "crosstalk", "silence", "noise", "pause",
    )
)  # fmt: skip
SOUNDS = re.compile(
    r"\b(?:music\w*|applause|laugh\w*|inaudible|crosstalk|cross[ -]talk|silence|pause\w*|noise\w*|foreign|"
    r"sound\w*|cough\w*|sigh\w*|chuckl\w*|overlapping|unintelligible|indiscernible|indistinct|unclear|audio|speaking|"
    r"language|bark\w*|ring\w*|typing|phone|door|knock\w*|beep\w*|clap\w*|cheer\w*|static|background|"
    r"whisper\w*|sniff\w*|groan\w*|gasp\w*|breath\w*|crying|sobbing|silent|muted?|video|in \w+)\b",
    re.IGNORECASE,
)
"""What captioners put in brackets for what is heard, not who speaks ("[Music] Welcome back",
"[Dog Barking]", "[Speaking In Spanish]")."""
# Days and months start wrapped lines ("Monday: the board"), never a speaker's name in a text file
# (in labelled captions, where a coach may be called April or June, they are left out).
_CALENDAR = frozenset(
    (
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "june", "july", "august", "september", "october", "november", "december",
    )
)  # fmt: skip
# Whose notes, then what they are: "Coach notes", "My session notes", "Coach's summary", "Key takeaways".
_NOTES_HEADING = re.compile(
    r"(?:(?:my|our|the|private|personal|coach(?:'s|’s|es)?|coaching|session|meeting|call)\s+){1,3}"
    r"(?:notes?|summary|action items|actions|next steps|takeaways|reflections?|observations?|comments?|follow[- ]ups?)"
    r"|key takeaways"
)
_MARKDOWN_HEADING = re.compile(r"^\s*#{1,6}\s+(?P<name>[^#:\n]{1,80}?)\s*#*\s*(?P<text>)$")
_ASIDE_AT_END = re.compile(r"\s*\([^()]{0,60}\)\s*$")
_HEADING_LINE = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?(?P<name>[^:*_\n]{1,80}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s*(?P<text>.*)$"
)


def notes_heading(line: str) -> str | None:
    """The words after a heading of the coach's own notes ("Notes:", "COACH NOTES (not shared with
    client):", "## Action items:"), "" when there are none; None for any other line."""
    match = _HEADING_LINE.match(line) or _MARKDOWN_HEADING.match(line)
    if match is None:
        return None
    name = _ASIDE_AT_END.sub("", match["name"].strip().lower())
    notes = name in _NOTES_WORDS or bool(_NOTES_HEADING.fullmatch(name))
    return match["text"].strip() if notes else None


_NOTES_WORDS = frozenset(
    ("note", "notes", "summary", "action items", "actions", "next steps", "takeaways", "reflections", "observations",
     "follow up", "follow-up", "homework", "commitments", "nb", "n.b", "note to self", "coach comment",
     "coach's comment", "comment", "comments", "next session",
     # coaches who keep their notes in their own language around an English session
     "notizen", "nächste sitzung", "nächster termin", "hausaufgaben", "próxima sesión", "próxima sessão",
     "prochaine séance", "afspraken", "actiepunten", "notities", "aantekeningen", "appunti", "notas", "notatki",
     "anteckningen")
)  # fmt: skip
"""Headings that open the coach's own notes below a conversation, not a lead-in inside a turn."""


def bare_notes_heading(line: str) -> bool:
    """A notes heading alone on its line with no colon ("Action items" above a note-taker's bullets,
    Krisp); read so only below the last turn, where no one is speaking any more."""
    name = line.strip().strip("#*_ ").lower()
    return name in _NOTES_WORDS or bool(_NOTES_HEADING.fullmatch(name))


# Labels numbered like speakers rather than like list items ("Speaker 2", not "Option 2").
_NUMBERED_SPEAKER = re.compile(
    r"^(speaker|person|participant|guest|interviewer|interviewee|respondent|caller|voice|user|panelist|"
    r"moderator|attendee|student|teacher|coach|client|unknown speaker|"
    # the same in the language a tool is set to: "Sprecher 1", "Intervenant 2", "Orador 1", "Spreker 2"
    r"sprecher|sprecherin|teilnehmer|intervenant|locuteur|orateur|participante?|orador|hablante|interlocutor|"
    r"parlante|relatore|spreker|deelnemer|mówca|uczestnik|talare|deltagare)[ _-]?\w{0,3}$",
    re.IGNORECASE,
)
_ENUMERATED = re.compile(r"^(?P<word>.+?)[ _-]+(?:\d+|[A-Za-z]|[IVX]+)[.)]?$")
_LEADING_CLOCK = re.compile(rf"^{_OPEN}(?P<clock>{CLOCK}){_CLOSE}\s*")
_NUMBERED = re.compile(r"^.+?[ _-]+\d+[.)]?$")


# Markdown that wraps a whole label in bold ("**Dana (00:01):**") is read as the label without it,
# in the bold style.
_BOLD_VARIANTS = {rule.id: replace(rule, id=f"bold:{rule.id}", family="bold") for rule in RULES}
_EMPHASIS = re.compile(r"\*\*|__")


QUESTION_AND_ANSWER = _rule(
    "question-answer",
    r"^\s*(?P<name>[QA])\s*[:.]\s+(?P<text>\S.*)$",
    "'Q: words' and 'A: words' (a typed interview): the one who asks and the one who answers. Read only"
    " when such lines make up much of a file (`question_and_answer_labels`): in a coach's notes a single"
    " 'Q:' is a heading.",
    "question-answer",
    ("Q: How did it go?", "A. Not well, honestly."),
    counterexamples=("Q3: revenue", "A: ", "Quarter: three"),
)
_MIN_QUESTIONS_AND_ANSWERS = 3


def question_and_answer_labels(lines: list[str], front: int = 0) -> list[Label | None] | None:
    """Labels for a file written as questions and answers ("Q: ...", "A: ..."), or None when it is not
    one: at least three of each, on half of its lines or more."""
    labels: list[Label | None] = [None] * len(lines)
    for index in range(front, len(lines)):
        if match := QUESTION_AND_ANSWER.pattern.match(lines[index]):
            labels[index] = Label(QUESTION_AND_ANSWER, match["name"], None, match["text"].strip())
    names = [label.name for label in labels if label]
    content = sum(1 for line in lines[front:] if line.strip())
    enough = min(names.count("Q"), names.count("A")) >= _MIN_QUESTIONS_AND_ANSWERS
    return labels if enough and len(names) >= 0.5 * content else None


NAME_ALONE = _rule(
    "name-alone",
    rf"^\s*(?P<name>{NAME})\s*$",
    "A bare 'Name' heading each paragraph, the words on the lines below (Otter copied with timestamps"
    " off, transcripts typed up by an assistant). Read only when such heads recur under two names or"
    " more and head most paragraphs (`_text._names_alone_as_labels`): a one-word answer ('Hugo.') or a"
    " heading in a coach's notes is no label.",
    "name-alone",
    ("Siobhan Carter", "Tom Fairbairn", "Speaker 2"),
    counterexamples=("Hugo.", "Yes, Monday at 10:30"),
)


def match_label(line: str) -> Label | None:
    """The first rule's label on this line, unless the name is a heading word ("Notes:", "Option 1:")."""
    if ":" not in line and "\t" not in line and not any(ch.isdigit() for ch in line) and "**" not in line:
        return None  # fast path: no rule can match a line without a colon, clock or bold
    label = _first_label(line)
    if label is None and line.lstrip().startswith(("**", "__")):
        label = _first_label(_EMPHASIS.sub("", line))
        if label is not None:
            label.rule = _BOLD_VARIANTS[label.rule.id]
    return label


def _first_label(line: str) -> Label | None:
    for rule in RULES:
        match = rule.pattern.match(line)
        if match is None:
            continue
        name = match["name"].strip()
        if is_heading_word(name):
            return None
        groups = match.groupdict()
        clock, text = groups.get("clock"), (groups.get("text") or "").strip()
        if clock is None and (leading := _LEADING_CLOCK.match(text)):
            clock, text = leading["clock"], text[leading.end() :]  # Sonix: "Dana: [00:00:03] words"
        return Label(rule, name, clock, text)
    return None


def is_heading_word(name: str, *, calendar: bool = True) -> bool:
    """A heading or lead-in word, with or without a number: "Notes", "Option 2", "Plan B", "COACH
    NOTES (not shared with client)"; with `calendar`, a day or a month too ("Monday:")."""
    words = NOT_SPEAKERS | _CALENDAR if calendar else NOT_SPEAKERS
    folded = name.strip().lower().rstrip(".")
    if folded in words or _NOTES_HEADING.fullmatch(_ASIDE_AT_END.sub("", folded)):
        return True
    if " " in folded and folded in _NOTES_WORDS:  # "Nächste Sitzung:", not a speaker called "Notes" alone
        return True
    enumerated = _ENUMERATED.match(folded)
    return bool(enumerated and enumerated["word"] in words)


def looks_like_a_name(name: str) -> bool:
    """Could this label name a person? Not a list item ("Option 1"), not a number, not a sentence."""
    if not any(ch.isalpha() for ch in name) or len(name.split()) > 4:
        return False
    return not _NUMBERED.match(name) or bool(_NUMBERED_SPEAKER.match(name))
