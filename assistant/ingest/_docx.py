"""Word documents (typed notes, Word transcripts, Teams DOCX exports) to text lines."""

from __future__ import annotations

import io
import zipfile

from assistant.errors import InputError


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def docx_text(data: bytes, file_name: str) -> str:
    """The document's paragraphs (and table cells, row by row) as lines of text."""
    _check_is_word(data, file_name)
    import docx  # python-docx: imported here so the CLI starts fast

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a damaged file
        raise InputError(f"{file_name} is a damaged Word document ({type(exc).__name__})") from None
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        lines.extend(_row_line(row) for row in table.rows)
    # A Word paragraph is a paragraph even without an empty one after it: notes split on blank lines.
    return "\n\n".join(lines)


def _row_line(row) -> str:  # type: ignore[no-untyped-def]
    """A transcript table row (speaker | words) becomes "speaker: words"; other rows, their cells."""
    cells = [cell.text.strip() for cell in row.cells if cell.text.strip()]
    if len(cells) == 2:
        return f"{cells[0]}: {cells[1]}"
    return " ".join(cells)


def _check_is_word(data: bytes, file_name: str) -> None:
    """A .docx is a ZIP holding word/document.xml; any other ZIP is refused by name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{file_name} is not a readable Word document (the file is damaged)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{file_name} is a ZIP archive, not a Word document")
