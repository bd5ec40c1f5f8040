"""The model-written brief with a scripted model: the prompt, the re-ask, map-reduce, failure, meta."""

from __future__ import annotations

import pytest

from assistant.analysis import analyze_offline_checked
from assistant.brief import write_brief
from assistant.brief.findings import session_findings
from assistant.brief.model import write_with_model
from assistant.errors import ModelError
from assistant.llm import ScriptedChatModel
from assistant.prompts import load_prompt
from assistant.types import Analysis, Transcript

from .conftest import FIRM, HEDGED, SESSION, make_transcript, reply

BROUGHT = ("Dana came in wanting to stop doing every review herself.", [1], "brought")
DECIDED = ("Dana decided to hand the Friday review to Priya.", [FIRM], "decided")
HEDGE = ("Dana said she would probably talk to Priya about the weekly report.", [HEDGED], "decided")
MOVED = ("By the end Dana felt hopeful.", [9], "moved")


def test_the_prompt_holds_the_transcript_and_the_findings(transcript: Transcript, analysis: Analysis) -> None:
    model = ScriptedChatModel([reply(BROUGHT, DECIDED, HEDGE, MOVED)])
    brief = write_brief(transcript, analysis, model=model)
    sent = model.requests[0]["messages"][1]["content"]
    assert "[5] CLIENT (Dana): I will hand the Friday review to Priya." in sent
    assert "hedged (probably): talk to Priya about owning the weekly report" in sent
    assert "4 to 8" in sent
    assert [s.text for s in brief.sentences] == [BROUGHT[0], DECIDED[0], HEDGE[0], MOVED[0]]
    assert brief.dropped == []


def test_a_reply_citing_an_utterance_never_shown_is_re_asked_once(transcript: Transcript, analysis: Analysis) -> None:
    model = ScriptedChatModel([reply(("Dana decided something big.", [99], "decided")), reply(DECIDED, HEDGE)])
    brief = write_brief(transcript, analysis, model=model)
    assert len(model.requests) == 2
    assert "utterance 99 is not in the transcript shown" in model.requests[1]["messages"][-1]["content"]
    assert DECIDED[0] in [s.text for s in brief.sentences]
    assert len(brief.sentences) >= 4  # topped up from the extractive brief


def test_after_a_failed_re_ask_the_extractive_brief_stands_with_a_warning(
    transcript: Transcript, analysis: Analysis
) -> None:
    model = ScriptedChatModel(["not json", '{"sentences": "none"}'])
    brief = write_brief(transcript, analysis, model=model)
    assert brief.meta.backend == "offline"
    assert brief.meta.stages["model"].status == "failed"
    assert "this is the extractive brief" in brief.meta.warnings[0]
    assert brief.sentences


def test_meta_records_prompt_version_backend_and_tokens(transcript: Transcript, analysis: Analysis) -> None:
    brief = write_brief(transcript, analysis, model=ScriptedChatModel([reply(BROUGHT, DECIDED, HEDGE, MOVED)]))
    assert brief.meta.backend == "scripted" and brief.meta.model == "scripted"
    assert brief.meta.prompts == {"brief": load_prompt("brief").version}
    stage = brief.meta.stages["brief"]
    assert stage.status == "ok" and stage.prompt_tokens > 0 and stage.completion_tokens > 0
    assert brief.meta.created_at


class Echo(ScriptedChatModel):
    """Answers each chunk with up to three sentences, one per client turn it was shown."""

    def complete(self, messages, *, json_schema=None, max_tokens=None):  # type: ignore[no-untyped-def]
        shown = json_schema["$defs"]["SentenceOut"]["properties"]["u"]["items"]["enum"]
        clients = [i for i in shown if i % 2 == 1][:3]
        self.replies.append(reply(*[(f"Dana spoke about it in turn {i}.", [i], "open") for i in clients]))
        return super().complete(messages, json_schema=json_schema, max_tokens=max_tokens)


LONG = SESSION * 4  # 40 turns: chunks of about 40 words hold three or four turns each


def test_a_long_session_is_mapped_in_chunks() -> None:
    transcript = make_transcript(LONG)
    findings = session_findings(transcript, analyze_offline_checked(transcript))
    model = Echo([])
    written = write_with_model(transcript, findings, model, client="Dana", chunk_words=40, max_words=None)
    assert written.chunks > 3 and written.error is None
    assert len(model.requests) == written.chunks
    assert all("this part of the session" in r["messages"][1]["content"] for r in model.requests)
    assert len(written.sentences) > 8


def test_the_reduce_keeps_at_most_eight_distinct_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_CHUNK_WORDS", "40")
    get_settings.cache_clear()
    transcript = make_transcript(LONG)
    model = Echo([])
    brief = write_brief(transcript, analyze_offline_checked(transcript), model=model)
    assert brief.meta.backend == "scripted" and len(model.requests) > 3
    assert 4 <= len(brief.sentences) <= 8
    assert len({s.text for s in brief.sentences}) == len(brief.sentences)


def test_a_long_session_for_a_small_model_is_read_in_its_key_passages() -> None:
    from assistant.brief.model import passages

    transcript = make_transcript(LONG)
    findings = session_findings(transcript, analyze_offline_checked(transcript))
    chosen = passages(transcript, findings, max_words=120)
    assert sum(len(u.text.split()) + 3 for u in chosen) <= 120
    assert {f.utterance for f in findings} & {u.index for u in chosen}
    assert [u.index for u in chosen] == sorted(u.index for u in chosen)


def test_a_model_that_cannot_be_reached_leaves_the_extractive_brief(transcript: Transcript, analysis: Analysis) -> None:
    brief = write_brief(transcript, analysis, model=ScriptedChatModel([ModelError("connection refused")]))
    assert brief.sentences and "connection refused" in brief.meta.warnings[0]


def test_reduce_drops_near_duplicates_and_keeps_each_facets_share() -> None:
    from assistant.brief.model import reduce
    from assistant.types import BriefSentence

    decided = ["budget review", "hiring plan", "stand-up meetings", "deep work", "offsite update", "board deck"]
    still_open = ["pricing change", "vendor contract", "travel policy", "office move"]
    sentences = [
        ("decided", BriefSentence(text=f"Dana settled the {t}.", utterances=[n])) for n, t in enumerate(decided)
    ]
    sentences += [("open", BriefSentence(text=f"Dana wondered about the {t}.", utterances=[9])) for t in still_open]
    sentences += [("decided", BriefSentence(text="Dana settled the budget review!", utterances=[20]))]
    reduced = reduce(sentences, keep_order=False)  # type: ignore[arg-type]
    assert len(reduced) <= 8
    assert [s.text for _, s in reduced].count("Dana settled the budget review!") == 0  # a near-duplicate
    assert sum(1 for f, _ in reduced if f == "decided") == 3 and sum(1 for f, _ in reduced if f == "open") == 2
    assert [f for f, _ in reduced] == sorted((f for f, _ in reduced), key=["brought", "moved", "decided", "open"].index)
