"""Who is the coach and who is the client: labels first, then who asks the questions and who opens."""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.errors import InputError
from assistant.ingest._raw import RawTurn
from assistant.types import Role

_COACH_WORDS = ("coach", "interviewer", "counsellor", "counselor", "therapist", "facilitator", "mentor")
_CLIENT_WORDS = ("client", "coachee", "interviewee", "patient", "mentee", "cliente")
"""In English, and as a tool set to Spanish or Italian writes it ("Cliente"). Not German's
"Klientin", which a coach's own notes use in a header ("Klientin: M. de W. (Werkleiterin)")."""
_QUESTION_OPENERS = re.compile(
    r"^(what|how|why|when|where|who|which|tell me|say more|can you|could you|would you|will you|"
    r"do you|did you|are you|is it|is there|what's|how's)\b",
    re.IGNORECASE,
)


def is_role_label(speaker: str) -> bool:
    """True when a label names a role ("Coach", "CLIENT") rather than a person."""
    return role_from_label(speaker) is not None


def assign_roles(
    turns: list[RawTurn],
    *,
    coach: str | None = None,
    client: str | None = None,
    stated: dict[str, Role] | None = None,
) -> dict[str, Role]:
    """A role for every speaker label in the turns."""
    speakers = list(dict.fromkeys(t.speaker for t in turns if t.speaker is not None))
    roles: dict[str, Role] = dict(stated or {})
    if coach:
        roles[_find_speaker(coach, speakers, "--coach")] = "coach"
    if client:
        roles[_find_speaker(client, speakers, "--client")] = "client"
    for speaker in speakers:
        label_role = role_from_label(speaker)
        if speaker not in roles and label_role:
            roles[speaker] = label_role
    _infer_missing(turns, speakers, roles)
    return roles


def _find_speaker(name: str, speakers: list[str], option: str) -> str:
    wanted = name.strip().lower()
    for speaker in speakers:
        if speaker.lower() == wanted:
            return speaker
    for speaker in speakers:
        if wanted in speaker.lower().split() or speaker.lower().startswith(wanted + " "):
            return speaker
    listed = ", ".join(speakers) or "none"
    raise InputError(f"{option} {name!r} is not a speaker in this transcript (speakers: {listed})")


def role_from_label(speaker: str) -> Role | None:
    """The role a label names ("Coach", "CLIENT 2"), or None for a person's name."""
    words = set(re.findall(r"[a-z]+", speaker.lower()))
    if words & set(_COACH_WORDS):
        return "coach"
    if words & set(_CLIENT_WORDS):
        return "client"
    return None


def _infer_missing(turns: list[RawTurn], speakers: list[str], roles: dict[str, Role]) -> None:
    """Fill in coach and client by behaviour; everyone left over is 'other'."""
    unassigned = [s for s in speakers if s not in roles]
    if not unassigned:
        return
    if len(speakers) == 1:
        roles[speakers[0]] = "client"  # a monologue is the coachee's reflection
        return
    questions, words = _speech_profile(turns)
    if "coach" not in roles.values() and len(unassigned) > (0 if "client" in roles.values() else 1):
        opener = next(t.speaker for t in turns if t.speaker is not None)
        coach = max(_main_speakers(turns, unassigned), key=lambda s: questions[s] + (0.15 if s == opener else 0.0))
        roles[coach] = "coach"
        unassigned.remove(coach)
    if "client" not in roles.values() and unassigned:
        client = max(unassigned, key=lambda s: words[s])
        roles[client] = "client"
        unassigned.remove(client)
    for speaker in unassigned:
        roles[speaker] = "other"


def _main_speakers(turns: list[RawTurn], speakers: list[str]) -> list[str]:
    """Of three speakers or more, the two who take the most turns: a waiter's one "Flat white and a
    long black?" in a session recorded in a café asks in every turn they take, and is not the coach."""
    if len(speakers) <= 2:
        return speakers
    taken = {s: sum(1 for t in turns if t.speaker == s) for s in speakers}
    return sorted(speakers, key=lambda s: -taken[s])[:2]


def _speech_profile(turns: list[RawTurn]) -> tuple[dict[str, float], dict[str, int]]:
    """Per speaker: share of turns that ask a question, and words spoken."""
    asked: dict[str, int] = defaultdict(int)
    count: dict[str, int] = defaultdict(int)
    words: dict[str, int] = defaultdict(int)
    for turn in turns:
        if turn.speaker is None:
            continue
        count[turn.speaker] += 1
        words[turn.speaker] += len(turn.text.split())
        if "?" in turn.text or _QUESTION_OPENERS.match(turn.text):
            asked[turn.speaker] += 1
    return {s: asked[s] / count[s] for s in count}, dict(words)
