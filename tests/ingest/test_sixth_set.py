"""What the sixth set of uploads (fixtures/exports6, written apart from the reader: tools set to the
coach's own language around an English session) found misread, each kept as a small case: a sheet's
column headings in Spanish or Italian, numbered speakers in German or French, Italian's "Cliente",
Google Meet's notice and closing line in French, a Happy Scribe time with frames, and a coach's Dutch
"Afspraken" under the last turn; and what a review of the first mends found they broke."""

from __future__ import annotations

import pytest

from assistant.errors import InputError
from assistant.ingest import parse_bytes
from assistant.ingest._remarks import REMARKS


def _read(data: str | bytes, name: str = "s.txt") -> list[tuple[str, str, str]]:
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return [(u.speaker, u.role, u.text) for u in parse_bytes(raw, name).utterances]


def _said(data: str | bytes, name: str = "s.txt") -> list[tuple[str, str]]:
    return [(speaker, text) for speaker, role, text in _read(data, name) if role != "notes" and speaker != REMARKS]


def test_a_spanish_sheet_saved_as_csv() -> None:
    sheet = (
        "Inicio;Fin;Hablante;Texto\r\n"
        "00:00:01,200;00:00:04,000;Orador 1;How has the week been?\r\n"
        '00:00:04,500;00:00:09,000;Orador 2;"Long. The audit, again; and my son is ill."\r\n'
        "00:00:09,500;00:00:11,000;Orador 1;What would help?\r\n"
    )
    assert _said(sheet.encode("cp1252"), "sesion.csv") == [
        ("Orador 1", "How has the week been?"),
        ("Orador 2", "Long. The audit, again; and my son is ill."),
        ("Orador 1", "What would help?"),
    ]


def test_an_italian_sheet_names_the_client() -> None:
    sheet = "Inizio\tParlante\tTesto\n0:01\tCoach\tHow are you arriving?\n0:05\tCliente\tTired, honestly.\n"
    assert [(s, r) for s, r, _ in _read(sheet, "trascrizione.tsv")] == [("Coach", "coach"), ("Cliente", "client")]


@pytest.mark.parametrize("label", ["Sprecher", "Intervenant"])
def test_numbered_speakers_in_the_tools_language(label: str) -> None:
    text = (
        f"{label} 1 00:00:02\nHow has the week been?\n\n{label} 2 00:00:05\nLong.\n\n"
        f"{label} 1 00:00:09\nWhat would help?\n\n{label} 2 00:00:12\nSleep.\n"
    )
    assert [speaker for speaker, _ in _said(text)] == [f"{label} 1", f"{label} 2"] * 2


def test_google_meet_in_french_leaves_its_notice_and_closing_out() -> None:
    text = (
        "Séance de coaching - Transcription\n\nParticipants : Daniel Okafor, Claire Martin\n\nTranscription\n\n"
        "Cette transcription modifiable a été générée par ordinateur et peut contenir des erreurs.\n\n"
        "Claire Martin : How are you arriving today?\nDaniel Okafor : Tired. The board moved the date again.\n"
        "Claire Martin : What does that do to you?\nDaniel Okafor : It makes me want to quit, honestly.\n\n"
        "La réunion s'est terminée après 00:06:21 👋\n"
    )
    said = _said(text)
    assert said[-1] == ("Daniel Okafor", "It makes me want to quit, honestly.")
    assert not [t for _, t in said if "générée" in t or "terminée" in t]


def test_happy_scribe_times_with_frames() -> None:
    text = (
        "00:00:00:12 - Intervenant 1\nSo, we're recording. How has the week been?\n\n"
        "00:00:05:16 - Intervenant 2\nUp and down. Mostly down.\n\n"
        "00:00:13:17 - Intervenant 1\nMostly down?\n\n00:00:17:08 - Intervenant 2\nBecause of Sébastien.\n"
    )
    assert _said(text)[:2] == [
        ("Intervenant 1", "So, we're recording. How has the week been?"),
        ("Intervenant 2", "Up and down. Mostly down."),
    ]


def test_a_spanish_file_in_windows_1252_stays_spanish() -> None:
    text = "Ana: ¿Qué tal la semana?\nLuis: ¡Horrible! Señor Muñoz quiere £500 más.\n" * 2
    assert _said(text.encode("cp1252"))[1] == ("Luis", "¡Horrible! Señor Muñoz quiere £500 más.")


def test_a_western_file_with_units_and_footnotes_stays_western() -> None:
    # a review's case: a guess at Central European encodings read "m³" and "Bjørn report¹" as Polish
    text = (
        "Søren Kjærgaard: About 200m³ a day, maybe 250m³ at peak. See the Bjørn report¹.\nJosé Peña: ½ of me agrees.\n"
    )
    assert [speaker for speaker, _ in _said(text.encode("cp1252"))] == ["Søren Kjærgaard", "José Peña"]


def test_a_list_of_recordings_is_no_conversation() -> None:
    # "Transcription" and "Nom" head other tables too: a recordings list is refused, as before
    sheet = "Name,Date,Duration,Transcription\nSofia,2026-03-01,00:45:00,Done\nPieter,2026-03-02,00:50:00,Pending\n"
    with pytest.raises(InputError):
        _read(sheet, "recordings.csv")


def test_a_client_who_reads_out_her_to_do_list_keeps_her_words() -> None:
    text = (
        "Sofia: What did you promise yourself?\n\nLena: Here is what I wrote down.\n\n"
        "To do: call my sister, tell Pieter I can't take the Lisbon project.\n\nSofia: When?\n\nLena: Friday.\n"
    )
    assert (
        "Lena",
        "Here is what I wrote down. To do: call my sister, tell Pieter I can't take the Lisbon project.",
    ) in (_said(text))


@pytest.mark.parametrize("heading", ["Afspraken", "Notas"])
def test_the_coachs_own_lines_under_the_last_turn_are_notes(heading: str) -> None:
    text = f"MB: What will you try on Monday?\nLC: Finish my point. Once.\nMB: Good.\nLC: I will.\n\n{heading}\n"
    assert _said(text)[-1] == ("LC", "I will.")
