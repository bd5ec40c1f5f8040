"""What the sixth set of uploads (fixtures/exports6, written apart from the reader: tools set to the
coach's own language around an English session) found misread, each kept as a small case: a sheet's
column headings in Spanish or Italian, numbered speakers in German or French, Italian's "Cliente",
Google Meet's notice and closing line in French, a Happy Scribe time with frames, a Polish file saved
as ISO-8859-2 or Windows-1250, and a coach's "To do:" or Dutch "Afspraken" under the last turn."""

from __future__ import annotations

import pytest

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


@pytest.mark.parametrize("codec", ["iso-8859-2", "cp1250"])
def test_a_polish_file_saved_in_a_single_byte_encoding(codec: str) -> None:
    text = "Beata Łęcka: Dzień dobry, how are you?\nŁukasz Wróbel: Może lepiej. Better, a bit.\n" * 2
    assert [speaker for speaker, _ in _said(text.encode(codec))] == ["Beata Łęcka", "Łukasz Wróbel"] * 2


def test_a_spanish_file_in_windows_1252_stays_spanish() -> None:
    text = "Ana: ¿Qué tal la semana?\nLuis: ¡Horrible! Señor Muñoz quiere £500 más.\n" * 2
    assert _said(text.encode("cp1252"))[1] == ("Luis", "¡Horrible! Señor Muñoz quiere £500 más.")


@pytest.mark.parametrize("heading", ["To do: send LC the piece on interruptions.", "Afspraken"])
def test_the_coachs_own_lines_under_the_last_turn_are_notes(heading: str) -> None:
    text = f"MB: What will you try on Monday?\nLC: Finish my point. Once.\nMB: Good.\nLC: I will.\n\n{heading}\n"
    assert _said(text)[-1] == ("LC", "I will.")
