"""A client's home: open commitments with their latest progress, the next session when it was said."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.home import client_home, next_session, session_title
from assistant.types import AnalysisMeta, Assessment, Evidence, ItemProgress, PlanEdit, SessionInfo, Utterance

REPO = Path(__file__).resolve().parents[1]
FIRST = """\
Sam: What will you do first?
Leila: I will send Mark a message today.
Sam: And the one-pager?
Leila: I will ask Priyanka for the one-pager by Friday.
Sam: And the team?
Leila: I will tell the team on Monday what happened.
Sam: Good. Same time in two weeks?
Leila: The twentieth? Yes. See you then.
"""
SECOND = """\
Sam: How did it go?
Leila: I sent Mark a message the same day. I haven't talked to the team yet.
"""


def _session(date: str | None = "2024-05-06") -> SessionInfo:
    return SessionInfo(id="s-1", client="Leila", date=date, file_name="leila.txt", created_at="2024-05-06T10:00:00")


def _lines(*texts: str) -> list[Utterance]:
    return [Utterance(index=n, speaker="x", role="client", text=t) for n, t in enumerate(texts)]


# ----------------------------------------------------------------------------- next session


@pytest.mark.parametrize(
    ("texts", "day", "quote"),
    [
        (
            ("Same time in three weeks?", "The thirteenth? Yeah. Same time. Thanks."),
            dt.date(2024, 5, 13),
            "The thirteenth?",
        ),
        (("See you on the 23rd.",), dt.date(2024, 5, 23), "See you on the 23rd."),
        (("See you on the 2nd.",), dt.date(2024, 6, 2), "See you on the 2nd."),  # the next 2nd after 6 May
        (("Same time in two weeks?", "Sure. Thanks."), dt.date(2024, 5, 20), "Same time in two weeks?"),
        (("Let's meet again on 3 June.",), dt.date(2024, 6, 3), "Let's meet again on 3 June."),
        (("See you Thursday.",), dt.date(2024, 5, 9), "See you Thursday."),
    ],
)
def test_the_next_session_said_at_the_end(texts: tuple[str, ...], day: dt.date, quote: str) -> None:
    said = next_session(_lines("We covered a lot.", *texts), _session())
    assert said is not None
    assert said.date == day
    assert said.quote == quote


def test_no_date_is_invented() -> None:
    # nothing said about meeting again
    assert next_session(_lines("I will send it on the 23rd.", "Thanks."), _session()) is None
    # a meeting, but no day
    assert next_session(_lines("Same time next month?", "If the deal allows. Yes."), _session()) is None
    # a day of the month, but the session's date is unknown: the words, not a day
    said = next_session(_lines("See you on the 23rd."), _session(date=None))
    assert said is not None and said.date is None and said.quote == "See you on the 23rd."
    # an ordinal that is not a day
    assert next_session(_lines("Next time, the first thing I do is ask."), _session()) is None


@pytest.mark.parametrize(
    ("texts", "day", "quote"),
    [
        (("Great work today, see you in two weeks",), dt.date(2024, 5, 20), "Great work today, see you in two weeks"),
        (
            ("I will send Priya the draft on Friday. See you in two weeks",),
            dt.date(2024, 5, 20),
            "See you in two weeks",
        ),
        (("See you on the 23rd",), dt.date(2024, 5, 23), "See you on the 23rd"),
        (("Same time on the thirteenth?", "Yes."), dt.date(2024, 5, 13), "Same time on the thirteenth?"),
    ],
)
def test_the_day_comes_from_the_sentence_about_meeting(texts: tuple[str, ...], day: dt.date, quote: str) -> None:
    said = next_session(_lines("We covered a lot.", *texts), _session())
    assert said is not None
    assert (said.date, said.quote) == (day, quote)


@pytest.mark.parametrize(
    "texts",
    [
        ("See you next time. The second draft goes to Priya.",),
        ("See you next time.", "The second draft goes to Priya."),
        ("Until then, good luck with the third round",),
        ("See you soon.", "Thanks. I'll see Mark tomorrow."),
    ],
)
def test_no_day_from_other_sentences_or_ordinal_nouns(texts: tuple[str, ...]) -> None:
    said = next_session(_lines("We covered a lot.", *texts), _session("2024-03-28"))
    assert said is None or said.date is None, said


def test_on_a_dev_transcript() -> None:
    from assistant.ingest import load_transcript

    transcript = load_transcript(REPO / "eval/data/dev/d01_delegation_tom_1.vtt")
    info = _session("2026-11-02")  # "Shall we meet again in three weeks?" / "so the twenty-third?"
    said = next_session(transcript.utterances, info)
    assert said is not None and said.date == dt.date(2026, 11, 23)
    assert "twenty-third" in said.quote.lower()


# ----------------------------------------------------------------------------- open commitments


def _meta() -> AnalysisMeta:
    return AnalysisMeta(backend="offline")


def test_open_commitments_with_their_latest_progress(data_dir: Path) -> None:
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    ws.store.add_client("Leila")
    first = ws.store_offline("Leila", ws.parse(FIRST.encode(), "first.txt"), date="2024-05-06").session.id
    plan = ws.store.current_plan(first).plan
    assert len(plan.items) >= 2
    rejected = plan.items[-1]
    ws.store.edit_plan(first, [PlanEdit(op="set_status", item=rejected.id, value="rejected")])
    approved = ws.store.approve_plan(first).plan

    home = client_home(ws.store, "Leila")
    kept = [i for i in approved.items if i.status != "rejected"]
    assert [o.item.id for o in home.open_items] == [i.id for i in kept]
    assert all(o.progress is None for o in home.open_items)
    assert rejected.id not in [o.item.id for o in home.open_items]
    assert home.next_session is not None and home.next_session.date == dt.date(2024, 5, 20)

    second = ws.store_offline("Leila", ws.parse(SECOND.encode(), "second.txt"), date="2024-05-20").session.id
    done, started = kept[0], kept[1]
    ws.store.save_assessment(
        Assessment(
            client="Leila",
            session_id=second,
            plan_session_id=first,
            items=[
                ItemProgress(
                    item=done, progress="done", evidence=[Evidence(utterance=1, quote="I sent Mark a message")]
                ),
                ItemProgress(item=started, progress="not_started"),
            ],
            meta=_meta(),
        )
    )
    home = client_home(ws.store, "Leila")
    shown = {o.item.id: o for o in home.open_items}
    assert done.id not in shown  # read as done: closed
    assert shown[started.id].progress == "not_started"
    assert shown[started.id].assessed_in is not None and shown[started.id].assessed_in.id == second
    assert home.next_session is None  # the last session said nothing about the next one
    assert home.approved_sessions == 1


def test_a_client_without_approved_plans_has_nothing_open(data_dir: Path) -> None:
    from assistant.workspace import Workspace

    ws = Workspace(data_dir)
    ws.store.add_client("Ada")
    assert client_home(ws.store, "Ada").open_items == []
    assert client_home(ws.store, "Ada").next_session is None


# ----------------------------------------------------------------------------- titles


def test_a_session_is_titled_by_date_and_theme() -> None:
    info = _session()
    assert session_title(info, "I want my evenings back") == "6 May 2024 · I want my evenings back"
    long = "I should probably tell them what happened, honestly, and what I'm doing about it"
    assert session_title(info, long) == "6 May 2024 · I should probably tell them what happened, honestly…"
    assert session_title(info, None) == "6 May 2024 · leila"
    assert session_title(_session(date=None), None).startswith("added 6 May 2024 · ")
