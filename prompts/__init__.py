"""The prompt files, one YAML file per prompt; `assistant.prompts` loads them. A package only so
that the wheel ships them and importlib.resources finds them wherever Reflect is installed."""
