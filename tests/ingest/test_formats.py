"""Every transcript shape a coach brings is read into the right utterances, speakers and roles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.ingest import load_transcript, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def _summary(name: str, **roles: str) -> tuple[str, list[tuple[str, str]]]:
    transcript = load_transcript(FIXTURES / name, **roles)
    return transcript.source.format, [(u.speaker, u.role) for u in transcript.utterances]


def test_zoom_vtt_merges_consecutive_cues_and_keeps_times() -> None:
    transcript = load_transcript(FIXTURES / "zoom.vtt")
    assert transcript.source.format == "vtt"
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Maya Chen", "coach"),
        ("Tom Okafor", "client"),
        ("Maya Chen", "coach"),
        ("Tom Okafor", "client"),
    ]
    merged = transcript.utterances[1]
    assert merged.text == (
        "Honestly, the quarterly review. I keep rewriting the deck myself instead of letting my team own it."
    )
    assert (merged.start, merged.end) == (5.1, 13.0)
    assert transcript.client_name == "Tom Okafor"


def test_teams_vtt_voice_tags_entities_and_note_blocks() -> None:
    transcript = load_transcript(FIXTURES / "teams.vtt")
    assert [u.speaker for u in transcript.utterances] == ["Rachel Adeyemi", "Jonas Berg", "Rachel Adeyemi"]
    assert transcript.utterances[1].text == (
        "I drafted the opening. It's rough but it exists. I'm still nervous about the Q&A part."
    )
    assert transcript.utterances[0].role == "coach"
    assert transcript.utterances[2].start == 15.8


def test_srt_with_role_labels() -> None:
    fmt, turns = _summary("session.srt")
    assert fmt == "srt"
    assert turns == [("COACH", "coach"), ("CLIENT", "client"), ("COACH", "coach")]


def test_labelled_text_keeps_continuation_lines_and_drops_the_title() -> None:
    transcript = load_transcript(FIXTURES / "labelled.txt")
    assert transcript.source.format == "text"
    roles = [(u.speaker, u.role) for u in transcript.utterances]
    assert roles == [("Sam", "coach"), ("Leila", "client")] * 3
    assert transcript.utterances[1].text == (
        "With the reorg. I'm exhausted, to be honest. It feels like I'm drowning in approvals "
        "and nobody else can sign anything off."
    )


def test_upper_case_labels_and_colons_inside_speech() -> None:
    fmt, turns = _summary("caps.txt")
    assert fmt == "text"
    # Two lines in a row by CLIENT are one turn, as consecutive caption cues are.
    assert [r for _, r in turns] == ["coach", "client", "coach", "client", "coach"]
    assert load_transcript(FIXTURES / "caps.txt").utterances[3].text.endswith("an answer by Friday.")


def test_markdown_bold_labels_skip_headings_and_rules() -> None:
    transcript = load_transcript(FIXTURES / "bold.md")
    assert transcript.source.format == "markdown"
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Coach", "coach"),
        ("Daniel", "client"),
        ("Coach", "coach"),
        ("Daniel", "client"),
    ]
    assert transcript.client_name == "Daniel"


def test_a_surname_with_a_lower_case_particle_is_one_speaker_label() -> None:
    # a writer's Markdown with "**Sanne de Wit:**" was read as one utterance
    text = (
        "**Sanne de Wit:** So how was the week?\n\n**Anneke Visser:** Hard. I will tell them on Monday.\n\n"
        "**Sanne de Wit:** And then?\n\n**Anneke Visser:** Then I go home.\n"
    )
    transcript = parse_bytes(text.encode(), "session.md", coach="Sanne de Wit")
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Sanne de Wit", "coach"),
        ("Anneke Visser", "client"),
        ("Sanne de Wit", "coach"),
        ("Anneke Visser", "client"),
    ]


def test_bracketed_timestamps() -> None:
    transcript = load_transcript(FIXTURES / "timestamped.txt")
    assert [u.speaker for u in transcript.utterances] == ["Priya Nair", "Owen Hale", "Priya Nair", "Owen Hale"]
    assert transcript.utterances[0].role == "coach"
    assert transcript.utterances[1].start == 11.0
    assert transcript.utterances[1].text == "I told the CFO I'd present the strategy myself. That was a first."


def test_name_then_timestamp_labels() -> None:
    transcript = load_transcript(FIXTURES / "name_time.txt")
    assert [u.role for u in transcript.utterances] == ["coach", "client", "coach", "client"]
    assert transcript.utterances[3].start == 26.0


def test_otter_export() -> None:
    transcript = load_transcript(FIXTURES / "otter.txt")
    assert transcript.source.format == "otter"
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Helen Park", "coach"),
        ("Victor Shah", "client"),
        ("Helen Park", "coach"),
        ("Victor Shah", "client"),
    ]
    assert transcript.utterances[1].text.endswith("and I just sat there.")
    assert transcript.utterances[2].start == 75.0


def test_a_long_preamble_is_kept_as_notes(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text(
        "Context: second session. Dana is preparing for the reorg announcement and asked to focus\n"
        "on how she will tell her team, after last time's difficult all-hands.\n"
        "Coach: Where would you like to start?\nDana: With the announcement.\n"
    )
    transcript = load_transcript(path)
    assert [u.role for u in transcript.utterances] == ["notes", "coach", "client"]


def test_unlabelled_notes_are_one_utterance_per_paragraph() -> None:
    fmt, turns = _summary("notes.txt")
    assert fmt == "notes"
    assert turns == [("Notes", "notes")] * 4


def test_json_round_trip_keeps_stated_roles() -> None:
    transcript = load_transcript(FIXTURES / "transcript.json")
    assert transcript.source.format == "json"
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Coach Amy", "coach"),
        ("Ravi", "client"),
        ("Coach Amy", "coach"),
    ]
    assert transcript.source.file_name == "transcript.json"


def test_three_speakers_get_other_role() -> None:
    _, turns = _summary("three_speakers.txt")
    assert dict(turns) == {"Coach": "coach", "Nadia": "client", "Ben": "other"}


def test_roles_detected_from_who_asks_questions() -> None:
    _, turns = _summary("no_labels_roles.txt")
    assert dict(turns) == {"Alex": "coach", "Jordan": "client"}


def test_role_overrides_win_over_detection() -> None:
    _, turns = _summary("no_labels_roles.txt", coach="Jordan", client="alex")
    assert dict(turns) == {"Alex": "client", "Jordan": "coach"}


def test_first_name_matches_a_full_speaker_label() -> None:
    _, turns = _summary("zoom.vtt", client="Maya")
    assert dict(turns) == {"Maya Chen": "client", "Tom Okafor": "coach"}


# Every fixture, the thirty exports written apart from the reader among them (not their manifest).
# The thirty messy uploads (exports2) and the twenty-four of exports3 to exports6 say "10:30",
# "Re:" and "[X]" inside speech or the coach's notes: their manifests name what must not be read as speech
# instead (test_exports.py).
TRANSCRIPTS = sorted(
    p.relative_to(FIXTURES).as_posix()
    for p in FIXTURES.rglob("*")
    if p.is_file()
    and p.name not in ("manifest.json", "PROVENANCE.md")
    and p.parent.name not in ("exports2", "exports3", "exports4", "exports5", "exports6")
)


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_text_is_only_whitespace_normalised(name: str) -> None:
    transcript = load_transcript(FIXTURES / name)
    for utterance in transcript.utterances:
        assert utterance.text == " ".join(utterance.text.split())
        assert utterance.text


# What a careful reader never counts as speech: clocks, caption timing and settings, tags and
# Markdown, bracketed names, and the headers and footers tools add.
LEFTOVERS = re.compile(
    r"\b\d{1,2}:\d{2}\b|-->|align:|position:|<[^>]*>|\*\*|__|\[|\]|>>|WEBVTT|otter\.ai|Transcribed by|"
    r"Meeting ended|Attendees|SPEAKERS|SUMMARY KEYWORDS|VIEW RECORDING|editable transcript|Transcript|"
    r"Date:|Duration:|Meeting Title|SPEAKER_\d\d:|^---",
)


# A typist's note inside a turn ("[pause] I don't know") is the file's words, kept verbatim.
STAGE_DIRECTION = re.compile(r"\[[a-z][a-z ]{0,20}\]")


@pytest.mark.parametrize("name", TRANSCRIPTS)
def test_no_layout_text_is_left_in_any_utterance(name: str) -> None:
    for utterance in load_transcript(FIXTURES / name).utterances:
        leftover = LEFTOVERS.search(STAGE_DIRECTION.sub("", utterance.text))
        assert leftover is None, f"{name} [{utterance.index}] keeps {leftover.group()!r}: {utterance.text}"
        assert not LEFTOVERS.search(utterance.speaker.replace("SPEAKER_", "")), utterance.speaker


def test_a_one_off_lead_in_in_unlabelled_subtitles_is_the_speakers_words_not_a_speaker() -> None:
    """Found on review: "- Look: I call her Monday." made a speaker "Look", named the client."""
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\n- How did it go with Dana?\n- Look: I call her Monday.\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\n- Monday for sure?\n- Yes. Look, I will.\n"
    )
    transcript = parse_bytes(srt.encode(), "session.srt")
    assert "Look" not in {u.speaker for u in transcript.utterances}
    assert transcript.client_name != "Look"
    assert any("Look: I call her Monday." in u.text for u in transcript.utterances)


def test_a_name_said_once_is_a_speaker_where_the_file_labels_every_cue() -> None:
    """Zoom labels each cue: a third person's one remark is theirs, as a dashed name said twice is."""
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nMaya Chen: How did it go?\n\n"
        "2\n00:00:04.000 --> 00:00:06.000\nTom Okafor: I called her.\n\n"
        "3\n00:00:07.000 --> 00:00:08.000\nIT Desk: Sorry, wrong room.\n\n"
        "4\n00:00:09.000 --> 00:00:10.000\nMaya Chen: And then?\n"
    )
    speakers = [u.speaker for u in parse_bytes(vtt.encode(), "zoom.vtt").utterances]
    assert speakers == ["Maya Chen", "Tom Okafor", "IT Desk", "Maya Chen"]


