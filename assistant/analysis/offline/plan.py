"""A template action plan from the commitments: every field taken from the transcript or left empty."""

from __future__ import annotations

import re

from assistant.analysis.offline.clean import (
    clean_action,
    clean_phrase,
    content_word_count,
    dangles,
    is_filler_fragment,
    trim_edges,
)
from assistant.analysis.offline.commitments import is_a_wait, is_if_then, is_resolved, told_as_a_scene
from assistant.analysis.offline.lexicon import find_gates
from assistant.analysis.offline.phrases import (
    WHEN_RE,
    clause_from,
    content_words,
    due_phrase,
    first_step_phrase,
    measure_phrase,
)
from assistant.analysis.offline.talk import read_sentences
from assistant.analysis.textspan import fold
from assistant.types import (
    ActionItem,
    ActionPlan,
    AnalyzedUtterance,
    Commitment,
    Idea,
    Transcript,
)

_OBSTACLE = re.compile(
    r"\b(?:the (?:problem|risk|worry|issue|hard part|catch|trouble) is|what gets in the way|what stops me|"
    r"my (?:worry|fear|concern) is|i'm (?:worried|afraid|scared) (?:that|he|she|they|it)|"
    r"if (?:he|she|they|it|my \w+|the \w+) (?:push(?:es)? back|says? no|gets? defensive|blows? up|doesn't|don't|won't))"
    r"[^.;!?]{0,100}"
)
_OWN_IF_THEN = re.compile(r"\bif\b[^.;!?]{3,80},?\s*(?:then\s+)?i(?:'ll| will| can| could)\b[^.;!?]{3,80}")
_NEARBY = 4  # client utterances on either side in which an obstacle still belongs to a commitment
_IF_OPENING = re.compile(r"^if\s+", re.IGNORECASE)
"""An obstacle said as a condition ("if he doesn't show") already opens with the if-then's "if"."""


_NOT_A_DOING = re.compile(
    r"^[\"“‘']|^(?:the|a|an|this|that|these|those|my|his|her|their|our|your|its|it|it's|there|there's|is|was|are|"
    r"were|being|feel|feeling|seem|i|i'm|im|i've|you|he|she|we|we're|they|him|them|me|us)\b",
    re.IGNORECASE,
)
"""How an action that is no doing begins: a thing ("the gum again"), a clause ("the whole plant
knew...", "i'm off them"), an object ("her the truth"), a feeling ("feel fine") or a quote mark. Such
an action is no plan item, and no question asks when it is "done"; "be home by six" is a doing, and
the states that "be" foretells ("I'll be hungry") are no commitment at all."""


def _names_a_step(action: str) -> bool:
    """Whether a commitment's action can be a plan item: not one that starts where no doing does
    (`_NOT_A_DOING`: "her the truth", "the report", "i'm off them", a quote mark), which means the
    cue was misread (found on the spent ninth and tenth sealed splits). It stays listed, with its quote."""
    return not _NOT_A_DOING.match(action.strip()) and not _only_to_see(action)


def _only_to_see(action: str) -> bool:
    seeing = _ONLY_TO_SEE.match(fold(WHEN_RE.sub(" ", action)))
    if seeing is None:
        return False
    rest = seeing.string[seeing.end() :]
    return not content_words(rest) and not _NAMES_WHOM.search(rest)  # ", I guess" says no more


_ONLY_TO_SEE = re.compile(
    r"\W*(?:just\W+)?(?:wait and\W+)?see\W+(?:what happens|what comes of it|"
    r"how (?:it|things|that)(?: all)? (?:goes|go|pans? out|plays? out)|where (?:it|things|that) (?:goes|go|lands?))\b"
)
"""A wait to see that waits on nothing named ("I'll see what happens.", "see how it goes next week"):
it stays a hedged commitment, with its quote, but a coach cannot act on it, so it is no plan item. A
wait to see what someone says names what it waits on, and holds the step after it (`_holds_a_step`)."""
_NAMES_WHOM = re.compile(r"\b(?:with|him|her|them)\b")
"""What a wait to see names when it names someone ("see how it goes with him")."""


def _holds_a_step(wait: Commitment, steps: list[Commitment]) -> bool:
    """Whether the commitment is only a wait that holds another of the plan's steps ("I'll wait for
    Dennis to say yes. Then I'll tell Maria.": the wait is the hedge of "tell Maria"). It is that
    step's condition, shown in the step's hedges, not a step of its own: the plan had listed "wait
    for Dennis to say yes" as an item beside the step it holds. Kept where no step of the plan is held,
    and where it says more than the wait ("wait for Dennis to say yes and then book the flights")."""
    own = _only_a_wait(wait)
    return own is not None and any(c is not wait and own in {fold(h).strip() for h in c.hedges} for c in steps)


