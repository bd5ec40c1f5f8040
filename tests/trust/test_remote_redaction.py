"""Every request to a remote model goes through one redaction path: analysis, chat, assess, embeddings.

Reflect talks to "OpenAI" exactly as for a coach who configured it (OPENAI_API_KEY, no endpoint
of their own): the OpenAI SDK's own OPENAI_BASE_URL points it at the replay server of tests/llm,
which answers from what it was sent, as a model would (its replies quote the placeholders it was
given), and serves /v1/embeddings too. No Reflect function is replaced. Each test asserts that the
request bodies that reached the server hold no name, listed term, email or phone number of the
session, and that what the coach gets back has the real words again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import struct
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from assistant.analysis import analyze
from assistant.backends import BackendChoice, choose_backend
from assistant.chat import reply
from assistant.ingest import parse_bytes
from assistant.memory.embeddings import OpenAIEmbedder
from assistant.privacy import Redactor, private_words
from assistant.settings import get_settings
from assistant.types import ActionItem, ActionPlan, RecallHit, Transcript
from assistant.workspace import Workspace
from tests.llm.replay_server import ReplayServer
from tests.llm.replay_server import reply as completion

CLIENT = "Dana Whitfield"
PRIVATE_LIST = ["Halvorsen", "Priya Nair"]
SESSION_1 = (
    "Maya Lindqvist: What's on your mind, Dana?\n"
    "Dana Whitfield: I'm worried about the Halvorsen acquisition. Email me at dana.w@example.com "
    "or call +44 7700 900123 before Friday.\n"
    "Maya Lindqvist: What will you do about it?\n"
    "Dana Whitfield: I will ask Priya Nair to lead the Halvorsen integration on Monday.\n"
)
SESSION_2 = (
    "Maya Lindqvist: How did the last two weeks go, Dana?\n"
    "Dana Whitfield: I asked Priya Nair to lead the Halvorsen integration and she said yes. "
    "Text me on +44 7700 900123 if anything changes.\n"
)
SECRETS = ("Dana", "Whitfield", "Maya", "Lindqvist", "Halvorsen", "Priya", "Nair", "dana.w@example.com", "7700 900123")
"""The client's name, a speaker's name, the companies and people of the private list, an email, a phone."""

SPOKEN = (
    "maya lindqvist: what's on your mind, dana?\n"
    "dana whitfield: i'm worried about the halvorsen deal. i told priya about it, mail dana.w@example.com.\n"
    "maya lindqvist: what will you do about it?\n"
    "dana whitfield: i will ask priya nair to lead the halvorsen integration on monday.\n"
)
"""Speech-to-text output: every name in lower case."""

_LINE = r"\[(\d+)\] CLIENT \([^)]*\): [^\n]*?"


class FakeOpenAI(ReplayServer):
    """The replay server, answering each chat request from its schema and prompt, and embedding."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, Callable[[str], Any]] = {}
        """Per JSON-schema property the request asks for ("labels", "commitments"...): prompt -> reply."""

    def _next(self, path: str, headers: dict[str, str], body: Any) -> dict[str, Any] | None:
        super()._next(path, headers, body)  # records the request
        schema = body["response_format"]["json_schema"]["schema"]
        prompt = "\n".join(m["content"] for m in body["messages"])
        field = next(name for name in schema["properties"] if name in self.answers)
        return completion(self.answers[field](prompt))

    def start(self) -> FakeOpenAI:
        super().start()
        assert self._httpd is not None
        base: Any = self._httpd.RequestHandlerClass
        server = self

        class Handler(base):  # type: ignore[misc,valid-type]
            def do_POST(self) -> None:  # noqa: N802
                if self.path.rstrip("/") != "/v1/embeddings":
                    return super().do_POST()
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with server._lock:
                    server.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                data = [
                    {"object": "embedding", "index": n, "embedding": _vector(t, body)}
                    for n, t in enumerate(body["input"])
                ]
                usage = {"prompt_tokens": 1, "total_tokens": 1}
                self._send_json(200, {"object": "list", "model": body["model"], "data": data, "usage": usage})

        self._httpd.RequestHandlerClass = Handler
        return self

    def sent(self, path: str) -> str:
        """Every body that reached `path`, as one JSON text."""
        return json.dumps([r["body"] for r in self.requests if r["path"].rstrip("/").endswith(path)])


