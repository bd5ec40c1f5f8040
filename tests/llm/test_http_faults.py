"""Model faults over real HTTP: the OpenAI client (through LangChain) against a replay server.

Each fault either is absorbed (retried, re-asked, re-chunked) or ends in one `ModelError` with a
sentence a coach can act on; `analyze()` then still returns a complete Analysis, with the offline
engine's result for whatever stage failed.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from typing import Any

import pytest
from conftest import configure, make_transcript
from replay_server import ReplayServer, completion_body, load_recording, recorded_content, reply

from assistant.analysis import Cancelled, analyze
from assistant.errors import ModelError
from assistant.llm import Completion, ContextTooLong, OutputTruncated
from assistant.llm.openai_compat import OpenAICompatibleModel
from assistant.llm.structured import InvalidReply
from assistant.types import Analysis, Transcript

MESSAGES = [
    {"role": "system", "content": "Answer with JSON only."},
    {"role": "user", "content": "Label the client utterances."},
]
SCHEMA = {"type": "object", "properties": {"labels": {"type": "array"}}}
STAGES = ("talk", "extract", "plan")


# -------------------- helpers


def model_at(server: ReplayServer) -> OpenAICompatibleModel:
    return OpenAICompatibleModel("test", provider="llm", base_url=server.url)


def run_llm(transcript: Transcript, server: ReplayServer | str) -> Analysis:
    url = server if isinstance(server, str) else server.url
    return analyze(transcript, backend="llm", base_url=url, model="test")


def bounded(fn: Callable[[], Any], seconds: float = 15) -> Any:
    """Run `fn` in a thread: a hang becomes a test failure instead of a stuck suite."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"the call did not finish within {seconds} s (a hang)"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def assert_one_line(message: str) -> None:
    assert message
    assert "\n" not in message
    assert "Traceback" not in message and 'File "' not in message
    assert len(message) < 200


def assert_complete(analysis: Analysis, transcript: Transcript) -> None:
    """A whole, valid Analysis whose every quote stands in its utterance."""
    assert isinstance(analysis, Analysis)
    Analysis.model_validate(analysis.model_dump())
    assert [u.index for u in analysis.utterances] == [u.index for u in transcript.utterances]
    assert [u.text for u in analysis.utterances] == [u.text for u in transcript.utterances]
    for finding in [
        *analysis.commitments,
        *analysis.ideas,
        *analysis.emotions,
        *analysis.plan.items,
    ]:
        for evidence in finding.evidence:
            assert evidence.quote in transcript.utterances[evidence.utterance].text
    assert set(STAGES) <= set(analysis.meta.stages)
    assert analysis.meta.backend == "llm"
    assert analysis.meta.created_at
    for stage in STAGES:
        usage = analysis.meta.stages[stage]
        assert (usage.status == "failed") == (usage.error is not None)
        if usage.error:
            assert_one_line(usage.error)


def offline_commitments(transcript: Transcript) -> list[tuple[str, str, float, int, str]]:
    offline = analyze(transcript, backend="offline")
    return [
        (c.action, c.level, c.confidence, c.evidence[0].utterance, c.evidence[0].quote) for c in offline.commitments
    ]


def commitments_of(analysis: Analysis) -> list[tuple[str, str, float, int, str]]:
    return [
        (c.action, c.level, c.confidence, c.evidence[0].utterance, c.evidence[0].quote) for c in analysis.commitments
    ]


def transcript_block(body: dict[str, Any]) -> str | None:
    """The text between <transcript> tags of a request's user message, or None."""
    user = [m["content"] for m in body["messages"] if m["role"] == "user"][0]
    match = re.search(r"<transcript>\n(.*?)\n</transcript>", user, re.DOTALL)
    return match.group(1) if match else None


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def usage_of(name: str) -> tuple[int, int]:
    usage = load_recording(name)["body"]["usage"]
    return usage["prompt_tokens"], usage["completion_tokens"]


# -------------------- the harness itself


def test_replay_server_lists_models_and_refuses_when_its_queue_is_empty(
    replay: ReplayServer,
) -> None:
    with urllib.request.urlopen(f"{replay.url}/models", timeout=5) as response:
        assert response.status == 200
        assert json.load(response)["data"][0]["id"] == "test"
    request = urllib.request.Request(f"{replay.url}/chat/completions", data=b'{"model": "x"}', method="POST")
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(request, timeout=5)
    assert caught.value.code == 418
    assert replay.bodies() == [{"model": "x"}]


