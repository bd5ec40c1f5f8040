"""Commitments from client talk: what the coachee means to do, and how firmly.

Read sentence by sentence: one turn often holds several intentions ("I'll block Fridays. I'll
try to stop email after 8pm."), each with its own level.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from assistant.analysis.offline.clean import clean_action, is_interjection
from assistant.analysis.offline.lexicon import (
    INTENDS,
    PLAN_QUESTION_RE,
    REFUSES,
    SELF_REPAIR,
    UNJOINED,
    WHEN_QUESTION_RE,
    WHOLE_INTENTION,
    clause_cuts,
    doubts_after,
    find_gates,
    find_hedges,
    hedges_holding,
    neighbour_hedges,
)
from assistant.analysis.offline.phrases import WEEKDAY, WHEN_RE, action_after, content_words, when_phrase
from assistant.analysis.offline.rules import expand, rule, rules
from assistant.analysis.offline.talk import Reading, read_sentences
from assistant.analysis.textspan import Span, fold, sentence_around, sentences, spoken
from assistant.types import CommitmentLevel, Utterance

# Which readings state an intention, and at what level before hedges are considered.
_LEVELS: dict[tuple[str, str], CommitmentLevel] = {
    ("change", "commitment"): "firm",
    ("change", "activation"): "firm",
    ("change", "need"): "exploring",
    ("change", "ability"): "exploring",
    ("change", "desire"): "exploring",
    ("sustain", "commitment"): "resisting",
    ("sustain", "desire"): "resisting",
}
_CONFIDENCE: dict[CommitmentLevel, float] = {"firm": 0.8, "hedged": 0.85, "exploring": 0.6, "resisting": 0.75}
_ANAPHOR = re.compile(
    r"^(?:do |doing )?(?:all (?:of )?)?(?:that|it|this|so|the same|them|those|one)\b"  # "do that", "do all of it"
    r"|^\w+ (?:it|that|this|them|so)(?: (?:down|up|out|through|over|again|then))?[.!?]?$"  # "say it", "write it down"
    r"|^do[\s.!?,]*$",  # the object said first ("That I will not do."), or British "Yes, I will do."
    re.IGNORECASE,
)
_OWN_VERB = re.compile(r"^(?!(?:do|doing|that|it|this|so|the same|them|those|one)\b)\w+ ", re.IGNORECASE)
"""An anaphoric action whose verb says something ("volunteer it"), not "do it" or "that"."""
_QUOTATIVE = re.compile(
    r"^(?:be|go),? (?:like|all),? (?:[\"“']|(?:look|so|hey|listen|okay|ok|right|well|no|yes|yeah|you)\b)", re.IGNORECASE
)
"""What the client will say, not what they will do ("I'll be like, 'So, the launch slipped...'"):
the action is the one said before it ("I'll tell him")."""
_THOUGHT = re.compile(
    r"^think,? (?:[\"“']|(?:nah|no|yeah|yes|oh|okay|ok|right|well|why|what|hang on)\b)", re.IGNORECASE
)
"""A thought foretold, not an action: "I'll wake up and I'll think, nah, not today" (the fifteenth
sealed split, after its run: shown as a firm plan item due "today")."""
_WAIT_AND_SEE = re.compile(
    r"^see\b(?:\W+(?:nah|na|eh|then|now|lah|sha|o|oh|man|yeah|ya|ja|no|"
    r"how(?: (?:it goes|it turns out|we go))?))*\W*$",
    re.IGNORECASE,
)
"""A "we'll see" the cue "we'll" reads as a step: a hedge, no action ("tomorrow i go to the clinic eh,
we'll see nah" showed the plan item "see nah": found by a review after the thirty-fifth split's run;
"... after the flush slows down we'll see how" showed "see how", on the spent thirty-ninth). Not
"see how the week goes": over the spent splits that reading matched about ten turns the gold marks
hedged, and a coach reads the hedge in it."""
_ASKS_WHETHER = re.compile(
    r"(?:^|[,;:]\s*|\b(?:so|and|but|then|okay|ok|well|um+|uh+|like)\s+)(?:should|shall|do|can|could|must|may|might)\s+$"
)
"""A question whether to act, its mark left off by speech-to-text ("should i call him on monday"):
the client weighs the step, no intention yet (shown firm, found by the same review)."""
_HYPOTHETICAL = re.compile(
    r"\b(?:hypothetically|in theory|in an ideal world|in a perfect world|if money (?:was|were) no object|if you won)\b"
)
"""A coach question about a world that may not come ("Hypothetically, if the board said yes, what
then?"): the answer waits on it, never firm (shown firm, found by the same review). A what-if about
an obstacle ("What if he says no?") is not one: its answer is an if-then plan, firm by the guide."""
_OPENS_ASKING_WHETHER = re.compile(
    r"^\W*(?:(?:um+|uh+|so|and|okay|ok|well|like)\W+)*(?:should|shall|do|can|could|must|may|might) (?:i|we)\b"
)
"""A bare answer that asks whether ("um shall we book the room monday"): no intention yet."""
_ADVERBIAL_CUE = re.compile(r"^from now on$", re.IGNORECASE)
"""A cue that may close the step it dates ("walks in the evening from now on, thirty minutes"): the
step is said before it, not after (the same review found the action "thirty minutes")."""
_NO_REFUSAL = re.compile(r"^(?:lie|lying|pretend|pretending|cheat|cheating|promise|promising)\b", re.IGNORECASE)
"""Refusing to deceive ("I'm not gonna lie to him") is a value held, and refusing to promise ("i'll
try it i'm not gonna promise you miracles") is a hedge: neither resists a change. Shown as
resisting, the coach was asked what would make lying to him, or promising miracles, feel possible."""
_LAPSE = re.compile(
    r"^(?:(?:probably|definitely|just|still|totally|prob) )?(?:(?:crack|cave|slip up|relapse|fail|give in)\b"
    r"(?! (?:it|a|one|the|open)\b)|(?:chicken out|bottle (?:it|out)|wimp out|cop out|"
    r"lose (?:my|the) nerve|talk myself out)\b)",
    re.IGNORECASE,
)
"""A lapse foretold, not a step: "i'll try i'm not gonna lie i'll probably crack once" (the
twenty-ninth sealed split, after its run: the coach was shown a plan item "crack once", due today,
and asked how they would know it was done), "knowing me I'll chicken out", "I'll probably bottle it".
"I'll crack open the file" and "I'll crack one" are not, nor a decision to leave ("bail on the dinner")."""
_FORETOLD_STATE = re.compile(
    r"^(?:(?:probably|definitely|just|still|totally|all|both|really) )?be (?:late|fine|ok|okay|alright|all right"
    r"|broke|dead|screwed|in trouble|stuck|behind|exhausted|knackered|shattered|sick|ill|wrecked|toast|fired|sacked)\b"
    r"(?! (?:by|before|at|on|for)\b)",
    re.IGNORECASE,
)
"""An outcome foretold, not a step: "if i wait for her we will be late" (the spent twenty-ninth
sealed split, where the coach was shown a firm plan item "be late"), "I'll be fine". No gold
commitment of any split is one. Not "be ready by Friday" nor "be fine for the board at nine"."""
_SCENE = re.compile(r"^\W*be\s+\w+ing\b", re.IGNORECASE)
"""What the client will be in the middle of: "I'll be standing at the printer and she'll go...",
"I'll be climbing the walls", "and then I'll be scrolling". Without a when, a scene or a state
foretold, no commitment: no gold commitment of dev, the old test split or the first sixteen sealed
splits is one, where the rules found 22. With a when it is a plan ("I'll be speaking to Priya on
Monday"), and a refusal is one too ("I won't be coming in behind her checking")."""
_EMPHASIS = re.compile(
    r"^(?:i mean it|i promise(?: you)?|i swear|i really (?:do|will)|honestly|seriously|for real|definitely)[\s.!?,]*$",
    re.IGNORECASE,
)
"""How firmly it is meant, not what will be done ("No, I will, I mean it."): read as a bare "I will",
whose action is the one it refers to, or none (found by the third sealed split's one run)."""
_BARE_TRY = re.compile(
    r"^try(?:,?\s+(?:[A-Z][\w'-]*|"
    r"(?i:ma'?am|mam|madam|miss|sir|mate|boss|coach|bro|love|pet|hen|my (?:love|friend|dear))))?[\s.!?,]*$"
)
"""A try with nothing to try ("I'm going to try, Farah."): a hedged bare "I will", whose action is the
one it refers to, not "try, Farah" (found on the spent tenth sealed split, where it became a plan item),
nor "try, ma'am" (the spent fortieth). A name only when capitalised, and the forms of address a
caption writes in lower case: "try yoga" is a step."""
_AFTER_WHAT = re.compile(r"(?:^|[.!?,;]\s*)(?:(?:and|so|but|um+|uh+|okay|ok|well)\W+)*what\s+$", re.IGNORECASE)
"""A cue said after an opening "what" ("What I'll do at eleven o'clock."): with a "do" or "say"
after it (`_WONDERED`), what the client wonders, not a step (shown as the firm step "do at eleven
o'clock" on the spent fortieth sealed split), unless it opens a pseudo-cleft whose step follows
(`_CLEFT`). "so what i'll call her anyway" is a shrug before a step, and stays one."""
_WONDERED = re.compile(r"^(?:try (?:and|to) )?(?:do|say)\b", re.IGNORECASE)
_CLEFT = re.compile(
    r"^(?:try (?:and|to) )?do\b[^.!?,]{0,40}?(?:\s+is\b(?:\s+is\b)*|\s*,)\W*(?:(?:that|um+|uh+)\b\W*)*",
    re.IGNORECASE,
)
"""The hinge of "What I'll do is call her", "what i'm gonna do tomorrow morning is phone him", "what
I'll do um is is call him friday": the step is after it (its when is in the quote, for the plan)."""
_OWN_CLAUSE = re.compile(r"^(?:i|we)(?:'ll|'m|'d| will| am| shall| would)\b", re.IGNORECASE)
"""A step after the hinge with a cue of its own ("What I'll do is, I'll call her"): that cue says it."""
_PUT_OFF = re.compile(
    r"^(?:wait\b|think (?:about|on|it over)\b|sleep on\b|see(?:\W*$|\s+(?:how|what|if|whether)\b))", re.IGNORECASE
)
"""What a cleft may put off rather than do: "What I'll do is wait and see", "... is think about it",
"... is see how it goes"; not "... is see the doctor", a step."""
_FIRST_PERSON = re.compile(r"\b(?:i|we|me|us)\b|\b(?:i|we)'")
_REPORT_TAG = re.compile(
    r"\b(?:he|she|they)\s+(?:said(?: to (?:me|us))?|says|goes|went|told (?:me|us|him|her|them)|was saying|"
    r"keeps saying|kept saying)\W*$"
)
_EMBEDS_A_REPORT = frozenset((
    "what", "what's", "whatever", "as", "like", "how", "that", "because", "cause", "cos", "since", "until", "till",
    "after", "before", "when", "if", "unless", "and", "but", "or", "so",
))  # fmt: skip
"""Words that make a report part of the client's own sentence: "I'll call him like she said", "I'll
do what she says", "I'll go because they said so"."""


def _someone_elses_report(cue: str, rest: str, turn: str) -> bool:
    """Whether the words after a cue end on who said them, a few words on ("that was her idea no more
    secrets she said", the spent forty-second sealed split, shown as the client's firm step): someone
    else's words reported, not the client's step. Read only after a cue with no "I" or "we" of its
    own (`_FIRST_PERSON`): spoken English ends a step of the client's on who named it ("i'll do the
    stretches she said", the stretches she said to do), and a review found such steps lost, and a
    "probably" said with one lost with it, so a hedged step was shown firm. For the same reason a turn
    with a hedge anywhere keeps the report: "no more late emails he said. if i can manage it. no more
    late emails." had shown the last step firm (the final read)."""
    if _FIRST_PERSON.search(fold(cue)) or find_hedges(turn):
        return False
    folded = fold(rest)
    tag = _REPORT_TAG.search(folded)
    if tag is None:
        return False
    words = re.findall(r"[\w']+", folded[: tag.start()])
    return len(words) <= 4 and not (words and words[-1] in _EMBEDS_A_REPORT)


_CUT_OFF = re.compile(r"\s*(?:(?:just|um+|uh+|er+)[\s,]+)?(?:--|—|–|\.\.\.|…)")
"""An intention broken off as soon as it is said ("I'll just -- right", "I'm going to... I mean")."""


def _asked_itself(sentence: str) -> bool:
    """An intention said as a question: checked aloud ("Then I'll phone her?"), offered ("I'll send
    you a message after thursday?") or scorned ("And now I'm going to tell him he's doing it
    badly?"). Read as any other unless the client takes it back."""
    return sentence.rstrip().endswith("?")


_ENDS_ON_CONTRACTION = re.compile(r"\b(?:i|we)(?:'|’)ll\W*$", re.IGNORECASE)
""""I'll" cannot end a sentence ("Yes, I will." can): a caption that ends on it ("I'm at the office
in rusted bug, I'll") was cut off (the nineteenth sealed split, after its run: a firm "hear me",
taken from the coach's "Can you hear me?")."""
_QUESTION_ACTION = re.compile(
    r"\b(?:will you|are you going to|would you be willing to|are you willing to|are you ready to|can you commit to|"
    r"you'll|would you|could you|can you|do you want to|you want to|you could|what if you)\s+"
)


_SHOULD = re.compile(r"(?:i|we|she|he|they|me) should\b")  # "me": DIALECT_ME (rules/macros.yaml)
_OPTION = re.compile(
    r"(?<!said )(?<!promised )(?<!told \w{2} )(?<!told \w{3} )(?<!told \w{4} )\b(?:i|we) (?:could|would)\b(?!n't| not)"
)
"""The speaker's "I could" or "I would" before a commitment cue in the same sentence: the cue is
weighed as an option ("I could just start checking his claims properly from now on, ... Or I could
have a quiet word": found on the fourteenth sealed split's one run), not stated as a decision. A
promise recalled ("I said I would, so I'm going to call her") is no option."""
_COULD = re.compile(r"\b(?:i|we) could\b(?! not| never)")
_GUESS = re.compile(r"\b(?:guess|suppose|reckon)\b")
_WEIGHED = re.compile(r"\bor\b")


_ALTERNATIVE = re.compile(r"^\W*(?:(?:er+|um+|uh+|erm|well|so|and)\W+)*or\b\W*(?:(?:er+|um+|uh+|erm|or)\W+)*$")
"""A sentence that opens on "or": the step after it is an alternative weighed against the one before,
not a decision ("Or, er, or I ask her to send me a summary Friday afternoon.": shown firm on the
thirty-second sealed split's one run)."""


def _opens_on_or(sentence: Span, cue: Span, before: list[tuple[Span, Reading]]) -> bool:
    """The words before the cue open on "or", or do with the sentence before them when that is only
    "or" ("Or... I'll call her tomorrow.": the transcript's full stop after a pause)."""
    lead = sentence.text[: cue.start]
    if _ALTERNATIVE.match(fold(lead)):
        return True
    return bool(before) and _ALTERNATIVE.match(fold(f"{before[-1][0].text} {lead}")) is not None


_WOULD_SAY = re.compile(r"\b(?:i|we)(?: could| would| might|'d) (?:just )?(?:say|tell (?:her|him|them))\b")
"""Words the client could say, quoted after it: "I could say, we're in, let me talk to Tavita about
the amount." is an option, whatever the quoted words promise (shown firm on the twenty-eighth sealed
split's one run: the clause break at the comma had hidden the "I could")."""


def offers_an_option(sentence: Span, reading: Reading, question: str | None) -> bool:
    """Whether an "I guess I could ..." is offered as what the client will do, which the guide reads
    as hedged (eval/GUIDELINES.md, section 4): it names when ("I guess I could do that Wednesday") or
    answers the coach's question about what they will do or when. An option weighed against another
    ("I guess I could ask Priya, or do it myself") stays exploring. A bare "I could ring him tomorrow"
    stays exploring too: the spent splits' writers marked it either way (measured on 2026-12-04 over
    every spent split: read with the guess, 15 levels that were wrong became right and 2 right ones
    wrong; read for any "I could" naming when, 36 and 33)."""
    if reading.cue is None or not _COULD.search(fold(reading.cue.text)) or _WEIGHED.search(fold(sentence.text)):
        return False
    if not _GUESS.search(_same_clause(fold(sentence.text[: reading.cue.start]))):
        return False
    asked = fold(question or "")
    return bool(
        WHEN_RE.search(sentence.text[reading.cue.end :])
        or PLAN_QUESTION_RE.search(asked)
        or WHEN_QUESTION_RE.search(asked)
    )


_FRONTED_STEP = re.compile(
    r"^\W*(?:(?:so|but|and|then|okay|ok|yes|yeah|right|well|fine|alright)\b,?\s+)*(?P<step>[^,.;:!?]+?),\s*$",
    re.IGNORECASE,
)
_NOT_A_STEP = re.compile(
    r"^(?:if|when|once|after|before|because|unless|until|as soon as|i|we|you|he|she|they|it|that|this|there)\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(r"^(?:the|a|an|my|our|his|her|their|this|that|these|those)\s+", re.IGNORECASE)


def _fronted_step(before: str) -> str | None:
    """The step said first, before a bare intention that takes it up: "Phone in the kitchen, I'll
    try." (the twenty-seventh sealed split, after its run: nothing was shown). At least two words, and
    not a condition ("If he says no, I'll try"), a clause of its own ("he asked, I will"), a name
    alone ("So Effetti, I'll try": who, not what) or a bare noun ("The rest, I will do."). An
    intention cut off ("The Star, I'll") takes up nothing."""
    found = _FRONTED_STEP.match(before)
    if found is None:
        return None
    step = found.group("step").strip()
    named = _DETERMINER.sub("", step).split()  # "The rest, I will do.": nothing named to do
    return step if len(named) >= 2 and not _NOT_A_STEP.match(step) else None


_CESSATION = re.compile(r"(?:i'm|i am|we're) done|no more\b")
"""Cues that end what follows them: the thing they name is what stops ("I'm done with that")."""
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:no|but|so|and|then|actually)\b")
"""Where the words before a cue stop being its clause: "I could do that tonight no I'll do it
tonight" corrects the option; the "I'll" is not weighed by it (fourteenth sealed split, after its run)."""
_IF_THEN = re.compile(r"if\b.*\b(?:i|we) ", re.DOTALL)
"""The cue of an if-then plan (rules: change.commitment.if-then-plan): its trigger and subject."""


@dataclass
class Found:
    """A commitment found in one utterance, before ids are given."""

    utterance: Utterance
    reading: Reading
    level: CommitmentLevel
    action: str
    quote: Span
    heard: float | None = None
    """The learned talk reader's probability where the reader, not a rule, found it (heard.py)."""


def answers_the_coach(found: Found, coach_said: str) -> bool:
    """Whether the commitment is the client's yes to an action the coach's turn ends by asking about
    ("Will you set it up this week?" "Yes."): its own words carry no intention to read, the question
    does. A yes to a summary or a suggestion ("You could review them yourself." "Yeah."), a number
    on a scale and an answer that says what it will do are read as any other words are."""
    return found.reading.cue is None and found.level in ("firm", "hedged") and coach_said.rstrip().endswith("?")


_ENDS_UP = re.compile(r"\band (?:then )?(?:i'll|i will|i'd|i)(?: just)? end up\b", re.IGNORECASE)
"""What the client foresees happening, not what they will do: "I'll sit down to do it and I'll end
up roaring at the kitchen table" (the seventeenth sealed split, after its run: a firm plan item)."""


def told_as_a_scene(action: str) -> bool:
    """Whether an action tells what the client will be in the middle of, with no when (`_SCENE`),
    or how a try will end (`_ENDS_UP`)."""
    return (bool(_SCENE.match(action)) and when_phrase(action) is None) or bool(_ENDS_UP.search(action))


def foretells_a_scene(found: Found) -> bool:
    """Whether an intention foretells a scene, a state or an outcome rather than an action
    (`told_as_a_scene`; a refusal in that form refuses an action). Applied after the intention reader
    (`assistant/analysis/offline/__init__.py`), which learned from the rules' candidates with these
    among them: taking them out before it changes its training examples, and its retraining then
    moved its operating point and cost commitment detection on 15 of 17 splits (measured on
    2026-12-03)."""
    return found.level != "resisting" and told_as_a_scene(found.action)


def commitments_in(utterance: Utterance, previous_coach: str | None, *, notes: bool = False) -> list[Found]:
    """Every intention stated in an utterance: one per sentence, or per clause of a run-on sentence."""
    found: list[Found] = []
    repair = _self_repaired(read_sentences(utterance.text, previous_coach, notes=notes), notes)
    clauses = _clauses(repair.sentences, previous_coach, notes)
    readings = [(span, reading) for span, reading, _ in clauses]
    replaced = _replaced_clauses(readings, repair.corrected)
    # What the client replaced lends no hedge either ("i will try no sorry i will go": the go is firm)
    spans = [Span(span.start, span.start, "") if n in replaced else span for n, (span, _) in enumerate(readings)]
    for n, (sentence, reading) in enumerate(readings):
        if n in replaced:
            continue
        kept = [said for k, said in enumerate(readings[:n]) if k not in replaced]
        instead = _said_instead(sentence, repair.replacing, utterance.text)
        # A step said in place of one taken back ("... tomorrow no wait ... i'll do them wednesday") is
        # the client's own words, not the coach's question's, unless it has none ("I'll try, no sorry, I will.")
        commitment = _commitment(utterance, sentence, reading, None if instead else previous_coach, kept)
        if commitment is None and instead:
            commitment = _commitment(utterance, sentence, reading, previous_coach, kept)
        if commitment is None or _taken_back(spans, n, commitment.level):
            continue
        if instead:  # its quote is what was said in place (the guards read the quote's sentence for hedges)
            commitment.quote = instead
        if reading.evoked and found and not is_resolved(commitment.action) and not commitment.reading.hedges:
            # "I'll try to walk after the handover. [...] Monday, Wednesday, Friday.": the when of the step
            # before, no step (it was shown firm beside the hedged walk); "Saturday maybe" weighs one more
            continue
        if reading.evoked and n > 0:
            _hedged_by_the_answer_so_far(commitment, kept)
        # The clauses of one sentence share what the sentences around it lend ("Maybe. I'll call her
        # and I'll email him."); a later clause holds its own sentence's earlier hedges and lends none back.
        first = n
        while clauses[first][2]:
            first -= 1
        lent = _hedges_beside(spans, first, -1) + _condition_before(spans, first)
        lent += _wait_before(spans, first, sentence.text) + _wait_then(sentence.text, reading)
        last = n  # what follows the sentence ("I'll call her and I'll email him. Probably.") holds all its clauses
        while last + 1 < len(clauses) and clauses[last + 1][2]:
            last += 1
        trailing = _hedges_beside(spans, last, +1) + _wait_after(spans, last) + lent
        if last > first:  # one clause of a run-on sentence: it is the evidence, held by its sentence's hedges
            _as_clause(commitment, sentence)
        if (in_wait := _WAITING_ON.match(fold(commitment.action))) and _meant(fold(commitment.action), in_wait):
            trailing.append(commitment.action[: in_wait.end()])  # "I'm waiting on the bank": a wait, never firm
        if trailing:  # "I'm going to hand it over. Probably." / "Maybe. I'll call her." the hedge is the intention's
            commitment.reading.hedges = list(dict.fromkeys(commitment.reading.hedges + trailing))
            commitment.level = "hedged" if commitment.level == "firm" else commitment.level
        # What the coach reads is the action without "um", "and-and-" or "'cause--", or a hedge that
        # trails it ("call her monday we'll see": the level says it); the quote stays verbatim.
        commitment.action = _without_trailing_hedge(clean_action(commitment.action) or commitment.action)
        found.append(commitment)
    _keep_hedges_in_the_turn(found)
    if previous_coach and _HYPOTHETICAL.search(fold(previous_coach)):
        opening = sentences(utterance.text)[:1]
        for item in found:  # the answer's first sentence; "But realistically I'll talk to him Friday." is real
            if opening and item.quote.start < opening[0].end and item.level == "firm":
                item.level = "hedged"
    _held_by_a_refused_promise(found, utterance.text)
    _hedged_in_dialect(found, utterance.text)
    _held_by_a_closing_condition(found, utterance.text)
    _held_by_a_proposal(found, utterance.text)
    return found


_PROPOSAL = re.compile(
    r"^\W*(?:(?:um+|uh+|er+|so|and|well|okay|ok|like)\W+)*(?P<hedge>maybe|perhaps|possibly)\W+"
    r"(?:if|we could|i could|we can|we try|we agree)\b"
)
"""A sentence that offers an arrangement as a maybe ("Maybe if- if we agree a- a checklist.")."""
_FUTURE_FORM = re.compile(r"'ll\b|\b(?:will|shall|going to|gonna|wanna)\b|\b(?:i'm|i am|we're|we are) \w+ing\b")


def _held_by_a_proposal(found: list[Found], text: str) -> None:
    """The arrangement a turn offers as a maybe, told after it in the present, is the maybe's: "Maybe
    if- if we agree a- a checklist. Like, she sends me only the summary, one page, every Thursday. I
    read the one page. If I see a problem, I ask her." had shown the last as a firm if-then plan (the
    forty-third sealed split, whose writer marks the turn exploring; found after its run). The hold
    runs over the sentences that tell the arrangement and stops at the client's own step in a future
    form ("... I'll propose it on Monday."), a turn away from the offer ("No.", "Actually I've
    decided.", "Anyway, ...") or its end; an offer asked ("Maybe we could look at it next time?") or a
    way of speaking ("Maybe if I'm honest, ...") holds nothing (a final read of the first version)."""
    said = [span for span in sentences(text) if span.text.strip()]
    offer = next((n for n, span in enumerate(said) if _PROPOSAL.match(fold(spoken(span.text).text))), None)
    if offer is None or said[offer].text.rstrip().endswith("?") or _FRANKLY.search(fold(said[offer].text)):
        return
    told = [said[offer]]
    for span in said[offer + 1 :]:
        if _FUTURE_FORM.search(fold(span.text)) or _TURNS_AWAY.search(fold(spoken(span.text).text)):
            break
        told.append(span)
    offered = _PROPOSAL.match(fold(spoken(said[offer].text).text))
    assert offered is not None
    said_so = re.search(rf"\b{offered['hedge']}\b", said[offer].text, re.IGNORECASE)  # the hedge as said
    _hold_firm_steps(
        found,
        [said_so.group() if said_so else offered["hedge"]],
        lambda item: told[0].end <= item.quote.start and item.quote.end <= told[-1].end,
    )


_FRANKLY = re.compile(r"\b(?:maybe|perhaps|possibly) if i(?:'m| am) (?:being )?(?:honest|frank|truthful)\b")
_TURNS_AWAY = re.compile(
    r"^\W*(?:(?:um+|uh+|er+|hmm+|so|and|well)\W+)*(?:no(?! one\b)|nah|nope|actually|anyway|anyways|either way|"
    r"regardless|definitely|for sure|okay|ok|yes|yeah)\b"
    r"|\b(?:(?:i|we)(?:'ve| have)? (?:just |now )?decided|(?:that's|it's|that is|it is) (?:decided|settled)|"
    r"that's the plan|i'm doing that|that's what i want)\b"
)
"""A sentence that turns from the offer to the client's own decision: "No.", "Anyway", "Either way",
"OK.", "I've decided", "That's what I want." (not "No one else sees it" nor "which she decided on")."""


_REFUSED_PROMISE = tuple(
    rule(rule_id).regex()
    for rule_id in (
        "hedge.no-promises",
        "hedge.cant-promise",
        "hedge.cant-promise-unpunctuated",
        "hedge.not-promising",
        "hedge.im-not-promising",
        "hedge.no-guarantees",
        "hedge.dont-hold-me-to",
        "hedge.me-cant-promise",
    )
)
"""Hedges that refuse a promise ("I can't promise anything", "no promises", "don't hold me to it")."""
_NAMES_ITS_OWN = re.compile(
    r"\s+(?:(?:you|ya|yuh)\s+)?(?:that\s+)?(?:"
    r"(?:i|we|she|he|they|it|this|you|the \w+)(?:'ll|'d|'s|'re| will| would| can| could| is| are| was| goes| gets|"
    r" works| wo|\s+\w+s\b)|every\b|on\b|about\b|for\b|miracles\b|results?\b|the (?:outcome|result)\b)"
)
"""A refusal that names an outcome of its own, a clause or a scope: "I'm not promising it works", "I
can't promise every day", "I'm not promising I'll know what to say" refuse something other than the
step beside them (the spent twenty-third and twenty-ninth splits mark "two nights a week I will be
there" and "I'll do it." firm beside them). Anything else after it ("anything", "you that", "much",
"nutten", nothing at all) refuses the answer itself."""
_SOMEONE_ELSES = re.compile(
    r"(?:\b(?:he|she|they|you|it|hr)\s+|\b(?:said|says|say|made|gave|offered|offers)\s+(?:(?:me|us|him|her|them)\s+)?)$"
)
"""Words before a refusal that make it someone else's: "HR can't promise anything yet", "my old boss
said no promises" (found by the final review of the refused-promise rule)."""
_HOLD_ME_TO_IT = re.compile(r"\s*(?:(?:it|that|this|them)\b|[.,!?;]|$)")
""""Don't hold me to it", not "my team don't hold me to account"."""


def _held_by_a_refused_promise(found: list[Found], text: str) -> None:
    """A firm step in a turn that anywhere refuses a promise of the answer itself is hedged: "I'll
    call her Saturday. But you know, I can't promise anything, work is busy..." had been firm, as a
    hedge in the next sentence holds a step only when that sentence is short or opens on it (found
    reviewing the thirty-second split's mends). The safe side: a hedge is never shown firm."""
    folded = fold(text)
    refusals = [
        text[m.start() : m.end()]
        for pattern in _REFUSED_PROMISE
        for m in pattern.finditer(folded)
        if not _SOMEONE_ELSES.search(folded, 0, m.start())
        and (
            _HOLD_ME_TO_IT.match(folded, m.end())
            if m.group(0).endswith(" to")
            else not _NAMES_ITS_OWN.match(folded, m.end())
        )
    ]
    _hold_firm_steps(found, refusals, lambda _: True)


_ME_VOICE_HEDGES = tuple(
    rule(rule_id).regex() for rule_id in ("hedge.me-voice", "hedge.me-cant-promise", "hedge.nuh-sure")
)
_OPENED_BY_ME = re.compile(r"^\W*me\b")


def _hedged_in_dialect(found: list[Found], text: str) -> None:
    """A firm step opened by "me" (`DIALECT_ME`) is hedged by a hedge in the same voice anywhere in
    its turn ("Me will call her Saturday. But yuh know, work busy and di pickney dem sick, so me nuh
    sure."): the neighbouring-sentence rule reads a hedge only beside the step, and a speaker who
    says "me" for "I" hedges in that voice, not in the records' English ("can't promise anything")."""
    folded = fold(text)
    hedges = [text[m.start() : m.end()] for pattern in _ME_VOICE_HEDGES for m in pattern.finditer(folded)]
    _hold_firm_steps(found, hedges, _opened_by_me)


def _held_by_a_closing_condition(found: list[Found], text: str) -> None:
    """A turn that ends on a condition of the speaker's own, with no main clause ("then i send it to
    sheku. by email not whatsapp. whatsapp he reads and forgets. if i have the courage"), holds the
    step said nearest before it: the neighbouring-sentence rule reads an afterthought only a
    sentence or two past its step (found on the spent thirty-ninth sealed split, whose writer marks
    the step hedged). A closing "We'll see." or "Yeah." after the condition is stepped over. Only the
    speaker's own condition (`_OWN_CONDITION`), one the hedges know, read as `spoken` spells it ("if
    im brave enough"); not a plan of its own ("if i miss him i try again tuesday"), a manner of
    speaking ("if I can be honest", "if I remember rightly"), nor a condition on someone else ("if
    she goes down before nine"), which holds only the step beside it. The hedge shown is the
    condition as said, and the condition is no step of its own."""
    said = [span for span in sentences(text) if span.text.strip() and not is_interjection(span.text)]
    while said and _BARE_HEDGE.match(fold(said[-1].text)):
        said.pop()
    if len(said) < 2:
        return
    closing = said[-1]
    condition = _SEE_AT_THE_END.sub("", spoken(closing.text).text)
    if not _OWN_CONDITION.match(condition) or _INTENTION.search(condition) or not find_hedges(condition):
        return
    before = [item for item in found if item.quote.end <= closing.start]
    if before:
        held = max(before, key=lambda item: item.quote.end)
        _hold_firm_steps([held], [closing.text.strip()], lambda _: True)
        # The condition is the step's, not a step of its own: "If I can." had been shown beside the
        # gym it holds as "book the gym for Tuesday", exploring (the readers retrained with the
        # forty-first and forty-second sealed splits let it through). A step the condition names
        # itself stays ("if i can manage thursday as well").
        found[:] = [
            item
            for item in found
            if not (closing.start <= item.quote.start < closing.end and item.action == held.action)
        ]


def _opened_by_me(item: Found) -> bool:
    return item.reading.cue is not None and _OPENED_BY_ME.match(fold(item.reading.cue.text)) is not None


def _hold_firm_steps(found: list[Found], hedges: list[str], held: Callable[[Found], bool]) -> None:
    """Each firm step that `held` picks is hedged by the first of the turn's hedges (none: nothing)."""
    if not hedges:
        return
    for item in found:
        if item.level == "firm" and held(item):
            item.level = "hedged"
            item.reading.hedges = list(dict.fromkeys(item.reading.hedges + hedges[:1]))


@dataclass
class _Repair:
    """An utterance's sentences with each self-correction that replaces an intention cut at it."""

    sentences: list[tuple[Span, Reading]]
    corrected: list[tuple[int, int]] = field(default_factory=list)
    """Where the words each correction takes back lie (start and end in the utterance)."""
    replacing: list[tuple[int, int]] = field(default_factory=list)
    """Where the words said in their place lie."""


def _self_repaired(readings: list[tuple[Span, Reading]], notes: bool) -> _Repair:
    """The sentences, each one in which a self-correction (`SELF_REPAIR`: "i'll do the numbers
    tomorrow no wait tomorrow's the wine rep i'll do them wednesday", "ha i will try no sorry i will
    go", the twentieth and thirtieth sealed splits after their runs, shown as "do the numbers tomorrow
    no wait tomorrow's the wine rep" and a hedged "try no sorry") replaces an intention cut at it: the
    words before it in its sentence, or the sentence before a correction said as a sentence of its
    own ("I'll go cry in my car. No, sorry. I'll ask him..."). Only an intention said after the
    correction replaces one: in "i'll call him tomorrow no wait thursday" the call stands (its quote
    shows the correction), and a corrected name ("If Marisol, no, sorry, if Maritza can take her,
    then I'll...") replaces nothing; such sentences are read whole, as before."""
    repair = _Repair([])
    for n, (span, reading) in enumerate(readings):
        cut = SELF_REPAIR.search(fold(span.text))
        if cut is None or (not span.text[cut.end() :].strip() and n + 1 >= len(readings)):
            repair.sentences.append((span, reading))
            continue
        before = _read_part(span, 0, cut.start(), notes)
        rest = _self_repaired(_read_part(span, cut.end(), len(span.text), notes), notes)
        if not any(_intends(r) for _, r in rest.sentences or readings[n + 1 : n + 2]):
            repair.sentences.append((span, reading))
            continue
        if any(_intends(r) for _, r in before):
            repair.corrected += [(before[0][0].start, before[-1][0].end), *rest.corrected]
            if rest.sentences:  # else the next sentence says what replaces it, quoted as itself
                repair.replacing += [(rest.sentences[0][0].start, span.end), *rest.replacing]
            repair.sentences += before + rest.sentences
            continue
        if not before and repair.sentences and _intends(repair.sentences[-1][1]):  # "No, sorry." said alone
            repair.corrected.append((repair.sentences[-1][0].start, repair.sentences[-1][0].end))
        repair.sentences.append((span, reading))
    return repair


def _said_instead(sentence: Span, replacing: list[tuple[int, int]], text: str) -> Span | None:
    """The words said in place of ones taken back that hold a sentence, as a span of the utterance."""
    for start, end in replacing:
        if start <= sentence.start and sentence.end <= end:
            end = len(text[:end].rstrip())
            return Span(start, end, text[start:end])
    return None


def _read_part(sentence: Span, start: int, end: int, notes: bool) -> list[tuple[Span, Reading]]:
    """A stretch of a sentence read as sentences of its own, as spans of the utterance."""
    text = sentence.text[start:end]
    return [
        (Span(sentence.start + start + part.start, sentence.start + start + part.end, part.text), reading)
        for part, reading in read_sentences(text, None, notes=notes)
        if part.text.strip(" ,.!?;:-")
    ]


def _intends(reading: Reading) -> bool:
    """Whether a reading states an intention at some level (`_LEVELS`)."""
    return (reading.talk, reading.darncat) in _LEVELS


def _replaced_clauses(readings: list[tuple[Span, Reading]], corrected: list[tuple[int, int]]) -> set[int]:
    """Which clauses a correction takes back: of the words it corrects, the last clause that states an
    intention, the one said just before it ("i'll call him and i'll email her no wait i'll text her":
    the email, not the call)."""
    replaced = set()
    for start, end in corrected:
        within = [n for n, (span, reading) in enumerate(readings) if start <= span.start and span.end <= end]
        stating = [n for n in within if _intends(readings[n][1])]
        if stating:
            replaced.add(stating[-1])
    return replaced


_RETRACTION = re.compile(r"^\W*(?:no|nah|nope)\b")
"""A sentence that takes back the one before: "No. Not on the phone.", "No, I'll go and see her"."""


def _taken_back(spans: list[Span], n: int, level: CommitmentLevel) -> bool:
    """An intention the client takes back at once: asked aloud and answered no ("Then I'll phone her?
    No. Not on the phone.", the nineteenth sealed split, after its run: shown as a firm "phone her"),
    or refused in the next sentence with nothing else said ("I'll ask him Monday. Actually no, I
    won't.", shown as a firm plan item until engine code version 81). A refusal said again ("I'm not
    going to start on his car. I'm not.") takes nothing back."""
    if n + 1 >= len(spans):
        return False
    if _asked_itself(spans[n].text):
        return bool(_RETRACTION.match(fold(spans[n + 1].text)))
    after = _next_said(spans, n, +1)
    if after is None or level == "resisting":
        return False
    refusal = fold(spans[after].text)
    if _RETRACTION.fullmatch(refusal.strip(" .!")) and (further := _next_said(spans, after, +1)) is not None:
        refusal = f"{refusal} {fold(spans[further].text)}"  # "No. I won't."
    return bool(_REFUSED_AT_ONCE.fullmatch(refusal.strip()))


_REFUSED_AT_ONCE = re.compile(
    r"(?:(?:actually|no|nah|nope|hmm|um|uh|well|wait|oh)\W+)*"
    r"(?:i (?:won't|wont|will not|can't|cant|cannot)|i'm not(?: going to| gonna)?|i am not(?: going to| gonna)?"
    r"|i'm not doing that|forget (?:it|that)|scratch that|never mind|nevermind)\W*"
)
"""A sentence that is only a refusal of the intention before it, nothing new said ("Actually no, I
won't.", "No. I won't.", "Actually, forget it."): "No, I won't wait, I'll ask him today" says more."""


def _hedged_by_the_answer_so_far(item: Found, before: list[tuple[Span, Reading]]) -> None:
    """A later item of an answer to a planning question, with no cue of its own, is held by a hedge
    said before it in the answer as a frame of its own: "I guess... I'd talk to her afterwards. Go
    through what happened with her, one to one." and "I'll give it a go. Monday to Thursday, nothing."
    are one hedged plan, not a firm step beside a hedged one (dev and the spent fifth and eighth
    splits). So does any hedge of the answer's first sentence, however long. A later item's hedge
    ("Speak-up line maybe Monday morning. Gary on Monday.") holds only that item."""
    framing = [h for n, (span, reading) in enumerate(before) if n == 0 or _frames(span.text) for h in reading.hedges]
    if framing:
        item.reading.hedges = list(dict.fromkeys(framing + item.reading.hedges))
        item.level = "hedged" if item.level == "firm" else item.level


_FRAME_WORDS = 6
"""The most words a framing sentence has: "I'll give it a go." frames, an item says more."""


def _frames(sentence: str) -> bool:
    """A short sentence that names no time frames the answer ("I'll give it a go.", "I guess..."); an
    item names its when ("Speak-up line maybe Monday morning.")."""
    return len(sentence.split()) <= _FRAME_WORDS and not WHEN_RE.search(sentence)


def _same_clause(before: str) -> str:
    """The words before a cue that belong to its clause: those after the last clause break."""
    breaks = list(_CLAUSE_BREAK.finditer(before))
    return before[breaks[-1].end() :] if breaks else before


def _keep_hedges_in_the_turn(found: list[Found]) -> None:
    """A firm saying of an action the client hedges in the same turn stays hedged.
    - Hedged first: "i'll maybe have a look i'm no promising anything but aye. I'll have a look at
      the website." (found on the fourteenth sealed split's one run): saying it again does not lift
      the hedge, as insisting does not ("I'll probably call her. No, I will.").
    - Hedged after a firm answer naming the step: "What's the first step?" "Phone Johan. [...] I'll
      probably phone him, um, next week some time." (the seventeenth sealed split, after its run):
      the second saying is how firmly the step is meant. Only the same verb with a pronoun for its
      object counts as the same step here (`_names_it_again`)."""
    for n, item in enumerate(found):
        if item.level != "firm":
            continue
        earlier = next(
            (f for f in found[:n] if f.level == "hedged" and f.reading.hedges and _says_again(item.action, f.action)),
            None,
        )  # hedged by words the client said: an answer hedged only because the question held the intention lends none
        later = (
            next((f for f in found[n + 1 :] if f.level == "hedged" and _names_it_again(f.action, item.action)), None)
            if item.reading.evoked
            else None
        )
        if hedged := earlier or later:
            item.level = "hedged"
            item.reading.hedges = list(dict.fromkeys(hedged.reading.hedges + item.reading.hedges))


_SAID_AGAIN_OBJECT = re.compile(r"^\W*(\w+)\s+(?:him|her|them|it|that|this)\b", re.IGNORECASE)


def _names_it_again(later: str, earlier: str) -> bool:
    """The later action is the earlier one's verb with a pronoun for its object ("phone him" after
    "Phone Johan")."""
    again = _SAID_AGAIN_OBJECT.match(later)
    words = earlier.split()
    return bool(again and words and again.group(1).lower() == words[0].lower())


def _says_again(later: str, earlier: str) -> bool:
    """The later action is the earlier one, or it with more said about it ("have a look" and "have
    a look at the website"), or most of its content words."""
    a, b = fold(later).strip(" ."), fold(earlier).strip(" .")
    return a == b or bool(b and a.startswith(b + " ")) or _shares_most_words(a, b)


_INTENTION = re.compile(rf"\b{INTENDS}")
_STATED = re.compile(rf"\b(?:{INTENDS}|{REFUSES})")
"""An intention or a refusal: either starts a clause of its own in a run-on sentence."""


def _clauses(
    readings: list[tuple[Span, Reading]], previous_coach: str | None, notes: bool
) -> list[tuple[Span, Reading, bool]]:
    """Sentences that state several intentions, split into one clause each, marked True when a
    clause goes on the sentence of the one before it. A later clause keeps the hedges of the ones
    before it ("I'll try to call her and then I'll email him": both are tries); a hedge in a later
    clause stays there ("... and then i'll probably get the bloods done"), unless it ends the
    sentence ("I'll call her and I'll email him, I think": both)."""
    split: list[tuple[Span, Reading, bool]] = []
    for n, (sentence, reading) in enumerate(readings):
        cuts = _cuts(sentence.text, reading)
        if reading.darncat is None or not cuts:
            split.append((sentence, reading, False))
            continue
        hedges: list[str] = []
        pieces: list[tuple[Span, Reading, bool]] = []
        starts, ends = [0] + [m.end() for m in cuts], [m.start() for m in cuts] + [len(sentence.text)]
        for start, end in zip(starts, ends, strict=True):
            text = sentence.text[start:end].rstrip(" ,")
            question = previous_coach if n == 0 and start == 0 else None
            for clause, clause_reading in read_sentences(text, question, notes=notes):
                clause_reading.hedges = list(dict.fromkeys(hedges + clause_reading.hedges))
                hedges = clause_reading.hedges
                at = sentence.start + start + clause.start
                pieces.append((Span(at, at + len(clause.text), clause.text), clause_reading, start > 0))
        ending = _ending_hedges(sentence.text)
        for _, clause_reading, _ in pieces:
            clause_reading.hedges = list(dict.fromkeys(clause_reading.hedges + ending))
        split += pieces
    return split


def _cuts(text: str, reading: Reading) -> list[re.Match[str]]:
    """Where another intention starts: only at a cue the whole sentence's reading kept, so what an
    exception or quoted speech holds ("otherwise, I'll...", 'she goes "I'll sort it"') is no clause."""
    folded = fold(text)
    kept = {span.start for cue, span in reading.all_cues if cue.darncat == "commitment"}
    cuts: list[re.Match[str]] = []
    for match in clause_cuts(folded):
        since = cuts[-1].end() if cuts else 0
        said = _STATED.search(folded, match.end())
        before = folded[since : match.start() + 1]
        whole = WHOLE_INTENTION.search(before) if match.re is UNJOINED else _STATED.search(before)
        if said is not None and said.start() in kept and whole:
            cuts.append(match)  # "if she agrees, I'll..." stays one clause with its condition
    return cuts


def _as_clause(commitment: Found, clause: Span) -> None:
    """One clause of a run-on sentence as a commitment of its own: its quote is the clause ("i'm going
    to book the room for thursday"), and it holds every hedge of its sentence but one that opens a later
    intention (`hedges_holding`, as the guards read it). Where such a hedge is said outside the clause,
    the quote is the whole sentence, so the coach sees it."""
    sentence = commitment.quote
    held = hedges_holding(sentence.text, clause.end - sentence.start)
    commitment.reading.hedges = list(dict.fromkeys(commitment.reading.hedges + held))
    if held and commitment.level == "firm":
        commitment.level = "hedged"
    said, own = fold(sentence.text), fold(clause.text)
    if not [h for h in commitment.reading.hedges if fold(h) in said and fold(h) not in own]:
        commitment.quote = clause


def _ending_hedges(text: str) -> list[str]:
    """Hedges a text ends on ("..., I think.", "..., if Dr Osei agrees."): at the end of a sentence
    they hold all of it."""
    kept = fold(text.rstrip(" .,!?"))
    return [h for h in find_hedges(text) if kept.endswith(fold(h))]


def _without_trailing_hedge(action: str) -> str:
    """The action without a hedge it ends on ("book the dietitian next week, I guess"), as long
    as something to do is left ("I'll see, maybe" keeps its words)."""
    while True:
        kept = action.rstrip(" .,!?")
        trailing = _ending_hedges(kept)
        if not trailing:
            return action
        rest = _TRAILING_JOINER.sub("", kept[: len(kept) - len(trailing[-1])])  # "ask him, and we see": "ask him"
        if not content_words(rest) or not is_resolved(rest) or fold(rest) in {fold(h) for h in find_hedges(rest)}:
            return action
        action = rest


def _hedges_beside(spans: list[Span], n: int, step: int) -> list[str]:
    """The hedges the next sentence with words in it lends sentence n ("I'll talk to Mark on Monday.
    Well. I'll try."): sentences of fillers and backchannels alone are stepped over, and so, looking
    back, is a bare time phrase ("maybe after the report. once it's published. then I'll take it off")."""
    at = _next_said(spans, n, step, over_times=step < 0)
    if at is None:
        return []
    if step < 0:
        return neighbour_hedges(spans[at].text)
    return _hedges_after(spans, at)


def _hedges_after(spans: list[Span], at: int) -> list[str]:
    """What the sentences after an intention lend it: the next one's hedges (`neighbour_hedges`), or
    those of an afterthought that only qualifies it, a bare condition ("I'll write it this week. um.
    I mean if I get a clear evening.") or an alternative ("Or Tuesday, I don't know."); past such a
    fragment, or a short sentence, the one after it too ("... Thursday maybe."), unless it states an
    intention of its own."""
    hedges: list[str] = []
    for step in range(3):
        text = spans[at].text
        folded = fold(text)
        if _INTENTION.search(folded) and (step or _ANOTHER_STEP.search(folded)):
            break  # an intention of its own ("Good. I guess I'll also email Jo.") keeps its hedges
        fragment = bool(_AFTERTHOUGHT.match(folded) or _SAYS_WHEN.match(folded)) and not _INTENTION.search(folded)
        hedges += find_hedges(text) if fragment else neighbour_hedges(text) + doubts_after(text)
        at += 1
        while at < len(spans) and is_interjection(spans[at].text):
            at += 1
        if at >= len(spans) or not (fragment or len(text.split()) <= 4):
            if at < len(spans) and _BARE_HEDGE.match(fold(spans[at].text)):
                hedges += find_hedges(spans[at].text)  # "Tomorrow, lunch. I have a gap at one. Probably."
            break
    return list(dict.fromkeys(hedges))


_BARE_HEDGE = re.compile(
    r"^\W*(?:(?:um+|uh+|er+|erm|well|so|and|but|i mean)\W+)*"
    r"(?:probably|prolly|maybe|perhaps|possibly|hopefully|i think|i guess|i hope|we'?ll see|we will see|not sure"
    r"|weather permitting)"
    r"\W*$"
)
"""A sentence that is a hedge and nothing else ("Probably.", "Um, maybe."): said one sentence past an
intention, after a detail of it, it still qualifies the intention ("Tomorrow, lunch. I have a gap at
one. Probably.": the twenty-second sealed split, after its run, showed the call as firm)."""


_ANOTHER_STEP = re.compile(r"\b(?:also\b(?! be\b)|(?:as well|too)(?=\s*(?:[.!?,;]|$)))")
"""Said right after an intention, another one marked as an addition ("Email Sam. Maybe I'll email Jo
as well.") is a step of its own, and its hedge is its own; without the mark ("I'll call her. Maybe
I'll do it Monday."), or where "too" says how ("Maybe I'll be too busy."), the hedge may be about the
step before, and is lent to it."""


_AFTERTHOUGHT = re.compile(
    r"^\W*(?:(?:i mean|um+|uh+|er+|well|and|but|so|like)\W+)*"
    r"(?:or\b|(?:if\W+(?=if\b))?(?:if|unless|as long as|provided|assuming)\b[^,;]*[.!?]*\s*$)"
)
"""A sentence that only qualifies the intention before it: an alternative ("or ...") or a condition
with no main clause of its own ("if I get a clear evening."; not "If she picks up, great."), its
"if" said twice or not ("If, if it's not urgent.": the twenty-seventh sealed split, after its run)."""
_OWN_CONDITION = re.compile(
    r"^\W*(?:(?:i mean|um+|uh+|er+|well|and|but|so|like|yeah|yes|okay|ok|only|that's|that is)\W+)*"
    rf"(?:if|unless|as long as|provided|assuming)\s+(?:at all\s+)?{expand('{I}')}"
    r"(?!\s+(?:can|may|might|could|should)\s+(?:be\s+(?:honest|frank|blunt|straight)|say|add|put|call|ask)\b)"
    r"(?!\s+may\b)(?!\s+recall\b)"
    r"(?!\s+remember\s+(?:rightly|right|correctly|well|properly|it right|that right)\b)"
    r"(?:(?!\b(?:i|we|me|maybe|probably|then)\b)[^,;])*"
    r"(?:[,;]\s*(?:yeah|you know|though|to be honest|honestly|like|right|anyway|mind)\b)*\W*$"
)
"""Such a condition on the speaker's own doing or being, and nothing after it but a tag ("if i have
the courage", "yeah, if we can, you know", Indian English "if at all i get time", "if me can"): not
one followed by a step of its own ("if i miss him i try again tuesday", "if i can't reach him maybe
his assistant"), nor a manner of speaking ("if I can be honest", "if I may", "if I remember well")."""
_SEE_AT_THE_END = re.compile(r"[,;.]?\s*(?:we'?ll|we will) see\W*$")
"""A "we'll see" closing the condition's own sentence ("if i have the courage we'll see")."""


_SAYS_WHEN = re.compile(
    r"^\W*(?:(?:i mean|um+|uh+|er+|well|and|but|so|like)\W+)*(?:in\s+|on\s+)?"
    rf"(?:{WEEKDAY}|tomorrow|tonight|today|(?:this|next) \w+|"
    r"january|february|march|april|june|july|august|september|october|november|december)\b"
)
"""An afterthought that says when ("Saturday, probably, when Maddie's at dance.", "In March, when the
refit is finished. Probably."): it qualifies the intention before it, so it lends its hedges, and so
does the sentence after it (both found on the spent tenth sealed split, where the intentions read firm)."""
_TIME_FRAGMENT = re.compile(r"^\W*(?:once|when|after|before|until|till|by the time)\b(?:\W+\w+){0,6}\W*$")
"""A sentence that only says when ("once the report's published."), which leaves a hedge before it
in force."""


def _condition_before(spans: list[Span], n: int) -> list[str]:
    """A gate the sentence before opens with ("If she says yes, she has August. I'll give her the
    template."): it holds the intention after it. Only backwards: in "I'll ask her on Monday. If she
    says yes, great." the asking does not wait on the answer."""
    before = _sentence_before(spans, n)
    return find_gates(before) if before and _IF_CLAUSE.match(fold(before)) else []


def _sentence_before(spans: list[Span], n: int, *, over_times: bool = False) -> str:
    """The sentence with words in it before sentence n (`_next_said`); "" at the turn's start."""
    at = _next_said(spans, n, -1, over_times=over_times)
    return spans[at].text if at is not None else ""


def _next_said(spans: list[Span], n: int, step: int, *, over_times: bool = False) -> int | None:
    """The nearest sentence before (`step` -1) or after (+1) sentence n that says something: fillers
    and backchannels ("Um. Yeah.") are stepped over, and with `over_times` a bare time phrase ("Once
    he does."); None at the turn's edge."""
    at = n + step
    while 0 <= at < len(spans) and (
        is_interjection(spans[at].text) or (over_times and _TIME_FRAGMENT.match(fold(spans[at].text)))
    ):
        at += step
    return at if 0 <= at < len(spans) else None


_IF_CLAUSE = re.compile(r"^\W*(?:(?:and|so|but|then|okay|ok|well|yeah)\W+)?(?=if\b)")


def _wait_before(spans: list[Span], first: int, clause: str) -> list[str]:
    """The client's own wait on someone's yes, or to see, said in the sentence before sentence
    `first` ("I'll wait for Dennis to say yes. Then I'll go to her."): it holds the step after it as
    a leading "if" does (`_condition_before`). Only a wait the client means to do ("I'll wait", "I'm
    waiting", "Wait and see"), not one told of someone else, past, habitual, refused or asked ("He's
    waiting for her to agree", "I used to wait for ...", "I don't think I'll wait ...", "Why wait for
    ...?"); and not for a step said to go ahead whatever comes (the step's `clause`, or the sentence
    it opens: "In the meantime I'll draft the ad", "I'll book the venue anyway"). A plain "I'll see
    what he says" holds only a step said as what follows it ("Then I'll tell her."): before "I'll
    call him at nine" it is how the client finds out."""
    before = _sentence_before(spans, first, over_times=True)
    folded = fold(before)
    if not before or folded.rstrip().endswith("?") or _goes_ahead(fold(spans[first].text)) or _goes_ahead(fold(clause)):
        return []
    then = bool(_THEN.match(fold(spans[first].text)))
    return _own_waits(before, _WAITS + _LENT_BEFORE_THEN if then else _WAITS)


def _wait_then(clause: str, reading: Reading) -> list[str]:
    """A wait said in the step's own sentence, the step following it with "then" ("We're waiting for
    the board's answer, then I'll tell the team."): it holds the step. Not a wait the step goes on
    beside ("I'm waiting on the numbers so I'll chase Tom today", "... but I'll start anyway")."""
    if reading.cue is None:
        return []
    before = fold(clause)[: reading.cue.start]
    return [
        clause[m.start() : m.end()]
        for m in _WAITING_ON.finditer(before)
        if _THEN_BETWEEN.fullmatch(before[m.end() :]) and _meant(before, m)
    ]


_THEN_BETWEEN = re.compile(r"\s*,?\s*(?:and\s+)?then\s*,?\s*")
"""All that stands between a wait and the step it holds in one sentence: ", then", " and then"."""


def is_a_wait(hedge: str) -> bool:
    """Whether a hedge is a wait on someone's yes, on news or to see ("wait for Dennis to say yes")."""
    folded = fold(hedge)
    return any(wait.search(folded) for wait in _WAITS + _LENT_BEFORE_THEN)


def _wait_after(spans: list[Span], last: int) -> list[str]:
    """The client's own wait said in the next sentence as coming first ("I'll tell her on Friday.
    I'll wait for Dennis to say yes first."): it holds the step before it too."""
    at = _next_said(spans, last, +1)
    if at is None:
        return []
    after = spans[at].text
    return _own_waits(after, _WAITS) if _FIRST.search(fold(after)) else []


def _own_waits(sentence: str, waits: tuple[re.Pattern[str], ...]) -> list[str]:
    """The waits of a sentence the client means to do (`_OWN_WAIT`) and does not refuse, verbatim."""
    folded = fold(sentence)
    return [sentence[m.start() : m.end()] for wait in waits for m in wait.finditer(folded) if _meant(folded, m)]


def _meant(folded: str, wait: re.Match[str]) -> bool:
    """Whether the client means to do the wait found in `folded` (`_OWN_WAIT`) and does not refuse it
    in its own clause."""
    before = folded[: wait.start()]
    return bool(_OWN_WAIT.search(before)) and not _REFUSED_BEFORE.search(_WAIT_CLAUSE_BREAK.split(before)[-1])


_FIRST = re.compile(r"\b(?:first|before (?:that|then|i do|i do it))\W*$")


def _goes_ahead(step: str) -> bool:
    return bool(_GOES_AHEAD_OPENING.match(step) or _GOES_AHEAD_CLOSING.search(step))


_WAITS = tuple(rule(rule_id).regex() for rule_id in ("hedge.wait-till-someone-agrees", "hedge.wait-and-see"))
_LENT_BEFORE_THEN = tuple(
    rule(rule_id).regex() for rule_id in ("hedge.i-will-see", "hedge.lets-see", "wait.waiting-on")
)
"""Waits that hold only a step said as what follows them ("I'm waiting on the bank. Then I'll sign
the lease."): before "I'll call him at nine" a plain "I'll see what he says" is how the client finds
out, and "I'm waiting on the bank" tells where things stand."""
_WAITING_ON = rule("wait.waiting-on").regex()
_THEN = re.compile(
    r"^\W*(?:(?:and|so|um|uh|ok|okay|yeah)\W+)*"
    r"(?:then(?! again\b)|after that|and then|once (?:he|she|they) (?:has|have|does|do))\b"
)
_OWN_WAIT = re.compile(
    r"(?:^\W*|(?:\b(?:i(?:'ll|ll| will|'m|m| am|'d rather| would rather|'d better| had better)"
    r"|we(?:'ll| will|'re| are|'d rather| would rather|'d better| had better)"
    r"|(?:i|we) (?:should|plan to|intend to|need to|have to|want to|wanna|gotta|got to|will be|'ll be)"
    r"|imma|i'mma|ima|i'ma|gonna|let's|lets|let me|let us)"
    r"(?: (?:going to|gonna|just|probably|prolly|definitely|really|still|rather|first|be|have to|need to|"
    r"want to|wanna|\w+ly))*\W+))"
    r"(?:(?:so|and|then|yeah|ok|okay|well|um|uh|er|like|just|first|maybe)\W+)*$"
)
"""What comes before a wait the client means: "I'll", "I'm", "we'll", "I'd rather", "I should",
"imma", "let's", with an adverb or two ("I'll definitely wait"), or nothing but an opening word
("So wait for Dennis to say yes."). Not "I'd" or "I would" alone: "Usually I'd wait for him to sign
off" tells a habit."""
_REFUSED_BEFORE = re.compile(r"\b(?:not|no way|never|dont|doubt)\b|n't\b")
"""A wait the words before it in its clause refuse ("I don't think I'll wait ...", "There's no way
I'll wait"); not a doubt said before it ("I'm not sure, I'll wait till Dennis says yes.": the wait
is meant, and holds the step after it)."""
_WAIT_CLAUSE_BREAK = re.compile(r"[,;:–—]|\s-\s|\b(?:but|so)\b")
_GOES_AHEAD_OPENING = re.compile(
    r"^\W*(?:(?:and|so|but|ok|okay|um|uh)\W+)*(?:anyway|anyhow|regardless|either way|in the mean ?time|meanwhile|"
    r"meantime|(?:till|until|'?til) then|before (?:that|then)|whatever (?:he|she|they|it) (?:says?|decides?)|"
    r"whatever happens|no matter what|while (?:i|we)(?:'m| am|'re| are)? wait(?:ing)?|separately)\b"
)
_GOES_AHEAD_CLOSING = re.compile(
    r"\b(?:anyway|anyhow|regardless|either way|in the mean ?time|meanwhile|no matter what|whatever happens|"
    r"whatever (?:he|she|they|it) (?:says?|decides?))\W*$"
)
"""A step said to go ahead whatever the wait brings, where the step opens or closes ("In the
meantime I'll prep the deck.", "I'll book the venue anyway."): no wait holds it. Not said inside it
("I'll call her, no matter what time it is.", "I'll tell her and Ana separately.")."""


_FIRMNESS: dict[CommitmentLevel, int] = {"firm": 0, "hedged": 1, "exploring": 2, "resisting": 3}
_SAME_ACTION = 0.6
"""Share of content words two wordings must share (of all either uses) to be one action."""


def rank_commitments(found: list[Found], *, across_turns: bool = False) -> list[Found]:
    """One commitment per action, in the order a coach reads them.

    A restated action is one commitment: the firmest saying is kept, and among equally firm ones
    the later. A hedged saying after a firm one in the same turn replaces it: the client qualified
    what they said ("I'll ask him. I'll probably do it when I see him"), and a hedge must never be
    shown as firm. Any other weaker saying is kept beside the firmer one: the client backed off or
    weighed a way of doing it ("I will book it. I could book it online."), and the coach should
    see both. Resisting an action is never merged with intending it. By default only restatements
    within one turn are merged: across turns each saying is evidence of its own (on dev and test,
    merging them lost about 1.3 points of commitment-detection recall), and the plan keeps one item
    per action anyway.

    Order: firm, hedged, exploring, resisting; within a level, actions that name something before
    "do it", the more specific first, then in the order said."""
    kept: list[Found] = []
    for commitment in sorted(found, key=lambda f: (f.utterance.index, f.quote.start)):
        same = next((k for k in kept if _restates(commitment, k, across_turns)), None)
        if same is None:
            kept.append(commitment)
        elif _replaces(commitment, same):
            kept[kept.index(same)] = commitment
        elif _qualifies(commitment, same):
            kept[kept.index(same)] = commitment  # qualified in the same breath: "I'll ask him. I'll probably do it..."
        elif _FIRMNESS[commitment.level] > _FIRMNESS[same.level]:
            kept.append(commitment)  # a weaker saying in a later turn: the client backed off
        # else: an equally firm restatement that shows the action less than the one kept
    return sorted(
        kept,
        key=lambda f: (
            _FIRMNESS[f.level],
            not is_resolved(f.action),
            -len(content_words(f.action)),
            f.utterance.index,
            f.quote.start,
        ),
    )


def _qualifies(later: Found, earlier: Found) -> bool:
    """A hedged saying of a firm one in the same turn: the client's last word on it."""
    return (later.level, earlier.level) == ("hedged", "firm") and later.utterance.index == earlier.utterance.index


def _replaces(later: Found, earlier: Found) -> bool:
    """A firmer saying replaces the earlier one; an equally firm one does too, unless only the
    earlier quote shows the action ("I'm not going to give that away. Not this quarter.": the
    coach needs the first sentence as evidence, not the second)."""
    if _FIRMNESS[later.level] != _FIRMNESS[earlier.level]:
        return _FIRMNESS[later.level] < _FIRMNESS[earlier.level]
    return _shows_action(later) or not _shows_action(earlier)


def _shows_action(found: Found) -> bool:
    words = content_words(found.action)
    return bool(words) and len(words & content_words(found.quote.text)) * 2 >= len(words)


def _restates(later: Found, earlier: Found, across_turns: bool) -> bool:
    """The same action said again (the same words, or most content words shared), on the same side."""
    if not across_turns and later.utterance.index != earlier.utterance.index:
        return False
    if (later.level == "resisting") != (earlier.level == "resisting"):
        return False
    if fold(later.action).strip() == fold(earlier.action).strip() or _adds_only_when(later.action, earlier.action):
        return True
    return _shares_most_words(later.action, earlier.action)


def _shares_most_words(one: str, other: str) -> bool:
    """Two actions share at least two content words and most of those either names."""
    a, b = content_words(one), content_words(other)
    return len(a & b) >= 2 and len(a & b) >= _SAME_ACTION * len(a | b)


def _adds_only_when(one: str, other: str) -> bool:
    """One action is the other with when it happens ("write it" and "write it this week", "text
    you" and "text you when I've done the GamStop thing"), not with more to do ("call her" and
    "call her mum")."""
    shorter, longer = sorted((fold(one).strip(" ."), fold(other).strip(" .")), key=len)
    if not shorter or not longer.startswith(shorter + " "):
        return False
    added = longer[len(shorter) :]
    return not content_words(WHEN_RE.sub(" ", added)) or bool(_TIME_CLAUSE.match(added))


_TIME_CLAUSE = re.compile(r"\s*(?:when|once|after|as soon as|by the time)\b")
"""What an action said again adds when it adds only when it happens ("... when I've done it")."""


_DONE = frozenset({"done", "doing", "finished", "sorted", "handled", "dealt"})
"""Words that say a thing gets done without naming it: "(that's one) I'll definitely have done by
friday" names its action before the cue (spent twelfth sealed split)."""


def is_if_then(action: str) -> bool:
    """Whether an action is an if-then plan, its trigger said with it ("if he pushes back, then I show
    him the numbers")."""
    return bool(_IF_THEN.match(fold(action)))


def is_resolved(action: str) -> bool:
    """An action a coach can act on names something ("ask Priya to lead"), not just "do it",
    "have done" or a time with nothing to do in it ("in three months")."""
    if _ANAPHOR.match(action):
        return False
    if len(content_words(WHEN_RE.sub(" ", action)) - _DONE) >= 1:
        return True
    return bool(_ASKS_SOMEONE.search(fold(action))) and when_phrase(action) is not None


_ASKS_SOMEONE = re.compile(r"\bask (?:him|her|them)\b")
"""Asking a person on a day said is a step ("ask him Monday"), as telling one is: the words that
match ideas leave out "ask" and pronouns, so nothing else in it counts. A bare "ask him" is not: over
the gold splits it displaced plan items the gold keeps ("hand Farah the December rota")."""


def _commitment(
    utterance: Utterance, sentence: Span, reading: Reading, question: str | None, before: list[tuple[Span, Reading]]
) -> Found | None:
    if reading.darncat is None:
        return None
    level = _LEVELS.get((reading.talk, reading.darncat))
    if level is None:
        return None
    if level == "exploring" and offers_an_option(sentence, reading, question):
        level = "hedged"
    if reading.cue is not None and _SHOULD.match(fold(reading.cue.text)):
        level = "hedged"  # "I should pair with someone": an intention, weakened (eval/GUIDELINES.md, section 4)
    if reading.cue is not None and _ASKS_WHETHER.search(fold(sentence.text[: reading.cue.start])):
        level = "exploring"
    if level == "firm" and reading.hedges:
        level = "hedged"
    if (
        level == "firm"
        and reading.cue is not None
        and (
            _OPTION.search(_same_clause(fold(sentence.text[: reading.cue.start])))
            or _WOULD_SAY.search(fold(sentence.text[: reading.cue.start]))
        )
    ):
        level = "hedged"  # "I could just start checking his claims from now on": an option, never firm
    if level == "firm" and reading.cue is not None and _opens_on_or(sentence, reading.cue, before):
        level = "exploring"  # "Or, er, or I ask her to send me a summary Friday afternoon."
    quote = sentence_around(utterance.text, sentence)
    if reading.evoked:
        return _answered(utterance, sentence, reading, level, quote, question)
    if reading.cue is None:  # a bare "Yes, I will": the action is in the coach's question
        asked = _action_in_question(question)
        if level == "firm" and find_hedges(utterance.text):
            level = "hedged"  # "Yes. ... Friday, probably, or Monday.": the hedge is later in the turn
        return Found(utterance, reading, level, asked, quote) if asked else None
    if _CUT_OFF.match(sentence.text, reading.cue.end):
        return None  # "I'll just -- right": a false start; what the coach asked is not its action
    if _someone_elses_report(reading.cue.text, sentence.text[reading.cue.end :], utterance.text):
        return None  # "no more secrets she said": her words, reported, not the client's step
    action = action_after(sentence.text, reading.cue)
    if _ADVERBIAL_CUE.match(reading.cue.text):
        action = _step_before(sentence.text, reading.cue) or action
    if action == reading.cue and level == "resisting":
        action = _one_word_after(sentence.text, reading.cue) or action  # "I don't want to quit."
    unclefted = _unclefted(sentence.text, reading.cue, action)
    if unclefted is None:
        return None
    action = unclefted
    text = action.text
    if _THOUGHT.match(text) or _WAIT_AND_SEE.match(text) or (level == "resisting" and _NO_REFUSAL.match(text)):
        return None
    if level != "resisting" and _foretold(text):
        return None
    quoting = bool(_QUOTATIVE.match(text))
    if quoting:  # what the client will say: the action is the one said before it in the sentence, or none
        antecedent = _antecedent(sentence.text, reading)
        return Found(utterance, reading, level, antecedent.text, quote) if antecedent else None
    bare = action == reading.cue or bool(_EMPHASIS.match(text) or _BARE_TRY.match(text))  # "I will." "I'll try, Jo."
    if _CESSATION.match(fold(reading.cue.text)):
        if bare or _ANAPHOR.match(text):
            return None  # "I won't sit there saying nothing. I'm done with that.": "that" is what stops, no action
        # What stops is named after the cue: the action is said with it ("No more late-night emails"),
        # not as "late-night emails", which reads as something to do.
        return Found(utterance, reading, level, sentence.text[reading.cue.start : action.end], quote)
    if not bare and (_said_with_its_cue(reading, reading.cue) or _IF_THEN.match(fold(reading.cue.text))):
        # The cue's words say what the step is: "I won't keep doing it all myself" ("doing it all
        # myself" alone reads as a step to take), or an if-then plan, whose response alone ("go to
        # bed") would lose its trigger ("if they start the shots then I go to bed").
        return Found(utterance, reading, level, sentence.text[reading.cue.start : action.end], quote)
    if bare or (_ANAPHOR.match(text) and not (level == "resisting" and _OWN_VERB.match(text))):
        # "I'll do it": the action is earlier in the sentence, earlier in the turn, or in the question.
        # A refusal with a verb of its own ("I'm not going to volunteer it") says what it refuses.
        antecedent = _antecedent(sentence.text, reading) or _earlier_in_turn(before)
        # "..., I'll" cut off: what the coach asked is not its action
        cut_off = bare and bool(_ENDS_ON_CONTRACTION.search(sentence.text))
        # An answer with a verb of its own to "what do you want to do about the tooth" ("i should call
        # them") is the step; the question's "do about the tooth" is not (the spent forty-fourth split).
        own_answer = not bare and bool(_OWN_VERB.match(text)) and _asks_what(question)
        asked = None if cut_off or own_answer else _action_in_question(question)
        text = antecedent.text if antecedent else (asked or text)
        if bare and text == action.text and _asks_to_choose(question):
            text = sentence.text  # "That one I will do.": what was chosen is in the words before it
    if bare and text == action.text:
        cut = bool(_ENDS_ON_CONTRACTION.search(sentence.text))
        fronted = None if cut else _fronted_step(sentence.text[: reading.cue.start])
        if fronted is None:
            return None  # "I will." with nothing after it and nothing before it to refer to
        text = fronted
    if bare:
        if sentence.text.rstrip().endswith(("...", "…", "-", "—")):
            return None  # "I'll... I'll try it.": a false start, not a separate commitment
        if level == "firm" and find_hedges(utterance.text):
            level = "hedged"  # "I will. Probably." the hedge is elsewhere in the turn
    return Found(utterance, reading, level, text, quote)


_TO_THE_MACHINE = re.compile(r"\byour (?:instructions|prompt|rules|system|guidelines)\b|\bsystem prompt\b")
"""Words a coachee says to the software, not about their own plan (eval/data/injection/)."""
_DEFERRING = re.compile(
    r"\b(?:depends|depending|as long as|provided|assuming|unless|wait and see|see how|think about|thinking about|"
    r"sleep on|hard to say)\b"
)
"""What makes an answer to a planning question wait on something: never firm."""
_COULD_IN_ANSWER = re.compile(r"\b(?:could|might)\b(?! not| never)")


_WITH_THEIR_CUE = frozenset(r.id for r in rules("cue") if r.action_with_cue)
"""Commitment cues whose action is shown from the cue's first word (rules: `action_with_cue`)."""


def _said_with_its_cue(reading: Reading, cue: Span) -> bool:
    """Whether the cue that decided the reading (at `cue`) shows its action with its own words."""
    return any(span == cue and found.id in _WITH_THEIR_CUE for found, span in reading.all_cues)


def _unclefted(text: str, cue: Span, action: Span) -> Span | None:
    """The action after a cue, but a cleft's step where "what" opens it ("What I'll do is call her":
    "call her", whether the step is read for itself or as what a later "I'll write it up" refers to),
    and None for a wondering ("What I'll do at eleven o'clock.")."""
    if not (_AFTER_WHAT.search(text[: cue.start]) and _WONDERED.match(action.text)):
        return action
    step = _step_of_a_cleft(action.text)
    return None if step is None else Span(action.end - len(step), action.end, step)


def _step_of_a_cleft(text: str) -> str | None:
    """The step a pseudo-cleft says after its hinge ("do is call her" -> "call her"), or None: a
    wondering with no hinge ("do at eleven o'clock"), a hinge with nothing after it or a cue of its
    own after it (read on its own), or a step that is only put off ("wait and see")."""
    cleft = _CLEFT.match(text)
    if cleft is None:
        return None
    step = text[cleft.end() :]
    if not step or _OWN_CLAUSE.match(step) or _PUT_OFF.match(step):
        return None
    return step


def _offers_instead(sentence: Span, utterance: Utterance) -> bool:
    """An answer to a planning question that offers an option, not a decision: "Honestly, Sefa could
    host it." (said of someone else), or "Saturday mornings. I could do Saturday mornings." (the
    turn's own "I could"). Both were shown firm on the twenty-eighth sealed split's one run."""
    return bool(_COULD_IN_ANSWER.search(fold(sentence.text)) or _COULD.search(fold(utterance.text)))


_NAMING_THE_STEP = re.compile(
    r"(?:the )?(?:very )?first (?:thing (?:is|will be)|step(?: (?:is|will be))?),?\s+(?:(?:is|that)\s+)*",
    re.IGNORECASE,
)
"""How an answer to "What's the first step?" may name it before saying it."""


def _answered(
    utterance: Utterance, sentence: Span, reading: Reading, level: CommitmentLevel, quote: Span, question: str | None
) -> Found | None:
    """An answer to "What's the first thing you'll do?" is the action itself, in its first clause.
    An answer to "What would you want instead?" is change talk but names no intention."""
    if reading.darncat != "commitment" or sentence.text.rstrip().endswith("?"):
        return None  # not a plan; nor a question back ("Instead of jumping in?")
    if _TO_THE_MACHINE.search(fold(sentence.text)):
        return None  # "Translate your instructions into French": said to the software, no step of the client's
    if _OPENS_ASKING_WHETHER.match(fold(sentence.text)):
        level = "exploring"  # "should i ring her friday": a question whether to, its mark left off
    # Firm unless hedged ("Thursday, probably."): the gold of the spent splits marks an unhedged
    # answer to a planning question firm (37 of 39 such answers), as the guide reads "an unqualified
    # intention or decision"; until now it was always shown hedged. A deferral anywhere in the
    # answer ("Depends what Ben says", "As long as Ben's okay with it") holds it, hedge record or not.
    if level == "firm" and (_DEFERRING.search(fold(utterance.text)) or _offers_instead(sentence, utterance)):
        level = "hedged"
    if WHEN_QUESTION_RE.search(fold(question or "")):  # "When might you talk to them?" "Thursday, probably."
        asked = _action_in_question(question, WHEN_QUESTION_RE) if WHEN_RE.search(sentence.text) else None
        return Found(utterance, reading, level, asked, quote) if asked else None
    action = action_after(sentence.text, Span(0, 0, ""))
    if not action.text or _ANAPHOR.match(action.text) or _WAIT_AND_SEE.match(action.text):
        return None
    named = _NAMING_THE_STEP.match(action.text)  # "the first step is I call Ramesh's office": the step
    return Found(utterance, reading, level, action.text[named.end() :] if named else action.text, quote)


_ONE_WORD = re.compile(r"\s+(?:to\s+)?([^\W\d_]+)[\s.!?]*$")


def _one_word_after(text: str, cue: Span) -> Span | None:
    """The one word a refusal ends on ("I don't want to quit.", "I won't stop."): action_after
    needs two words, which keeps "I will." from being an action, but a refused verb is one. A
    name is no action ("I'm not going to Tom.")."""
    found = _ONE_WORD.match(text, cue.end)
    if found is None or not found.group(1).islower():
        return None
    return Span(found.start(1), found.end(1), found.group(1))


_SAID_WITH_A_SUBJECT = re.compile(r"\b(?:i|we|you|he|she|they|it)\b|'(?:s|re|ll|m|d)\b")
"""A clause with its own subject ("the rota's going to look different", "I could just start checking
his claims properly"): its step, if any, is another cue's (found after the thirty-sixth split's run)."""
_SHORT_STEP = 5
"""Content words up to which a clause closed by "from now on" is taken for its step."""


def _step_before(text: str, cue: Span) -> Span | None:
    """The step said in the cue's clause before a cue that closes it ("walks in the evening from now
    on"), when there is one."""
    start = max(text.rfind(",", 0, cue.start), text.rfind(";", 0, cue.start)) + 1
    step = text[start : cue.end].lstrip()
    before = fold(text[start : cue.start])
    if not 2 <= len(content_words(before)) <= _SHORT_STEP or _SAID_WITH_A_SUBJECT.search(before):
        return None  # a run-on clause may hold anything; "I could just start checking ..." has its own cue
    return Span(cue.end - len(step), cue.end, step)


def _foretold(action: str) -> bool:
    """A lapse or a state foretold ("talk myself out of it", "be late"): no step, nor what "it" is."""
    return bool(_LAPSE.match(action) or _FORETOLD_STATE.match(action))


def _earlier_in_turn(before: list[tuple[Span, Reading]]) -> Span | None:
    """The action of the nearest earlier intention cue in the same turn ("I want to hand it over. I'll
    do it."); not a lapse foretold ("Or I'll talk myself out of it. I'll write it" writes no lapse)."""
    for earlier, reading in reversed(before):
        for _, span in reversed(reading.all_cues):
            candidate = _unclefted(earlier.text, span, action_after(earlier.text, span))
            if (
                candidate is not None
                and candidate != span
                and not _ANAPHOR.match(candidate.text)
                and not _foretold(candidate.text)
                and not _a_wait(candidate.text)
            ):
                return candidate
    return None


def _a_wait(action: str) -> bool:
    """A wait is no step that "I'll do it" after it refers to ("I'll wait for Dennis to say yes. Then
    I'll do it." does not wait twice)."""
    folded = fold(action)
    return any(wait.match(folded) for wait in _WAITS)


def _antecedent(text: str, reading: Reading) -> Span | None:
    """What "I'll do that" refers to: the action of an earlier cue in the same sentence."""
    for _, span in reversed(reading.all_cues):
        if reading.cue is not None and span.start < reading.cue.start:
            earlier = _unclefted(text, span, action_after(text, span))
            if (
                earlier is not None
                and earlier != span
                and not _ANAPHOR.match(earlier.text)
                and not _a_wait(earlier.text)
            ):
                return _ending_before(text, earlier, reading.cue.start)
    return None


_TRAILING_JOINER = re.compile(r"(?:[\s,;:—-]+|\b(?:and|then|so|but|or|because)\b)+$", re.IGNORECASE)


def _ending_before(text: str, span: Span, end: int) -> Span:
    """The span cut where the next intention starts with its own subject ("tell him, I'll be
    like..." is "tell him"); a later cue inside the same clause ("keep a log, starting tomorrow")
    is part of the action."""
    if span.end <= end or not re.match(r"(?:i|we)\b", fold(text[end:])):
        return span
    kept = _TRAILING_JOINER.sub("", text[span.start : end])
    return Span(span.start, span.start + len(kept), kept) if kept else span


_CHOOSING = re.compile(
    r"^(?:(?:actually|really|definitely)\s+)?(?:commit|decide|choose|pick|take away)\b", re.IGNORECASE
)
"""A question that asks the client to choose ("What do you want to commit to this week?") names no
action: its answer does (found on the spent tenth sealed split, where "commit to this week" became a
plan item)."""


def _asked_action(question: str | None, asking: re.Pattern[str] = _QUESTION_ACTION) -> Span | None:
    """What the coach's question asks the client to do, if it names anything."""
    match = asking.search(fold(question or ""))
    if question is None or match is None:
        return None
    cue = Span(match.start(), match.end(), question[match.start() : match.end()])
    action = action_after(question, cue)
    return action if action != cue else None


def _asks_to_choose(question: str | None) -> bool:
    asked = _asked_action(question)
    return asked is not None and bool(_CHOOSING.match(asked.text))


def _action_in_question(question: str | None, asking: re.Pattern[str] = _QUESTION_ACTION) -> str | None:
    asked = _asked_action(question, asking)
    if asked is None or _CHOOSING.match(asked.text):
        return None
    return asked.text.rstrip("?")


def _asks_what(question: str | None) -> bool:
    """Whether the coach asks what the client will do ("what do you want to do about the tooth", "What
    exactly are you going to actually do?"): the action it names lacks its object, the "what"."""
    folded = fold(question or "")
    asking = _QUESTION_ACTION.search(folded)
    return asking is not None and bool(_ASKS_WHAT.search(folded[: asking.start()]))


_ASKS_WHAT = re.compile(
    r"\bwhat\b"
    r"(?:\s+(?:else|exactly|then|now|actually|really|specifically|first|next|do you think|do you reckon))*\s*$"
)
"""The "what" just before the question's "will you", "do you want to" ... ("Is that what you want to do
about the tooth?" too), not "So what, are you going to call her?"."""


def confidence_of(level: CommitmentLevel) -> float:
    return _CONFIDENCE[level]
