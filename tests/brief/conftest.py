"""A short session with one firm, one hedged and one exploring intention, and its offline analysis."""

from __future__ import annotations

import json

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.types import Analysis, SourceInfo, Transcript, Utterance

SESSION = [
    ("Maya", "coach", "What would you like to work on today, Dana?"),
    ("Dana", "client", "I want to stop doing every review myself. I am exhausted by Thursday, honestly."),
    ("Maya", "coach", "What could you hand over?"),
    ("Dana", "client", "I'll probably talk to Priya about owning the weekly report."),
    ("Maya", "coach", "And the Friday review meeting?"),
    ("Dana", "client", "I will hand the Friday review to Priya. I'm going to tell the team on Monday."),
    ("Maya", "coach", "What else is still open?"),
    ("Dana", "client", "Maybe I could drop the Tuesday status call, I'm not sure yet."),
    ("Maya", "coach", "How do you feel now?"),
    ("Dana", "client", "Honestly I feel hopeful about it. Two hours back every week would change everything."),
]
HEDGED, FIRM, EXPLORING = 3, 5, 7


def make_transcript(turns: list[tuple[str, str, str]] = SESSION) -> Transcript:
    return Transcript(
        source=SourceInfo(file_name="dana.txt", format="text", sha256="d" * 64),
        client_name="Dana",
        utterances=[Utterance(index=i, speaker=s, role=r, text=t) for i, (s, r, t) in enumerate(turns)],  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def transcript() -> Transcript:
    return make_transcript()


@pytest.fixture(scope="session")
def analysis(transcript: Transcript) -> Analysis:
    return analyze_offline_checked(transcript)


def reply(*sentences: tuple[str, list[int], str]) -> str:
    """A model reply: (text, cited utterances, facet) per sentence."""
    return json.dumps({"sentences": [{"text": t, "u": u, "about": a} for t, u, a in sentences]})
