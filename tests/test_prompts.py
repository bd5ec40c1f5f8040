"""Prompt files: every one loads, renders fully, refuses wrong variables and shares the
system text."""

from __future__ import annotations

import pytest

from assistant.prompts import PROMPTS_DIR, Prompt, PromptError, all_prompts, load_prompt

PROMPTS = all_prompts()
NAMES = [p.name for p in PROMPTS]
SYSTEM = "analyst_system"


def _values(prompt: Prompt) -> dict[str, str]:
    return {name: f"<sample {name} value>" for name in prompt.variables}


def test_every_prompt_file_loads() -> None:
    files = sorted(path.stem for path in PROMPTS_DIR.glob("*.yaml"))
    assert files and sorted(NAMES) == files
    assert SYSTEM in NAMES
    for prompt in PROMPTS:
        assert prompt.version
        assert prompt.system.strip()


@pytest.mark.parametrize("prompt", PROMPTS, ids=NAMES)
def test_renders_with_all_its_variables(prompt: Prompt) -> None:
    values = _values(prompt)
    messages = prompt.render(**values)
    assert [m["role"] for m in messages] == ["system", "user"]
    text = "\n".join(m["content"] for m in messages)
    assert "{{" not in text and "}}" not in text
    for value in values.values():
        assert value in text


@pytest.mark.parametrize("prompt", [p for p in PROMPTS if p.variables], ids=[p.name for p in PROMPTS if p.variables])
def test_missing_variable_raises(prompt: Prompt) -> None:
    values = _values(prompt)
    for name in prompt.variables:
        partial = {k: v for k, v in values.items() if k != name}
        with pytest.raises(PromptError):
            prompt.render(**partial)


@pytest.mark.parametrize("prompt", PROMPTS, ids=NAMES)
def test_extra_variable_raises(prompt: Prompt) -> None:
    with pytest.raises(PromptError):
        prompt.render(**_values(prompt), not_a_variable="x")


def test_stage_prompts_share_the_analyst_system_text() -> None:
    """Every prompt that reads a transcript shares one system text (one cache prefix for a local model)."""
    system = load_prompt(SYSTEM)
    stages = [p for p in PROMPTS if "transcript" in p.variables]
    assert {p.name for p in stages} >= {"talk", "extract", "assess"}
    for prompt in stages:
        assert prompt.system == system.system, prompt.name
        rendered = prompt.render(**_values(prompt))
        assert rendered[0]["content"] == system.system