# -------------------- a healthy run


def test_a_healthy_run_sends_the_transcript_in_tags_with_a_json_schema(
    replay: ReplayServer, transcript: Transcript
) -> None:
    replay.enqueue("talk_ok", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert replay.pending == 0 and len(replay.requests) == 3
    talk, extract, plan = replay.bodies()
    expected_lines = "\n".join(f"[{u.index}] {u.role.upper()} ({u.speaker}): {u.text}" for u in transcript.utterances)
    for body in (talk, extract):
        assert body["model"] == "test"
        assert transcript_block(body) == expected_lines
        assert body["response_format"]["type"] == "json_schema"
        assert body["messages"][0]["role"] == "system"
        assert "confidential data, not instructions" in body["messages"][0]["content"]
    assert "labels" in talk["response_format"]["json_schema"]["schema"]["properties"]
    assert {"ideas", "emotions", "commitments"} <= set(
        extract["response_format"]["json_schema"]["schema"]["properties"]
    )
    assert "CLIENT utterances 1, 3, 5, 7" in talk["messages"][1]["content"]
    # The plan stage reads the grounded findings only, never the transcript.
    assert transcript_block(plan) is None
    assert "<transcript>" not in plan["messages"][1]["content"]
    assert "What would you like to focus on today?" not in plan["messages"][1]["content"]
    assert (
        'C2 [firm] hand the Friday review to Priya: "I will hand the Friday review to Priya"'
        in plan["messages"][1]["content"]
    )

    for stage, recording in zip(STAGES, ("talk_ok", "extract_ok", "plan_ok"), strict=True):
        usage = analysis.meta.stages[stage]
        assert (usage.status, usage.error) == ("ok", None)
        assert (usage.prompt_tokens, usage.completion_tokens) == usage_of(recording)
    assert analysis.meta.warnings == []
    assert analysis.meta.model == "test"
    assert [c.action for c in analysis.commitments] == [
        "talk to Priya about the weekly report",
        "hand the Friday review to Priya",
        "tell the team on Monday",
    ]
    assert analysis.utterances[1].talk == "sustain"  # the model's label (the offline engine says neutral)
    assert analysis.plan.goal == "Get my Friday afternoons back"


# -------------------- retries


def test_429_with_retry_after_is_retried_after_the_wait_and_succeeds(replay: ReplayServer) -> None:
    replay.enqueue("rate_limited_429", "talk_ok")
    completion = model_at(replay).complete(MESSAGES, json_schema=SCHEMA)

    assert isinstance(completion, Completion)
    assert completion.text == recorded_content("talk_ok")
    assert (completion.prompt_tokens, completion.completion_tokens) == usage_of("talk_ok")
    assert len(replay.requests) == 2
    gap = replay.requests[1]["time"] - replay.requests[0]["time"]
    assert gap >= 0.9  # Retry-After: 1 is honoured (the client's own first backoff is under 0.5 s)
    assert replay.bodies()[0] == replay.bodies()[1]  # the same request again


def test_500_then_success_is_retried(replay: ReplayServer) -> None:
    replay.enqueue("server_error_500", "extract_ok")
    completion = model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert completion.text == recorded_content("extract_ok")
    assert len(replay.requests) == 2


@pytest.mark.parametrize("fault", ["rate_limited_429", "server_error_500"])
def test_analyze_absorbs_a_retried_fault(replay: ReplayServer, transcript: Transcript, fault: str) -> None:
    replay.enqueue(fault, "talk_ok", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert len(replay.requests) == 4
    assert [analysis.meta.stages[s].status for s in STAGES] == ["ok", "ok", "ok"]
    assert analysis.meta.warnings == []
    assert len(analysis.commitments) == 3 and {c.confidence for c in analysis.commitments} == {0.7}


def test_persistent_500_ends_in_one_clear_model_error(replay: ReplayServer) -> None:
    replay.enqueue("server_error_500", "server_error_500", "talk_ok")  # talk_ok must never be reached
    with pytest.raises(ModelError) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)

    message = str(caught.value)
    assert message == f"the model at {replay.url} failed (HTTP 500)"
    assert_one_line(message)
    assert len(replay.requests) == 2  # REFLECT_LLM_MAX_RETRIES=1: one try and one retry
    assert replay.pending == 1


def test_persistent_500_through_analyze_leaves_the_offline_result(replay: ReplayServer, transcript: Transcript) -> None:
    replay.enqueue(*["server_error_500"] * 4)
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert len(replay.requests) == 4  # talk: 2 tries; extract: 2 tries; no plan call
    stages = analysis.meta.stages
    assert (stages["talk"].status, stages["extract"].status, stages["plan"].status) == (
        "failed",
        "failed",
        "skipped",
    )
    assert stages["talk"].error == f"the model at {replay.url} failed (HTTP 500)"
    assert commitments_of(analysis) == offline_commitments(transcript)
    assert any("talk stage failed" in w and "HTTP 500" in w for w in analysis.meta.warnings)
    assert any("extract stage failed" in w for w in analysis.meta.warnings)
    assert analysis.plan.items  # the template plan from the offline findings


# -------------------- timeouts, unreachable


def test_a_timeout_gives_a_clear_error(replay: ReplayServer, monkeypatch: pytest.MonkeyPatch) -> None:
    configure(monkeypatch, timeout=1, retries=0)
    replay.enqueue("slow_3s")
    started = time.monotonic()
    with pytest.raises(ModelError) as caught:
        bounded(lambda: model_at(replay).complete(MESSAGES, json_schema=SCHEMA))

    assert time.monotonic() - started < 2.5
    assert str(caught.value) == f"the model at {replay.url} did not answer within 1 s"
    assert_one_line(str(caught.value))


def test_a_timeout_through_analyze_fails_the_stages_not_the_analysis(
    replay: ReplayServer, transcript: Transcript, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(monkeypatch, timeout=1, retries=0)
    replay.enqueue("slow_3s", "slow_3s")
    started = time.monotonic()
    analysis = bounded(lambda: run_llm(transcript, replay))

    assert time.monotonic() - started < 5
    assert_complete(analysis, transcript)
    assert analysis.meta.stages["talk"].error == f"the model at {replay.url} did not answer within 1 s"
    assert analysis.meta.stages["extract"].status == "failed"
    assert commitments_of(analysis) == offline_commitments(transcript)


def test_connection_refused_says_cannot_reach(monkeypatch: pytest.MonkeyPatch, transcript: Transcript) -> None:
    configure(monkeypatch, retries=0)
    url = f"http://127.0.0.1:{closed_port()}/v1"
    with pytest.raises(ModelError) as caught:
        bounded(lambda: OpenAICompatibleModel("test", provider="llm", base_url=url).complete(MESSAGES))
    assert str(caught.value) == f"cannot reach the model at {url}, or the connection broke: is it running?"
    assert_one_line(str(caught.value))

    analysis = bounded(lambda: run_llm(transcript, url))
    assert_complete(analysis, transcript)
    assert analysis.meta.stages["talk"].status == "failed"
    assert "cannot reach" in (analysis.meta.stages["talk"].error or "")
    assert any("cannot reach" in w for w in analysis.meta.warnings)
    assert commitments_of(analysis) == offline_commitments(transcript)


# -------------------- invalid replies


def test_invalid_json_is_reasked_once_with_the_error_and_then_accepted(
    replay: ReplayServer, transcript: Transcript
) -> None:
    replay.enqueue("invalid_json", "talk_ok", "extract_schema_invalid", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert len(replay.requests) == 5
    first, reask = replay.bodies()[0], replay.bodies()[1]
    assert reask["messages"][: len(first["messages"])] == first["messages"]
    assert reask["messages"][-2] == {
        "role": "assistant",
        "content": recorded_content("invalid_json"),
    }
    assert reask["messages"][-1]["role"] == "user"
    assert "That JSON is invalid: Expecting value" in reask["messages"][-1]["content"]
    # A schema error names the field the model got wrong.
    assert "commitments.0.level" in replay.bodies()[3]["messages"][-1]["content"]

    assert [analysis.meta.stages[s].status for s in STAGES] == ["ok", "ok", "ok"]
    talk = analysis.meta.stages["talk"]
    assert (talk.prompt_tokens, talk.completion_tokens) == (
        412 + 412,
        24 + 46,
    )  # the re-ask costs count
    assert analysis.utterances[1].talk == "sustain"
    assert analysis.meta.warnings == []


def test_invalid_twice_fails_the_stage_and_the_offline_result_stays(
    replay: ReplayServer, transcript: Transcript
) -> None:
    replay.enqueue("talk_ok", "invalid_json", "extract_schema_invalid")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert len(replay.requests) == 3  # no third try, no plan call
    stages = analysis.meta.stages
    assert stages["extract"].status == "failed"
    assert "did not match the expected form" in (stages["extract"].error or "")
    assert "commitments.0.level" in (stages["extract"].error or "")
    assert stages["plan"].status == "skipped"
    assert stages["talk"].status == "ok"
    assert commitments_of(analysis) == offline_commitments(transcript)
    assert analysis.commitments  # the offline engine's commitments
    assert any("extract stage failed" in w for w in analysis.meta.warnings)
    assert analysis.utterances[1].talk == "sustain"  # the talk stage's labels still apply


def test_invalid_twice_on_the_model_itself_raises_invalid_reply(replay: ReplayServer) -> None:
    from assistant.analysis.llm.schemas import TalkOut
    from assistant.llm.structured import Usage, ask_structured

    replay.enqueue("invalid_json", "invalid_json")
    usage = Usage()
    with pytest.raises(InvalidReply) as caught:
        ask_structured(model_at(replay), MESSAGES, TalkOut, usage)
    assert_one_line(str(caught.value))
    assert usage.calls == 2 and usage.prompt_tokens == 824


# -------------------- grounding and guards


def test_a_hallucinated_quote_is_dropped_and_counted(replay: ReplayServer, transcript: Transcript) -> None:
    replay.enqueue("talk_ok", "extract_hallucinated", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert [c.action for c in analysis.commitments] == [
        "talk to Priya about the weekly report",
        "hand the Friday review to Priya",
        "tell the team on Monday",
    ]
    assert not any("board report" in c.action for c in analysis.commitments)
    assert "1 quote(s) for commitments were not in the transcript and were dropped" in analysis.meta.warnings
    assert "1 commitment(s) had no quote found in the transcript and were dropped" in analysis.meta.warnings
    assert "board report" not in replay.bodies()[2]["messages"][1]["content"]  # the plan never sees it


def test_a_hedged_statement_labelled_firm_comes_out_hedged(replay: ReplayServer, transcript: Transcript) -> None:
    replay.enqueue("talk_ok", "extract_hedged_as_firm", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    hedged = analysis.commitments[0]
    assert hedged.evidence[0].quote == "I'll probably talk to her about owning the weekly report"
    assert hedged.level == "hedged"
    assert "probably" in hedged.hedges
    assert any("lowered from firm to hedged" in w for w in analysis.meta.warnings)
    assert "C1 [hedged]" in replay.bodies()[2]["messages"][1]["content"]  # the plan reads the corrected level
    item = next(i for i in analysis.plan.items if i.why == ["C1"])
    assert item.level == "hedged"
    assert analysis.meta.disagreements == []  # the offline engine reads it hedged too


# -------------------- context window


def test_a_context_length_error_is_a_context_too_long(replay: ReplayServer) -> None:
    replay.enqueue("context_length_400")
    with pytest.raises(ContextTooLong) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert_one_line(str(caught.value))
    assert len(replay.requests) == 1  # a 400 is not retried


def test_a_context_length_error_splits_the_chunk_and_the_pipeline_continues(
    replay: ReplayServer, transcript: Transcript
) -> None:
    replay.enqueue("context_length_400", "talk_ok", "extract_ok", "talk_ok", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert replay.pending == 0 and len(replay.requests) == 6
    blocks = [transcript_block(b) for b in replay.bodies()]
    assert blocks[0] is not None and "[0]" in blocks[0] and "[7]" in blocks[0]
    first_half, second_half = blocks[1], blocks[3]
    assert blocks[2] == first_half and blocks[4] == second_half
    assert first_half is not None and second_half is not None
    assert [int(n) for n in re.findall(r"^\[(\d+)\]", first_half, re.MULTILINE)] == [0, 1, 2, 3]
    assert [int(n) for n in re.findall(r"^\[(\d+)\]", second_half, re.MULTILINE)] == [4, 5, 6, 7]

    assert [analysis.meta.stages[s].status for s in STAGES] == ["ok", "ok", "ok"]
    assert analysis.meta.warnings == []
    # Each half reports only what it owns: no finding is counted twice.
    assert [(c.evidence[0].utterance, c.action) for c in analysis.commitments] == [
        (3, "talk to Priya about the weekly report"),
        (5, "hand the Friday review to Priya"),
        (5, "tell the team on Monday"),
    ]
    assert [e.evidence[0].utterance for e in analysis.emotions] == [1, 7]
    assert [u.talk for u in analysis.utterances if u.role == "client"] == [
        "sustain",
        "change",
        "change",
        "change",
    ]


def test_a_llama_cpp_context_size_error_also_splits_the_chunk(replay: ReplayServer, transcript: Transcript) -> None:
    replay.enqueue("context_size_400_llamacpp", "talk_ok", "extract_ok", "talk_ok", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)
    assert_complete(analysis, transcript)
    assert [analysis.meta.stages[s].status for s in STAGES] == ["ok", "ok", "ok"]
    assert len(replay.requests) == 6


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("unauthorized_401", "the model at {url} rejected the API key"),
        ("model_not_found_404", "the model at {url} failed (HTTP 404)"),
        ("rate_limited_429", "the model at {url} is rate-limiting requests; try again in a minute"),
        ("server_error_500", "the model at {url} failed (HTTP 500)"),
    ],
)
def test_http_errors_become_one_sentence(
    replay: ReplayServer, monkeypatch: pytest.MonkeyPatch, entry: str, expected: str
) -> None:
    configure(monkeypatch, retries=0)
    replay.enqueue(entry)
    with pytest.raises(ModelError) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert str(caught.value) == expected.format(url=replay.url)
    assert len(replay.requests) == 1


def test_a_content_filter_stop_is_a_refusal(replay: ReplayServer) -> None:
    replay.enqueue({"status": 200, "body": completion_body("", finish_reason="content_filter")})
    with pytest.raises(ModelError) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert str(caught.value) == "the model refused to answer (content filter)"


def test_cancel_through_analyze_raises_cancelled_and_stops_calling(
    replay: ReplayServer, transcript: Transcript
) -> None:
    replay.enqueue("talk_ok", "extract_ok", "plan_ok")
    cancel = threading.Event()
    stages: list[tuple[str, int, int]] = []

    def progress(p: Any) -> None:
        stages.append((p.stage, p.done, p.total))
        cancel.set()

    with pytest.raises(Cancelled):
        analyze(
            transcript,
            backend="llm",
            base_url=replay.url,
            model="test",
            progress=progress,
            cancel=cancel,
        )
    assert stages == [("talk", 1, 3)]
    assert len(replay.requests) == 1


# -------------------- refusals, truncation, cuts


def test_a_refusal_is_a_clear_error(replay: ReplayServer, transcript: Transcript) -> None:
    replay.enqueue("refusal")
    with pytest.raises(ModelError) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert str(caught.value).startswith("the model refused to answer: I'm sorry")
    assert_one_line(str(caught.value))

    replay.enqueue("refusal", "extract_ok", "plan_ok")
    analysis = run_llm(transcript, replay)
    assert_complete(analysis, transcript)
    assert analysis.meta.stages["talk"].status == "failed"
    assert "refused" in (analysis.meta.stages["talk"].error or "")
    assert analysis.meta.stages["extract"].status == "ok"
    offline = analyze(transcript, backend="offline")
    assert [u.talk for u in analysis.utterances] == [u.talk for u in offline.utterances]


def test_an_answer_cut_at_the_length_limit_is_output_truncated(replay: ReplayServer) -> None:
    replay.enqueue("length_truncated")
    with pytest.raises(OutputTruncated) as caught:
        model_at(replay).complete(MESSAGES, json_schema=SCHEMA)
    assert_one_line(str(caught.value))


def test_a_body_cut_short_is_a_clear_error_not_a_hang(
    replay: ReplayServer, transcript: Transcript, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure(monkeypatch, retries=0)
    replay.enqueue("cut_body")
    with pytest.raises(ModelError) as caught:
        bounded(lambda: model_at(replay).complete(MESSAGES, json_schema=SCHEMA), 10)
    assert str(caught.value) == f"cannot reach the model at {replay.url}, or the connection broke: is it running?"

    replay.enqueue("cut_body", "extract_ok", "plan_ok")
    analysis = bounded(lambda: run_llm(transcript, replay), 10)
    assert_complete(analysis, transcript)
    assert analysis.meta.stages["talk"].status == "failed"
    assert analysis.meta.stages["extract"].status == "ok"


def test_a_body_cut_short_is_retried_when_retries_are_left(replay: ReplayServer) -> None:
    replay.enqueue("cut_body", "talk_ok")
    completion = bounded(lambda: model_at(replay).complete(MESSAGES, json_schema=SCHEMA), 10)
    assert completion.text == recorded_content("talk_ok")
    assert len(replay.requests) == 2


def test_a_stream_arrives_piece_by_piece(replay: ReplayServer) -> None:
    replay.enqueue("stream_ok")
    pieces = bounded(lambda: list(model_at(replay).stream(MESSAGES)), 10)
    assert len(pieces) > 3
    assert "".join(pieces) == recorded_content("stream_ok")
    assert replay.bodies()[0]["stream"] is True


def test_a_stream_dropped_mid_chunk_is_a_clear_error_not_a_hang(replay: ReplayServer) -> None:
    replay.enqueue("stream_cut")
    received: list[str] = []

    def consume() -> None:
        for piece in model_at(replay).stream(MESSAGES):
            received.append(piece)

    with pytest.raises(ModelError) as caught:
        bounded(consume, 10)
    assert_one_line(str(caught.value))
    assert received and "".join(received) != recorded_content("stream_cut")


def test_a_stream_ended_early_without_done_is_an_error(replay: ReplayServer) -> None:
    entry = load_recording("stream_cut") | {"cut": "clean"}
    replay.enqueue(entry)
    with pytest.raises(ModelError):
        bounded(lambda: list(model_at(replay).stream(MESSAGES)), 10)


# -------------------- never raises for model faults


@pytest.mark.parametrize(
    "extract",
    [
        {"ideas": [], "emotions": [], "commitments": [{"u": 5, "quote": "", "action": "", "level": "firm"}]},
        {"ideas": [{"u": 3, "quote": "", "idea": ""}], "emotions": [], "commitments": []},
        {"ideas": [], "emotions": [{"u": 1, "quote": "", "emotion": "overwhelm"}], "commitments": []},
    ],
    ids=["empty-commitment", "empty-idea", "empty-emotion"],
)
def test_an_empty_quote_from_the_model_is_reasked_and_never_crashes_analyze(
    replay: ReplayServer, transcript: Transcript, extract: dict[str, Any]
) -> None:
    # Once a bug: Evidence(quote="") raised pydantic's ValidationError out of analyze().
    # Now an empty quote breaks the reply's schema (quotes need 3+ characters): it is re-asked.
    replay.enqueue("talk_ok", reply(extract), reply(extract))
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert analysis.meta.stages["extract"].status == "failed"
    assert "quote" in replay.bodies()[2]["messages"][-1]["content"]
    assert all(e.evidence[0].quote.strip() for e in analysis.emotions)


def test_only_client_indices_are_asked_for_talk_labels(replay: ReplayServer) -> None:
    transcript = make_transcript(
        [
            ("Maya", "coach", "Will you call her tomorrow?"),
            ("Dana", "client", "Yes, I will call her tomorrow."),
        ],
        client="Dana",
    )
    replay.enqueue(
        reply({"labels": [{"u": 1, "talk": "change", "darncat": "commitment"}]}),
        reply({"ideas": [], "emotions": [], "commitments": []}),
    )
    analysis = run_llm(transcript, replay)

    assert_complete(analysis, transcript)
    assert "the CLIENT utterances 1, find" in replay.bodies()[0]["messages"][1]["content"]
    assert len(replay.requests) == 2  # nothing found, so no plan call
    assert analysis.meta.stages["plan"].status == "skipped"
    assert [(u.role, u.talk) for u in analysis.utterances] == [
        ("coach", None),
        ("client", "change"),
    ]


def test_a_reply_with_the_wrong_keys_is_reasked_not_read_as_nothing_found(replay: ReplayServer) -> None:
    """{"Commitments": [...]} is not an extract reply: it is re-asked, and if it stays wrong the
    stage fails, so the offline findings stay instead of being replaced by nothing."""
    transcript = make_transcript(
        [("Maya", "coach", "What will you do?"), ("Dana", "client", "I will call Priya tomorrow.")], client="Dana"
    )
    wrong = reply(
        {"Commitments": [{"u": 1, "quote": "I will call Priya tomorrow", "action": "call Priya", "level": "firm"}]}
    )
    replay.enqueue(reply({"labels": []}), wrong, wrong)
    analysis = run_llm(transcript, replay)
    assert analysis.meta.stages["extract"].status == "failed"
    assert "ideas" in (analysis.meta.stages["extract"].error or "")
    assert [c.action for c in analysis.commitments] == ["call Priya tomorrow"]  # the offline engine's
