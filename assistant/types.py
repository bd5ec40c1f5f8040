"""Reflect's domain types: the one contract shared by ingestion, the engines, storage, the UI and eval.

Every model documents each field, so the JSON schema handed to a language model carries the
descriptions too. `SCHEMA_VERSION` is bumped whenever the JSON shape changes incompatibly.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

Role = Literal["coach", "client", "other", "notes"]
SourceFormat = Literal[
    "text", "markdown", "otter", "vtt", "srt", "docx", "json", "notes", "sbv", "whisper", "tsv", "csv"
]  # fmt: skip
TalkType = Literal["change", "sustain", "neutral"]
DarnCat = Literal["desire", "ability", "reason", "need", "commitment", "activation", "taking_steps"]
CommitmentLevel = Literal["firm", "hedged", "exploring", "resisting"]
IdeaStatus = Literal["proposed", "chosen", "rejected", "open"]
Valence = Literal["positive", "negative", "mixed"]
Emotion = Literal[
    "frustration",
    "anxiety",
    "overwhelm",
    "self_doubt",
    "sadness",
    "anger",
    "guilt",
    "fear",
    "hope",
    "excitement",
    "confidence",
    "relief",
    "pride",
    "determination",
]
ItemStatus = Literal["proposed", "accepted", "rejected"]
Progress = Literal["done", "in_progress", "not_started", "dropped", "unclear"]

EMOTION_VALENCE: dict[str, Valence] = {
    "frustration": "negative",
    "anxiety": "negative",
    "overwhelm": "negative",
    "self_doubt": "negative",
    "sadness": "negative",
    "anger": "negative",
    "guilt": "negative",
    "fear": "negative",
    "hope": "positive",
    "excitement": "positive",
    "confidence": "positive",
    "relief": "positive",
    "pride": "positive",
    "determination": "positive",
}
"""The valence each emotion label carries; the taxonomy is documented in docs/taxonomy.md."""


class _Model(BaseModel):
    """Base for every domain type: unknown keys are an error, so a typo never passes silently."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- transcripts


class Utterance(_Model):
    """One speaker turn (or one paragraph of a coach's notes)."""

    index: int = Field(ge=0)
    """Position in the transcript, from 0; evidence cites utterances by this number."""
    speaker: str
    """The speaker's label as written in the source ("Dana", "COACH"); "Notes" for unlabelled notes."""
    role: Role
    """Who this speaker is in the session: the coach, the client (coachee), someone else, or notes."""
    text: str
    """The words as written, with only whitespace normalised; quotes are taken from here verbatim."""
    start: float | None = None
    """Start time in seconds from the beginning of the recording, when the source has timestamps."""
    end: float | None = None
    """End time in seconds, when the source has timestamps."""


class SourceInfo(_Model):
    """Where a transcript came from."""

    file_name: str
    """The file's base name (never the full path, which may reveal a client's name in a folder)."""
    format: SourceFormat
    """The reader that understood the file."""
    sha256: str
    """SHA-256 of the file's bytes: the same file imported twice is recognised."""
    encoding: str | None = None
    """The text encoding detected (utf-8, utf-8-sig, utf-16, cp1252); null for DOCX."""


class TranscriptMetadata(_Model):
    """What a transcript's header and footer said, kept apart from the speech."""

    title: str | None = None
    """The meeting title the header gives ("Weekly coaching - Dana"), when it gives one."""
    date: str | None = None
    """The date the header states (YYYY-MM-DD); only a date written in the file, never guessed."""
    participants: list[str] = Field(default_factory=list)
    """The names the header lists as attendees, participants or speakers, in its order."""
    removed: list[str] = Field(default_factory=list)
    """Header and footer lines kept out of the utterances ("Transcribed by https://otter.ai"),
    so nothing leaves the transcript unseen."""


