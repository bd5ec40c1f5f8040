"""Prose for the coach from a session's findings: the session brief, the prep note for the next
session and the follow-up email draft to the client.

The brief is written by the chosen model and grounded sentence by sentence (`grounding`), or
extractive without a model; the prep note and the follow-up are built from the approved plan.
"""

from assistant.brief.followup import followup_draft, to_eml
from assistant.brief.grounding import Ground, ground_sentences, unsupported
from assistant.brief.prep import prep_note
from assistant.brief.render import brief_markdown, prep_markdown
from assistant.brief.session import brief_backend, offline_brief, write_brief

__all__ = [
    "Ground",
    "brief_backend",
    "brief_markdown",
    "followup_draft",
    "ground_sentences",
    "offline_brief",
    "prep_markdown",
    "prep_note",
    "to_eml",
    "unsupported",
    "write_brief",
]
