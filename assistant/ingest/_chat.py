"""Chat exports: coaching by message, saved from WhatsApp, a meeting's chat or a Slack channel.

Each message opens with its date or time and its sender, in one of the layouts below; a message
of several lines goes on without either. What the app writes itself is no one's speech: the
encryption notice, "<Media omitted>", "This message was deleted", who joined or left. Consecutive
messages of one sender are one turn. Slack's export is JSON (`read_slack`, chosen by `_json.py`).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from assistant.ingest._labels import NAME, is_heading_word, looks_like_a_name, match_label, notes_heading
from assistant.ingest._raw import RawTurn, merge_same_speaker, normalise_space
from assistant.ingest._remarks import REMARKS

_NAME = re.compile(NAME)

_DATE = r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
_MARKS = "\u200e\u200f\u202a\u202c\ufeff"
"""Direction marks iOS puts around names, system lines and media."""

_WHATSAPP_ANDROID = re.compile(rf"^[{_MARKS}]*{_DATE},\s+{_TIME}\s+[-–]\s+(?P<rest>.*)$")
"""'3/12/24, 9:01 PM - Funmilayo Adeyemi: Good evening' (a line with no sender is the app's). The
comma after the date is WhatsApp's in every locale; a coach's dated log ("2024-03-12 09:05 - Sam:
feels stuck") has none and stays notes."""
_WHATSAPP_IOS = re.compile(rf"^[{_MARKS}]*\[{_DATE},\s+{_TIME}\]\s+(?P<rest>.*)$")
"""'[14/05/2024, 07:42:10] Neha Kulkarni: Hi Arjun'."""
_SENDER = re.compile(rf"^[{_MARKS}]*(?P<name>[^:\n]{{1,60}}?):\s(?P<text>.*)$")
_MEETING_CHAT = re.compile(
    rf"^(?:{_TIME})\s+(?:From|De|Von|Da|Van)\s+(?P<name>.+?)"
    r"(?:\s+(?:to|a|an|à|para|aan)\s+(?P<to>[^:]+?))?\s*:\s*(?P<text>.*)$"
)
"""Zoom's saved chat, in English or another display language: '09:14:22 From Ana to Everyone:' or
'09:14:22 De Lucía Pérez a Todos:', the message on the same line or indented on the next; the older
layout names no one it goes to ('09:14:22\t From  Ana Lopez : Hola')."""

_APP_WORDS = re.compile(
    r"^[\u200e\u200f]*<?(?:media omitted|image omitted|video omitted|audio omitted|sticker omitted|gif omitted|"
    r"document omitted|this message was deleted\.?|you deleted this message\.?|missed (?:voice|video) call|null)>?$"
    r"|^[\u200e\u200f]*messages and calls are end-to-end encrypted\b"
    r"|^[\u200e\u200f]*(?:missed )?(?:voice|video) call\b[^.!?]{0,30}$"
    r"|^[\u200e\u200f]*\S+\.(?:jpe?g|png|webp|gif|opus|mp3|m4a|mp4|pdf|docx?|xlsx?|pptx?|vcf) \(file attached\)$"
    r"|^[\u200e\u200f]*<attached: [^<>]+>$"  # iOS: "<attached: 00000007-PHOTO-2024-03-12-09-31-05.jpg>"
    r"|^(?:reacted to|reaccionó a|a réagi à|hat auf|reagiu a) [\"“].*[\"”] (?:with|con|avec|mit|com)\b",
    re.IGNORECASE,
)
"""A message the app wrote in the sender's place (iOS marks such lines with a direction mark; a
meeting's chat writes a reaction as a message: 'Reacted to "Someone who..." with 👍')."""
_EDITED = re.compile(r"\s*[\u200e\u200f]*<This message was edited>\s*$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?\d[\d ()\-]{6,20}$")
"""A sender WhatsApp names by number ("+234 803 555 0142")."""

_LAYOUTS = (_WHATSAPP_ANDROID, _WHATSAPP_IOS, _MEETING_CHAT)
_ENOUGH = 3
"""Messages a file needs in one layout to be read as a chat (a pasted line or two is not one)."""


@dataclass
class _Message:
    sender: str | None
    lines: list[str]


def looks_like_chat(text: str) -> bool:
    """Whether the file is a chat export: three or more messages from people (not "Session 3:" or
    "Agreed:" in a dated log) in one layout, more than twice as many as the lines labelled "Name:" in
    another way (a few WhatsApp lines pasted into a transcript do not make it a chat)."""
    return _layout(text.splitlines()) is not None


def _layout(lines: list[str]) -> re.Pattern[str] | None:
    """The chat layout of the file's messages (`looks_like_chat`), None when it is no chat."""
    best, opened = None, 0
    for layout in _LAYOUTS:
        senders = [_opened(m).sender for line in lines if (m := layout.match(line))]
        people = sum(1 for sender in senders if sender is not None)
        if people > opened:
            best, opened = layout, people
    if best is None or opened < _ENOUGH:
        return None
    labelled = sum(1 for line in lines if not best.match(line) and match_label(line) is not None)
    return best if labelled * 2 < opened else None


def read_chat(text: str) -> list[RawTurn]:
    """The messages as turns, the app's own lines left out; the coach's notes under a heading
    ("My notes:") after the messages are notes, not the last sender's words."""
    lines = text.splitlines()
    layout = _layout(lines)
    if layout is None:
        return []
    messages: list[_Message] = []
    for line in lines:
        opened = layout.match(line)
        if opened:
            messages.append(_opened(opened))
        elif messages and line.strip():
            if messages[-1].sender != REMARKS and notes_heading(line) is not None:
                messages.append(_Message(REMARKS, []))
            messages[-1].lines.append(line.strip())  # a message of several lines
    turns = [_turn(message) for message in messages]
    return merge_same_speaker([turn for turn in turns if turn is not None])


def _opened(opened: re.Match[str]) -> _Message:
    """The message a line opens; its sender None where the app speaks ("Messages and calls are
    end-to-end encrypted", 'Dana created group "Coaching: Sam"') or the label names no one."""
    if "name" in opened.groupdict():  # a meeting's chat: the sender is named in the opening
        return _Message(_person(opened["name"]), [opened["text"]])
    sender = _SENDER.match(opened["rest"])
    if sender is None:
        return _Message(None, [])
    return _Message(_person(sender["name"]), [sender["text"]])


def _person(label: str) -> str | None:
    """The sender as the app names them, an emoji a contact was saved with kept ("Amira Benali 🌿"),
    as a label's pronouns are; None where the label names no one."""
    name = label.strip(_MARKS + " ")
    if _PHONE.match(name):
        return name
    bare = _EMOJI_AROUND.sub("", name)
    return name if _NAME.fullmatch(bare) and looks_like_a_name(bare) and not is_heading_word(bare) else None


_EMOJI_AROUND = re.compile(r"^[^\w(]+|\s*[^\w\s.)'’\-]+(?:\s+[^\w\s.)'’\-]+)*$")
"""Symbols before or after a contact's name: emoji, hearts, flags."""


def _turn(message: _Message) -> RawTurn | None:
    kept = [_EDITED.sub("", line) for line in message.lines if line.strip() and not _APP_WORDS.search(line.strip())]
    text = normalise_space(" ".join(kept))
    if message.sender is None or not text:
        return None
    return RawTurn(message.sender, text)


_SLACK_NOTICES = frozenset(
    ("channel_join", "channel_leave", "channel_topic", "channel_purpose", "channel_name", "channel_archive",
     "group_join", "group_leave", "pinned_item", "reminder_add", "bot_add", "bot_remove", "bot_message")
)  # fmt: skip
"""What Slack or an app writes in a channel itself ("<@U05KD8ZQ2LM> has joined the channel", a calendar
bot's reminder)."""
_MENTION = re.compile(r"<@(?P<user>\w+)(?:\|[^>]*)?>")
_LINK = re.compile(r"<(?P<url>[a-z]+:[^|>]+)(?:\|(?P<label>[^>]+))?>")


def is_slack_export(data: object) -> bool:
    """A channel's day as Slack exports it: a list of messages with a "ts" and a "type" of "message"."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(item, dict) and item.get("type") == "message" and "ts" in item for item in data)
    )


def read_slack(messages: list[dict[str, object]]) -> list[RawTurn]:
    """Each person's messages as turns, named as their profile names them; Slack's own notices left
    out, mentions written as the name of the one mentioned."""
    names = {str(m.get("user")): name for m in messages if m.get("user") and (name := _slack_name(m))}
    turns = []
    for message in messages:
        if message.get("subtype") in _SLACK_NOTICES:
            continue
        text = _LINK.sub(lambda link: str(link["label"] or link["url"]), str(message.get("text") or ""))
        text = _MENTION.sub(lambda mention: names.get(str(mention["user"]), f"@{mention['user']}"), text)
        text = normalise_space(html.unescape(text))
        speaker = _slack_name(message) or names.get(str(message.get("user")))
        if text:
            turns.append(RawTurn(speaker, text))
    return merge_same_speaker(turns)


def _slack_name(message: dict[str, object]) -> str | None:
    profile = message.get("user_profile")
    if isinstance(profile, dict):
        for key in ("real_name", "display_name", "name"):
            if isinstance(profile.get(key), str) and profile[key].strip():
                return str(profile[key]).strip()
    name = message.get("user_name")
    return name.strip() if isinstance(name, str) and name.strip() else None
