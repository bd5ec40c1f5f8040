"""The assess step: the last approved plan checked against what the coachee now says.

For each earlier item: done, in progress, not started, dropped or unclear, with the words that
show it; what has come to light since; obstacles met; the change/sustain balance across
sessions; and a next plan that carries unfinished items forward.
"""

from __future__ import annotations

import re

from assistant.analysis.offline.phrases import content_words
from assistant.analysis.textspan import fold, sentences
from assistant.assess import learned
from assistant.backends import BackendChoice, model_judges
from assistant.memory.embeddings import Embedder, MiniLMEmbedder
from assistant.plans import accepted_items
from assistant.types import (
    ActionPlan,
    Analysis,
    AnalysisMeta,
    Assessment,
    Evidence,
    ItemProgress,
    StageUsage,
    TalkBalance,
    Transcript,
)

__all__ = ["assess_plan", "carry_forward", "talk_balance"]

ASSESS_OFFLINE_MODEL = "assess-offline-10"
"""The offline assess reader's version, recorded with each assessment: 2 reads the client's answer
to the coach asking about an item by name or in its words ("Did you ask Kari?" - "No. I didn't get
to it."); 3 (after the thirty-sixth split's run) reads "Ana finished it." as someone else's doing,
"I dropped it off" as no item dropped and "Honestly I went." as done; 4 (after the forty-first)
reads first the verdict an answer to the coach naming the item opens with ("No.", "Half.",
"Done.": `verdicts.py`), past an echo of the coach's word ("Ah. Grace. Half."); 5 (after the
forty-fourth) reads a decision not to go on written without an apostrophe ("thats decided im not
taking saturdays off") as dropped, as it read "decided I'm not". (A version 5 written on 2026-12-06
was withdrawn the same evening; this is another.) 6 (2026-12-07) lets a learned gate (`learned.py`)
take away a verdict where the session does not seem to be about the item; an assessment records it
as "assess-offline-6+" and the digest of the gate's weights (`assessor_name`). 7 (after the
forty-fifth split's run) reads an item someone else did as done where the client says so ("that
one's done, but I didn't do it"); 8 (2026-12-07) takes the coach naming the coachee's own item with
"was" or "is" ("First one was calling Dr. Farris's office. How'd that go?" - "Done.") as asking
about it, not about what someone else did; 9 (after a read-only review of 8) does so only where
the word before "was" or "is" is a thing ("First one", "that"), not a person ("Kevin's team was
finishing the audit"), reads a name in -ing as a person ("Has Ming finished it?"), and takes "is
to", "is still", "will be", "was my" and "did ya" as no other person. 10 (after the forty-eighth
split's run) reads a step not taken by the coachee and then done to "it" by someone else in the
same sentence as done ("the box i didn't buy karthik bought it"); narrowed after a read-only review,
which found its first version reading "I should have called him", "no one booked it", "he said he
bought one", "I sent the old one" and "she called me to cancel" as done."""


def assessor_name(embedder: Embedder) -> str:
    """The offline assess reader's name as an assessment records it: with the learned reader's
    weights where they ship and read this embedder's vectors."""
    if learned.applies(embedder):
        return f"{ASSESS_OFFLINE_MODEL}+{learned.weights_version()}"
    return ASSESS_OFFLINE_MODEL


_NEW_INFORMATION = re.compile(
    r"\b(?:turns out|it turned out|found out|i learned|i learnt|i realised|i realized|i discovered|news|"
    r"since we (?:last )?(?:met|spoke|talked)|what happened|noticed|surprised|the board|announced)\b"
)
_OBSTACLE = re.compile(
    r"\b(?:push(?:ed)? back|pushback|got in the way|blocked|resist\w*|objected|hard(?:er)? than|"
    r"didn't go|went badly|backfired|struggl\w*|no time|too busy|fell apart|derailed|stuck)\b"
)


def talk_balance(session_id: str, session_date: str | None, analysis: Analysis) -> TalkBalance:
    """Change, sustain and neutral client utterances of one analysed session."""
    talk = [u.talk for u in analysis.utterances if u.role == "client" and u.talk]
    return TalkBalance(
        session_id=session_id,
        session_date=session_date,
        change=talk.count("change"),
        sustain=talk.count("sustain"),
        neutral=talk.count("neutral"),
    )


def assess_plan(
    plan: ActionPlan,
    transcript: Transcript,
    analysis: Analysis,
    *,
    client: str,
    session_id: str,
    plan_session_id: str,
    choice: BackendChoice | None = None,
    history: list[TalkBalance] | None = None,
    session_date: str | None = None,
    embedder: Embedder | None = None,
) -> Assessment:
    """Assess the accepted items of `plan` against the new session."""
    import time

    started = time.perf_counter()
    items = accepted_items(plan)
    embedder = embedder or MiniLMEmbedder()
    progress = learned.assess_items(items, transcript, embedder)
    meta = AnalysisMeta(
        backend="offline",
        model=assessor_name(embedder),
        stages={"assess": StageUsage(seconds=time.perf_counter() - started)},
    )
    if choice is not None and model_judges(choice):
        from assistant.assess.llm import assess_with_model

        progress, meta = assess_with_model(items, transcript, progress, choice, meta)
    trend = list(history or []) + [talk_balance(session_id, session_date, analysis)]
    return Assessment(
        client=client,
        session_id=session_id,
        plan_session_id=plan_session_id,
        items=progress,
        new_information=_quotes(transcript, _NEW_INFORMATION),
        obstacles_met=_quotes(transcript, _OBSTACLE),
        trend=trend,
        meta=meta,
    )


def _quotes(transcript: Transcript, pattern: re.Pattern[str], limit: int = 5) -> list[Evidence]:
    found = []
    for utterance in transcript.utterances:
        if utterance.role not in ("client", "notes"):
            continue
        for sentence in sentences(utterance.text):
            if pattern.search(fold(sentence.text)):
                found.append(Evidence(utterance=utterance.index, quote=sentence.text))
                break
        if len(found) == limit:
            break
    return found


def carry_forward(new_plan: ActionPlan, progress: list[ItemProgress], plan_session_id: str) -> ActionPlan:
    """The new draft plan with unfinished earlier items added (marked), unless already restated."""
    plan = new_plan.model_copy(deep=True)
    existing = [content_words(i.action) for i in plan.items]
    for entry in progress:
        if entry.progress in ("done", "dropped"):
            continue
        words = content_words(entry.item.action)
        if any(len(words & other) >= max(2, len(words) // 2) for other in existing):
            continue
        item = entry.item.model_copy(
            update={
                "id": f"A{len(plan.items) + 1}",
                "status": "proposed",
                "carried_over_from": plan_session_id,
            }
        )
        plan.items.append(item)
        existing.append(words)
    return plan
