"""Spoken text made readable: fillers, stutters, cut-offs and transcribers' notes ("(laughs)") taken
out, nothing put in.

A transcriber writes what was said ("monitor it and-and-", "I I want to, um, cut down"). The coach
reads actions and questions, so their text is cleaned here; the evidence quotes stay verbatim.
Every function only removes: the words of a cleaned phrase are a subsequence of the original's.
"""

from __future__ import annotations

import re

__all__ = ["FILLERS", "clean_phrase", "content_word_count", "dangles", "is_filler_fragment", "trim_edges"]


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


FILLERS = frozenset({"um", "umm", "uh", "uhh", "uh-huh", "erm", "er", "ah", "hmm", "hm", "mm", "mmm", "mhm", "mm-hmm"})
"""Sounds that carry nothing, wherever they are."""
_BACKCHANNELS = frozenset({"yeah", "yep", "yup", "yes", "okay", "ok", "oh", "so", "well", "alright", "anyway"})
"""Words that carry nothing at the edge of a phrase ("yeah so I'll...", "...call her, yeah")."""
_EDGE_CONNECTIVES = frozenset({"and", "or", "but", "because", "'cause", "cause", "cuz"})
"""A phrase does not start or end on a connective ("but I'll call her", "call her and")."""
_DANGLING = frozenset({"the", "a", "an", "my", "your", "our", "their", "his", "her", "to", "of", "with", "for", "at"})
"""Words left hanging when speech is cut off ("cut down on the--")."""
_OPEN_END = (
    _DANGLING
    | _EDGE_CONNECTIVES
    | _words("i i'm i'll i'd we we're you what which who than is are was be in on")
    | _words("before after until till when if whether")
    | _words("that's it's there's he's she's they're don't")
)
"""Words a finished phrase does not end on ("...before I'm", "...and ask her straight out what"), nor
a clause's first words where unpunctuated speech ran on past the word limit ("... before my
partner's even awake that's", "... i'm a finance director i don't": the spent twenty-ninth split)."""
_REPEAT_OK = frozenset({"that", "had", "very", "really", "so", "no", "many", "more", "bye", "far"})
"""Doubled words that are grammar or emphasis, not a stutter ("I know that that helps")."""
_FUNCTION = _words(
    "i i'm i'll i've i'd me my myself we we're we'll us our you you're your he she him her his it it's its they "
    "them their this that these those there here a an the and or but so because 'cause cause to of in on at "
    "for with from by as if then than just really very is am are was were be been being do does did don't "
    "doesn't didn't have has had will would could should can can't won't might may must gonna guess think "
    "know mean like kind sort kinda sorta maybe probably yeah yes no not okay ok well oh right all"
)
"""Words that are no content of their own: a phrase made only of these says nothing."""

_STAGE = (
    r"[(\[]\s*(?:(?:he |she |they )?(?:laugh(?:s|ing|ter)?|chuckl(?:es?|ing)|sigh(?:s|ing)?|pause[sd]?|long pause|"
    r"inaudible|crosstalk|cough(?:s|ing)?|clears (?:his |her |their )?throat|silence|groan(?:s|ing)?|exhales?|"
    r"inhales?|smil(?:es?|ing)|cries|crying|sniff(?:s|ing)?|laughs? nervously|nervous laugh|quietly|softly)\s*)+"
    r"(?:[)\]]|$)"
)
"""A transcriber's note of a sound or an action, not the speaker's words: "(laughs)", "[sighs]", and
the "(laughs" a phrase keeps when it was cut at the closing bracket."""
_TOKEN = re.compile(
    rf"(?P<stage>{_STAGE})"
    r"|(?P<cut>-{2,}|[—–]|\.\.\.|…)"  # a cut-off mark
    r"|(?P<word>(?:['’](?=(?:cause|em|til)\b))?[^\W_](?:[\w'’]*[^\W_])?(?:-[^\W_](?:[\w'’]*[^\W_])?)*(?:-(?!-))?)"
    r"|(?P<punct>[^\w\s])",
)