class Transcript(_Model):
    """A parsed session: what every engine reads."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    source: SourceInfo
    """The file this transcript was read from."""
    client_name: str | None = None
    """The coachee's name when known (from --client or the role detection)."""
    session_date: str | None = None
    """The session date (YYYY-MM-DD) when the coach gave it; never guessed."""
    utterances: list[Utterance]
    """The turns, in order."""
    metadata: TranscriptMetadata | None = None
    """Title, date and participants from the file's header, and the header and footer lines left out;
    null when the file has none."""

    def speakers(self, role: Role) -> list[str]:
        """Distinct speaker labels with the given role, in order of first appearance."""
        seen: dict[str, None] = {}
        for u in self.utterances:
            if u.role == role:
                seen.setdefault(u.speaker, None)
        return list(seen)


# --------------------------------------------------------------------------- analysis


class Evidence(_Model):
    """The words that show a finding: a verbatim quote and the utterance it is in."""

    utterance: int = Field(ge=0)
    """Index of the utterance holding the quote."""
    quote: str = Field(min_length=1)
    """Words copied verbatim from that utterance (whitespace may differ)."""


class AnalyzedUtterance(Utterance):
    """An utterance with its client-talk reading; coach and other utterances carry no labels."""

    talk: TalkType | None = None
    """Client talk type (motivational interviewing): toward change, toward the status quo, or neither."""
    darncat: DarnCat | None = None
    """Change-talk subtype (Desire, Ability, Reason, Need, Commitment, Activation, Taking steps),
    also used for the sustain-talk mirror ("I can't" is sustain talk of type ability)."""
    strength: int | None = Field(default=None, ge=0, le=3)
    """0 none, 1 weak ("maybe I could"), 2 moderate ("I plan to"), 3 strong ("I will")."""
    hedges: list[str] = Field(default_factory=list)
    """The hedge phrases found in the utterance ("I'll try", "probably")."""
    talk_probability: float | None = Field(default=None, ge=0, le=1)
    """How likely the talk type is right, as the learned reader estimates it (calibrated on
    held-out turns); None when the rules alone read the utterance."""


class Idea(_Model):
    """An option for action that came up in the session."""

    id: str
    """Stable identifier within the analysis, e.g. "I1"."""
    text: str
    """The idea in a short phrase."""
    raised_by: Literal["client", "coach"]
    """Who put the idea on the table."""
    status: IdeaStatus
    """proposed: said once; chosen: the client committed to it; rejected: turned down; open: still weighed."""
    evidence: list[Evidence] = Field(min_length=1)
    """Where the idea is said."""


class EmotionalSignal(_Model):
    """An emotion the coachee showed, named or figurative ("I'm drowning")."""

    id: str
    """Stable identifier within the analysis, e.g. "E1"."""
    emotion: Emotion
    """Label from Reflect's taxonomy (docs/taxonomy.md)."""
    valence: Valence
    """Whether the emotion is pleasant, unpleasant or mixed."""
    intensity: int = Field(ge=1, le=3)
    """1 mild, 2 clear, 3 strong (intensifiers, figurative language, repetition)."""
    evidence: list[Evidence] = Field(min_length=1)
    """The words that show it."""
    inferred: bool = False
    """True when no emotion word names it: the learned reader read it from the event or situation
    the coachee describes ("I got passed over again"). The quote is that description."""
    probability: float | None = Field(default=None, ge=0, le=1)
    """For an inferred signal, the reader's probability that the words carry an emotion at all."""


class Commitment(_Model):
    """A statement of intent to act, with how firmly it is meant."""

    id: str
    """Stable identifier within the analysis, e.g. "C1"."""
    action: str
    """What the coachee would do, in their own words where possible."""
    level: CommitmentLevel
    """firm: "I will"; hedged: intent weakened by a hedge; exploring: considering; resisting: refusing."""
    darncat: DarnCat | None = None
    """The change-talk subtype of the supporting utterance."""
    confidence: float = Field(ge=0, le=1)
    """How sure Reflect is of the level (not the coachee's confidence)."""
    hedges: list[str] = Field(default_factory=list)
    """Hedge phrases in the evidence; a commitment with hedges is never firm."""
    evidence: list[Evidence] = Field(min_length=1)
    """Where the commitment is said."""
    idea: str | None = None
    """The id of the idea this commitment acts on, if any."""


