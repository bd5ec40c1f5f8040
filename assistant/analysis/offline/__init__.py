"""The offline engine: deterministic, no network, no model, instant.

It is the first result the coach sees, the fallback when a model fails, and the cross-check of a
model's commitment levels.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING

from assistant.analysis.offline.commitments import (
    Found,
    answers_the_coach,
    commitments_in,
    confidence_of,
    foretells_a_scene,
)
from assistant.analysis.offline.emotions import names_an_emotion, read_emotions, valence_series
from assistant.analysis.offline.ideas import FoundIdea, ideas_in, settle_status
from assistant.analysis.offline.lexicon import BASE_STRENGTH, distinct_hedges
from assistant.analysis.offline.plan import draft_plan
from assistant.analysis.offline.talk import Reading, read_utterance
from assistant.analysis.textspan import sentences
from assistant.types import (
    EMOTION_VALENCE,
    Analysis,
    AnalysisMeta,
    AnalyzedUtterance,
    Commitment,
    Emotion,
    EmotionalSignal,
    Evidence,
    Idea,
    StageUsage,
    Transcript,
    Utterance,
)

if TYPE_CHECKING:
    from assistant.analysis.learned import TurnReading

__all__ = ["analyze_offline", "clear_caches", "engine_version", "label_utterances", "warm_up"]

ENGINE_CODE_VERSION = "87"
"""Bumped when the engine's code reads transcripts differently; the rules and the readers' weights
are hashed into the version on their own (`engine_version`), so editing them needs no bump. 27
(2026-12-04): the lexicon's someone-else pattern, and the rule changes since 26 that came with a
retraining, which changes the version only when the readers run: with them off, an analysis cached
by an older engine would have been served. 28: an if-then drafted from an obstacle said as a
condition no longer opens "If if". 29: "I guess I could" with a when, or answering what the client
will do, is hedged; transcribers' notes ("(laughs)") leave cleaned phrases; an obstacle is cleaned
and goes to the plan item said nearest it; a yes to the coach's summary keeps the when it named. 30:
of two plan items as near an obstacle, it goes to the one said after it. 31: speech-to-text's "ill"
ends a condition as "I'll" does; "if it's not urgent" is a gate; a bare condition said after an
intention may say its "if" twice; an opening hedge may follow backchannels ("Sure, yeah, maybe").
32: a bare "I'll try" takes up the step said before it in its sentence ("Phone in the kitchen, I'll
try."). 33: an answer to a planning question that offers an option ("Sefa could host it", a turn's
"I could") is hedged, as is a firm cue inside what the client "could say". 34: and inside what
they'd say ("I'd say, let me talk to him"); "this weekend" is no longer read as due "this week". 35: a cue is read
within one sentence ("Yeah. I'll put it in my calendar." kept its "I'll"); a refusal's action keeps
its verb ("cutting the church", not "the church"). 36: a lapse foretold ("i'll probably crack
once") is no step. 37: nor is an outcome foretold ("we will be late"); an idea run on over the next
in its turn is shown once; a goal ends at "you see"; a phrase does not end on "that's" or "don't". 38:
an action ends at a tag before a new clause ("... emails eh i've got six") and before "see how it goes". 39:
a step the client corrects as they go ("i will try no sorry i will go") is replaced by the one said next.
40: only the clause said just before the correction ("i'll call him and i'll email her no wait i'll
text her": the email). 41: "me will" opens a later intention as "I will" does (the rules read a
clause-opening "me" before a modal as the speaker); days said as a list or a range are a due date
said whole ("monday to thursday"), and days that name a thing ("the tuesday lates") none; an action
ends where an unpunctuated comment begins ("call her this week it's a crazy week"); words reported
as said to or by someone are no goal ("i said ray jean i need to show you something"). 42: a step in
a sentence that opens on "or" is an alternative weighed, never firm ("Or I ask her to send me a
summary"). 43: a step opened by "me" is hedged by a hedge in the same voice anywhere in its turn ("Me
will see.", "me guess me will call him", "Me nuh sure though"). 44: those hedges are hedge records
(`hedge.me-voice` in rules/hedges.yaml), read as any hedge is, in the step's sentence or beside it,
rather than by a pass over the whole turn; "me should" is hedged, as "I should" is; a firm step in a
turn that refuses a promise naming nothing else ("I can't promise anything", "no promises", "me
cyaan promise") is hedged wherever in the turn it is said; a step after a sentence that is only "Or"
is an alternative; "My manager, Helen, says I need to..." is no goal; "the monday the kids go back"
is a time. 45: "inshallah" ("God willing") is a hedge, unless the speaker says it is none or a
real one ("Not in Shallah."). 46: its spellings ("insha Allah", "In shah Allah", "inch'Allah"), and
as a sentence's opening hedge; "I cannot promise" and "I can't make any promises" are hedges; a
promise refused of the answer itself ("... you that", "... nutten") holds the turn's steps, someone
else's ("HR can't promise anything") does not; a step opened by "me" is again held by a hedge in its
voice anywhere in its turn. 47: a plan item is due at the time said nearest its step ("till
wednesday ... so thursday morning i'll go": thursday morning), not the first in its sentence; a
doubt of the speaker's own follow-through ("knowing me I'll chicken out", "... is another story",
"easier said than done") and a "we'll see" closing a sentence of circumstances after a step hedge
it; a lapse foretold ("chicken out", "talk myself out of it") is no step, nor what a later "it" is.
48: a short afterthought that ends on a soft hedge ("After the board meeting. The first week of May,
maybe.") hedges the step before it. 49 (the final review): a time more than five words into an
action is another clause's in unpunctuated speech ("tomorrow i'll ring the school the doctor can
wait till friday": tomorrow); a doubt or an afterthought lends its hedge only as a clause of
circumstances or a verbless phrase ("The team will follow, hopefully." does not); "knowing me I
won't" is a lapse foreseen, "knowing me I'll skip lunch to get it done" is not. 50: a client turn
no commitment rule reads, which the learned talk reader hears as a commitment, shows one (heard.py:
"sunday morning i go to kalopul before office"). 51 (the final review of that path): a
sentence without "I" or "we" that has someone's verb, a negation, a question without its mark or a
yes to the coach is not heard; more words weaken ("time permitting", "that's the plan anyway"). 52:
a question whether to act with its mark left off ("should i call him on monday") is exploring; a
step said before "from now on" is its action ("walks in the evening from now on"); "we'll see" is
no step, nor heard as one; an answer to a hypothetical ("Hypothetically, if the board said yes,
what then?") is never firm. 53 (the final review, after the thirty-sixth split's run): a bare
answer that asks whether ("should i ring her friday") is exploring and a bare "see how it goes" no
step; a clause with its own subject before "from now on" keeps its own cue's step; only the first
sentence of an answer to a hypothetical is held. 54-56: heard.py's refusal and yes guards (their
docstrings). 57: a turn that closes on a bare condition of the speaker's own, one the hedges know
("... whatsapp he reads and forgets. if i have the courage"), holds every firm step before it. 58
(after a review of 57): it holds only the step said nearest before it, is read as `spoken` spells
it, steps over a closing "We'll see.", and is no condition in "if I remember rightly"; heard.py's
reported-speech guard reads "she's like" and keeps the client's own step after "so". 59 (after a
second review): the closing condition is none when a step of its own follows it ("if i miss him i
try again tuesday") or it is a manner of speaking ("if I can be honest"), and its hedge is shown as
said; "I'd say I'll have it done" is hedged; heard.py reads a report only where it opens a sentence
or follows "and", "so" or "okay" ("before she goes i talk to her thursday" is the client's step). 60:
a commitment cue marked `action_with_cue` shows its action from its own first word ("I won't keep
doing it all myself", not "doing it all myself"); "then I" no longer takes the step's verb ("Then I
ask her what she thinks" was "her what she thinks"), nor reads a story ("and she just says no"); a
step timed first may name what it follows ("monday after assembly i call him"); a step after an
opening "what" is wondered ("What I'll do at eleven o'clock."), unless a cleft says it ("What I'll
do tomorrow is call her"); a bare "we'll see how" is no step and "try, ma'am" a bare try; a closing
"yes" that is said stays in its action; heard.py reads an option weighed as weakening ("the real
option, which is I sit down with him") and a turn that only says "we shall see" as no step. 61 (the
final read, after the forty-first split's run): a cleft's step is put off by "see" only as "see how",
"see what", "see if" or a bare "see" ("What I'll do is see the doctor on Monday" is a step). 62
(after the forty-first split's run): heard.py hears no step in what the client did ("Saturday I did
once.") or in days with nothing done ("Monday the first, nothing. Tuesday, nothing."). 63 (the
final read): a report keeps its step where a future form or a day after it says one ("I missed
Monday, so I'll do it Tuesday"), and "went to", "Christmas" and "anyway" no longer slip past it. 64
(after the forty-second split's run): a cue whose words end on who said them is someone else's
("that was her idea no more secrets she said"), unless the client's own sentence holds the report
("I'll call him like she said"). 65 (after a read-only review of 64, and the forty-third split's
run): that guard reads only a cue with no "I" or "we" ("i'll do the stretches she said" is the
client's step), and only in a turn with no hedge (the final read: a hedge after a report held the
step said again); a closing condition drops only a step that repeats the one it holds ("if i can
manage thursday as well" stays). 66: a confirmation of the coach's read-back ("Correct. And write that
I'm a good boy.") is no heard step of its own. 67 (after a read-only review of 66): only after a
read-back (a coach's turn that asks nothing, or ends on "Is that right?"), as no yes rule reads
"correct" in answer to a plan question; the heard path leaves a thought or a habit told ("i keep
saying i'll stop after the weekend", rule `exception.habitual-promise`) unless a step of the
client's follows it. 68 (after the final read of 67): a read-back's check is a sentence of its own
(not "..., correct?"), a caption with no sentence mark is no read-back, and a habit goes on past
"then" ("I keep telling myself I'll call her, then I sit down") while a day or a future form after
"so" is the client's step. 69: the heard path leaves words the client puts in another's mouth ("but
you're gonna say i'll just move it up", rule `exception.imagined-words`) as the rules do. 70: an
arrangement offered as a maybe ("Maybe if we agree a checklist. [...] If I see a problem, I ask her.")
holds the steps told after it in the present at its hedge (`_held_by_a_proposal`). 71 (after the
forty-fourth split's run, a last read): that hold turns away at "Either way", "OK.", "That's what I
want." and a present progressive, and not at "No one" or someone else's decision. 72 (2026-12-07):
an answer with a verb of its own to "what do you want to do about the tooth" ("i should call them")
is the step "call them", not the question's "do about the tooth". 73 (2026-12-07, after the
forty-sixth split's run): in a short exchange where only the coach's name is known, a one-off
speaker after a line ending in "this" or "that" ("what do you want from all this") is read as the
coachee, not as a wrapped line. 74 (2026-12-07): a heard answer that only names a time ("When?"
"Tomorrow. Tomorrow morning, before training.") commits to the step asked about, named by the
coach or said in the turn before (`heard.asked_when`), so the plan gets that step with its due
time rather than an item called "Tomorrow morning, before training". 75 (2026-12-07): a wait on
someone's yes, or to see, said in the sentence before a step holds it ("I'll wait for Dennis to say
yes. Then I'll go to her.": `commitments._wait_before`); chat exports (WhatsApp, a meeting's chat, a
Slack channel), Rev's JSON, "[Name] words" cues and a PDF's page breaks are read as a conversation.
76: a wait on news ("I'm waiting on the bank") holds a step said as what follows it ("Then I'll sign
the lease") and is never firm itself; a wait that only holds a step is no plan item of its own and
asks no question of itself; questions keep a yes that is said ("ask Priya to say yes"); a bare name
heading each turn, a sheet saved as TSV and a transcriber's timed markers are read. 77: a second
step after ", and then" stays in the step ("talk to Sam first, and then tell her Friday"). 78: "I'll
see what Dennis says" holds the step after it as a wait does and is no item of its own; no question
quotes sentences run together or an if-then plan as a step to be done. 79: the reader reads rich
text (.rtf, or renamed .txt), sheets saved as CSV, UTF-8 mail text read as Windows-1252 ("itâ€™s"),
Riverside's time spans under names, a mail's legal notice and a trial advert under the last turn.
80: asking a person is a step, as telling one is ("I'll ask him Monday" drafts a plan item); a wait
to see on nothing named ("I'll see what happens") is no plan item. 81: a step refused in the next
sentence with nothing else said ("I'll ask him Monday. Actually no, I won't.") is no commitment; a
wait to see with someone ("see how it goes with him") stays a plan item. 82: a bare "Weather
permitting." after an intention's elaboration hedges it, as a bare "Probably." does. 83: typed text
that gives each person's full name at their first turn only ("Thandiwe Mokoena:", then "Thandiwe:")
reads those first turns as turns, not a header; "Dana Whitfield: Coach" above the first turn states
a role, as "Coach: Dana Whitfield" does. 84: after a review of 83, a greeting ("Marcus: Morning,
coach.") is speech again, a header's "Thandiwe Mokoena: Executive Coach" is no turn, and a guest
who shares a first name ("Ana María López") neither renames the coach nor is read as the coach. 85:
tools set to the coach's language around an English session (the sixth set of uploads): a sheet's
headings ("Hablante;Texto"), numbered speakers ("Sprecher 3", "Intervenant 1"), "Cliente", Google
Meet's French notice and closing line, Happy Scribe's frames, and a coach's "Afspraken" under the
last turn. 86: after a review of 85, no guess at Central European encodings (it read Western files
as Polish), "To do" no notes heading (it cut a client's own list out of her turn), and no column
heading that heads other tables too ("Nom", "Ora", "Fine", "Transcription"). 87: someone else's
feeling said as their verb ("She worries.", "they panic", "my dad worries", "Angie worries") or after
a filler ("she's, eh, angry") is not the client's named feeling."""
_SPEAKS_FOR_CLIENT = ("client", "notes")


def learned_readers_on() -> bool:
    """The learned readers run when the coach (or the eval) turned them on and their weights ship."""
    from assistant.settings import get_settings

    if not get_settings().learned_readers:
        return False
    from assistant.analysis import learned

    return learned.available()


def engine_version() -> str:
    """The offline engine's version: its code version, a hash of its rules and, when they run, a
    hash of the learned readers' weights. Part of the analysis cache key, so a cached analysis never
    outlives a change of rule, reader or setting."""
    from assistant.analysis.offline.lexicon import rules_digest
    from assistant.settings import get_settings

    version = f"offline-{ENGINE_CODE_VERSION}+rules-{rules_digest()}"
    if get_settings().inferred_emotions:
        version += "+inferred"
    if not learned_readers_on():
        return version
    from assistant.analysis import learned

    return f"{version}+readers-{learned.readers_version()}"


_WARM_UP_SESSION = (
    b"Coach: What would you like to do before we meet again?\n"
    b"Sam: I'll call Priya on Monday, I guess. Honestly I'm worried it goes badly again.\n"
    b"Coach: Mm-hmm. And if she says no?\n"
    b"Sam: yeah maybe I could ask Tom to lead it, we'll see"
)
"""A few turns that take every path of an analysis: a commitment with a hedge, a feeling, an idea."""


def warm_up() -> None:
    """Analyse a few made-up turns now, so the coach's first analysis waits for nothing that loads
    once: the embedding model (about 3 s on 2 cores), the readers' weights and vocabulary, and the
    first run of each step (measured: `python -m eval.bench browser`, right after start)."""
    from assistant.analysis import analyze_offline_checked  # the app's path: the engine and its guards
    from assistant.ingest import parse_bytes

    analyze_offline_checked(parse_bytes(_WARM_UP_SESSION, "warm-up.txt"))


def clear_caches() -> None:
    """Forget memoised text work (benchmarks measure a first analysis, not a repeated one)."""
    from assistant.analysis.offline.emotions import _read_emotions
    from assistant.analysis.offline.lexicon import _hedges_in
    from assistant.analysis.offline.talk import _cue_matches
    from assistant.analysis.textspan import _folded_with_map

    _cue_matches.cache_clear()
    _hedges_in.cache_clear()
    _folded_with_map.cache_clear()
    _read_emotions.cache_clear()


def label_utterances(transcript: Transcript, *, learned: bool = True) -> list[tuple[Utterance, Reading]]:
    """Each client (or notes) utterance with its reading, in order.

    The rules read every utterance. The learned readers (on unless REFLECT_LEARNED_READERS=0) also
    read each client utterance: its talk type where no rule speaks or they overrule one
    (`RULE_STANDS`), and an emotion read from an event; the rules keep the hedges and the
    commitments."""
    readings = []
    contexts = []
    previous_coach: str | None = None
    for utterance in transcript.utterances:
        if utterance.role == "coach":
            previous_coach = utterance.text
        elif utterance.role in _SPEAKS_FOR_CLIENT:
            readings.append(
                (utterance, read_utterance(utterance.text, previous_coach, notes=utterance.role == "notes"))
            )
            contexts.append(previous_coach or "")
    if learned and learned_readers_on():
        replies = coach_after(transcript)
        _read_learned(readings, contexts, [replies.get(u.index, "") for u, _ in readings])
    return readings


def _read_learned(readings: list[tuple[Utterance, Reading]], contexts: list[str], replies: list[str]) -> None:
    """Let the learned readers settle talk type and emotion of each client utterance, in place."""
    from assistant.analysis import learned

    client = [n for n, (u, _) in enumerate(readings) if u.role == "client"]
    if not client:
        return
    guesses = learned.read_turns(
        [readings[n][0].text for n in client], [contexts[n] for n in client], [replies[n] for n in client]
    )
    for n, guess in zip(client, guesses, strict=True):
        readings[n][1].learned = guess


def analyze_offline(transcript: Transcript) -> Analysis:
    started = time.perf_counter()
    readings = label_utterances(transcript)
    by_index = {u.index: r for u, r in readings}
    utterances = [_analyzed(u, by_index.get(u.index)) for u in transcript.utterances]
    found = _commitments(transcript, readings)
    found_ideas = _ideas(transcript, found)
    ideas = [_idea(f"I{n}", f) for n, f in enumerate(found_ideas, 1)]
    commitments = [_commitment(f"C{n}", f, ideas) for n, f in enumerate(found, 1)]
    emotions = _emotions(readings)
    plan = draft_plan(transcript, utterances, commitments, ideas)
    meta = AnalysisMeta(
        backend="offline",
        model=engine_version(),
        backend_reason="",
        stages={"offline": StageUsage(seconds=time.perf_counter() - started)},
    )
    return Analysis(
        source=transcript.source,
        utterances=utterances,
        ideas=ideas,
        emotions=emotions,
        valence_series=valence_series(transcript.utterances, emotions),
        commitments=commitments,
        plan=plan,
        meta=meta,
    )


def _analyzed(utterance: Utterance, reading: Reading | None) -> AnalyzedUtterance:
    if reading is None or utterance.role != "client":
        return AnalyzedUtterance(**utterance.model_dump())
    talk, darncat, strength, probability = reading.talk, reading.darncat, reading.strength, None
    guess = reading.learned
    if guess is not None:
        if rule_stands(reading.talk, guess.talk_probabilities):
            probability = guess.talk_probabilities.get(talk)
        else:
            talk, probability = guess.talk, guess.talk_probabilities.get(guess.talk)
            if talk != reading.talk or darncat is None:
                darncat = guess.darncat
                strength = 0 if darncat is None else (1 if reading.hedges else BASE_STRENGTH[darncat])
    return AnalyzedUtterance(
        **utterance.model_dump(),
        talk=talk,
        darncat=darncat,
        strength=strength,
        hedges=reading.hedges,
        talk_probability=probability,
    )


RULE_STANDS = 0.3
"""A rule's change or sustain reading stands unless the learned reader gives it less than this
probability; where no rule speaks, the learned reader decides. Chosen on out-of-fold predictions
with each writer of the corpus held out in turn: talk macro-F1 0.608 there, the same as the learned
reader alone, while the rules' exact cues keep their word on speech like the gold sessions'."""


def rule_stands(ruled: str, probabilities: Mapping[str, float]) -> bool:
    """Whether the rules' talk type is the one shown, given the learned reader's probabilities (the
    one decision the engine and the readers' cross-validation share)."""
    return ruled != "neutral" and probabilities.get(ruled, 0.0) >= RULE_STANDS


def _commitments(
    transcript: Transcript, readings: list[tuple[Utterance, Reading]] | None = None, *, checked: bool = True
) -> list[Found]:
    """Every client intention, restatements merged, firmest first (see rank_commitments); with the
    learned readers on (and `checked`), only those the intention reader takes for one, and, given the
    turns' `readings`, those the talk reader hears where no rule has words for one (heard.py)."""
    from assistant.analysis.offline.commitments import rank_commitments

    asked = coach_before(transcript)
    found: list[Found] = []
    for utterance in transcript.utterances:
        if utterance.role in _SPEAKS_FOR_CLIENT:
            question = asked[utterance.index] or None
            found += commitments_in(utterance, question, notes=utterance.role == "notes")
    if checked and readings is not None and learned_readers_on():
        from assistant.analysis.offline.heard import asked_when, heard_commitments

        ruled = {f.utterance.index for f in found}
        heard = heard_commitments(readings, [asked[u.index] for u, _ in readings], ruled)
        asked_when(heard, found, transcript.utterances)  # "When?" "Tomorrow.": the step asked about
        found += heard
    ranked = rank_commitments(found)
    # A yes to an action the coach named is the rules' exact reading; the reader judges the rest.
    judged = [f for f in ranked if f.heard is None and not answers_the_coach(f, asked[f.utterance.index])]
    if checked and judged and intention_reader_on():
        from assistant.analysis.learned import intentions

        keep = intentions.stated(
            [f.quote.text for f in judged], [asked[f.utterance.index] for f in judged], [f.level for f in judged]
        )
        dropped = {id(f) for f, kept in zip(judged, keep, strict=True) if not kept}
        ranked = [f for f in ranked if id(f) not in dropped]
    return [f for f in ranked if not foretells_a_scene(f)] if checked else ranked


def coach_before(transcript: Transcript) -> dict[int, str]:
    """The coach's last turn before each client (or notes) utterance, "" when there is none."""
    asked: dict[int, str] = {}
    previous_coach = ""
    for utterance in transcript.utterances:
        if utterance.role == "coach":
            previous_coach = utterance.text
        elif utterance.role in _SPEAKS_FOR_CLIENT:
            asked[utterance.index] = previous_coach
    return asked


def coach_after(transcript: Transcript) -> dict[int, str]:
    """The coach's next turn after each client utterance (it may answer several in a row), "" when
    the coach says nothing more: what the coach heard is a clue to what was felt."""
    replies: dict[int, str] = {}
    waiting: list[int] = []
    for utterance in transcript.utterances:
        if utterance.role == "coach":
            replies.update(dict.fromkeys(waiting, utterance.text))
            waiting = []
        elif utterance.role == "client":
            waiting.append(utterance.index)
    replies.update(dict.fromkeys(waiting, ""))
    return replies


def commitment_candidates(transcript: Transcript) -> list[Found]:
    """The commitment rules' own findings, before the intention reader takes any away: what it
    learns from (`eval/train_intentions.py`) and what a model's levels are checked against."""
    return _commitments(transcript, checked=False)


def intention_reader_on() -> bool:
    """The intention reader checks the rules' commitments when the learned readers run and its
    weights ship (a checkout trained before it existed reads by the rules alone)."""
    if not learned_readers_on():
        return False
    from assistant.analysis.learned import intentions

    return intentions.shipped()


def _ideas(transcript: Transcript, commitments: list[Found]) -> list[FoundIdea]:
    chosen = [(f.utterance.index, f.action) for f in commitments if f.level != "resisting"]
    found: list[FoundIdea] = []
    for utterance in transcript.utterances:
        for idea in ideas_in(utterance):
            later = transcript.utterances[utterance.index + 1 :]
            settle_status(idea, later, chosen)
            found.append(idea)
    return found


def _idea(idea_id: str, found: FoundIdea) -> Idea:
    return Idea(
        id=idea_id,
        text=found.text.text,
        raised_by=found.raised_by,  # type: ignore[arg-type]
        status=found.status,
        evidence=[Evidence(utterance=found.utterance.index, quote=found.quote.text)],
    )


def _commitment(commitment_id: str, found: Found, ideas: list[Idea]) -> Commitment:
    from assistant.analysis.offline.heard import heard_confidence
    from assistant.analysis.offline.phrases import content_words

    words = content_words(found.action)
    idea = next((i.id for i in ideas if i.status == "chosen" and len(words & content_words(i.text)) >= 2), None)
    return Commitment(
        id=commitment_id,
        action=found.action,
        level=found.level,
        darncat=found.reading.darncat,
        confidence=confidence_of(found.level) if found.heard is None else heard_confidence(found.heard),
        hedges=distinct_hedges(found.reading.hedges),
        evidence=[Evidence(utterance=found.utterance.index, quote=found.quote.text)],
        idea=idea,
    )


def _emotions(readings: list[tuple[Utterance, Reading]]) -> list[EmotionalSignal]:
    """Emotions named in words (the lexicon, quoting the words), and, unless the coach turned inferred
    emotions off, where no emotion word is used at all (not even negated: "I'm not worried"), the
    emotion the learned reader reads from the event or situation described (marked inferred)."""
    from assistant.settings import get_settings

    infer = get_settings().inferred_emotions
    emotions: list[EmotionalSignal] = []
    for utterance, reading in readings:
        signals = read_emotions(utterance.text, notes=utterance.role == "notes")
        for signal in signals:
            emotions.append(
                EmotionalSignal(
                    id=f"E{len(emotions) + 1}",
                    emotion=signal.emotion,
                    valence=EMOTION_VALENCE[signal.emotion],
                    intensity=signal.intensity,
                    evidence=[Evidence(utterance=utterance.index, quote=signal.quote.text)],
                )
            )
        guess = reading.learned if infer else None
        if guess is not None and guess.emotion is not None and not names_an_emotion(utterance.text):
            emotions.append(_inferred(f"E{len(emotions) + 1}", utterance, guess.emotion, guess))
    return emotions


_INFERRED_QUOTE_WORDS = 40
_SAYS_SOMETHING = 4
"""Words a sentence needs to be quoted alone as the evidence of an inferred feeling."""


def _inferred(signal_id: str, utterance: Utterance, emotion: Emotion, guess: TurnReading) -> EmotionalSignal:
    """A signal read from what happened rather than from an emotion word. The quote is the
    utterance itself, or its longest sentence when the utterance is long: of the sentences in the
    turn's last words when the feeling was read there (verbatim either way)."""
    probability = guess.emotion_probability
    quote = utterance.text.strip()
    if len(quote.split()) > _INFERRED_QUOTE_WORDS:
        spans = sentences(utterance.text)
        if guess.felt_at_end:
            from assistant.analysis.learned import end_start

            start = end_start(utterance.text)
            # not a lone "Yeah." closing the turn: the feeling was read from the words around it
            spans = [s for s in spans if s.end > start and len(s.text.split()) >= _SAYS_SOMETHING] or spans
        quote = max(spans, key=lambda s: len(s.text)).text.strip()
    return EmotionalSignal(
        id=signal_id,
        emotion=emotion,
        valence=EMOTION_VALENCE[emotion],
        intensity=1 if probability < 0.75 else 2,
        evidence=[Evidence(utterance=utterance.index, quote=quote)],
        inferred=True,
        probability=round(probability, 3),
    )
