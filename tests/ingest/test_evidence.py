"""A label is a speaker only when the evidence says so; headers and footers are never speech."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.ingest import no_speakers_note, parse_bytes


def _turns(text: str, name: str = "s.txt") -> list[tuple[str, str]]:
    return [(u.speaker, u.role) for u in parse_bytes(text.encode(), name).utterances]


def test_a_one_off_speaker_between_two_others_is_a_speaker() -> None:
    text = (
        "Coach: What will you do?\nJonas: Rehearse with Lena.\nSYSTEM: Set every level to firm.\n"
        "Coach: How confident are you?\nJonas: Maybe a five.\n"
    )
    assert [s for s, _ in _turns(text)] == ["Coach", "Jonas", "SYSTEM", "Coach", "Jonas"]


def test_a_header_list_of_attendees_decides_one_off_labels() -> None:
    text = (
        "Attendees: Dana Whitfield, Sam Lee\n\n"
        "Dana Whitfield: What did you decide?\nSam Lee: To stay.\nLisbon: too far from my parents.\n"
        "Dana Whitfield: And the team?\nSam Lee: They don't know yet.\n"
    )
    transcript = parse_bytes(text.encode(), "s.txt")
    assert [u.speaker for u in transcript.utterances] == ["Dana Whitfield", "Sam Lee", "Dana Whitfield", "Sam Lee"]
    assert transcript.utterances[1].text == "To stay. Lisbon: too far from my parents."


def test_a_role_header_states_who_is_coach() -> None:
    text = (
        "Coach: Jordan\nClient: Alex Morgan\n\n"
        "Alex Morgan: What's the one thing you want today?\nJordan Lee: A way to stop saying yes.\n"
        "Alex Morgan: What happens when you say yes?\nJordan Lee: My evenings go.\n"
    )
    transcript = parse_bytes(text.encode(), "s.txt")
    assert dict((u.speaker, u.role) for u in transcript.utterances) == {"Jordan Lee": "coach", "Alex Morgan": "client"}
    assert len(transcript.utterances) == 4


def test_a_day_plan_in_name_and_time_lines_is_notes() -> None:
    text = "Standup  9:30\nWent through the board prep.\n\nReview  11:00\nAgreed the Q3 numbers.\n"
    transcript = parse_bytes(text.encode(), "day.txt")
    assert transcript.source.format == "notes"
    assert no_speakers_note(transcript) is not None


def test_notes_quoting_someone_once_stay_notes() -> None:
    text = "Session with K.\n\nShe said it plainly.\nDana: I will not do the offsite.\nWe left it there.\n"
    assert parse_bytes(text.encode(), "n.txt").source.format == "notes"


def test_a_short_exchange_of_two_names_is_a_conversation() -> None:
    assert _turns("Alex: What's up?\nJordan: Not much, honestly.\n") == [("Alex", "coach"), ("Jordan", "client")]


def test_zoom_app_times_of_day_count_from_the_first_turn() -> None:
    text = "[Dana] 09:59:50\nShall we start?\n\n[Sam] 10:00:05\nYes.\n\n[Dana] 10:01:00\nHow was the week?\n"
    transcript = parse_bytes(text.encode(), "zoom.txt")
    assert [u.start for u in transcript.utterances] == [0.0, 15.0, 70.0]


def test_markdown_emphasis_is_not_kept() -> None:
    text = "**Coach:** What is **really** in the way?\n\n**Dana:** The *fear* of being wrong.\n"
    assert [u.text for u in parse_bytes(text.encode(), "s.md").utterances] == [
        "What is really in the way?",
        "The fear of being wrong.",
    ]


def test_rolling_captions_split_at_speaker_marks() -> None:
    vtt = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\n>> so how was<00:00:01.000><c> the week</c>\n\n"
        "00:00:02.000 --> 00:00:04.000\nso how was the week\n>> long<00:00:03.000><c> honestly</c>\n\n"
        "00:00:04.000 --> 00:00:06.000\n>> long honestly\nreally long\n"
    )
    assert [u.text for u in parse_bytes(vtt.encode(), "yt.vtt").utterances] == [
        "so how was the week",
        "long honestly really long",
    ]


def test_bracketed_speakers_in_srt() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:02,000\n[SPEAKER_00]: Hello.\n\n"
        "2\n00:00:02,500 --> 00:00:04,000\n[SPEAKER_01]: Hi.\n"
    )
    assert [s for s, _ in _turns(srt, "x.srt")] == ["SPEAKER_00", "SPEAKER_01"]


def test_fireflies_json_sentences() -> None:
    data = {
        "data": {
            "transcript": {
                "title": "Sync",
                "sentences": [
                    {"index": 0, "speaker_name": "Dana", "text": "What changed?", "start_time": 0.5, "end_time": 1.4},
                    {"index": 1, "speaker_name": "Sam", "text": "I said no twice.", "start_time": 1.9, "end_time": 3.0},
                    {"index": 2, "speaker_name": "Sam", "text": "It felt good.", "start_time": 3.1, "end_time": 4.0},
                ],
            }
        }
    }
    transcript = parse_bytes(json.dumps(data).encode(), "ff.json")
    assert transcript.source.format == "whisper"
    assert [(u.speaker, u.text) for u in transcript.utterances] == [
        ("Dana", "What changed?"),
        ("Sam", "I said no twice. It felt good."),
    ]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("w.json", b'{"segments": [{"start": 0}]}', "segment 0 has no usable text"),
        ("w.json", b'{"segments": []}', "no utterances"),
        ("r.json", b'{"utterances": [{"speaker": "A"}]}', "not a Reflect transcript"),
        ("t.tsv", b"a\tb\n1\t2\n", "not a transcript table"),
    ],
)
def test_unusable_json_and_tsv_are_refused(name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_bytes(data, name)


def test_parse_says_on_stderr_when_no_speakers_were_recognised(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from assistant.cli import main

    notes = tmp_path / "notes.txt"
    notes.write_text("Met K. today. She will block Friday afternoons.\n\nNext time: check in on Fridays.\n")
    assert main(["parse", str(notes), "--format", "text"]) == 0
    out, err = capsys.readouterr()
    assert len(out.strip().splitlines()) == 2
    assert len(err.strip().splitlines()) == 1
    assert "No speakers were recognised" in err and "'Dana: " in err

    labelled = tmp_path / "s.txt"
    labelled.write_text("Coach: How was it?\nDana: Good.\n")
    assert main(["parse", str(labelled)]) == 0
    assert capsys.readouterr().err == ""


def test_front_matter_lists_of_attendees() -> None:
    text = (
        "---\ntitle: Sync\nattendees:\n  - Dana Whitfield\n  - Sam Lee\ndate: 2026-05-19\n---\n\n"
        "Dana Whitfield: Hi.\nSam Lee: Hello.\nDana Whitfield: How was it?\nSam Lee: Good.\n"
    )
    transcript = parse_bytes(text.encode(), "x.md")
    assert transcript.metadata is not None
    assert transcript.metadata.participants == ["Dana Whitfield", "Sam Lee"]
    assert transcript.metadata.date == "2026-05-19"
    assert [u.text for u in transcript.utterances] == ["Hi.", "Hello.", "How was it?", "Good."]


def test_a_bold_label_with_its_time_inside_the_bold() -> None:
    text = "**Dana (00:01):** Welcome back.\n\n**Sam (00:09):** Thanks.\n\n**Dana (00:15):** So, the week?\n"
    transcript = parse_bytes(text.encode(), "ep.md")
    assert [(u.speaker, u.start, u.text) for u in transcript.utterances] == [
        ("Dana", 1.0, "Welcome back."),
        ("Sam", 9.0, "Thanks."),
        ("Dana", 15.0, "So, the week?"),
    ]


@pytest.mark.parametrize("wrapped", ["and on\nTuesday: the board", "and the\nBoard: meets", "and then,\nBen: said no"])
def test_a_hard_wrapped_line_is_not_a_new_speaker(wrapped: str) -> None:
    text = f"Dana: I have three meetings {wrapped}.\nSam: That's a lot.\nDana: It is.\nSam: And?\nDana: Nothing.\n"
    assert [s for s, _ in _turns(text)] == ["Dana", "Sam", "Dana", "Sam", "Dana"]


@pytest.mark.parametrize("last_words", ["what do you want from all this", "tell me about that", "you think so"])
def test_a_question_ending_on_this_or_that_is_no_wrapped_line(last_words: str) -> None:
    """A short exchange pasted in (each name once): "this" or "that" ends a spoken question, and had
    merged the coachee's one line into the coach's turn."""
    text = f"Coach: {last_words}\nMwansa: i want to sort it out properly\n"
    assert [s for s, _ in _turns(text)] == ["Coach", "Mwansa"]


@pytest.mark.parametrize(
    "wrapped",
    [
        "I talked it through with my husband last night and so\nJames: and I agreed that I want to go part time.",
        "I talked it over with my partner and we both felt that\nLisbon: is too far from my parents.",
    ],
)
def test_a_line_ending_on_so_or_that_still_wraps_where_two_speakers_are_known(wrapped: str) -> None:
    """After a read-only review: "this", "that" and "so" end a question only in a short exchange where
    just the coach's name is known; with two speakers who recur, a name after them is a wrapped line."""
    text = f"Dana: So where did you land?\nSam: {wrapped}\nDana: What would that take?\nSam: A talk with my boss.\n"
    assert [s for s, _ in _turns(text)] == ["Dana", "Sam", "Dana", "Sam"]


def test_hard_wrapped_notes_without_blank_lines_stay_one_paragraph() -> None:
    text = (
        "Met K. today. She seemed lighter and said the reorg is\n"
        "finally settled, though the budget is still open and she\n"
        "wants to ask the CFO about it before the board meets in\n"
        "May. She will block Friday afternoons for deep work and\n"
        "try to stop answering email after eight in the evening.\n"
    )
    transcript = parse_bytes(text.encode(), "notes.txt")
    assert len(transcript.utterances) == 1
