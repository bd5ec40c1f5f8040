"""Cleaning spoken text for display: fillers, stutters and cut-offs go, nothing is added."""

from __future__ import annotations

import re

import pytest

from assistant.analysis.offline.clean import (
    clean_action,
    clean_phrase,
    content_word_count,
    dangles,
    is_filler_fragment,
    trim_edges,
)

CLEANED = [
    ("monitor it and-and-", "monitor it"),
    (
        "but, um, yeah, I guess, I don't really wanna wreck my teeth 'cause-- Yeah",
        "I guess, I don't really wanna wreck my teeth",
    ),
    ("I I want to, um, cut down on the-- on the drinking", "I want to cut down on the drinking"),
    ("i'll i'll stop buying the, uh, the big bottles and-and-", "i'll stop buying the big bottles"),
    ("like, go for a walk, like, every day", "go for a walk every day"),
    ("wre- wreck my teeth", "wreck my teeth"),
    ("I-I will call her", "I will call her"),
    ("call my- my sister and", "call my sister"),
    ("floss every night, right?", "floss every night"),
    (
        "put the floss by my toothbrush, you know, tonight",
        "put the floss by my toothbrush tonight",
    ),  # commas only set it off
    ("book a session with the--", "book a session"),  # words left hanging by the cut
    ("stop at nine, I mean, most nights", "stop at nine most nights"),
    ("Mm-hmm.", ""),
    ("uh-huh yeah", ""),
    # the next sentence broken off as it began (fifteenth sealed split, after its run)
    ("tell her if she asks straight out I just", "tell her if she asks straight out"),
    # a transcriber's note is no word of the speaker's (twenty-fifth sealed split, after its run)
    ("tell kojo he also eats there (laughs)", "tell kojo he also eats there"),
    ("tell kojo he also eats there (laughs", "tell kojo he also eats there"),  # cut at its closing bracket
    ("[sighs] okay i'll call her [laughs] on friday", "i'll call her on friday"),
]
KEPT = [
    "let you know by Friday",  # "you know" after "let" is no filler
    "get it right",  # "right" is the action, not a tag question
    "I know that that helps",  # a doubled "that" is grammar
    "I'd like to swim",  # "like" after "I'd" is a verb
    "I mean it",
    "keep my well-being first",
    "so that I sleep",
    "tell him what I think",
    "text you so you know I done it",  # "so you know" + a clause: so that you know (fifteenth sealed split)
    "send the plan (the short one)",  # a bracket the phrase closes is kept
]


@pytest.mark.parametrize(("spoken", "shown"), CLEANED)
def test_clean_phrase_removes_fillers_stutters_and_cut_offs(spoken: str, shown: str) -> None:
    assert clean_phrase(spoken) == shown


@pytest.mark.parametrize("text", KEPT)
def test_clean_phrase_leaves_meaningful_words(text: str) -> None:
    assert clean_phrase(text) == text


def _words(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.lower())


@pytest.mark.parametrize(("spoken", "shown"), CLEANED)
def test_clean_phrase_adds_nothing(spoken: str, shown: str) -> None:
    """Every word shown was said, in the order said."""
    said = iter(_words(spoken))
    assert all(word in said for word in _words(shown))


def test_trim_edges_keeps_a_verbatim_substring() -> None:
    spoken = "yeah um I guess I really want to stop being the bottleneck you know"
    trimmed = trim_edges(spoken)
    assert trimmed == "I guess I really want to stop being the bottleneck"
    assert trimmed in spoken
    assert trim_edges("I'd like to, um, have three dry nights a week, you know.") == (
        "I'd like to, um, have three dry nights a week"
    )
    assert trim_edges("and will you do it?") == "will you do it?"
    assert trim_edges("Yeah.") == ""
    assert (
        trim_edges("i want to climb the stairs without stopping (laughs")
        == "i want to climb the stairs without stopping"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Yeah.",
        "Mm-hmm",
        "um, yeah, you know",
        "I guess I will",  # no content
        "monitor it and-and-",  # cut off
        "wreck my teeth 'cause--",
        "I I want to stop",  # a stutter
        "I need to, um, I need to sleep more",  # a false start
        "and-and then call her",
        "",
        None,
    ],
)
def test_filler_fragments(text: str | None) -> None:
    assert is_filler_fragment(text)


@pytest.mark.parametrize(
    "text",
    [
        "I really want to stop being the bottleneck",
        "put the floss next to my toothbrush tonight",
        "I'd like to, um, have at least three dry nights a week",  # a filler inside is still a goal
        "I know that that helps me sleep",
    ],
)
def test_statements_are_no_fragments(text: str) -> None:
    assert not is_filler_fragment(text)


def test_content_words_and_the_minimum() -> None:
    assert content_word_count("I want to exercise") == 2
    assert content_word_count("um yeah I guess") == 0
    assert is_filler_fragment("floss", min_content=2)
    assert not is_filler_fragment("floss", min_content=1)


def test_dangles() -> None:
    assert dangles("ask her straight out what")
    assert dangles("before I'm")
    assert dangles("before my partner's even awake that's")  # a clause run on past the word limit
    assert dangles("i'm a finance director i don't")
    assert not dangles("stop being the bottleneck")


def test_an_action_keeps_a_closing_yes_or_no_that_is_said() -> None:
    assert clean_action("if raj says yes") == "if raj says yes"
    assert clean_action("say no, um") == "say no"
    assert clean_action("and-and tell 'em the door's open after") == "tell 'em the door's open after"
    assert not clean_action("call her tomorrow, yeah").endswith("yeah")
    assert not is_filler_fragment("say yes")  # a step: agreeing, on the spent fourth sealed split
    assert is_filler_fragment("yes yes")