class ActionItem(_Model):
    """One step of the action plan; the coach reviews and owns it."""

    id: str
    """Stable identifier within the plan, e.g. "A1"."""
    action: str
    """What will be done."""
    why: list[str] = Field(default_factory=list)
    """Ids of the ideas and commitments this item comes from."""
    first_step: str | None = None
    """The first concrete step, when one was said; null otherwise."""
    owner: str = "not stated"
    """Who does it: the client unless the transcript says otherwise."""
    due: str | None = None
    """A date or time only when it was stated in the transcript ("by Friday"); never guessed."""
    success_measure: str | None = None
    """How the coachee will know it is done, when said."""
    obstacles: list[str] = Field(default_factory=list)
    """Obstacles the coachee named."""
    if_then: list[str] = Field(default_factory=list)
    """One implementation intention per named obstacle: "If <obstacle>, then <response>"."""
    support: str | None = None
    """Who or what will help, when said."""
    level: CommitmentLevel = "exploring"
    """The commitment level behind the item."""
    evidence: list[Evidence] = Field(default_factory=list)
    """Where the item's commitment is said; empty only for items the coach added."""
    status: ItemStatus = "proposed"
    """proposed until the coach accepts or rejects it."""
    carried_over_from: str | None = None
    """For a follow-up plan: the session id whose unfinished item this continues."""


class ActionPlan(_Model):
    """The draft action plan."""

    goal: str | None = None
    """The change the coachee is working toward, in their words when possible."""
    items: list[ActionItem] = Field(default_factory=list)
    """The steps, in the order the coach wants them."""
    questions_for_next_session: list[str] = Field(default_factory=list)
    """What the coach might explore where commitment is weak, hedged or resisting."""


class ValencePoint(_Model):
    """One point of the valence timeline."""

    utterance: int
    """Index of a client utterance."""
    valence: float = Field(ge=-1, le=1)
    """-1 very negative to 1 very positive."""


class StageUsage(_Model):
    """What one pipeline stage cost."""

    seconds: float = 0.0
    """Wall-clock time of the stage."""
    prompt_tokens: int = 0
    """Tokens sent to the model (0 for the offline engine)."""
    completion_tokens: int = 0
    """Tokens the model produced."""
    status: Literal["ok", "failed", "skipped"] = "ok"
    """Whether the stage produced its result."""
    error: str | None = None
    """A one-line reason when the stage failed."""


class Disagreement(_Model):
    """Where the model's commitment level differs from the offline engine's."""

    commitment: str
    """Id of the commitment in this analysis."""
    model_level: CommitmentLevel
    """The level the model gave."""
    offline_level: CommitmentLevel
    """The level the offline engine gave for the same utterance."""


class AnalysisMeta(_Model):
    """How an analysis was produced."""

    backend: str
    """offline, llm or local."""
    model: str | None = None
    """The model name, null for the offline engine."""
    backend_reason: str = ""
    """Why this backend was chosen (explicit setting, endpoint configured, local model installed...)."""
    prompts: dict[str, str] = Field(default_factory=dict)
    """Prompt name to version, for every prompt used."""
    stages: dict[str, StageUsage] = Field(default_factory=dict)
    """Per stage: time, tokens, status."""
    warnings: list[str] = Field(default_factory=list)
    """Things the coach should know: dropped ungrounded items, failed stages, removed invented facts."""
    disagreements: list[Disagreement] = Field(default_factory=list)
    """Commitment levels on which the model and the offline engine disagree."""
    created_at: str | None = None
    """UTC time the analysis finished, ISO 8601."""

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.stages.values())

    @property
    def total_tokens(self) -> int:
        return sum(s.prompt_tokens + s.completion_tokens for s in self.stages.values())