def _vector(text: str, body: dict[str, Any]) -> list[float] | str:
    digest = hashlib.sha256(text.encode()).digest()[:16]
    raw = [b - 127.5 for b in digest]
    norm = sum(x * x for x in raw) ** 0.5
    vector = [x / norm for x in raw]
    if body.get("encoding_format") == "base64":  # what the OpenAI SDK asks for unless told otherwise
        return base64.b64encode(struct.pack(f"<{len(vector)}f", *vector)).decode()
    return vector


@pytest.fixture
def openai(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOpenAI]:
    """OpenAI configured as a coach would (key, OpenAI embeddings), its address the fake's."""
    server = FakeOpenAI().start()
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    monkeypatch.setenv("OPENAI_BASE_URL", server.url)
    monkeypatch.delenv("OPENAI_API_BASE", raising=False)
    monkeypatch.setenv("REFLECT_EMBEDDINGS", "openai")
    monkeypatch.setenv("REFLECT_LLM_TIMEOUT", "10")
    monkeypatch.setenv("REFLECT_LLM_MAX_RETRIES", "0")
    get_settings.cache_clear()
    try:
        yield server
    finally:
        server.stop()
        get_settings.cache_clear()


@pytest.fixture
def ws() -> Workspace:
    """Dana, with the coach's private list: the company and a colleague."""
    workspace = Workspace()
    workspace.store.add_client(CLIENT)
    workspace.store.set_private_terms(CLIENT, PRIVATE_LIST)
    return workspace


def remote() -> BackendChoice:
    choice = choose_backend("llm", "gpt-test")
    assert choice.model == "openai/gpt-test" and choice.leaves_machine
    return choice


def transcript(text: str, client: str = CLIENT) -> Transcript:
    return parse_bytes(text.encode(), "session.txt", client=client)


def assert_nothing_private(sent: str, secrets: tuple[str, ...] = SECRETS) -> None:
    """No secret as a whole word, in any case: "priya" leaks as much as "Priya"."""
    assert sent != "[]", "no request reached the server"
    leaked = [secret for secret in secrets if re.search(rf"(?<!\w){re.escape(secret)}(?!\w)", sent, re.IGNORECASE)]
    assert not leaked, f"sent to the remote model: {leaked}"


def assert_restored(text: str) -> None:
    assert "Priya Nair" in text and "Halvorsen" in text
    assert not re.search(r"\[(?:PERSON|ORG|EMAIL|PHONE|URL)", text)


# ----------------------------------------------------------------------------- the paths


def test_analysis_hides_the_clients_private_list_though_the_caller_passed_none(
    openai: FakeOpenAI, ws: Workspace
) -> None:
    """`reflect analyze FILE --client NAME`: the coach's list for that client comes from the store."""

    def extract(prompt: str) -> dict[str, Any]:
        found = re.search(_LINE + r"(I will ask (.+?) to lead the (.+?) integration)", prompt)
        assert found, "the commitment is not in the prompt"
        commitment = {
            "u": int(found[1]),
            "quote": found[2],
            "action": f"ask {found[3]} to lead the {found[4]} integration",
        }
        return {"ideas": [], "emotions": [], "commitments": [commitment | {"level": "firm"}]}

    openai.answers = {
        "labels": lambda _: {"labels": []},
        "commitments": extract,
        "items": lambda _: {"goal": None, "items": [], "questions": []},
    }
    analysis = analyze(transcript(SESSION_1), choice=remote())
    assert_nothing_private(openai.sent("/chat/completions"))
    model_read = [c for c in analysis.commitments if "integration" in c.action]
    assert model_read, analysis.meta.warnings
    assert_restored(model_read[0].action + " " + model_read[0].evidence[0].quote)


