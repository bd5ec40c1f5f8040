"""What the fourth set of uploads (fixtures/exports4) found the reader missing, each beside the
ordinary files that must still be read as before: a bare name heading each turn, a time spelt out
for screen readers, a note-taker's marker linking to the recording, a transcriber's timed marker, a
waiter's one question in a café session, and a note-taker's sheet saved as TSV."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.ingest import parse_bytes
from assistant.types import Transcript


def _read(text: str, name: str = "session.txt") -> Transcript:
    return parse_bytes(text.encode("utf-8"), name)


def _said(text: str, name: str = "session.txt") -> list[tuple[str, str]]:
    return [(u.speaker, u.text) for u in _read(text, name).utterances]


BARE_NAMES = (
    "Siobhan Carter\nRight, so, how's the week been?\n\n"
    "Tom Fairbairn\nYeah, it's been a week.\n\n"
    "Siobhan Carter\nWho at the table makes it harder?\n\n"
    "Tom Fairbairn\nHugo.\n\n"
    "Siobhan Carter\nHugo.\n\n"
    "Tom Fairbairn\nHugo's our sales director. I'll tell him in the car.\n"
)


def test_a_bare_name_heading_each_turn_labels_it() -> None:
    """Otter copied with its timestamps off: the name alone on its line, the words below."""
    said = _said(BARE_NAMES)
    assert [speaker for speaker, _ in said] == ["Siobhan Carter", "Tom Fairbairn"] * 3
    assert said[3] == ("Tom Fairbairn", "Hugo.")  # a one-word answer is words, not a label


def test_bare_names_in_a_word_file_head_the_paragraph_after_them() -> None:
    """A Word file's paragraphs are read one a line, a blank line between: the words are the next one."""
    said = _said(BARE_NAMES.replace("\n", "\n\n"))
    assert [speaker for speaker, _ in said] == ["Siobhan Carter", "Tom Fairbairn"] * 3


@pytest.mark.parametrize(
    "notes",
    [
        # a coach's notes with a heading or two: no conversation
        "Background\nNew GC, week three.\n\nGoals\nRebuild the peer relationships.\n\n"
        "Hannah Lee\nEasier. Lunch on Friday.\n\nDom Rossi\nThe harder one.\n",
        # names heading a few of many paragraphs
        "Session 4 notes.\n\nShe opened with the dinners.\n\nTom Fairbairn\nSaid it was a week.\n\n"
        "The board call went badly.\n\nHugo Brandt\nOrders for the table.\n\nWe agreed two glasses.\n\n"
        "Tom Fairbairn\nWill tell Hugo in the car.\n\nHugo Brandt\nNot there.\n\nNext: the Dutch dinner.\n\n"
        "Follow up on the sleep log.\n\nAsk about Alison.\n\nHe seemed lighter at the end.\n",
    ],
)
def test_names_heading_a_few_paragraphs_of_notes_are_no_labels(notes: str) -> None:
    transcript = _read(notes)
    assert transcript.source.format == "notes"
    assert {u.speaker for u in transcript.utterances} == {"Notes"}


def test_a_time_spelt_out_for_screen_readers_is_no_ones_words() -> None:
    """A Teams transcript copied from the meeting's recap: name, "1 minute 4 seconds", "1:04", words."""
    said = _said(
        "Transcript\nHelen Marsh started transcription\n"
        "Helen Marsh\n4 seconds\n0:04\nHello, can you hear me?\n"
        "Arjun Mehta\n8 seconds\n0:08\nYes, loud and clear.\n"
        "Helen Marsh\n1 minute 4 seconds\n1:04\nHow did that feel?\n"
        "Arjun Mehta\n1 hour 2 minutes\n1:02:00\nLike a guest. In 2 minutes I'll say more.\n"
    )
    assert said == [
        ("Helen Marsh", "Hello, can you hear me?"),
        ("Arjun Mehta", "Yes, loud and clear."),
        ("Helen Marsh", "How did that feel?"),
        ("Arjun Mehta", "Like a guest. In 2 minutes I'll say more."),
    ]