class Analysis(_Model):
    """Everything Reflect read in one session."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    source: SourceInfo
    """The transcript's source."""
    utterances: list[AnalyzedUtterance]
    """The utterances with client-talk labels."""
    ideas: list[Idea] = Field(default_factory=list)
    """Options for action that came up."""
    emotions: list[EmotionalSignal] = Field(default_factory=list)
    """Emotional signals of the coachee."""
    valence_series: list[ValencePoint] = Field(default_factory=list)
    """Valence per client utterance, for the timeline chart."""
    commitments: list[Commitment] = Field(default_factory=list)
    """Statements of intent with their level."""
    plan: ActionPlan = Field(default_factory=ActionPlan)
    """The draft action plan."""
    meta: AnalysisMeta
    """Backend, model, prompt versions, timings, tokens and warnings."""


# --------------------------------------------------------------------------- assess


class ItemProgress(_Model):
    """What became of one earlier plan item."""

    item: ActionItem
    """The item of the last approved plan."""
    progress: Progress
    """done, in_progress, not_started, dropped, or unclear when the new session does not say."""
    evidence: list[Evidence] = Field(default_factory=list)
    """Quotes from the new session that show the progress; empty when unclear."""
    note: str | None = None
    """A short explanation for the coach."""


class TalkBalance(_Model):
    """Change versus sustain talk in one session, for the trend across sessions."""

    session_id: str
    """The session."""
    session_date: str | None = None
    """Its date, when known."""
    change: int = 0
    """Client utterances of change talk."""
    sustain: int = 0
    """Client utterances of sustain talk."""
    neutral: int = 0
    """Other client utterances."""

    @property
    def change_share(self) -> float | None:
        """Share of change talk among change and sustain talk; None when neither occurred."""
        total = self.change + self.sustain
        return None if total == 0 else self.change / total


class Assessment(_Model):
    """The assess step: the last approved plan checked against a new session."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    client: str
    """The client's name."""
    session_id: str
    """The new session."""
    plan_session_id: str
    """The session whose approved plan is being assessed."""
    items: list[ItemProgress] = Field(default_factory=list)
    """Each earlier item with its progress."""
    new_information: list[Evidence] = Field(default_factory=list)
    """What has come to light since (quotes from the new session)."""
    obstacles_met: list[Evidence] = Field(default_factory=list)
    """Obstacles and pushback the coachee reports."""
    trend: list[TalkBalance] = Field(default_factory=list)
    """Change vs sustain talk per session, oldest first."""
    meta: AnalysisMeta
    """How the assessment was produced."""


# --------------------------------------------------------------------------- storage records

EditableField = Literal[
    "action", "first_step", "owner", "due", "success_measure", "support", "obstacles", "if_then", "level", "status"
]
PlanVersionKind = Literal["draft", "edit", "approved", "carried", "chat"]


class ClientInfo(_Model):
    """A coachee as the coach's list shows them."""

    id: int
    """Database id."""
    name: str
    """The name the coach gave."""
    created_at: str
    """When the client was added (UTC, ISO 8601)."""
    sessions: int = 0
    """Number of sessions stored."""
    last_session: str | None = None
    """Date of the latest session, when known."""


class SessionInfo(_Model):
    """One stored session."""

    id: str
    """Session id, e.g. "s-3f9a2b1c" (stable: the same file for the same client gets the same id)."""
    client: str
    """The client's name."""
    date: str | None = None
    """Session date (YYYY-MM-DD) when the coach gave it."""
    file_name: str
    """The transcript file's name."""
    created_at: str
    """When it was imported."""
    backend: str | None = None
    """Backend of the latest analysis."""
    plan_state: str = "draft"
    """draft, approved, or edited (changed since the last approval)."""


class PlanEdit(_Model):
    """One change to a plan: what the coach does in the editor, or what the chat proposes."""

    op: Literal["edit_field", "add_item", "set_status", "move_item", "set_goal"]
    """The kind of change."""
    item: str | None = None
    """The item id (not for add_item and set_goal)."""
    field: EditableField | None = None
    """For edit_field: which field."""
    value: str | None = None
    """The new value (lists as one entry per line; for move_item the new position from 1)."""


class PlanProposal(_Model):
    """A structured diff the chat proposes; nothing changes until the coach applies it."""

    summary: str
    """One sentence for the coach: what the change does."""
    edits: list[PlanEdit] = Field(default_factory=list)
    """The changes, applied together or not at all."""