def test_chat_hides_the_private_list_the_coach_and_the_contact_details(openai: FakeOpenAI, ws: Workspace) -> None:
    imported = ws.store_offline(CLIENT, transcript(SESSION_1), date="2026-03-02")
    stored = ws.store.session(imported.session.id).transcript
    hits = [
        RecallHit(quote=u.text, session=imported.session.id, date="2026-03-02", utterance=u.index, speaker=u.speaker)
        for u in stored.utterances
        if u.role == "client"
    ]

    def answer(prompt: str) -> dict[str, Any]:
        found = re.search(r'(\[2026-03-02 #\d+\]) "([^"]*integration[^"]*)"', prompt)
        assert found, "the recalled quote is not in the prompt"
        return {"answer": f'She said: "{found[2]}" {found[1]}', "edits": []}

    openai.answers = {"answer": answer}
    plan = ws.store.current_plan(imported.session.id).plan
    answered = reply(CLIENT, plan, "What did Dana say about Halvorsen? Thank Maya for me.", hits, remote())
    assert_nothing_private(openai.sent("/chat/completions"))
    assert_restored(answered.text)
    assert "(The model could not answer" not in answered.text


def test_assess_hides_the_private_list_in_the_transcript_and_the_plan(openai: FakeOpenAI, ws: Workspace) -> None:
    first = ws.import_session(CLIENT, transcript(SESSION_1), date="2026-03-02").session.id
    item = ActionItem(id="A1", action="ask Priya Nair to lead the Halvorsen integration", status="accepted")
    ws.store.replace_plan(first, ActionPlan(goal="a calm Halvorsen integration", items=[item]), "edit", "test plan")
    ws.store.approve_plan(first)
    second = ws.import_session(CLIENT, transcript(SESSION_2), date="2026-03-23").session.id

    def progress(prompt: str) -> dict[str, Any]:
        found = re.search(_LINE + r"(I asked (.+?) to lead the (.+?) integration)", prompt)
        assert found, "the follow-up is not in the prompt"
        return {"progress": [{"item": "A1", "progress": "done", "u": int(found[1]), "quote": found[2]}]}

    openai.answers = {"progress": progress}
    assessment = ws.assess(CLIENT, second, choice=remote())
    assert_nothing_private(openai.sent("/chat/completions"))
    read = assessment.items[0]
    assert (read.progress, read.note) == ("done", "read by the model"), assessment.meta.warnings
    assert_restored(read.evidence[0].quote)


def test_embeddings_hide_every_name_and_recall_still_quotes_the_real_words(openai: FakeOpenAI, ws: Workspace) -> None:
    """Embeddings are never restored (a vector holds no text): they get bare placeholders, and the
    coach's recall hits are the stored words themselves."""
    ws.import_session(CLIENT, transcript(SESSION_1), date="2026-03-02")
    hits = ws.recall(CLIENT, "What did Dana say about Priya Nair and Halvorsen?", k=3)
    sent = openai.sent("/embeddings")
    assert_nothing_private(sent)
    assert "[PERSON]" in sent and "[ORG]" in sent and "[EMAIL]" in sent and "[PHONE]" in sent
    assert any("integration" in hit.quote for hit in hits)
    assert_restored(next(hit.quote for hit in hits if "integration" in hit.quote))


def _extract_commitment(pattern: str) -> Callable[[str], dict[str, Any]]:
    """The model's extraction: the commitment the pattern finds, quoted with the placeholders it was sent."""

    def extract(prompt: str) -> dict[str, Any]:
        found = re.search(_LINE + f"({pattern})", prompt)
        assert found, "the commitment is not in the prompt"
        commitment = {"u": int(found[1]), "quote": found[2], "action": found[2].split(" ", 2)[2], "level": "firm"}
        return {"ideas": [], "emotions": [], "commitments": [commitment]}

    return extract


def _answers(extract: Callable[[str], dict[str, Any]]) -> dict[str, Callable[[str], Any]]:
    return {
        "labels": lambda _: {"labels": []},
        "commitments": extract,
        "items": lambda _: {"goal": None, "items": [], "questions": []},
    }


# ----------------------------------------------------------------------------- lower case, parts of listed terms


