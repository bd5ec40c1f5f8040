"""Redaction before anything goes to a model or an embedding service on another machine.

One path: every remote chat request goes through `protect` (analysis, assess, chat), and the
remote embedder masks its own input with `masked` (`OpenAIEmbedder` calls it inside `embed`, so no
call site can skip it). Both take what to hide from `private_words`:

- the client's name and the coach's private list for that client (`reflect client private`), read
  from the store, so no caller can forget them; a listed "Priya Nair" or "Acme Corp" also hides a
  lone "Priya", "Nair" or "Acme" (not "Corp": see `_ORG_WORDS`);
- every speaker label and header participant of the transcript at hand and of the client's stored
  sessions (the coach's name too, and each part of every name);
- whatever names or terms the caller adds;
- emails, phone numbers and URLs, found by pattern.

Names and terms are matched as whole words in any case: speech-to-text often writes "priya".
Names that are everyday words ("Will", "May", "Grace") are matched only as written, or "I will
ask" would lose its verb. When Reflect cannot tell whose words they are (an embedding request, a
transcript of no stored client), it hides every name and term the store knows. The words are read
from the store once per `protect` call or `embed` batch, never cached longer: an edit of the
private list applies to the next request. Chat replies are restored locally with the spelling the
text had, so the coach never sees a placeholder. Embeddings cannot be restored (a vector holds no
text): texts are embedded with bare placeholders ("[PERSON] asked [ORG]"), so a vector no longer
tells people apart; recall's word match (BM25, on this computer, over the original text) still
finds names. On by default (`REFLECT_REDACT_REMOTE`); never applied for the local model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from assistant.llm import ChatModel, Completion, Message
from assistant.store.clients import PrivateWords

if TYPE_CHECKING:
    from assistant.types import Transcript

__all__ = ["PrivateWords", "RedactingModel", "Redactor", "masked", "private_words", "protect"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+", re.IGNORECASE)
_DATE = r"(?:\d{4}-\d\d-\d\d|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})(?![\w./-])"
"""A date is not a phone number: the model needs the session dates it cites ("[2026-03-02 #3]")."""
_PHONE = re.compile(rf"(?<![\w])(?!{_DATE})\+?\d[\d ()./-]{{6,}}\d(?![\w])")
_PLACEHOLDER = re.compile(r"\[(PERSON|ORG|EMAIL|PHONE|URL)_\d+\]")
_SKIP = _words(
    "coach client coachee notes unknown speaker the and mr mrs ms dr van von der den del della des das dos bin"
)
"""Labels, titles and name particles: never hidden on their own."""
_EVERYDAY = _words(
    """will may mark bill hope grace joy rose faith art sue pat rob jack frank chase drew dawn summer
    rich ray max miles sage hunter page penny ruby amber iris lily holly ivy june april august don
    guy gene sky chance dean earl herb lane reed sandy stone wade ward west young king white brown
    green black long short"""
)
"""Names that are also everyday words: hidden only as written ("Will"), not as "will"."""
_ORG_WORDS = _words(
    """corp corporation company inc incorporated ltd limited llc llp plc gmbh group bank holdings
    partners capital global international solutions services systems technologies tech consulting
    labs foundation trust fund project team university college school hospital council agency
    institute association ministry department new for"""
)
"""Common words inside a listed term ("Acme Corp", "Project Phoenix"): the term is hidden whole,
these are not hidden alone."""


@dataclass
class Redactor:
    """Replaces identifying text with numbered placeholders, and puts it back."""

    names: list[str] = field(default_factory=list)
    """People's names (speaker labels, the coach's list)."""
    terms: list[str] = field(default_factory=list)
    """Other private terms the coach listed (companies, projects)."""
    _forward: dict[str, str] = field(default_factory=dict)
    """Case-folded word, or exact email/phone/URL -> placeholder."""
    _back: dict[str, str] = field(default_factory=dict)
    """Placeholder -> the known spelling."""
    _numbers: dict[str, int] = field(default_factory=dict)
    """Kind -> placeholders of that kind so far."""
    _seen: dict[str, set[str]] = field(default_factory=dict)
    """Placeholder -> every spelling redacted so far: restore gives the text's own when it had one."""

    def __post_init__(self) -> None:
        people = [w for name in self.names for w in (name, *_parts(name, r"[\s.]+"))]
        listed = [w for term in self.terms for w in (term, *_proper_parts(term))]
        for kind, words in (("PERSON", people), ("ORG", listed)):
            for word in (w.strip() for w in words):
                if word and word.lower() not in _SKIP:
                    self._add_word(kind, word)
        longest_first = sorted(self._back_words(), key=len, reverse=True)
        alternatives = "|".join(_pattern(w) for w in longest_first)
        self._words = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if longest_first else None

    def _add_word(self, kind: str, word: str) -> None:
        key = word.casefold()
        if key not in self._forward:
            self._placeholder(kind, word, key)
        elif word != word.lower() and self._back[self._forward[key]] == word.lower():
            self._back[self._forward[key]] = word  # prefer "Priya" to "priya" as the known spelling

    def _back_words(self) -> list[str]:
        return [self._back[p] for p in self._forward.values()]

    def _placeholder(self, kind: str, original: str, key: str | None = None) -> str:
        key = original if key is None else key
        if key not in self._forward:
            self._numbers[kind] = self._numbers.get(kind, 0) + 1
            placeholder = f"[{kind}_{self._numbers[kind]}]"
            self._forward[key] = placeholder
            self._back[placeholder] = original
        return self._forward[key]

    def redact(self, text: str) -> str:
        for kind, pattern in (("EMAIL", _EMAIL), ("URL", _URL), ("PHONE", _PHONE)):
            text = pattern.sub(lambda m, k=kind: self._placeholder(k, m.group(0)), text)  # type: ignore[misc]
        if self._words is not None:
            text = self._words.sub(self._word_placeholder, text)
        return text

    def _word_placeholder(self, match: re.Match[str]) -> str:
        placeholder = self._forward[match.group(0).casefold()]
        self._seen.setdefault(placeholder, set()).add(match.group(0))
        return placeholder

    def restore(self, text: str) -> str:
        return _PLACEHOLDER.sub(lambda m: self._spelling(m.group(0)), text)

    def _spelling(self, placeholder: str) -> str:
        seen = self._seen.get(placeholder, set())
        return next(iter(seen)) if len(seen) == 1 else self._back.get(placeholder, placeholder)

    def mask(self, text: str) -> str:
        """Redacted with bare placeholders ("[PERSON]"): for text that is never restored (embeddings),
        where a number would only differ from one request to the next."""
        return _PLACEHOLDER.sub(lambda m: f"[{m.group(1)}]", self.redact(text))


