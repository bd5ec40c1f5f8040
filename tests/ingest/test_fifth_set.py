"""What the fifth set of uploads (fixtures/exports5, written apart from the reader) found misread,
each kept as a small case: rich text saved as .txt or .rtf, a sheet saved as CSV, UTF-8 read as
Windows-1252 in a mailed transcript, a confidentiality notice under the signature, Riverside's time
spans under the names, a transcription service's advert under the last turn, a WhatsApp contact
saved with an emoji and an iOS attachment line."""

from __future__ import annotations

import json

import pytest

from assistant.errors import InputError
from assistant.ingest import parse_bytes


def _turns(text: str | bytes, name: str = "s.txt") -> list[tuple[str, str]]:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [(u.speaker, u.text) for u in parse_bytes(data, name).utterances if u.role != "notes"]


RTF = "\n".join(
    [
        r"{\rtf1\ansi\ansicpg1252\cocoartf2761",
        r"{\fonttbl\f0\fswiss\fcharset0 Helvetica;\f1\fswiss\fcharset0 Helvetica-Bold;}",
        r"{\colortbl;\red255\green255\blue255;}",
        r"{\*\expandedcolortbl;;}",
        r"\f0\fs24 \cf0 Session 9" "\\",  # TextEdit ends each paragraph with a backslash
        "\\",
        r"\f1\b Dana Reid:\f0\b0  What\'92s in the space now?" "\\",
        r"\f1\b Sam Ortiz:\f0\b0  A health app in M\uc0\u257 ori \{beta\}. I\'92ll call Aroha Friday." "\\",
        r"\f1\b Dana Reid:\f0\b0  Good.}",
    ]
)


@pytest.mark.parametrize("name", ["notes.txt", "notes.rtf"])
def test_rich_text_is_read_as_its_words(name: str) -> None:
    assert _turns(RTF, name) == [
        ("Dana Reid", "What’s in the space now?"),
        ("Sam Ortiz", "A health app in Māori {beta}. I’ll call Aroha Friday."),
        ("Dana Reid", "Good."),
    ]


def test_a_unicode_escape_skips_the_replacement_the_writer_gave_for_older_readers() -> None:
    rtf = r"{\rtf1\ansi\uc1 Dana: caf\u233e ok\par Sam: na\u239?ve\par Dana: fine\par Sam: yes}"
    assert [text for _, text in _turns(rtf)] == ["café ok", "naïve", "fine", "yes"]


CSV = (
    "Timecode In,Timecode Out,Speaker,Text\r\n"
    '00:00:01:05,00:00:04:22,Dana Reid,"Good morning, Sam. How was your week?"\r\n'
    '00:00:07:14,00:00:12:02,Sam Ortiz,"She said, ""Your work arrives too late.""\r\nIt stung."\r\n'
    "00:00:14:09,00:00:19:15,Dana Reid,What did it stir up?\r\n"
)


def test_a_sheet_saved_as_csv_is_read_with_its_quoting() -> None:
    transcript = parse_bytes(CSV.encode("utf-8"), "export.csv")
    assert transcript.source.format == "csv"
    assert [(u.speaker, u.text) for u in transcript.utterances] == [
        ("Dana Reid", "Good morning, Sam. How was your week?"),
        ("Sam Ortiz", 'She said, "Your work arrives too late." It stung.'),
        ("Dana Reid", "What did it stir up?"),
    ]


def test_a_csv_that_is_no_transcript_table_is_refused_with_one_message() -> None:
    with pytest.raises(InputError, match="budget.csv is not a transcript table"):
        parse_bytes(b"Item,Cost\nVenue,400\nCatering,250\n", "budget.csv")


def test_utf8_read_as_windows_1252_is_read_again_and_right_text_is_left_alone() -> None:
    mailed = (
        "Dana Reid: How is Kraków treating you?\n"
        "Sam Ortiz: DzieÅ„ dobry! Itâ€™s okay. Grey, but okay.\n"
        "Dana Reid: And the team?\n"
        "Sam Ortiz: Thereâ€™s silence when I ask.\n"
    )
    assert _turns(mailed) == [
        ("Dana Reid", "How is Kraków treating you?"),
        ("Sam Ortiz", "Dzień dobry! It’s okay. Grey, but okay."),
        ("Dana Reid", "And the team?"),
        ("Sam Ortiz", "There’s silence when I ask."),
    ]


def test_a_confidentiality_notice_under_a_signature_is_no_speaker_and_no_speech() -> None:
    mailed = (
        "Dana Reid: And the weekends?\n\n"
        "Sam Ortiz: Lonely. There's a group that meets on Sundays.\n\n"
        "Dana Reid: What would make this Sunday the one?\n\n"
        "Sam Ortiz: Then I have to go. Okay. Sunday.\n\n"
        "--\nDana Reid\nLeadership Coach | ICF PCC\nReid Coaching | Kraków, Poland\n\n"
        "CONFIDENTIALITY: This e-mail and any attachments are confidential and intended solely for the addressee.\n"
    )
    assert _turns(mailed)[1:] == [
        ("Sam Ortiz", "Lonely. There's a group that meets on Sundays."),
        ("Dana Reid", "What would make this Sunday the one?"),
        ("Sam Ortiz", "Then I have to go. Okay. Sunday."),
    ]


