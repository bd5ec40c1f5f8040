"""Transcripts as real tools write them: each layout's speakers, roles, turn count, times and metadata.

Every fixture is written in the exact shape the tool exports (our own words, never a real session).
`test_formats.py::test_no_layout_text_is_left_in_any_utterance` checks all of them for leftover
timing, markup, header and footer text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.ingest import load_transcript

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass
class Layout:
    format: str
    turns: list[tuple[str, str]]
    starts: dict[int, float] = field(default_factory=dict)


TOM = [("Maya Chen", "coach"), ("Tom Okafor", "client")] * 2
LAYOUTS = {
    # Zoom's in-app "Save transcript": "[Name] 14:02:09" on its own line (a time of day), the words below.
    "zoom_app.txt": Layout("text", TOM, {0: 0.0, 1: 6.0, 3: 43.0}),
    # Zoom's tab-separated text.
    "zoom_tabs.txt": Layout("text", TOM, {1: 6.0}),
    # Markdown podcast style: "**Name** [0:00]" then paragraphs.
    "podcast.md": Layout(
        "markdown", [("Amara Nwosu", "coach"), ("Patrick Walsh", "client")] * 2 + [("Amara Nwosu", "coach")], {4: 62.0}
    ),
    # Otter with its header (title, date, keywords, speakers) and footer; names once or twice each.
    "otter_header_footer.txt": Layout("otter", [("Yusuf Demir", "coach"), ("Hannah Schultz", "client")] * 2, {2: 21.0}),
    # Fathom: "0:05 - Name (Company)", the words indented below.
    "fathom.txt": Layout("text", [("Rachel Adeyemi", "coach"), ("Ines Duarte", "client"), ("Rachel Adeyemi", "coach")]),
    # WhisperX diarised text: "[SPEAKER_00]: words".
    "whisperx.txt": Layout("text", [("SPEAKER_00", "coach"), ("SPEAKER_01", "client")] * 2),
    # A header block ("Meeting Title:", "Date:", "Attendees:") and closing lines ("— Meeting ended —", "[04:36]").
    "meeting_header.txt": Layout("text", [("Sam Whitaker", "coach"), ("Leila Haddad", "client")] * 3),
    # Paragraph lead-ins ("Option 1:", "Timeline:", "Risks:") inside one speaker's turn.
    "lead_ins.md": Layout("markdown", [("Grace Liu", "coach"), ("Marco Bianchi", "client")] * 2),
    "lead_ins.txt": Layout("text", [("Grace Liu", "coach"), ("Marco Bianchi", "client")] * 3),
    # Fireflies notes with YAML front matter and one sentence a line.
    "fireflies.md": Layout("markdown", [("Martin Fischer", "coach"), ("Olivia Brennan", "client")] * 2),
    # Rev: "Name (00:00:02):" then the paragraph.
    "rev.txt": Layout("text", [("Priya Nair", "coach"), ("Owen Hale", "client")] * 2, {3: 24.0}),
    # Descript: "[00:00:04] Name: words", a same-speaker paragraph starts with its time only.
    "descript.txt": Layout("text", [("Helen Marsh", "coach"), ("Kieran Doyle", "client")] * 2, {1: 4.0}),
    # Google Meet: title with date, "Attendees", times every five minutes, footer notices.
    "google_meet.txt": Layout(
        "text",
        [("Nadia Karim", "coach"), ("Arjun Mehta", "client"), ("Nadia Karim", "coach")] * 1
        + [("Arjun Mehta", "client"), ("Nadia Karim", "coach")],
        {0: 0.0, 3: 300.0},
    ),
    # Webex: the speaker is also in the cue identifier, and a cue may leave the "Name:" out.
    "webex.vtt": Layout("vtt", [("Jonas Berg", "client"), ("Rachel Adeyemi", "coach"), ("Jonas Berg", "client")]),
    "webex.txt": Layout("otter", [("Jonas Berg", "client"), ("Rachel Adeyemi", "coach"), ("Jonas Berg", "client")]),
    # A VTT cue with no blank line before the next timing line.
    "vtt_no_blank_line.vtt": Layout(
        "vtt", [("Helen Park", "coach"), ("Victor Shah", "client"), ("Helen Park", "coach")], {1: 304.08, 2: 312.4}
    ),
    # YouTube auto-captions: word timings, rolling duplicated lines, [Music].
    "youtube_auto.vtt": Layout("vtt", [("Unknown speaker", "other")], {0: 0.0}),
    # YouTube SBV with ">>" speaker marks.
    "youtube.sbv": Layout("sbv", [("DANA", "coach"), ("SAM", "client"), ("DANA", "coach")], {1: 6.77}),
    # Whisper JSON and TSV (no speakers), WhisperX JSON (diarised).
    "whisper.json": Layout("whisper", [("Unknown speaker", "other")] * 3, {2: 4.6}),
    "whisper.tsv": Layout("whisper", [("Unknown speaker", "other")] * 3, {1: 2.4}),
    "whisperx.json": Layout("whisper", [("SPEAKER_00", "coach"), ("SPEAKER_01", "client"), ("SPEAKER_00", "coach")]),
    # Whisper's .txt: one segment a line, no speakers: notes, a line each (with the stderr hint).
    "whisper.txt": Layout("notes", [("Notes", "notes")] * 7),
    # Whisper's console output ("[00:00.000 --> 00:02.400]  words"), saved as text.
    "whisper_console.txt": Layout("text", [("Unknown speaker", "other")] * 3, {2: 4.6}),
    # Sonix: the time after the name ("Speaker1: [00:00:04] words").
    "sonix.txt": Layout("text", [("Speaker1", "coach"), ("Speaker2", "client"), ("Speaker1", "coach")], {1: 4.0}),
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layout_gives_the_speakers_roles_and_turns(name: str) -> None:
    expected = LAYOUTS[name]
    transcript = load_transcript(FIXTURES / name)
    assert transcript.source.format == expected.format
    assert [(u.speaker, u.role) for u in transcript.utterances] == expected.turns
    for index, start in expected.starts.items():
        assert transcript.utterances[index].start == pytest.approx(start)


def _texts(name: str) -> list[str]:
    return [u.text for u in load_transcript(FIXTURES / name).utterances]


def test_back_to_back_turns_of_one_speaker_are_one_utterance() -> None:
    assert _texts("otter_header_footer.txt")[1] == (
        "With the Lisbon offer. I have until the end of the month to answer. "
        "And I keep changing my mind every other day."
    )
    assert _texts("fireflies.md")[1] == (
        "The pricing review, for sure. And the customer portal. The third one I'm less sure about."
    )
    assert _texts("zoom_app.txt")[1].endswith("I still haven't. Every Friday I tell myself next week.")


def test_lead_ins_stay_inside_the_turn() -> None:
    turn = _texts("lead_ins.txt")[1]
    lead_ins = ("Option 1: I stay", "Verona: closer", "Kestrel: more money", "Timeline: they want", "Risks: if I")
    for lead_in in lead_ins:
        assert lead_in in turn
    assert turn.endswith("Honestly I'm leaning towards the second one.")
    assert "Option 3: I wait until the reorg is announced." in _texts("lead_ins.md")[1]


def test_otter_footer_is_not_speech_and_header_is_metadata() -> None:
    transcript = load_transcript(FIXTURES / "otter_header_footer.txt")
    assert transcript.utterances[-1].text == "Whoever I talked to last, mostly."
    assert transcript.metadata is not None
    assert transcript.metadata.title == "Career check-in"
    assert transcript.metadata.date == "2025-03-05"
    assert transcript.metadata.participants == ["Yusuf Demir", "Hannah Schultz"]
    assert "Transcribed by https://otter.ai" in transcript.metadata.removed


def test_meeting_header_and_closing_lines() -> None:
    transcript = load_transcript(FIXTURES / "meeting_header.txt")
    assert transcript.utterances[-1].text == "To check with me first. I'll raise it with her on Monday."
    assert transcript.metadata is not None
    assert transcript.metadata.title == "Coaching session 4"
    assert transcript.metadata.date == "2025-03-14"
    assert transcript.metadata.participants == ["Sam Whitaker", "Leila Haddad"]
    assert "— Meeting ended —" in transcript.metadata.removed
    assert transcript.session_date is None  # the coach's date, never taken from the file


def test_google_meet_header_footer_and_five_minute_marks() -> None:
    transcript = load_transcript(FIXTURES / "google_meet.txt")
    assert transcript.metadata is not None
    assert transcript.metadata.title == "Coaching session - Arjun / Nadia"
    assert transcript.metadata.date == "2025-04-09"
    assert transcript.metadata.participants == ["Arjun Mehta", "Nadia Karim"]
    assert transcript.utterances[1].text == (
        "Long. The ledger sync fell over again on Monday night. I was up until three fixing it myself."
    )
    assert transcript.utterances[-1].text == "What might get in the way on Thursday?"


def test_front_matter_is_metadata() -> None:
    transcript = load_transcript(FIXTURES / "fireflies.md")
    assert transcript.metadata is not None
    assert (transcript.metadata.title, transcript.metadata.date) == ("Olivia x Martin strategy session", "2025-02-18")
    assert transcript.metadata.participants == ["Martin Fischer", "Olivia Brennan"]


def test_descript_paragraph_times_are_not_words() -> None:
    assert _texts("descript.txt")[1] == (
        "Fine, I guess. I need to actually start revising. It's just that every time I sit down I end up on my phone."
    )


def test_rolling_captions_keep_each_line_once() -> None:
    assert _texts("youtube_auto.vtt") == ["so today I want to talk about saying no at work and why it feels so hard"]


def test_vtt_timing_line_without_a_blank_line_is_not_text() -> None:
    assert _texts("vtt_no_blank_line.vtt") == [
        "So what would a good week look like?",
        "One where I leave at six at least three days. And don't open the laptop after dinner.",
        "Which day would you start with?",
    ]


def test_sbv_joins_lines_and_cues_of_one_speaker() -> None:
    assert _texts("youtube.sbv")[0] == (
        "Welcome back. Last time you said you wanted to delegate the vendor reviews. Did you?"
    )


def test_whisperx_segments_of_one_speaker_are_one_turn() -> None:
    transcript = load_transcript(FIXTURES / "whisperx.json")
    assert transcript.utterances[1].text == "Getting clear on whether I stay or go. I've been stuck on it for weeks."
    assert (transcript.utterances[1].start, transcript.utterances[1].end) == (2.9, 8.0)


def _said(tmp_path: Path, text: str) -> list[tuple[str, str, str]]:
    path = tmp_path / "typed.txt"
    path.write_text(text, "utf-8")
    return [(u.speaker, u.role, u.text) for u in load_transcript(path).utterances]


_TURNS = (
    "Thandiwe: Eleven vessels, you said?\n\n"
    "Chloé: Eleven. It was fourteen on Monday.\n\n"
    "Thandiwe: And how are you arriving today?\n\n"
    "Chloé: Tired. I have not eaten, actually.\n"
)


def test_full_names_at_each_speakers_first_turn_only_are_turns(tmp_path: Path) -> None:
    # A typist writes each person's full name once, at their first turn, then first names (the
    # forty-eighth sealed split): those opening turns were read as a header of notes.
    said = _said(
        tmp_path,
        "Chloé Bernard, session 1, Thursday 4 March 2027\n\n"
        "Thandiwe Mokoena: Okay, I think it's recording now. Did you find parking okay?\n\n"
        "Chloé Bernard: Yes, no problem. Sorry, the call with Durban went over.\n\n" + _TURNS,
    )
    assert said[:2] == [
        ("Thandiwe", "coach", "Okay, I think it's recording now. Did you find parking okay?"),
        ("Chloé", "client", "Yes, no problem. Sorry, the call with Durban went over."),
    ]
    assert len(said) == 6


def test_a_header_of_full_names_with_their_details_is_no_ones_speech(tmp_path: Path) -> None:
    said = _said(
        tmp_path,
        "Thandiwe Mokoena: Executive Coach, Mokoena Partners\n"
        "Chloé Bernard: Operations Director, Bernard Shipping\n\n" + _TURNS,
    )
    assert said[0] == ("Thandiwe", "coach", "Eleven vessels, you said?")
    assert len(said) == 4


def test_a_guest_who_shares_the_coachs_first_name_is_not_the_coach(tmp_path: Path) -> None:
    said = _said(
        tmp_path,
        "Ana: So, Chloé, where would you like to start today?\n\n"
        "Chloé: With the handover. I'm still doing everyone's job.\n\n"
        "Ana María López: Sorry to interrupt, Chloé, the Durban call is on line two.\n\n"
        "Chloé: Tell them I'll call back at eleven.\n\n"
        "Ana: What would it take to let it go?\n\n"
        "Chloé: Trusting them. I'll give the Durban account to Ana María on Monday.\n",
    )
    assert said[2] == ("Ana María López", "other", "Sorry to interrupt, Chloé, the Durban call is on line two.")
    assert {speaker for speaker, role, _ in said if role == "coach"} == {"Ana"}


def test_names_with_their_roles_above_the_first_turn_are_a_header(tmp_path: Path) -> None:
    # "Chloé: Coach" states a role, as "Coach: Chloé" does; it is no one's speech, and the roles it
    # states hold even where the other person asks the questions.
    said = _said(
        tmp_path,
        "Chloé: Coach\nThandiwe: Client\n\n"
        "Thandiwe: So what do you think I should do about the board?\n\n"
        "Chloé: What would you like to do?\n\n"
        "Thandiwe: Resign, maybe? Or wait until June?\n\n"
        "Chloé: What does waiting give you?\n",
    )
    assert said[0] == ("Thandiwe", "client", "So what do you think I should do about the board?")
    assert len(said) == 4
    assert {speaker for speaker, role, _ in said if role == "coach"} == {"Chloé"}


def test_a_first_turn_that_greets_the_coach_is_speech(tmp_path: Path) -> None:
    said = _said(
        tmp_path,
        "Marcus: Morning, coach.\n\n"
        "Dana: Morning Marcus. How are you arriving today?\n\n"
        "Marcus: Tired, honestly. The rota fell apart again on Monday.\n\n"
        "Dana: What would you like to get out of our hour?\n",
    )
    assert said[0] == ("Marcus", "client", "Morning, coach.")
    assert [role for _, role, _ in said] == ["client", "coach", "client", "coach"]