class PlanVersionInfo(_Model):
    """One version of a session's plan."""

    version: int
    """1 is the engine's draft; each edit, approval or applied proposal adds one."""
    kind: PlanVersionKind
    """What made this version."""
    change: str
    """A short description of the change."""
    created_at: str
    """When (UTC)."""
    plan: ActionPlan
    """The plan as it was at this version."""


class ChatMessage(_Model):
    """One turn of the plan chat."""

    id: int
    """Database id."""
    role: Literal["user", "assistant"]
    """The coach (user) or Reflect (assistant)."""
    content: str
    """The text shown."""
    proposal: PlanProposal | None = None
    """A proposed plan change, if the assistant made one."""
    proposal_state: Literal["pending", "applied", "discarded"] | None = None
    """What the coach did with the proposal."""
    created_at: str
    """When (UTC)."""


class RecallHit(_Model):
    """One remembered utterance, with its citation."""

    quote: str
    """The utterance text (or plan item action)."""
    session: str
    """Session id."""
    date: str | None = None
    """Session date when known."""
    utterance: int | None = None
    """Utterance index (None for a plan item)."""
    speaker: str | None = None
    """Who said it."""
    kind: Literal["utterance", "plan_item"] = "utterance"
    """What was remembered."""
    score: float = 0.0
    """Similarity to the question, 0..1."""


# --------------------------------------------------------------------------- brief, prep note, follow-up


class BriefSentence(_Model):
    """One sentence of a session brief, with the utterances it rests on."""

    text: str = Field(min_length=1)
    """The sentence as the coach reads it."""
    utterances: list[int] = Field(min_length=1)
    """Indices of the utterances the sentence rests on; every name, number, date and quote in it is
    found there."""


class DroppedSentence(_Model):
    """A sentence the grounding check took out of a brief."""

    text: str
    """The sentence as the model wrote it."""
    why: str
    """What the cited utterances do not support (a name, number, date, quote, or a commitment word
    stronger than the level found), and whether an extractive sentence took its place."""


class SessionBrief(_Model):
    """A few sentences on a session: what the coachee brought, what moved, what they decided and how
    firmly, what stays open."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    sentences: list[BriefSentence] = Field(default_factory=list)
    """The brief, 4 to 8 sentences when the session holds that much."""
    dropped: list[DroppedSentence] = Field(default_factory=list)
    """Sentences the grounding check removed, with the reason."""
    meta: AnalysisMeta
    """Backend, model, prompt versions, time and tokens of the brief."""


class PrepNote(_Model):
    """What the coach reads before the next session with a client."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    client: str
    """The client's name."""
    plan_session_id: str
    """The session whose approved plan the note starts from."""
    session_date: str | None = None
    """That session's date, when known."""
    goal: str | None = None
    """The approved plan's goal."""
    items: list[ActionItem] = Field(default_factory=list)
    """The approved plan's accepted items (rejected ones are left out)."""
    progress: list[ItemProgress] = Field(default_factory=list)
    """What the assess step read for those items in a later session; empty when not assessed."""
    open_threads: list[str] = Field(default_factory=list)
    """What was left open: ideas still weighed, intentions said with a hedge or resisted, items not
    done."""
    questions: list[str] = Field(default_factory=list)
    """3 to 5 questions for the next session, from the accepted items and the open threads."""
    meta: AnalysisMeta
    """How the note was produced."""


class FollowUpDraft(_Model):
    """A short email to the client after a session; Reflect never sends it."""

    schema_version: str = SCHEMA_VERSION
    """Version of this JSON shape."""
    client: str
    """The client's name."""
    session_id: str
    """The session whose approved plan the email restates."""
    subject: str
    """The email's subject line."""
    body: str
    """The plain-text body, for the coach to edit."""
    items: list[str] = Field(default_factory=list)
    """Ids of the accepted plan items the body names; no other item is in it."""
    meta: AnalysisMeta
    """How the draft was produced."""