def test_a_lower_case_transcript_leaks_no_name_and_keeps_its_spelling(openai: FakeOpenAI, ws: Workspace) -> None:
    """Speech-to-text writes "priya nair": hidden all the same, and given back as the transcript wrote it."""
    openai.answers = _answers(_extract_commitment(r"i will ask .+? to lead the .+? integration"))
    analysis = analyze(transcript(SPOKEN, client="dana whitfield"), choice=remote())
    assert_nothing_private(openai.sent("/chat/completions"))
    read = [c for c in analysis.commitments if "integration" in c.action]
    assert read, analysis.meta.warnings
    assert read[0].evidence[0].quote == "i will ask priya nair to lead the halvorsen integration"
    assert "priya nair" in read[0].action and "halvorsen" in read[0].action


def test_a_lower_case_transcript_is_embedded_without_names(openai: FakeOpenAI, ws: Workspace) -> None:
    ws.import_session(CLIENT, transcript(SPOKEN, client="dana whitfield"), date="2026-03-02")
    hits = ws.recall(CLIENT, "what did dana say about priya and halvorsen?", k=3)
    sent = openai.sent("/embeddings")
    assert_nothing_private(sent)
    assert "[PERSON]" in sent and "[ORG]" in sent
    assert any("i will ask priya nair" in hit.quote for hit in hits)


def test_each_proper_part_of_a_listed_term_is_hidden_alone(openai: FakeOpenAI, ws: Workspace) -> None:
    """Listing "Acme Corp" and "Priya Nair" hides a lone "Acme", "Priya" or "Nair"; not "corp"."""
    ws.store.set_private_terms(CLIENT, ["Acme Corp", "Priya Nair"])
    text = (
        "Maya Lindqvist: What happened this week?\n"
        "Dana Whitfield: Acme Corp made an offer, and Nair told the corp comms team before me.\n"
        "Maya Lindqvist: What will you do?\n"
        "Dana Whitfield: I will ask Priya to brief ACME on Monday.\n"
    )
    openai.answers = _answers(_extract_commitment(r"I will ask .+? to brief .+? on Monday"))
    analysis = analyze(transcript(text), choice=remote())
    sent = openai.sent("/chat/completions")
    assert_nothing_private(sent, ("Acme", "Priya", "Nair", "Dana", "Maya"))
    assert "the corp comms team" in sent, "a common word of a listed term was hidden on its own"
    read = [c for c in analysis.commitments if "brief" in c.action]
    assert read, analysis.meta.warnings
    assert read[0].evidence[0].quote == "I will ask Priya to brief ACME on Monday"


# ----------------------------------------------------------------------------- by construction, never stale


def test_the_openai_embedder_redacts_though_built_directly(openai: FakeOpenAI, ws: Workspace) -> None:
    """No call site can forget it: `OpenAIEmbedder` masks its own input."""
    ws.import_session(CLIENT, transcript(SESSION_1), date="2026-03-02")
    before = len(openai.requests)
    vectors = OpenAIEmbedder().embed([SESSION_2, "halvorsen and priya, lower case"])
    assert len(vectors) == 2 and len(openai.requests) == before + 1
    sent = json.dumps(openai.requests[-1]["body"])
    assert_nothing_private(sent)
    assert "[ORG] and [ORG], lower case" in sent  # Priya is on the private list, not a speaker


def test_an_edit_of_the_private_list_applies_to_the_next_call(ws: Workspace) -> None:
    assert "Brightwater" not in private_words(CLIENT).terms
    ws.store.set_private_terms(CLIENT, [*PRIVATE_LIST, "Brightwater"])
    assert "Brightwater" in private_words(CLIENT).terms
    assert "Brightwater" in private_words().terms  # whose words they are unknown: every client's


def test_a_name_that_is_an_everyday_word_is_hidden_only_as_written() -> None:
    """A speaker called Will: "Will" is hidden, the verb "will" is not (the model needs it)."""
    redactor = Redactor(names=["Will Turner"], terms=["Project Phoenix"])
    hidden = redactor.redact("Will said: I will ask turner about the phoenix project.")
    assert "Will" not in hidden and "turner" not in hidden and "phoenix" not in hidden
    assert "I will ask" in hidden and "project." in hidden
    assert redactor.restore(hidden) == "Will said: I will ask turner about the phoenix project."
