"""Chat exports: coaching by message, saved from WhatsApp or a meeting's chat.

Each message opens with its date or time and its sender, in one of the layouts below; a message
of several lines goes on without either. What the app writes itself is no one's speech: the
encryption notice, "<Media omitted>", "This message was deleted", who joined or left. Consecutive
messages of one sender are one turn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.ingest._raw import RawTurn, merge_same_speaker, normalise_space

_DATE = r"\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}"
_TIME = r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?"
_MARKS = "\u200e\u200f\u202a\u202c\ufeff"
"""Direction marks iOS puts around names, system lines and media."""

_WHATSAPP_ANDROID = re.compile(rf"^[{_MARKS}]*{_DATE},?\s+{_TIME}\s+[-–]\s+(?P<rest>.*)$")
"""'3/12/24, 9:01 PM - Funmilayo Adeyemi: Good evening' (a line with no sender is the app's)."""
_WHATSAPP_IOS = re.compile(rf"^[{_MARKS}]*\[{_DATE},?\s+{_TIME}\]\s+(?P<rest>.*)$")
"""'[14/05/2024, 07:42:10] Neha Kulkarni: Hi Arjun'."""
_SENDER = re.compile(rf"^[{_MARKS}]*(?P<name>[^:\n]{{1,60}}?):\s(?P<text>.*)$")
_MEETING_CHAT = re.compile(
    rf"^(?:{_TIME})\s+(?:From|De|Von|Da|Van)\s+(?P<name>.+?)\s+(?:to|a|an|à|para|aan)\s+(?P<to>[^:]+?)\s*:\s*(?P<text>.*)$"
)
"""Zoom's saved chat, in English or another display language: '09:14:22 From Ana to Everyone:' or
'09:14:22 De Lucía Pérez a Todos:', the message on the same line or indented on the next."""

_APP_WORDS = re.compile(
    r"^[\u200e\u200f]|^<?(?:media omitted|image omitted|video omitted|audio omitted|sticker omitted|gif omitted|"
    r"document omitted|this message was deleted\.?|you deleted this message\.?|missed (?:voice|video) call|null)>?$"
    r"|^(?:reacted to|reaccionó a|a réagi à|hat auf|reagiu a) [\"“].*[\"”] (?:with|con|avec|mit|com)\b",
    re.IGNORECASE,
)
"""A message the app wrote in the sender's place (iOS marks each with a direction mark first; a
meeting's chat writes a reaction as a message: 'Reacted to "Someone who..." with 👍')."""
_EDITED = re.compile(r"\s*<This message was edited>\s*$", re.IGNORECASE)

_LAYOUTS = (_WHATSAPP_ANDROID, _WHATSAPP_IOS, _MEETING_CHAT)
_ENOUGH = 3
"""Messages a file needs in one layout to be read as a chat (a pasted line or two is not one)."""


@dataclass
class _Message:
    sender: str | None
    lines: list[str]


def looks_like_chat(text: str) -> bool:
    """Whether most of the file's lines that open with a date or time open a message of one chat layout."""
    lines = [line for line in text.splitlines() if line.strip()]
    best = max((sum(1 for line in lines if layout.match(line)) for layout in _LAYOUTS), default=0)
    return best >= _ENOUGH and best >= 0.3 * len(lines)


def read_chat(text: str) -> list[RawTurn]:
    """The messages as turns, the app's own lines left out."""
    layout = max(_LAYOUTS, key=lambda pattern: sum(1 for line in text.splitlines() if pattern.match(line)))
    messages: list[_Message] = []
    for line in text.splitlines():
        opened = layout.match(line)
        if opened:
            messages.append(_opened(opened))
        elif messages and line.strip():
            messages[-1].lines.append(line.strip())  # a message of several lines
    turns = [_turn(message) for message in messages]
    return merge_same_speaker([turn for turn in turns if turn is not None])


def _opened(opened: re.Match[str]) -> _Message:
    if "name" in opened.groupdict():  # a meeting's chat: the sender is named in the opening
        return _Message(opened["name"].strip(), [opened["text"]])
    sender = _SENDER.match(opened["rest"])
    if sender is None:
        return _Message(None, [])  # "Messages and calls are end-to-end encrypted", "Ana joined"
    return _Message(sender["name"].strip(_MARKS + " "), [sender["text"]])


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
        text = _MENTION.sub(lambda mention: names.get(str(mention["user"]), ""), text)
        text = normalise_space(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
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
