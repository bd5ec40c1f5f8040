"""Prompt files: one YAML file per prompt in `prompts/`, with a name, a version, text and variables.
They ship as the `prompts` package's data and are read through importlib.resources, so an installed
Reflect finds them as a checkout does.

Templates use `{{variable}}` (so JSON examples need no escaping). Rendering raises on a missing or
unexpected variable: a prompt is never sent half-filled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable

import yaml

PROMPTS_DIR: Traversable = resources.files("prompts")
_VARIABLE = re.compile(r"\{\{\s*(\w+)\s*\}\}")


class PromptError(ValueError):
    """A prompt file is malformed or was rendered with the wrong variables."""


@dataclass(frozen=True)
class Prompt:
    name: str
    version: str
    description: str
    system: str
    user: str
    variables: tuple[str, ...]

    def render(self, **values: object) -> list[dict[str, str]]:
        """Chat messages with every variable filled in."""
        given, declared = set(values), set(self.variables)
        if given != declared:
            missing, extra = sorted(declared - given), sorted(given - declared)
            raise PromptError(f"prompt {self.name}: missing {missing}, unexpected {extra}")
        return [
            {"role": "system", "content": _fill(self.system, values)},
            {"role": "user", "content": _fill(self.user, values)},
        ]


def _fill(template: str, values: dict[str, object]) -> str:
    return _VARIABLE.sub(lambda m: str(values[m.group(1)]), template)


@cache
def load_prompt(name: str) -> Prompt:
    path = PROMPTS_DIR / f"{name}.yaml"
    if not path.is_file():
        raise PromptError(f"no prompt file {path.name} in {PROMPTS_DIR}")
    data = yaml.safe_load(path.read_text("utf-8"))
    try:
        # Stages that read a transcript share one system prompt: one text, and one cache prefix.
        system = load_prompt(data["system_from"]).system if "system_from" in data else data["system"]
        prompt = Prompt(
            name=data["name"],
            version=_version(data, system),
            description=data.get("description", ""),
            system=system,
            user=data["user"],
            variables=tuple(data.get("variables", [])),
        )
    except (KeyError, TypeError) as exc:
        raise PromptError(f"prompt file {path.name} lacks {exc}") from None
    used = set(_VARIABLE.findall(prompt.system + prompt.user))
    if used != set(prompt.variables):
        raise PromptError(f"prompt {name}: template uses {sorted(used)}, declares {sorted(prompt.variables)}")
    return prompt


def _version(data: dict[str, object], system: str) -> str:
    """A stage's version names its shared system prompt's version too, so a change to either shows."""
    version = str(data["version"])
    if "system_from" in data:
        version += f"+{data['system_from']}.{load_prompt(str(data['system_from'])).version}"
    return version


def all_prompts() -> list[Prompt]:
    names = sorted(entry.name.removesuffix(".yaml") for entry in PROMPTS_DIR.iterdir() if entry.name.endswith(".yaml"))
    return [load_prompt(name) for name in names]
