"""Word documents (typed notes, Word transcripts, Teams DOCX exports) to text lines."""

from __future__ import annotations

import io
import re
import zipfile

from assistant.errors import InputError
from assistant.ingest._labels import CLOCK
from assistant.ingest._raw import column_meaning


def is_zip(data: bytes) -> bool:
    return data.startswith(b"PK\x03\x04")


def docx_text(data: bytes, file_name: str) -> str:
    """The document's paragraphs (and table cells, row by row) as lines of text."""
    _check_is_word(data, file_name)
    import docx  # python-docx: imported here so the CLI starts fast
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises many types for a damaged file
        raise InputError(f"{file_name} is a damaged Word document ({type(exc).__name__})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():  # paragraphs and tables in the order they stand
        if isinstance(block, Table):
            lines.extend(line for row in block.rows if (line := _row_line(row)))
        else:
            lines.append(block.text)
    # A Word paragraph is a paragraph even without an empty one after it: notes split on blank lines.
    return "\n\n".join(lines)


_CLOCK_CELL = re.compile(rf"^[\[(]?{CLOCK}[\])]?$")


def _row_line(row) -> str:  # type: ignore[no-untyped-def]
    """A transcript table row becomes a labelled line: speaker | words is "speaker: words", time |
    speaker | words is "time speaker: words"; a row with no speaker continues the turn above, a row of
    column headings (Time | Speaker | Text) is left out, other rows keep their cells."""
    cells = [cell.text.strip() for cell in row.cells]
    cells = [c for n, c in enumerate(cells) if n == 0 or c != cells[n - 1]]  # a merged cell repeats
    filled = [c for c in cells if c]
    if filled and all(column_meaning(c) for c in filled):
        return ""
    clock = next((c for c in filled if _CLOCK_CELL.match(c)), None)
    rest = [c for c in filled if c != clock]
    if len(rest) == 2:
        line = f"{rest[0]}: {rest[1]}"
        return f"{clock.strip('[]()')} {line}" if clock else line
    return " ".join(rest)  # one cell: the words of the turn above, or a row that is no turn


def _check_is_word(data: bytes, file_name: str) -> None:
    """A .docx is a ZIP holding word/document.xml; any other ZIP is refused by name."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        raise InputError(f"{file_name} is not a readable Word document (the file is damaged)") from None
    if "word/document.xml" not in names:
        raise InputError(f"{file_name} is a ZIP archive, not a Word document")