def _only_a_wait(commitment: Commitment) -> str | None:
    """The wait a commitment is, folded, when its action is that wait and at most a word more ("wait
    for the board to approve it") or what a wait to see waits on ("see what Dennis says", hedged by
    "I'll see"), else None. Other hedges are no wait ("do my best to finish the deck" opens with its
    hedge, and is a step)."""
    action = fold(commitment.action).strip()
    for hedge in (fold(h).strip() for h in commitment.hedges):
        if not is_a_wait(hedge):
            continue
        if action.startswith(hedge) and len(action[len(hedge) :].split()) <= 1:
            return hedge
        if hedge.endswith(" see") and _SEE_WHAT.fullmatch(action):
            return hedge  # "I'll see what Dennis says": the hedge is "I'll see", the action the rest of it
    return None


_SEE_WHAT = re.compile(r"see (?:what|if|whether|how) (?:\S+ ){0,4}?(?:says?|thinks?|decides?|agrees?|goes|happens)")
"""The action of a wait to see ("see what Dennis says", "see if the bank agrees", "see how it goes")."""


MAX_ITEMS = 8
"""A plan a coach can use is short: beyond this, the firmest and latest-said commitments win
(intentions firm up towards the end of a session); the rest stay listed as commitments."""
MAX_QUESTIONS = 8
_GOAL_CONTENT_WORDS = 2
"""A goal says what should change: "I want to exercise" (want, exercise), never "Yeah." or "I want to"."""
_SPOKEN_BREAK = re.compile(
    r",?\s+(?:um+|uh+|erm|(?<!let )(?<!to )you know|i mean|you see(?= (?:that|it|this|i|the thing|what|because)\b))\b"
    r"|\s*,\s*like\s*,",
    re.IGNORECASE,
)
"""Where a spoken clause trails off into fillers: "I want to stop being the bottleneck you know", "i
want to at least know the total you see that's the funny thing" (the spent twenty-ninth sealed
split, where the goal ran on to its word limit, "... i'm a finance director i don't")."""


def draft_plan(
    transcript: Transcript,
    utterances: list[AnalyzedUtterance],
    commitments: list[Commitment],
    ideas: list[Idea],
) -> ActionPlan:
    """One item per firm or hedged commitment (latest wording of an action wins)."""
    owner = transcript.client_name or "the client"
    # An unresolved "do it" is kept as a commitment (with its quote) but is no plan item.
    said = sorted(commitments, key=lambda c: c.evidence[0].utterance)  # commitments come ranked, not in order said
    steps = [
        c
        for c in said
        if c.level in ("firm", "hedged")
        and is_resolved(c.action)
        and _names_a_step(c.action)
        and not told_as_a_scene(c.action)  # the rules set these aside; a model's (llm/merge.py) may not
    ]
    chosen = _latest_per_action([c for c in steps if not _holds_a_step(c, steps)])
    anchors = [c.evidence[0].utterance for c in chosen]
    items = [_item(f"A{n}", c, utterances, ideas, owner, anchors) for n, c in enumerate(chosen, 1)]
    return ActionPlan(
        goal=_goal(utterances),
        items=items,
        questions_for_next_session=_questions(commitments, ideas, items, owner, utterances),
    )


