"""The log file: job failures with their stack, one line per model call, never a message's text."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from assistant.logs import PrivateFormatter, configure, log_path

PRIVATE = "Dana said she will quit the Halvorsen deal"


@pytest.fixture
def log_file(data_dir: Path) -> Path:
    configure(data_dir, "info")
    return log_path(data_dir)


def _flush() -> None:
    for handler in logging.getLogger("assistant").handlers:
        handler.flush()


def test_a_failed_job_logs_its_stack_and_the_coach_sees_the_same_message(log_file: Path) -> None:
    from assistant.jobs import Job, JobManager

    def explode(job: Job) -> None:
        raise ValueError(PRIVATE)

    jobs = JobManager()
    jobs.submit("s-1", "model analysis", explode)
    job = jobs.wait("s-1", timeout=5)
    assert job is not None and job.state == "failed"
    assert job.message == "unexpected error (ValueError); the offline result is kept"
    _flush()
    logged = log_file.read_text("utf-8")
    assert "Traceback (most recent call last)" in logged and "in explode" in logged
    assert "builtins.ValueError (message withheld" in logged
    assert "Halvorsen" not in logged and "Dana" not in logged


class _Reply:
    def __init__(self, content: str) -> None:
        self.content = content
        self.additional_kwargs: dict[str, Any] = {}
        self.usage_metadata = {"input_tokens": 1234, "output_tokens": 56, "total_tokens": 1290}


class _Chat:
    """Stands in for LangChain's ChatOpenAI: no network, a fixed reply or a failure quoting the prompt."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail

    def invoke(self, messages: list[Any], **kwargs: Any) -> _Reply:
        if self.fail:
            raise ValueError(f"cannot parse {messages[-1].content}")
        return _Reply(f'{{"quote": "{PRIVATE}"}}')


def test_a_model_call_is_one_line_with_its_time_and_tokens_and_no_text(log_file: Path) -> None:
    from assistant.errors import ModelError
    from assistant.llm.openai_compat import OpenAICompatibleModel

    model = OpenAICompatibleModel("test-model", base_url="http://127.0.0.1:9/v1")
    model._chat = _Chat()  # type: ignore[assignment]
    prompt = [{"role": "user", "content": f"Label this: {PRIVATE}"}]
    assert PRIVATE in model.complete(prompt).text
    model._chat = _Chat(fail=True)  # type: ignore[assignment]
    with pytest.raises(ModelError):
        model.complete(prompt)
    _flush()
    lines = [line for line in log_file.read_text("utf-8").splitlines() if "model call" in line]
    assert len(lines) == 2
    assert "llm/test-model complete" in lines[0] and "1234 prompt + 56 completion tokens" in lines[0]
    assert " s, " in lines[0]  # the call's duration
    assert "failed after" in lines[1] and "ModelError from ValueError" in lines[1]
    assert all("Dana" not in line and "Label this" not in line for line in lines)


def test_exception_messages_are_withheld_through_a_chain_of_causes() -> None:
    try:
        try:
            raise KeyError(PRIVATE)
        except KeyError as inner:
            raise RuntimeError(f"while reading {PRIVATE}") from inner
    except RuntimeError:
        record = logging.LogRecord("assistant.test", logging.ERROR, __file__, 1, "failed", None, None)
        import sys

        record.exc_info = sys.exc_info()
    text = PrivateFormatter("%(message)s").format(record)
    assert "builtins.KeyError (message withheld" in text and "builtins.RuntimeError (message withheld" in text
    assert "direct cause" in text and "Dana" not in text


def test_the_level_setting_decides_what_the_file_keeps(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant.settings import get_settings

    monkeypatch.setenv("REFLECT_LOG_LEVEL", "warning")
    get_settings.cache_clear()
    configure(data_dir, get_settings().log_level)
    logging.getLogger("assistant.test").info("an info line")
    logging.getLogger("assistant.test").warning("a warning line")
    _flush()
    logged = log_path(data_dir).read_text("utf-8")
    assert "a warning line" in logged and "an info line" not in logged


def test_configuring_again_adds_no_second_handler(data_dir: Path) -> None:
    configure(data_dir, "info")
    configure(data_dir, "info")  # Streamlit reruns the page script on every click
    logging.getLogger("assistant.test").info("once")
    _flush()
    assert log_path(data_dir).read_text("utf-8").count("once") == 1


def test_third_party_loggers_stay_out_of_the_file(data_dir: Path) -> None:
    configure(data_dir, "debug")
    logging.getLogger("openai._base_client").debug("Request options: %s", PRIVATE)
    _flush()
    assert "Dana" not in log_path(data_dir).read_text("utf-8")