def test_labels_only_where_the_speaker_changes_keep_a_name_said_once() -> None:
    """Found in review: with "Dana:" said twice, "Kofi:" once and unlabelled cues between, Kofi's
    turn had become Dana's words."""
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\nDana: What will you do this week?\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\nKofi: I'll call the chair on Monday.\n\n"
        "3\n00:00:07,000 --> 00:00:09,000\nAnd then the budget.\n\n"
        "4\n00:00:10,000 --> 00:00:12,000\nDana: Good. And after that?\n\n"
        "5\n00:00:13,000 --> 00:00:15,000\nWhat else is on your mind?\n\n"
        "6\n00:00:16,000 --> 00:00:18,000\nAnything from the board?\n\n"
        "7\n00:00:19,000 --> 00:00:21,000\nOr from home?\n"
    )
    transcript = parse_bytes(srt.encode(), "session.srt")
    assert [u.speaker for u in transcript.utterances] == ["Dana", "Kofi", "Dana"]


def test_a_dialogue_said_once_with_two_names_is_two_speakers() -> None:
    srt = "1\n00:00:01,000 --> 00:00:03,000\n- MARISOL: What was it about?\n- KOFI: I'll call her Monday.\n"
    transcript = parse_bytes(srt.encode(), "session.srt")
    assert [u.speaker for u in transcript.utterances] == ["MARISOL", "KOFI"]


