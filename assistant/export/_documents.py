"""Word and PDF documents from an export's Markdown: title, headings, numbered items, bullets, text.

Both read the few Markdown forms the exports write (`_blocks`), so a DOCX and a PDF of the same
export say the same thing. The PDF uses fpdf2 (pure Python) with its built-in Helvetica; text
outside Latin-1 switches to the DejaVu Sans that matplotlib ships, or failing that shows as "?".
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import Literal

BlockKind = Literal["title", "heading", "number", "bullet", "sub_bullet", "text"]


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str
    """Without Markdown marks."""
    number: int = 0


_NUMBERED = re.compile(r"^(\d+)\. (.*)$")


def blocks(markdown: str) -> list[Block]:
    found = []
    for line in markdown.splitlines():
        stripped = line.strip()
        if not stripped or stripped == "---":
            continue
        if stripped.startswith("# "):
            found.append(Block("title", _plain(stripped[2:])))
        elif stripped.startswith("## "):
            found.append(Block("heading", _plain(stripped[3:])))
        elif stripped.startswith("- "):
            found.append(Block("sub_bullet" if line.startswith("   ") else "bullet", _plain(stripped[2:])))
        elif match := _NUMBERED.match(stripped):
            found.append(Block("number", _plain(match.group(2)), int(match.group(1))))
        else:
            found.append(Block("text", _plain(stripped.lstrip("> "))))
    return found


def _plain(text: str) -> str:
    return text.replace("**", "").replace("*", "")


def to_docx(markdown: str) -> bytes:
    import docx

    document = docx.Document()
    styles = {"bullet": "List Bullet", "sub_bullet": "List Bullet 2", "number": "List Number"}
    for block in blocks(markdown):
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "heading":
            document.add_heading(block.text, level=1)
        else:
            document.add_paragraph(block.text, style=styles.get(block.kind))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------ PDF

_TYPOGRAPHY = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "•": "-", "●": "*", "◐": "*"}
    | {"○": "o", "✕": "x", "\u00a0": " "}
)
_STYLE: dict[BlockKind, tuple[str, float, float]] = {
    # font style, size, space before (mm)
    "title": ("B", 18, 0),
    "heading": ("B", 13, 5),
    "number": ("B", 11, 3),
    "bullet": ("", 10.5, 1),
    "sub_bullet": ("", 10.5, 0.5),
    "text": ("", 10.5, 1.5),
}
_INDENT: dict[BlockKind, float] = {"bullet": 4, "sub_bullet": 10, "number": 0}


def to_pdf(markdown: str, title: str) -> bytes:
    from fpdf import FPDF

    content = [Block(b.kind, b.text.translate(_TYPOGRAPHY), b.number) for b in blocks(markdown)]
    pdf = FPDF(format="A4")
    pdf.set_title(title.translate(_TYPOGRAPHY))
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=18)
    family = _font(pdf, content)
    pdf.add_page()
    for block in content:
        style, size, before = _STYLE[block.kind]
        pdf.set_font(family, style, size)
        pdf.ln(before)
        indent = _INDENT.get(block.kind, 0)
        pdf.set_x(pdf.l_margin + indent)
        text = {"number": f"{block.number}. ", "bullet": "- ", "sub_bullet": "- "}.get(block.kind, "") + block.text
        if family == "Helvetica":
            text = _to_latin1(text)
        pdf.multi_cell(pdf.epw - indent, size * 0.5, text, new_x="LMARGIN", new_y="NEXT", align="L")
    return bytes(pdf.output())


def _font(pdf, content: list[Block]) -> str:  # type: ignore[no-untyped-def]
    """Helvetica when every character is Latin-1; otherwise DejaVu Sans, if matplotlib has it."""
    if all(_latin1(b.text) for b in content):
        return "Helvetica"
    fonts = _dejavu()
    if fonts is None:
        return "Helvetica"  # what Latin-1 cannot say is shown as "?" (`_to_latin1`)
    pdf.add_font("DejaVu", "", str(fonts / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(fonts / "DejaVuSans-Bold.ttf"))
    return "DejaVu"


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _to_latin1(text: str) -> str:
    """Helvetica's text: each character outside Latin-1 becomes "?", rather than the export failing."""
    return text.encode("latin-1", "replace").decode("latin-1")


def _dejavu() -> Path | None:
    spec = find_spec("matplotlib")
    if spec is None or spec.origin is None:
        return None
    fonts = Path(spec.origin).parent / "mpl-data" / "fonts" / "ttf"
    return fonts if (fonts / "DejaVuSans.ttf").is_file() else None