class _Token:
    """A word, a cut-off mark or a punctuation mark, where it stands in the text."""

    __slots__ = ("end", "folded", "kind", "start", "text")

    def __init__(self, text: str, kind: str, start: int, end: int) -> None:
        self.text, self.kind, self.start, self.end = text, kind, start, end
        self.folded = text.lower().replace("’", "'")


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.group(), m.lastgroup or "punct", m.start(), m.end()) for m in _TOKEN.finditer(text)]


def clean_phrase(text: str) -> str:
    """The phrase without fillers, stutters, cut-offs and transcribers' notes: "monitor it and-and-"
    -> "monitor it", "he also eats there (laughs)" -> "he also eats there"."""
    tokens = _unstuttered(_tokens(text))
    tokens = _without_fillers(tokens)
    tokens = _without_repeats([t for t in tokens if t.kind not in ("cut", "stage")])
    return _joined(_trimmed(tokens, cut_off=_ends_cut_off(text)))


_SAID_LAST = re.compile(
    r"\b(?:say|says|said|saying|answer|answers|answered)\s+(yes|no|okay|ok|alright)\W*$", re.IGNORECASE
)
"""A closing yes or no that is what is said ("if raj says yes", "say yes"), which `clean_phrase` would
drop at a phrase's end as a backchannel."""


def clean_action(text: str) -> str:
    """An action as a coach reads it: `clean_phrase`, keeping a closing yes or no that is what is
    said ("Then I say yes." was the action "say"; "if raj says yes" keeps its condition whole)."""
    cleaned = clean_phrase(text).strip(" ,")
    said = _SAID_LAST.search(text)
    if said and not cleaned.lower().endswith(said.group(1).lower()):
        cleaned = f"{cleaned} {said.group(1)}".strip()
    return cleaned


_ASIDES = frozenset({"right", "sure", "fine", "cool", "i", "mean", "you", "know", "like", "look", "listen"})
"""Words that, alone in a sentence, say nothing either ("Right.", "I mean.", "You know.")."""


def is_interjection(text: str) -> bool:
    """A sentence of fillers and backchannels alone ("Well.", "Um, yeah.", "Oh."): nothing said."""
    words = re.findall(r"[a-z'-]+", text.lower())
    return all(w in FILLERS or w in _BACKCHANNELS or w in _ASIDES for w in words)


def trim_edges(text: str) -> str:
    """The text with fillers, backchannels and cut-offs trimmed from its edges only: a verbatim substring."""
    tokens = _trimmed(_tokens(text), cut_off=_ends_cut_off(text))
    if not tokens:
        return ""
    end = tokens[-1].end
    while end < len(text) and text[end] in "?!":  # a question keeps its mark
        end += 1
    return text[tokens[0].start : end]


def dangles(text: str) -> bool:
    """The phrase stops on a word that needs more after it ("the rest of", "before I'm")."""
    words = [t for t in _tokens(text) if t.kind == "word"]
    return bool(words) and words[-1].folded in _OPEN_END


def content_word_count(text: str) -> int:
    """How many words of the text carry content (not fillers, backchannels or function words)."""
    words = [t.folded.rstrip("-") for t in _tokens(text) if t.kind == "word"]
    return sum(1 for w in words if w not in FILLERS and w not in _BACKCHANNELS and w not in _FUNCTION)


def is_filler_fragment(text: str | None, min_content: int = 2) -> bool:
    """Text no coach should read as a goal, action or question: mostly fillers or backchannels,
    fewer than `min_content` content words, cut off at its end, or holding a stutter."""
    if not text or not text.strip():
        return True
    tokens = _tokens(text)
    words = [t for t in tokens if t.kind == "word"]
    if not words or _ends_cut_off(text) or _has_stutter(tokens):
        return True
    said = 1 if _SAID_LAST.search(text) else 0  # "say yes": the yes is what is said, not a backchannel
    noise = sum(1 for t in words if t.folded in FILLERS or t.folded in _BACKCHANNELS) - said
    return noise * 2 >= len(words) or content_word_count(text) + said < min_content