def test_a_lead_in_word_said_twice_is_still_no_speaker() -> None:
    srt = (
        "1\n00:00:01,000 --> 00:00:03,000\n- How did it go?\n- Look: I call her Monday.\n\n"
        "2\n00:00:04,000 --> 00:00:06,000\n- And Dana?\n- Look: she can wait.\n"
    )
    assert "Look" not in {u.speaker for u in parse_bytes(srt.encode(), "session.srt").utterances}


def test_sound_cues_do_not_outvote_the_labelled_ones() -> None:
    """Found in review: "[Music]" cues counted against the share of labelled cues, so a third person's
    one remark in a labelled file ran into the last speaker's turn."""
    cues = ["Maya Chen: How did it go?", "[Music]", "Tom Okafor: I called her.", "[Music]", "[Music]",
            "IT Desk: Sorry, wrong room.", "[Music]", "[Music]", "Maya Chen: And then?"]  # fmt: skip
    vtt = "WEBVTT\n\n" + "".join(
        f"{n}\n00:00:{n:02d}.000 --> 00:00:{n:02d}.900\n{cue}\n\n" for n, cue in enumerate(cues, start=1)
    )
    speakers = [u.speaker for u in parse_bytes(vtt.encode(), "zoom.vtt").utterances]
    assert speakers == ["Maya Chen", "Tom Okafor", "IT Desk", "Maya Chen"]