def test_a_note_takers_marker_linking_to_the_recording_is_no_ones_words() -> None:
    said = _said(
        "0:00 - Rachel Kim\n  What will you bring to the review?\n\n"
        "0:12 - Jordan Blake\n  Two options. I'll do it.\n"
        "  ACTION ITEM: Bring two options to the review - WATCH: https://fathom.video/share/abc?timestamp=12.5\n\n"
        "0:20 - Rachel Kim\n  Good. Watch: that is the hard part.\n"
    )
    assert said == [
        ("Rachel Kim", "What will you bring to the review?"),
        ("Jordan Blake", "Two options. I'll do it."),
        ("Rachel Kim", "Good. Watch: that is the hard part."),
    ]


def test_a_transcribers_timed_marker_leaves_the_words_and_an_untimed_one_stays() -> None:
    said = _said(
        "Dana Whitfield (00:01):\nWhat would help?\n\n"
        "Marcus Webb (00:05):\nSomeone who gets us through without [inaudible 00:03:12] the whole thing falls over.\n\n"
        "Dana Whitfield (00:09):\nTry. [crosstalk 00:05:40]\n\n"
        "Marcus Webb (00:12):\n[laughs] Fair enough.\n"
    )
    assert said == [
        ("Dana Whitfield", "What would help?"),
        ("Marcus Webb", "Someone who gets us through without the whole thing falls over."),
        ("Dana Whitfield", "Try."),
        ("Marcus Webb", "[laughs] Fair enough."),
    ]


def test_a_third_speakers_one_question_does_not_make_them_the_coach() -> None:
    """A session recorded in a café: the waiter's "Flat white?" is all a third speaker says."""
    lines = ["Speaker 1 00:00\nand that's why I'd rather sit outside."]
    for n in range(6):
        asked = "What happened next, and how did it land?" if n % 3 else "Mm. That sounds hard."
        lines.append(f"Speaker 2 00:{10 + n * 10:02d}\n{asked}")
        lines.append(f"Speaker 1 00:{15 + n * 10:02d}\nIt was hard. I stepped back a bit.")
    lines.insert(3, "Speaker 3 00:30\nFlat white and a long black?")
    roles = {u.speaker: u.role for u in _read("\n\n".join(lines)).utterances}
    assert roles == {"Speaker 1": "client", "Speaker 2": "coach", "Speaker 3": "other"}


def test_a_sheet_of_time_speaker_and_text_is_read_its_empty_speaker_cells_going_on() -> None:
    said = _said(
        "Timestamp\tSpeaker\tText\r\n"
        "0:00:02\tHelen Marsh\tMorning, Fiona. Where do you want to start?\r\n"
        "0:00:08\tFiona Gallagher\tThe survey came back. We're bottom.\r\n"
        "0:00:19\t\tAnd I read all the comments on Sunday.\r\n"
        "0:00:29\tHelen Marsh\tThat sounds like it stung.\r\n",
        "avoma.tsv",
    )
    assert said == [
        ("Helen Marsh", "Morning, Fiona. Where do you want to start?"),
        ("Fiona Gallagher", "The survey came back. We're bottom. And I read all the comments on Sunday."),
        ("Helen Marsh", "That sounds like it stung."),
    ]


def test_a_whisper_table_still_leaves_an_unknown_speaker_unknown() -> None:
    """In Whisper's own table an empty speaker cell is a segment the diariser could not tell."""
    said = _said(
        "start\tend\tspeaker\ttext\n0\t2000\tDana\tHow was it?\n2000\t4000\tSam\tFine.\n"
        "4000\t6000\t\tSomeone else spoke.\n6000\t8000\tDana\tGood.\n",
        "w.tsv",
    )
    assert ("Unknown speaker", "Someone else spoke.") in said


def test_a_table_of_something_else_is_refused_with_one_message() -> None:
    with pytest.raises(InputError, match="not a transcript table"):
        _read("Item\tCost\nVenue\t300\n", "budget.tsv")


# ----------------------------------------------------------------- found by a review of the first version