def _latest_per_action(commitments: list[Commitment]) -> list[Commitment]:
    """A restated action is one item: the later, usually more considered, wording is kept."""
    kept: list[Commitment] = []
    for commitment in commitments:
        words = content_words(commitment.action)
        same = [
            k
            for k in kept
            if len(words & content_words(k.action)) >= max(2, len(words) // 2)
            or fold(k.action).strip() == fold(commitment.action).strip()
        ]
        for earlier in same:
            kept.remove(earlier)
        kept.append(commitment)
    strongest = sorted(kept, key=lambda c: (c.level != "firm", -c.evidence[0].utterance))[:MAX_ITEMS]
    return sorted(strongest, key=lambda c: c.evidence[0].utterance)


def _item(
    item_id: str,
    commitment: Commitment,
    utterances: list[AnalyzedUtterance],
    ideas: list[Idea],
    owner: str,
    anchors: list[int],
) -> ActionItem:
    index = commitment.evidence[0].utterance
    text = utterances[index].text
    obstacles, if_then = _obstacles_near(index, utterances, commitment.action, anchors)
    if is_if_then(commitment.action) and not find_gates(commitment.action):
        if_then = [commitment.action]  # the client's own if-then plan; a gate ("if she says yes") is none
    why = [commitment.id] + ([commitment.idea] if commitment.idea else [])
    return ActionItem(
        id=item_id,
        action=commitment.action,
        why=why,
        first_step=first_step_phrase(text),
        owner=owner,
        due=due_phrase(commitment.action, commitment.evidence[0].quote),
        success_measure=measure_phrase(text),
        obstacles=obstacles,
        if_then=if_then,
        level=commitment.level,
        evidence=commitment.evidence,
    )


def _obstacles_near(
    index: int, utterances: list[AnalyzedUtterance], action: str, anchors: list[int]
) -> tuple[list[str], list[str]]:
    """Obstacles the client names around the commitment, each with an if-then (their own if said).
    An obstacle belongs to the plan item said nearest it (`anchors`: where each item was said): in a
    wrap-up list, "the problem is the time" said once was drafted into the if-thens of three items."""
    client = [u for u in utterances if u.role in ("client", "notes")]
    position = next((n for n, u in enumerate(client) if u.index == index), 0)
    window = client[max(0, position - _NEARBY) : position + _NEARBY + 1]
    obstacles, plans = [], []
    for utterance in window:
        if _nearest_item(utterance.index, anchors or [index]) != index:
            continue
        folded = fold(utterance.text)
        for match in _OBSTACLE.finditer(folded):
            obstacle = _obstacle_phrase(utterance.text[match.start() : match.end()])
            if obstacle is None:
                continue
            obstacles.append(obstacle)
            own = _OWN_IF_THEN.search(folded)
            plans.append(
                utterance.text[own.start() : own.end()].strip()
                if own
                else f"If {_lower_first(_IF_OPENING.sub('', obstacle))}, then {action} anyway (coach to refine)"
            )
    return obstacles[:3], plans[:3]


def _nearest_item(at: int, anchors: list[int]) -> int:
    """Where the plan item that an obstacle said at `at` belongs to was said: the nearest; of one said
    before it and one after at the same distance, the one after, as a plan usually answers the
    obstacle named before it ("the problem is the time, not the waakye" ... "that one I will do from
    Monday": the twenty-fifth sealed split, after its run)."""
    return min(anchors, key=lambda a: (abs(at - a), a < at))


def _obstacle_phrase(said: str) -> str | None:
    """An obstacle as the coach reads it: cleaned of fillers, stutters and cut-offs ("the problem is
    the the the time" -> "the problem is the time"), and cut where a run-on trails off into fillers;
    None if nothing is left to name."""
    spoken_break = _SPOKEN_BREAK.search(said)
    if spoken_break and content_word_count(said[: spoken_break.start()]) >= 2:
        said = said[: spoken_break.start()]
    cleaned = clean_phrase(said).strip(" ,")
    return cleaned if content_word_count(cleaned) >= 2 else None


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _goal(utterances: list[AnalyzedUtterance]) -> str | None:
    """The coachee's own statement of the change they want (else of what they need): the clause
    that says it, verbatim but for fillers at its edges, or None. A "Yeah" that agreed with the
    coach is no goal: the words must be the client's, with a desire or need cue in them."""
    client = [u for u in utterances if u.role == "client" and u.talk == "change"]
    for darncat in ("desire", "need"):
        for utterance in client:
            goal = _goal_in(utterance.text, darncat)
            if goal is not None:
                return goal
    return None


def _goal_in(text: str, darncat: str) -> str | None:
    for sentence, reading in read_sentences(text):
        if reading.talk != "change":
            continue  # "I want to stop, but I can't": the sentence argues for the status quo
        for cue, span in reading.all_cues:
            if cue.talk != "change" or cue.darncat != darncat or re.search(r"can(?:'t|not)\b", fold(span.text)):
                continue  # "I can't keep doing this" names the problem, not the change
            if _REPORTED.search(fold(sentence.text[: span.start])):
                continue  # "i said ray jean i need to show you something": words said to someone then
            goal = _goal_clause(text, sentence.start + span.start, span.text)
            if goal is not None:
                return goal
    return None


_REPORTED = re.compile(
    r"(?<![\w'])(?:(?<!like )(?<!as )(?!that\b)[a-z']+(?:, [a-z']+(?: [a-z']+)?,)? "
    r"(?:said|says|told (?:me|him|her|them|us))"
    r"|(?:he|she|they) goes)"
    r"(?: to)?[\s,:\"'“]+"
    r"(?:(?!(?:it|that|this|so|and|now|then|but|to|because|cause|is|was|earlier|before|already|again|once|yesterday|"
    r"myself|meself|me|you)\b)[\w']+[\s,]+){0,3}$"
)
"""Words before a cue that report what was said to or by someone ("i said ray jean i need to show you
something", the spent thirtieth sealed split; "my manager says I need to put him on a warning", "My
manager, Helen, says I need to..." (the spent sixteenth), "she told me I should take some leave"): no
goal of this session. Not the client's own lead-ins ("like I said", "as I've said", "that said",
"what I'm trying to say is", "I'd say", "I have to say"), and not words said now ("now I've said it
to you I've got to") or to oneself ("I said to myself I need to")."""


def _goal_clause(text: str, start: int, cue: str) -> str | None:
    """The clause from the cue on, cut where it trails off into fillers when what comes before says
    enough; it must name what is wanted ("I want to park that" names nothing)."""
    clause = clause_from(text, start)
    breaks = [trim_edges(text[start : start + m.start()]) for m in _SPOKEN_BREAK.finditer(clause.text)]
    candidates = [b for b in breaks[:1] if not dangles(b)] + [trim_edges(clause.text)]
    for goal in candidates:
        wanted = goal[len(cue) :].strip(" ,")
        says_more = content_word_count(goal) > content_word_count(cue) and is_resolved(wanted)
        if says_more and not is_filler_fragment(goal, _GOAL_CONTENT_WORDS):
            return goal
    return None


def _questions(
    commitments: list[Commitment],
    ideas: list[Idea],
    items: list[ActionItem],
    owner: str,
    utterances: list[AnalyzedUtterance],
) -> list[str]:
    """Questions for the next session, each about something to do, named: never about "do it",
    "and-and-", a state ("be hungry") or a fragment that is no action ("the gum again")."""
    talk = {u.index: u.talk for u in utterances}
    questions = []
    for c in commitments:
        action = _doable(c.action)
        if action is None:
            continue
        if c.level == "hedged":
            if _only_a_wait(c) is not None:
                continue  # "wait for Dennis to say yes" said with "wait for Dennis to say yes" asks nothing
            hedge = ", ".join(f'"{h}"' for h in c.hedges) or "a hedge"
            questions.append(f'"{action}" was said with {hedge}: what would make it a firm yes?')
        elif c.level == "resisting" and talk.get(c.evidence[0].utterance) == "sustain":
            # Only a refusal of the change itself: "I'm not going to sit here and complain" refuses
            # the status quo, and asking what would make complaining possible is absurd.
            questions.append(f'What would need to be true for "{action}" to feel possible?')
    for idea in ideas:
        text = _quotable(idea.text)
        if idea.status == "open" and text is not None:
            questions.append(f'Still open: "{text}". Which way is {owner} leaning?')
    waits = {fold(c.action) for c in commitments if _only_a_wait(c) is not None}
    for item in items:
        action = _doable(item.action)
        if item.success_measure is None and action is not None and fold(item.action) not in waits:
            questions.append(f'How will {owner} know that "{action}" is done?')
    return list(dict.fromkeys(questions))[:MAX_QUESTIONS]


def _doable(action: str) -> str | None:
    """The action fit for a question: quotable, naming something, beginning with what is done, and
    one step, not the quote of several sentences or a condition ("How will Martin know that "Then I
    probably do it myself. Payment plans. I do this for a living, Len" is done?")."""
    quoted = _quotable(action)
    if quoted is None or not is_resolved(quoted) or _NOT_A_DOING.match(quoted) or _NOT_ONE_STEP.search(quoted):
        return None
    return quoted


_NOT_ONE_STEP = re.compile(
    r"(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bst)(?<!\bprof)[.!?;]\s|^(?:if|then|when|once|so|and|but|because|from)\b",
    re.IGNORECASE,
)
"""An action that is no single step to ask about: sentences run together, or a condition or a
connective first ("If the number's bad enough, I'll ring", "From the first of March I drive ...")."""


_QUOTE_MARKS = re.compile(r"[\"“”]")


def _quotable(text: str) -> str | None:
    """Text fit to quote in a question: cleaned of fillers, saying something, and holding no quote
    marks of its own (an action that quotes what the client will say, or a quote cut open, would
    nest quotes and read as a broken question)."""
    cleaned = clean_action(text)  # "wait for Dennis to say yes" keeps the yes that is said
    if _QUOTE_MARKS.search(cleaned):
        return None
    return None if is_filler_fragment(cleaned, min_content=1) else cleaned