def test_sentence_text_before_a_colon_is_no_speaker_in_unlabelled_captions() -> None:
    """Found in review: "Here's the thing:" and "My plan for Monday:" became two speakers."""
    lines = ["How did the week go?", "Here's the thing: I never asked her.", "Why not?", "I froze.",
             "And now?", "My plan for Monday: call the chair.", "Good.", "Yes."]  # fmt: skip
    srt = "".join(f"{n}\n00:00:{n:02d},000 --> 00:00:{n:02d},900\n{line}\n\n" for n, line in enumerate(lines, 1))
    speakers = {u.speaker for u in parse_bytes(srt.encode(), "session.srt").utterances}
    assert not speakers & {"Here's the thing", "My plan for Monday"}


def test_a_coach_called_april_is_a_speaker_in_a_labelled_file() -> None:
    """Found in review: the month in the headings list took April's lines from a Zoom file."""
    vtt = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nApril: How did it go?\n\n"
        "2\n00:00:04.000 --> 00:00:06.000\nTom Okafor: I called her.\n\n"
        "3\n00:00:07.000 --> 00:00:08.000\nApril: And then?\n"
    )
    speakers = [u.speaker for u in parse_bytes(vtt.encode(), "zoom.vtt").utterances]
    assert speakers == ["April", "Tom Okafor", "April"]


def test_a_name_in_brackets_labels_a_cue_and_a_sound_in_brackets_does_not() -> None:
    """Riverside writes "[Isabel Ortega] Buenos días" with no colon; "[Music] Welcome back" is what
    was heard, not who spoke (found with the third set of exports)."""
    srt = (
        b"1\n00:00:01,000 --> 00:00:03,000\n[Music] Welcome back everyone.\n\n"
        b"2\n00:00:04,000 --> 00:00:06,000\n[Ana Lima] Thanks. So what is on your mind?\n\n"
        b"3\n00:00:07,000 --> 00:00:09,000\n[Ben Okoro] The reorg: mostly the timing.\n\n"
        b"4\n00:00:10,000 --> 00:00:12,000\n[Ana Lima] [laughs] Tell me more.\n"
    )
    transcript = parse_bytes(srt, "session.srt")
    said = [(u.speaker, u.text) for u in transcript.utterances]
    assert ("Ben Okoro", "The reorg: mostly the timing.") in said
    assert ("Ana Lima", "[laughs] Tell me more.") in said
    assert "Music" not in {speaker for speaker, _ in said}