@pytest.mark.parametrize(
    "notes",
    [
        # a coach's reflection template, kept for three months, in the first person
        "Reflections on my coaching\n\n" + "What Went Well\nI held the silence when Priya got emotional.\n\n"
        "Even Better If\nI asked three questions at once, twice.\n\n" * 3,
        # notes on two clients, three sessions each, written about them
        "Sarah Jones\n\nClearer on the promotion; will talk to her manager before Friday.\n\n"
        "Tom Baker\n\nStill avoiding the conversation with his co-founder.\n\n" * 3,
    ],
)
def test_headings_that_recur_in_a_coachs_notes_are_no_speakers(notes: str) -> None:
    transcript = _read(notes)
    assert transcript.source.format == "notes"


def test_a_one_word_answer_under_a_bare_name_is_the_answer() -> None:
    """'Absolutely' alone on its line looks like a name, but it stands where the words go."""
    said = _said(
        "Siobhan Carter\nHow has the week been?\n\nTom Fairbairn\nBusy. The board went better than I feared.\n\n"
        "Siobhan Carter\nDid you prepare with Anna?\n\nTom Fairbairn\nAbsolutely\n\n"
        "Siobhan Carter\nWhat difference did that make?\n\nTom Fairbairn\nI wasn't up until 2am.\n"
    )
    assert said[3] == ("Tom Fairbairn", "Absolutely")
    assert [speaker for speaker, _ in said] == ["Siobhan Carter", "Tom Fairbairn"] * 3


def test_a_client_who_opens_and_asks_once_is_still_the_client() -> None:
    roles = {
        u.speaker: u.role
        for u in _read(
            "Marcus: Hi Dana, sorry I'm a few minutes late, the train was delayed.\n"
            "Dana: No problem at all. What would you like to focus on today?\n"
            "Marcus: The restructure. I have to tell my team on Friday.\n"
            "Dana: That sounds like a lot to carry into the week.\n"
            "Marcus: It is. Should I tell them all at once or one by one?\n"
            "Dana: Let's look at both options. What matters most to you in how they hear it?\n"
            "Marcus: That nobody hears it second-hand.\n"
            "Dana: So telling them together protects that.\n"
            "Marcus: Yes. I'll book the room for Friday at nine.\n"
            "Dana: Great, let's check in on that next time.\n"
        ).utterances
    }
    assert roles == {"Marcus": "client", "Dana": "coach"}


def test_a_sheets_quoted_cells_are_read_as_the_sheet_wrote_them() -> None:
    said = _said(
        'Timestamp\tSpeaker\tText\n00:00:01\tDana\tHow has the week been?\n00:00:04\tMarcus\t"Busy.\n'
        'The board went well."\n00:00:12\tDana\t"You said ""no"" to a project?"\n',
        "sheet.tsv",
    )
    assert said == [
        ("Dana", "How has the week been?"),
        ("Marcus", "Busy. The board went well."),
        ("Dana", 'You said "no" to a project?'),
    ]


def test_whole_seconds_in_a_sheet_are_seconds() -> None:
    transcript = _read("Timestamp\tSpeaker\tText\n0\tDana\tHi.\n42\tMarcus\tHello.\n", "sheet.tsv")
    assert [u.start for u in transcript.utterances] == [0.0, 42.0]


@pytest.mark.parametrize("name", ["stray.txt", "stray.tsv"])
def test_a_file_of_a_stray_byte_order_mark_gets_one_message_or_notes(name: str) -> None:
    try:
        transcript = _read("\n\ufeff\n", name)
    except InputError as refused:
        assert name in str(refused)
    else:
        assert all(u.role == "notes" for u in transcript.utterances)


def test_a_speaker_who_says_watch_and_a_link_is_still_heard() -> None:
    said = _said(
        "COACH: What would help you prepare?\nCLIENT: Seeing someone do it well.\n"
        "COACH: There's a short talk on exactly this - WATCH: https://www.ted.com/talks/abc\n"
        "CLIENT: Thanks, I'll look tonight.\n"
    )
    assert said[2] == ("COACH", "There's a short talk on exactly this - WATCH: https://www.ted.com/talks/abc")
