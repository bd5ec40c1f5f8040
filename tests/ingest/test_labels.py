"""The label rules as data: every rule's examples match it, its counterexamples label nothing."""

from __future__ import annotations

import pytest

from assistant.ingest import parse_bytes
from assistant.ingest._frame import parse_date
from assistant.ingest._labels import (
    QUESTION_AND_ANSWER,
    RULES,
    is_heading_word,
    looks_like_a_name,
    match_label,
    notes_heading,
)

EXAMPLES = [(rule.id, line) for rule in RULES for line in rule.examples]
COUNTEREXAMPLES = [(rule.id, line) for rule in RULES for line in rule.counterexamples]


@pytest.mark.parametrize(("rule_id", "line"), EXAMPLES)
def test_each_example_is_labelled_by_its_rule(rule_id: str, line: str) -> None:
    label = match_label(line)
    assert label is not None, line
    assert label.rule.id == rule_id
    assert label.name and label.name == label.name.strip()


@pytest.mark.parametrize(("rule_id", "line"), COUNTEREXAMPLES)
def test_each_counterexample_is_not_labelled_by_its_rule(rule_id: str, line: str) -> None:
    label = match_label(line)
    assert label is None or label.rule.id != rule_id, line


@pytest.mark.parametrize(
    ("line", "name", "clock", "text"),
    [
        ("[00:00:04] Priya Nair: Let's pick up.", "Priya Nair", "00:00:04", "Let's pick up."),
        ("[Dana Whitfield] 11:02:09", "Dana Whitfield", "11:02:09", ""),
        ("**Dana Whitfield** [0:00]", "Dana Whitfield", "0:00", ""),
        ("0:05 - Sam Lee (Acme)", "Sam Lee", "0:05", ""),
        ("Speaker 1 (00:12):", "Speaker 1", "00:12", ""),
        ("[SPEAKER_01]: Yes.", "SPEAKER_01", None, "Yes."),
        ("Élodie Martin: Bonjour.", "Élodie Martin", None, "Bonjour."),
    ],
)
def test_label_parts(line: str, name: str, clock: str | None, text: str) -> None:
    label = match_label(line)
    assert label is not None
    assert (label.name, label.clock, label.text) == (name, clock, text)


@pytest.mark.parametrize(
    "line", ["Notes: call Ana", "Option 2: go", "Plan B: wait", "Next steps: book it", "Risks: cost", "Date: 3 May"]
)
def test_heading_words_are_never_labels(line: str) -> None:
    assert match_label(line) is None


def test_heading_word_and_name_checks() -> None:
    assert is_heading_word("Option 3") and is_heading_word("TIMELINE") and not is_heading_word("Dana")
    assert looks_like_a_name("Speaker 2") and looks_like_a_name("DANA W.") and looks_like_a_name("SPEAKER_00")
    assert not looks_like_a_name("Room 2") and not looks_like_a_name("2024-03-05")


def test_the_question_and_answer_rule_reads_its_examples_and_not_its_counterexamples() -> None:
    assert all(QUESTION_AND_ANSWER.pattern.match(line) for line in QUESTION_AND_ANSWER.examples)
    assert not any(QUESTION_AND_ANSWER.pattern.match(line) for line in QUESTION_AND_ANSWER.counterexamples)


def test_a_typed_interview_is_read_as_the_coach_asking_and_the_client_answering() -> None:
    text = "\n".join(f"Q: Question {n}, how did it go?\nA: Answer {n}, I will call her." for n in range(3))
    transcript = parse_bytes(text.encode("utf-8"), "interview.txt")
    assert [(u.speaker, u.role) for u in transcript.utterances[:2]] == [("Q", "coach"), ("A", "client")]
    assert len(transcript.utterances) == 6 and transcript.client_name is None  # "A" names no one


def test_a_question_or_two_in_a_coachs_notes_is_no_interview() -> None:
    notes = "Session with Dana.\nQ: does she want the role?\nA: not sure yet.\nShe will call her manager on Monday.\n"
    assert {u.role for u in parse_bytes(notes.encode("utf-8"), "notes.txt").utterances} == {"notes"}


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("Notes:", ""),
        ("COACH NOTES (not shared with client):", ""),
        ("## Action items: book the room", "book the room"),
        ("**Coach's notes:**", ""),
        ("Key takeaways:", ""),
        ("Dana: I will call her.", None),
        ("Sam Notes: hi", None),
        ("- Follow up: kids", None),
    ],
)
def test_a_heading_of_the_coachs_notes_is_told_apart(line: str, words: str | None) -> None:
    assert notes_heading(line) == words
    if words is not None:
        assert match_label(line) is None


def test_the_coachs_notes_under_a_conversation_are_not_the_last_speakers_words() -> None:
    text = (
        "Dana: How was the week?\n\nSam: Long. I will call her on Monday.\n\nDana: How do you feel saying it?\n\n"
        "Sam: Nervous. But lighter.\n\nCOACH NOTES (not shared with client):\n- Sam committed: call her Monday.\n"
    )
    transcript = parse_bytes(text.encode("utf-8"), "s.txt")
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Dana", "coach"),
        ("Sam", "client"),
        ("Dana", "coach"),
        ("Sam", "client"),
        ("Notes", "other"),
    ]
    assert transcript.utterances[3].text == "Nervous. But lighter."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wed, Mar 05, 2025 10:02AM • 12:41", "2025-03-05"),
        ("Date: 14 March 2025", "2025-03-14"),
        ("Oct 2, 2025", "2025-10-02"),
        ("Governance Call - 2024/11/21 15:51 GMT - Transcript", "2024-11-21"),
        ("2025-02-18", "2025-02-18"),
        ("05/03/2025", None),  # day and month order is never guessed
        ("Weekly sync", None),
    ],
)
def test_header_dates(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected
