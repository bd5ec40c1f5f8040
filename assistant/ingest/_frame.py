"""Headers, footers and layout lines of text transcripts: metadata and structure, never speech.

A header (a title, "Date:", "Attendees:", Otter's "SPEAKERS", YAML front matter) gives the session's
title, date and participants; a footer ("Transcribed by https://otter.ai", "Meeting ended after
00:31:02", Google's "This editable transcript..." notice) is dropped. Both are listed in
`Header.removed` so the coach can see what was left out.
"""

from __future__ import annotations

import re
from datetime import date

from assistant.ingest._labels import CLOCK
from assistant.ingest._raw import Header, normalise_space

# Lines that are layout, not speech: Markdown headings and rules, a clock alone ("00:05:00" every few
# minutes in Google Meet, a closing "[04:36]"), a whitespace-only line.
_STRUCTURE = re.compile(rf"^\s*(#{{1,6}}\s.*|#{{1,6}}|-{{3,}}|\*{{3,}}|_{{3,}}|[\[(]?{CLOCK}[\])]?)?\s*$")
_HEADER_KEYS = {
    "date",
    "time",
    "duration",
    "attendees",
    "participants",
    "speakers",
    "meeting",
    "meeting title",
    "title",
    "meeting date",
    "subject",
    "location",
    "host",
    "organizer",
    "organiser",
    "recorded",
    "recording",
    "created",
    "language",
    "source",
    "transcript",
    "summary keywords",
    "keywords",
    "tags",
    "type",
    "url",
    "link",
    "id",
}
_PEOPLE_KEYS = {"attendees", "participants", "speakers"}
_KEY_VALUE = re.compile(r"^[\s#*_>-]*(?P<key>[A-Za-z][A-Za-z _-]{0,24}?)[\s*_]*[:：][\s*_]*(?P<value>.*?)[\s*_]*$")
_KEY_ALONE = re.compile(r"^[\s#*_]*(?P<key>[A-Za-z][A-Za-z ]{2,24}?)[\s*_:]*$")
_URL = re.compile(r"https?://|www\.", re.IGNORECASE)
# Notices a tool writes into the transcript, wherever they stand.
_BOILERPLATE = (
    re.compile(r"^\W*transcribed by https?://otter\.ai\W*$", re.IGNORECASE),
    re.compile(r"^\W*this editable transcript was computer generated", re.IGNORECASE),
    re.compile(r"^\W*people can also change the text after it was created", re.IGNORECASE),
    re.compile(r"^[^.!?\n]{0,80}\b(started|stopped) transcription\s*$", re.IGNORECASE),  # Teams
    re.compile(r"^sent from my \w+(?: \w+)?\W*$", re.IGNORECASE),  # a phone's mail footer
    # "recording stopped 09:41", "[Recording ended 10:42]": a tool's or typist's marker, wherever it stands
    re.compile(
        r"^\W*(?:recording|transcription) (?:started|stopped|ended|paused|resumed)"
        r"(?: at)?(?: \d{1,2}[:.]\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)?\W*$",
        re.IGNORECASE,
    ),
)
# Closing lines, only after the last turn: "— Meeting ended —", "Meeting ended after 00:31:02", "END".
_CLOSINGS = (
    re.compile(
        r"^\W*(the )?(meeting|transcription|transcript|recording|call|session|webinar) (has )?"
        rf"(ended|stopped|finished|ends|complete|completed)( after {CLOCK}|( at)? \d{{1,2}}[:.]\d{{2}}"
        r"(:\d{2})?( ?[ap]\.?m\.?)?)?\W*$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^\W*(end|end of (the )?(transcript|transcription|recording|meeting|call|session|file))\W*$", re.IGNORECASE
    ),
)
_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
}  # fmt: skip
_YAML_ITEM = re.compile(r"^\s*-\s+(?P<value>.+?)\s*$")
_ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d{2})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})\b")
_MONTH_FIRST = re.compile(r"\b(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>(?:19|20)\d{2})\b")
_DAY_FIRST = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)? (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>(?:19|20)\d{2})\b")


def is_structure(line: str) -> bool:
    return bool(_STRUCTURE.match(line))


def is_boilerplate(line: str) -> bool:
    return any(pattern.match(line.strip()) for pattern in _BOILERPLATE)


def is_closing(line: str) -> bool:
    """A footer line: a tool's notice, or a closing line such as '— Meeting ended —'."""
    return is_boilerplate(line) or any(pattern.match(line.strip()) for pattern in _CLOSINGS)