# ----------------------------------------------------------------------------- the steps


def _ends_cut_off(text: str) -> bool:
    stripped = text.rstrip(" \t\n\"')")
    return stripped.endswith(("-", "—", "–", "...", "…"))


def _parts(token: _Token) -> list[str]:
    return [p for p in token.folded.split("-") if p]


def _unstuttered(tokens: list[_Token]) -> list[_Token]:
    """ "and-and-" -> "and" then a cut; "I-I" -> "I"; a broken-off word ("wre-", "I-") is dropped."""
    out: list[_Token] = []
    for n, token in enumerate(tokens):
        if token.kind != "word":
            out.append(token)
            continue
        parts = _parts(token)
        broken = token.text.endswith("-")
        if len(parts) >= 2 and len(set(parts)) == 1:  # a repeated word joined by hyphens
            first = token.text.split("-")[0]
            out.append(_Token(first, "word", token.start, token.start + len(first)))
            if broken:
                out.append(_Token("-", "cut", token.end - 1, token.end))
            continue
        if broken:
            following = next((t for t in tokens[n + 1 :] if t.kind == "word"), None)
            if following is None:
                out.append(_Token("-", "cut", token.end - 1, token.end))
            continue  # a false start, repeated or abandoned
        out.append(token)
    return out


def _is_filler_at(tokens: list[_Token], n: int) -> int:
    """How many tokens from n are a filler (0 if none): "um", "you know", "I mean", "like" as filler."""
    word = tokens[n].folded
    before = tokens[n - 1] if n > 0 else None
    after = tokens[n + 1] if n + 1 < len(tokens) else None
    if word in FILLERS:
        return 1
    next_word = after.folded if after is not None and after.kind == "word" else None
    previous_word = before.folded if before is not None and before.kind == "word" else None
    if word == "you" and next_word == "know":
        if previous_word == "so" and n + 2 < len(tokens) and tokens[n + 2].kind == "word":
            return 0  # "text you so you know I done it": so that you know, not a filler
        return 0 if previous_word in {"let", "lets", "letting", "do", "did", "does", "if", "what", "to", "tell"} else 2
    if word == "i" and next_word == "mean":
        following = tokens[n + 2].folded if n + 2 < len(tokens) else None
        return 0 if previous_word in {"what", "that", "which"} or following in {"it", "that", "to"} else 2
    if word == "like":
        set_off = before is None or before.kind != "word" or (after is not None and after.kind == "punct")
        return 1 if set_off or previous_word in FILLERS else 0
    return 0


def _without_fillers(tokens: list[_Token]) -> list[_Token]:
    out: list[_Token] = []
    n = 0
    while n < len(tokens):
        width = _is_filler_at(tokens, n) if tokens[n].kind == "word" else 0
        if width:
            n += width
            if n < len(tokens) and tokens[n].text == ",":
                n += 1  # "to, um, cut" -> "to cut": the commas only set the filler off
                if out and out[-1].text == ",":
                    out.pop()
            continue
        out.append(tokens[n])
        n += 1
    return out


def _without_repeats(tokens: list[_Token]) -> list[_Token]:
    """A word or run of up to three words said twice in a row is said once: "I I", "on the, on the"."""
    while True:
        words = [n for n, t in enumerate(tokens) if t.kind == "word"]
        said = [tokens[n].folded for n in words]
        repeat = next(
            (
                (w, size)
                for size in (3, 2, 1)
                for w in range(len(said) - 2 * size + 1)
                if said[w : w + size] == said[w + size : w + 2 * size] and not (size == 1 and said[w] in _REPEAT_OK)
            ),
            None,
        )
        if repeat is None:
            return tokens
        w, size = repeat
        del tokens[words[w] : words[w + size]]  # the first saying and what stood between