def _parts(words: str, separator: str) -> list[str]:
    return [part for part in re.split(separator, words) if len(part) > 2 and part.lower() not in _SKIP]


def _proper_parts(term: str) -> list[str]:
    """The capitalised, proper-noun-like words of a listed term: "Priya Nair" -> Priya, Nair;
    "Acme Corp" -> Acme; "the Q3 deck" -> none."""
    parts = _parts(term, r"\s+") if len(term.split()) > 1 else []
    return [p for p in parts if p[0].isupper() and p.lower() not in _ORG_WORDS]


def _pattern(word: str) -> str:
    """Any case, unless the word is an everyday word as well as a name: then only capitalised."""
    if word.lower() in _EVERYDAY:
        return re.escape(word[:1].upper() + word[1:])
    return f"(?i:{re.escape(word)})"


@dataclass
class RedactingModel:
    """A ChatModel that redacts what it sends and restores what it receives."""

    inner: ChatModel
    redactor: Redactor

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def provider(self) -> str:
        return self.inner.provider

    @property
    def leaves_machine(self) -> bool:
        return self.inner.leaves_machine

    def complete(
        self, messages: list[Message], *, json_schema: dict[str, Any] | None = None, max_tokens: int | None = None
    ) -> Completion:
        reply = self.inner.complete(self._redacted(messages), json_schema=json_schema, max_tokens=max_tokens)
        reply.text = self.redactor.restore(reply.text)
        return reply

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str]:
        pending = ""
        for piece in self.inner.stream(self._redacted(messages), max_tokens=max_tokens):
            pending += piece
            cut = pending.rfind("[")  # a placeholder may be split across pieces: hold its start back
            if cut == -1 or "]" in pending[cut:]:
                yield self.redactor.restore(pending)
                pending = ""
            elif cut > 0:
                yield self.redactor.restore(pending[:cut])
                pending = pending[cut:]
        if pending:
            yield self.redactor.restore(pending)

    def _redacted(self, messages: list[Message]) -> list[Message]:
        return [{**m, "content": self.redactor.redact(m["content"])} for m in messages]


# ----------------------------------------------------------------------------- the one path


def private_words(
    client: str | None = None,
    transcript: Transcript | None = None,
    *,
    names: Iterable[str] = (),
    terms: Iterable[str] = (),
) -> PrivateWords:
    """The names and terms to hide for one client's request.

    The client is `client`, else the transcript's client; their stored name, private list and the
    speakers of their sessions come from the store. A client the store does not know (or none)
    means every client's words are hidden: Reflect cannot tell whose words these are."""
    people = [*names]
    listed = [*terms]
    if transcript is not None:
        client = client or transcript.client_name
        people += [u.speaker for u in transcript.utterances]
        people += [transcript.client_name or ""] + (transcript.metadata.participants if transcript.metadata else [])
    if client:
        people.append(client)
    stored = _stored_words(client)
    return PrivateWords(_distinct([*people, *stored.names]), _distinct([*listed, *stored.terms]))


def protect(
    model: ChatModel,
    *,
    client: str | None = None,
    transcript: Transcript | None = None,
    names: Iterable[str] = (),
    terms: Iterable[str] = (),
) -> ChatModel:
    """The model itself when text stays on this computer or redaction is off; else a wrapper that
    redacts every message with `private_words(client, transcript, ...)` and restores every reply."""
    if not _redacts(model.leaves_machine):
        return model
    words = private_words(client, transcript, names=names, terms=terms)
    return RedactingModel(model, Redactor(names=list(words.names), terms=list(words.terms)))  # type: ignore[return-value]


def masked(texts: Sequence[str]) -> list[str]:
    """What an embedding service on another machine may receive for `texts`: every client's words
    hidden (an embedding request does not say whose words it holds), with bare placeholders. The
    texts themselves when redaction is off."""
    if not _redacts(True):
        return list(texts)
    words = private_words()  # read for each batch: the store grows and the list changes between batches
    redactor = Redactor(names=list(words.names), terms=list(words.terms))
    return [redactor.mask(t) for t in texts]


def _redacts(leaves_machine: bool) -> bool:
    from assistant.settings import get_settings

    return leaves_machine and get_settings().redact_remote


def _distinct(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.strip() for w in words if w and w.strip()))


def _stored_words(client: str | None) -> PrivateWords:
    """What the store holds for this client, or for every client when it does not know them."""
    from assistant.errors import NotFoundError
    from assistant.settings import get_settings
    from assistant.store import Store

    data_dir = get_settings().data_dir
    if not (data_dir / "reflect.db").exists():
        return PrivateWords()  # nothing stored yet: do not create a database for a look-up
    store = Store(data_dir)
    try:
        try:
            return store.private_words_for(client or None)
        except NotFoundError:
            return store.private_words_for(None)
    finally:
        store.db.close()