def front_matter_end(lines: list[str]) -> int:
    """The number of lines of YAML front matter (between two '---' lines at the top); 0 when none."""
    if not lines or lines[0].strip() != "---":
        return 0
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() == "---":
            return end + 1
    return 0


def parse_date(text: str) -> str | None:
    """The first date written in the text as YYYY-MM-DD ("Wed, Mar 05, 2025", "2024/11/21", "5 March
    2025"); None when there is none. Day-month order is never guessed from "05/03/2025"."""
    for pattern in (_ISO_DATE, _MONTH_FIRST, _DAY_FIRST):
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = int(parts["m"]) if "m" in parts else _MONTHS.get(parts["mon"][:3].lower(), 0)
            try:
                return date(int(parts["y"]), month, int(parts["d"])).isoformat()
            except ValueError:
                continue
    return None


def read_header(lines: list[str], stop: int) -> tuple[Header, set[int]]:
    """What the front matter and the lines before `stop` (the first label) say, and which lines
    are header lines (by index)."""
    header = Header()
    start = front_matter_end(lines)
    used = set(range(start))
    _read_front_matter(lines[:start], header)
    expecting: str | None = None  # a key alone on its line ("Attendees") whose value is the next line
    for index in range(start, stop):
        line = lines[index].strip()
        if not line:
            continue
        if expecting:
            _take(header, expecting, line)
            used.add(index)
            expecting = None
        elif _header_line(normalise_space(line), header):  # one space between words: no long runs to scan
            used.add(index)
            expecting = _key_alone(line)
    return header, used


def _read_front_matter(lines: list[str], header: Header) -> None:
    """'key: value' lines, and YAML lists ('attendees:' then '- Dana Whitfield' lines)."""
    key = ""
    for line in lines:
        if (item := _YAML_ITEM.match(line)) and key:
            _take(header, key, item["value"])
        elif match := _KEY_VALUE.match(line):
            key = match["key"]
            if match["value"]:
                _take(header, key, match["value"])


def _header_line(line: str, header: Header) -> bool:
    """Is this preamble line metadata? Records what it says in the header."""
    if _key_alone(line) or line.strip(" #*:").lower() in ("transcript", "meeting transcript"):
        return True
    match = _KEY_VALUE.match(line)
    if match and match["key"].strip().lower() in _HEADER_KEYS:
        _take(header, match["key"].strip().lower(), match["value"])
        return True
    if _URL.search(line) and len(line.split()) <= 15:
        return True
    words = len(line.split())
    found = parse_date(line)
    if found and words <= 12:
        header.date = header.date or found
        _title(header, line, found)
        return True
    if header.title is None and words <= 12 and not line.rstrip().endswith((".", "?", "!", ",")):
        _title(header, line, None)
        return True
    return False


def names_a_header_field(line: str) -> bool:
    """'Attendees', 'Date: 9 April 2024', 'Participants: ...': a line of a document's header."""
    match = _KEY_VALUE.match(line)
    return bool(_key_alone(line) or (match and match["key"].strip().lower() in _HEADER_KEYS))


def _key_alone(line: str) -> str | None:
    match = _KEY_ALONE.match(line)
    key = match["key"].strip().lower() if match else ""
    return key if key in _PEOPLE_KEYS | {"summary keywords", "keywords"} else None


def _take(header: Header, key: str, value: str) -> None:
    key = key.strip().lower()
    value = value.strip().strip("[]")
    if key in _PEOPLE_KEYS:
        names = [name.strip(" *_\"'") for name in re.split(r"[,;]| and ", value)]
        header.participants.extend(name for name in names if name and name not in header.participants)
    elif key in ("date", "meeting date", "time", "recorded", "created"):
        header.date = header.date or parse_date(value)
    elif key in ("title", "meeting title", "meeting", "subject") and value:
        header.title = header.title or value


def _title(header: Header, line: str, found_date: str | None) -> None:
    """A title line, without Markdown, a " - Transcript" suffix or a date in brackets."""
    title = re.sub(r"^[#*\s]+|[*\s]+$", "", line)
    title = re.sub(r"\s*[-–—]\s*transcript\s*$", "", title, flags=re.IGNORECASE)
    if found_date:  # keep the parts that are not the date: "Weekly sync - 2024/11/21 15:51 GMT"
        title = re.sub(r"\s*[(\[][^()\[\]]*[)\]]\s*$", "", title)
        parts = re.split(r"\s+[-–—|•]\s+", title)
        title = " - ".join(p for p in parts if parse_date(p) is None and not re.fullmatch(rf"{CLOCK}\S*", p))
    if title and header.title is None and title.lower() != "transcript":
        header.title = title
