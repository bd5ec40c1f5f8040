"""Word documents: labelled transcripts, Teams DOCX exports, tables and typed notes."""

from __future__ import annotations

from pathlib import Path

import docx

from assistant.ingest import load_transcript


def _write_docx(path: Path, paragraphs: list[str], table: list[tuple[str, str]] | None = None) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=0, cols=2)
        for speaker, words in table:
            cells = grid.add_row().cells
            cells[0].text, cells[1].text = speaker, words
    document.save(path)
    return path


def test_word_labelled_transcript(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "session.docx",
        [
            "Coach: What do you want from today?",
            "Client: A decision on the Lisbon role.",
            "I keep going back and forth.",
            "Coach: What would help you decide?",
        ],
    )
    transcript = load_transcript(path)
    assert transcript.source.format == "docx"
    assert [u.role for u in transcript.utterances] == ["coach", "client", "coach"]
    assert transcript.utterances[1].text == "A decision on the Lisbon role. I keep going back and forth."
    assert transcript.source.encoding is None


def test_teams_docx_export(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "teams.docx",
        [
            "Transcript",
            "Rachel Adeyemi   0:04",
            "How did the board prep go?",
            "Jonas Berg   0:09",
            "Better than I expected. I rehearsed twice.",
            "Rachel Adeyemi   1:02",
            "What did you learn from rehearsing?",
        ],
    )
    transcript = load_transcript(path)
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Rachel Adeyemi", "coach"),
        ("Jonas Berg", "client"),
        ("Rachel Adeyemi", "coach"),
    ]  # the "Transcript" title is not an utterance
    assert transcript.utterances[2].start == 62.0


def test_teams_docx_header_and_transcription_notices(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "teams.docx",
        [
            "Board prep check-in",
            "March 3, 2025, 10:02AM",
            "Rachel Adeyemi started transcription",
            "Rachel Adeyemi   0:04",
            "How did the board prep go?",
            "Jonas Berg   0:09",
            "Better than I expected.",
            "Rachel Adeyemi   1:02",
            "What did you learn?",
            "Rachel Adeyemi stopped transcription",
        ],
    )
    transcript = load_transcript(path)
    assert [u.text for u in transcript.utterances] == [
        "How did the board prep go?",
        "Better than I expected.",
        "What did you learn?",
    ]
    assert transcript.metadata is not None
    assert (transcript.metadata.title, transcript.metadata.date) == ("Board prep check-in", "2025-03-03")
    assert "Rachel Adeyemi stopped transcription" in transcript.metadata.removed


def test_older_teams_docx_with_timing_lines(tmp_path: Path) -> None:
    """Teams once wrote each cue as a timing line, the name, then the words, one paragraph each."""
    path = _write_docx(
        tmp_path / "teams-old.docx",
        [
            "0:0:0.0 --> 0:0:4.120",
            "Rachel Adeyemi",
            "Where did you land after our last conversation?",
            "0:0:4.500 --> 0:0:9.0",
            "Jonas Berg",
            "I drafted the opening.",
            "0:0:9.0 --> 0:0:12.0",
            "Jonas Berg",
            "It's rough but it exists.",
            "0:0:12.500 --> 0:0:15.0",
            "Rachel Adeyemi",
            "What makes it rough?",
        ],
    )
    transcript = load_transcript(path)
    assert transcript.source.format == "docx"
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Rachel Adeyemi", "coach"),
        ("Jonas Berg", "client"),
        ("Rachel Adeyemi", "coach"),
    ]
    assert transcript.utterances[1].text == "I drafted the opening. It's rough but it exists."
    assert (transcript.utterances[1].start, transcript.utterances[1].end) == (4.5, 12.0)


def test_table_transcript(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "table.docx",
        [],
        table=[
            ("Coach", "Where are you with the feedback?"),
            ("Mira", "I gave it. It went fine."),
            ("Coach", "What surprised you?"),
        ],
    )
    transcript = load_transcript(path)
    assert [(u.speaker, u.role) for u in transcript.utterances] == [
        ("Coach", "coach"),
        ("Mira", "client"),
        ("Coach", "coach"),
    ]


def test_typed_notes_docx_one_utterance_per_word_paragraph(tmp_path: Path) -> None:
    path = _write_docx(
        tmp_path / "notes.docx",
        [
            "Session 4 with R.",
            "He seemed lighter today and said the reorg is finally settled.",
            "",
            "He will ask Ana to run the Monday meeting.",
        ],
    )
    transcript = load_transcript(path)
    assert transcript.source.format == "notes"
    assert [u.text for u in transcript.utterances] == [
        "Session 4 with R.",
        "He seemed lighter today and said the reorg is finally settled.",
        "He will ask Ana to run the Monday meeting.",
    ]
