"""Sentences and spoken folding: every span is an exact slice of the text it came from."""

from __future__ import annotations

import pytest

from assistant.analysis.textspan import find_span, sentences, spoken


def _said(text: str) -> list[str]:
    spans = sentences(text)
    assert all(text[s.start : s.end] == s.text for s in spans)
    return [s.text for s in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "i'll put the pill box by the kettle. yeah. and i'll set an alarm",
            ["i'll put the pill box by the kettle.", "yeah.", "and i'll set an alarm"],
        ),
        ("I'll call her. Then I'll book it.", ["I'll call her.", "Then I'll book it."]),
        ("so do i. then it's done", ["so do i.", "then it's done"]),
        ("ok? fine! 3 more", ["ok?", "fine!", "3 more"]),
    ],
)
def test_a_sentence_ends_before_any_letter_or_digit(text: str, expected: list[str]) -> None:
    assert _said(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I'd cut the small stuff, e.g. the Monday call.",
        "i'd cut the small stuff, i.e. the monday call",
        "Dr. Patel said so.",
        "I asked Mr. Jones and Mrs. Shah.",
        "it takes 2.5 hours a week",
        "emails, reports etc. and the rest",
        "I'm up at 6 a.m. most days",
        "I was... less sure about it",
        "me vs. the team",
    ],
)
def test_abbreviations_decimals_and_trailing_off_stay_in_the_sentence(text: str) -> None:
    assert _said(text) == [text]


def test_a_capital_after_etc_am_or_an_ellipsis_still_starts_a_sentence() -> None:
    assert _said("I'm up at 6 a.m. Then I walk.") == ["I'm up at 6 a.m.", "Then I walk."]
    assert _said("I'll... I'll try it.") == ["I'll...", "I'll try it."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("i- i don't want to quit", "i don't want to quit"),
        ("I-- I don't want to quit", "i don't want to quit"),
        ("I — I don't want to quit", "i don't want to quit"),
        ("i i don't want to quit", "i don't want to quit"),
        ("i don't, i don't want to", "i don't want to"),
        ("I, I'm going to", "i'm going to"),
        ("wa- want to", "want to"),
        ("I'm, um, going to call her", "i'm going to call her"),
        ("um, ill call her monday", "i'll call her monday"),
        ("im gonna call her", "i'm gonna call her"),
        ("I dont wanna quit", "i don't want to quit"),
        ("id rather not", "i'd rather not"),
        ("imma call her", "i'm gonna call her"),
        ("  two  spaces   here", "two spaces here"),
        # left alone: grammar, not a stutter; words that are words
        ("Forget it, it's easier", "forget it, it's easier"),
        ("I know that that helps", "i know that that helps"),
        ("i was so ill that i couldn't work", "i was so ill that i couldn't work"),
        ("my id card", "my id card"),
    ],
)
def test_spoken_folding_reads_words_as_meant(text: str, expected: str) -> None:
    assert spoken(text).text == expected


@pytest.mark.parametrize(
    ("text", "words", "quoted"),
    [
        ("Well, i- i don't want to quit.", "i don't want to quit", "i don't want to quit"),
        ("so im gonna call her", "i'm gonna", "im gonna"),
        ("I'm, um, going to call", "i'm going to", "I'm, um, going to"),
        ("yeah imma do it", "i'm gonna", "imma"),
    ],
)
def test_a_match_in_the_spoken_folding_maps_to_a_slice_of_the_original(text: str, words: str, quoted: str) -> None:
    said = spoken(text)
    at = said.text.index(words)
    start, end = said.origin(at, at + len(words))
    assert text[start:end] == quoted


def test_find_span_quotes_the_original() -> None:
    span = find_span("I’ll  call HER on Monday.", "i'll call her")
    assert span is not None and span.text == "I’ll  call HER"


def test_find_span_folds_other_scripts_letter_by_letter() -> None:
    """A whole-string lower case reads context: Greek's final sigma is "ς" at a word's end and "σ"
    inside a longer text. Quote and utterance fold letter by letter alike, so a verbatim quote that
    ends where the utterance goes on is still found."""
    span = find_span("ΟΔΟΣ ΚΑΙ «fine».", "ΟΔΟΣ ΚΑΙ")
    assert span is not None and span.text == "ΟΔΟΣ ΚΑΙ"
    folded = find_span("Ο δρόμος ΟΔΟΣ και “fine”.", 'οδοσ και "fine')
    assert folded is not None and folded.text == "ΟΔΟΣ και “fine"