def test_a_time_span_under_each_name_is_the_turns_time_not_its_words() -> None:
    riverside = (
        "Umoya Solar – session 2\n\n"
        "Dana Reid\n00:00:04 - 00:00:12\nWelcome back. Who wants to start?\n\n"
        "Sam Ortiz\n00:00:13 - 00:00:22\nI'll start. I still think we should raise now.\n\n"
        "Dana Reid\n00:00:23 - 00:00:28\nWhat's your biggest worry?\n"
    )
    transcript = parse_bytes(riverside.encode("utf-8"), "s.txt")
    said = [u for u in transcript.utterances if u.role != "notes"]
    assert [(u.speaker, u.text) for u in said] == [
        ("Dana Reid", "Welcome back. Who wants to start?"),
        ("Sam Ortiz", "I'll start. I still think we should raise now."),
        ("Dana Reid", "What's your biggest worry?"),
    ]
    assert said[1].start == 13


def test_a_transcription_services_advert_under_the_last_turn_is_left_out() -> None:
    sonix = (
        "Dana Reid: [00:02:19] What's your experiment, then?\n\n"
        "Sam Ortiz: [00:02:23] Next Tuesday I speak last on every agenda item.\n\n"
        "Dana Reid: [00:02:33] Good. Let's hear how it went.\n\n"
        "Automatically convert your audio files to text with Sonix. Sonix is the best online service.\n"
    )
    assert _turns(sonix)[-1] == ("Dana Reid", "Good. Let's hear how it went.")


def test_a_contact_saved_with_an_emoji_is_a_sender_and_an_attachment_line_is_no_message() -> None:
    chat = (
        "[12/03/2024, 09:00:41] Amira Benali \U0001f33f: \u200eMessages and calls are end-to-end encrypted.\n"
        "[12/03/2024, 09:03:05] Rohan Deshpande: Morning Amira! Ready?\n"
        "[12/03/2024, 09:03:15] Amira Benali \U0001f33f: Morning! Yes ready\n"
        "\u200e[12/03/2024, 09:31:05] Amira Benali \U0001f33f: \u200e<attached: 00000007-PHOTO-2024-03-12.jpg>\n"
        "[12/03/2024, 09:31:50] Amira Benali \U0001f33f: this is my week\n"
        "[12/03/2024, 09:32:07] Rohan Deshpande: That's a lot of red.\n"
    )
    assert _turns(chat) == [
        ("Rohan Deshpande", "Morning Amira! Ready?"),
        ("Amira Benali \U0001f33f", "Morning! Yes ready this is my week"),
        ("Rohan Deshpande", "That's a lot of red."),
    ]


# A read-only review of the first version of these mends found each of the following misread.


def test_rich_text_keeps_emoji_and_words_quotes_and_dashes() -> None:
    rtf = (
        r"{\rtf1\ansi Coach: How did it go?\par Client: Really well \uc0\u55357 \u56842  I\rquote ll send it"
        r"\emdash Friday.\par Coach: Good.\par Client: Thanks.}"
    )
    assert [text for _, text in _turns(rtf, "s.rtf")][1] == "Really well 😊 I’ll send it—Friday."


@pytest.mark.parametrize(
    ("table", "starts"),
    [
        ('start,end,text\n0,3200," Hello."\n3200,5000," Hi there."\n', [0.0, 3.2]),  # whisper.cpp --output-csv
        (
            "Start Time,End Time,Speaker,Transcript\n00:00:01,00:00:03,Coach,Hello.\n00:00:04,00:00:06,Client,Hi.\n",
            [1.0, 4.0],
        ),
        ('Time,Speaker,Text\n00:00:01,Coach,Hello.\n00:00:05,Client,"Hi,\tfine."\n', [1.0, 5.0]),  # a tab in a cell
        ("Time;Speaker;Text\n00:00:01;Coach;Hello.\n00:00:05;Client;Hi, fine.\n", [1.0, 5.0]),  # Excel in Europe
    ],
)
def test_csv_layouts_are_read_with_their_times(table: str, starts: list[float]) -> None:
    transcript = parse_bytes(table.encode("utf-8"), "export.csv")
    assert [u.start for u in transcript.utterances] == starts


def test_a_long_first_line_is_no_table_header() -> None:
    whisper = json.dumps({"text": "中" * 30000, "segments": [{"start": 0, "end": 1, "text": "你好"}]})
    assert parse_bytes(whisper.encode("utf-8"), "w.json").source.format == "whisper"


def test_slots_in_a_coachs_diary_are_no_recording_times() -> None:
    diary = (
        "Sarah Jones\n09:00 - 10:00\nI asked her about the promotion.\n\n"
        "Mark Lee\n10:30 - 11:30\nWe worked on his delegation.\n\n"
        "Sarah Jones\n09:00 - 10:00\nShe is calmer.\n\nMark Lee\n10:30 - 11:30\nHe cancelled.\n"
    )
    assert parse_bytes(diary.encode("utf-8"), "s.txt").source.format == "notes"


def test_a_coachs_notes_below_a_dash_line_are_no_signature_to_leave_out() -> None:
    notes = (
        "Coach: How was it?\nClient: Fine.\nCoach: And the board?\nClient: Bye. I will call her.\n--\n"
        "Confidentiality: she asked me to keep the Maria story out of the report.\n"
        "Disclaimer: I reminded her I am not a therapist.\n"
    )
    kept = " ".join(text for _, text in _turns(notes))
    assert "she asked me to keep the Maria story out of the report." in kept
    assert "I reminded her I am not a therapist." in kept