def _trimmed(tokens: list[_Token], *, cut_off: bool) -> list[_Token]:
    """Drop fillers, backchannels, connectives and punctuation at both edges (and words left
    dangling by a cut-off at the end)."""
    tokens = list(tokens)
    while tokens and _edge_noise(tokens, 0, leading=True):
        del tokens[: _edge_noise(tokens, 0, leading=True)]
    while tokens:
        width = _trailing_noise(tokens, cut_off)
        if not width:
            break
        del tokens[-width:]
    return tokens


def _edge_noise(tokens: list[_Token], n: int, *, leading: bool) -> int:
    token = tokens[n]
    if token.kind != "word":
        return 1 if not (leading and token.text in "\"'(") else 0
    filler = _is_filler_at(tokens, n)
    if filler:
        return filler
    following = tokens[n + 1].folded if n + 1 < len(tokens) else None
    if token.folded == "so" and following == "that":
        return 0
    return 1 if token.folded in _BACKCHANNELS or token.folded in _EDGE_CONNECTIVES else 0


_SUBJECTS = frozenset({"i", "we", "i'm", "i'll", "we're", "we'll"})


def _trailing_noise(tokens: list[_Token], cut_off: bool) -> int:
    last = tokens[-1]
    if last.text == ")" and any(t.text == "(" for t in tokens[:-1]):
        return 0  # "the plan (draft)": a bracket that closes one the phrase opened
    if last.kind != "word":
        return 1
    folded = last.folded
    if last.text.endswith("-"):
        return 1  # a word broken off ("and-and-")
    if len(tokens) >= 2 and [t.folded for t in tokens[-2:]] in (["you", "know"], ["i", "mean"]):
        return 2
    if len(tokens) >= 2 and folded == "just" and tokens[-2].folded in _SUBJECTS:
        return 2  # "... straight out I just --": the next sentence broken off as it began
    if folded in FILLERS or folded in _EDGE_CONNECTIVES or folded in _BACKCHANNELS - {"okay", "ok", "well"}:
        return 1
    if folded == "like" and (len(tokens) < 2 or tokens[-2].kind != "word" or tokens[-2].folded not in {"i'd", "would"}):
        return 1
    if folded in {"right", "okay", "ok"} and len(tokens) >= 2 and tokens[-2].kind == "punct":
        return 1  # "..., right?" asks for agreement; "get it right" is the action
    return 1 if cut_off and folded in _DANGLING else 0


def _has_stutter(tokens: list[_Token]) -> bool:
    """A broken-off word ("I-", "and-and"), a cut-off mark inside, or words said twice ("I I",
    "I need to, um, I need to")."""
    words = [t for t in tokens if t.kind == "word"]
    for token in words:
        parts = _parts(token)
        if token.text.endswith("-") or (len(parts) >= 2 and len(set(parts)) == 1):
            return True
    if any(t.kind == "cut" for t in tokens[:-1]):
        return True
    said = [t.folded for t in words if t.folded not in FILLERS]
    return any(
        said[w : w + size] == said[w + size : w + 2 * size] and not (size == 1 and said[w] in _REPEAT_OK)
        for size in (1, 2, 3)
        for w in range(len(said) - 2 * size + 1)
    )


def _joined(tokens: list[_Token]) -> str:
    text = ""
    previous: _Token | None = None
    for token in tokens:
        if token.kind == "punct" and token.text not in "\"'(":
            if text.endswith(token.text) and token.text in ",;:":
                continue
            text += token.text
        elif previous is not None and previous.kind == "punct" and previous.end == token.start:
            text += token.text  # written together: "5.30", "a.m.", "U.K."
        else:
            text += (" " if text and not text.endswith(("(", '"')) else "") + token.text
        previous = token
    return re.sub(r"([,;:])(?=[.?!])", "", text).strip(" ,;:")
