"""Rich text (RTF) to plain text: a transcript pasted into TextEdit or WordPad and saved as rich
text, sometimes renamed to .txt. Only what a transcript needs: paragraphs, line breaks, tabs and
the characters escaped as \\'92 or \\u257; fonts, colours, styles and pictures are left out.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"\\(?P<word>[a-z]{1,32})(?P<arg>-?\d{1,10})? ?"  # a control word: "\par", "\u257 ", "\f1"
    r"|\\'(?P<hex>[0-9a-fA-F]{2})"  # a byte of the document's code page: "\'92"
    r"|\\(?P<symbol>[^a-zA-Z])"  # a control symbol: "\{", "\\", "\~", a line end after "\"
    r"|(?P<brace>[{}])"
    r"|(?P<newline>\r\n|\r|\n)"
    r"|(?P<text>[^\\{}\r\n]+)"
)
_KINDS = ("word", "hex", "symbol", "brace", "newline", "text")
_SKIPPED = frozenset(
    ("fonttbl", "colortbl", "stylesheet", "info", "pict", "header", "footer", "headerl", "headerr", "footerl",
     "footerr", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata", "datastore",
     "latentstyles", "object", "fldinst", "expandedcolortbl", "footnote", "headerf", "footerf", "annotation",
     "atnid", "atnauthor")
)  # fmt: skip
"""Groups that hold no words of the document."""
_BREAKS = {
    "par": "\n", "line": "\n", "sect": "\n", "page": "\n", "row": "\n", "tab": "\t", "cell": "\t", "nestcell": "\t",
    "lquote": "‘", "rquote": "’", "ldblquote": "“", "rdblquote": "”", "endash": "–",
    "emdash": "—", "bullet": "•", "emspace": " ", "enspace": " ", "qmspace": " ",
}  # fmt: skip
"""Control words that stand for a character: breaks, and Word's and WordPad's quotes and dashes
("I\\rquote ll send it")."""
_SYMBOLS = {"\n": "\n", "\r": "\n", "~": "\u00a0", "_": "-", "-": ""}
"""Control symbols: a line end after a backslash is TextEdit's paragraph; "\\~" a no-break space."""


def looks_like_rtf(text: str) -> bool:
    return text.lstrip("\ufeff \r\n").startswith("{\\rtf")


def rtf_to_text(text: str) -> str:
    """The document's words, a paragraph a line."""
    code_page = _code_page(text)
    out: list[str] = []
    pending = bytearray()  # "\'e2\'80\'99": bytes of one character, decoded together
    stack: list[tuple[bool, int]] = []
    skipping, unicode_skip, to_skip = False, 1, 0
    for token in _TOKEN.finditer(text):
        kind = next(group for group in _KINDS if token[group] is not None)
        if kind != "hex" and pending:
            out.append(pending.decode(code_page, errors="replace"))
            pending.clear()
        if kind == "brace":
            if token["brace"] == "{":
                stack.append((skipping, unicode_skip))
            elif stack:
                skipping, unicode_skip = stack.pop()
            continue
        if kind == "newline":
            continue  # line ends in the source are not the document's
        if to_skip and kind in ("text", "hex", "symbol"):
            if kind == "text":
                dropped = min(to_skip, len(token["text"]))
                to_skip -= dropped
                if not skipping:
                    out.append(token["text"][dropped:])
            else:
                to_skip -= 1
            continue
        if kind == "word":
            word, arg = token["word"], token["arg"]
            if word in _SKIPPED:
                skipping = True
            elif word == "uc":
                unicode_skip = int(arg or 1)
            elif word == "u" and arg is not None and not skipping:
                out.append(chr(int(arg) % 65536))
                to_skip = unicode_skip
            elif word == "v":
                skipping = arg != "0"  # hidden text ("\\v ... \\v0") is no one's words
            elif word in _BREAKS and not skipping:
                out.append(_BREAKS[word])
        elif kind == "symbol":
            if token["symbol"] == "*":
                skipping = True  # "{\*\expandedcolortbl;;}": a group a reader may ignore
            elif not skipping:
                out.append(_SYMBOLS.get(token["symbol"], token["symbol"]))
        elif kind == "hex" and not skipping:
            pending.append(int(token["hex"], 16))
        elif kind == "text" and not skipping:
            out.append(token["text"])
    if pending:
        out.append(pending.decode(code_page, errors="replace"))
    # An emoji is written as two halves ("\\u55357 \\u56842"): joined again into one character
    joined = "".join(out).encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")
    return joined.strip() + "\n"


def _code_page(text: str) -> str:
    declared = re.search(r"\\ansicpg(\d+)", text[:500])
    page = f"cp{declared.group(1)}" if declared else "mac_roman" if re.match(r"\{\\rtf1\\mac\b", text) else "cp1252"
    try:
        "".encode(page)
    except LookupError:
        return "cp1252"
    return page
