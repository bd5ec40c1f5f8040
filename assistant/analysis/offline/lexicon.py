"""The offline engine's language knowledge: hedges and the motivational-interviewing cues.

The cues themselves are data: records in `rules/*.yaml`, each with an id, a pattern, what it means
and examples (see `rules/__init__.py`, which also says how to add one). This module builds the
regular expressions the readers use from them, under the names the readers know. Patterns run on
text folded by `textspan.fold` (lower case, straight apostrophes). Each cue names the talk type and
DARN-CAT subtype it signals; the exceptions hold the phrases that look like a cue but are not one
("I'll be honest", "I can't believe it").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.analysis.offline.literals import could_match, required_literals
from assistant.analysis.offline.rules import Kind, Reader, Rule, expand, joined, macro, rule, rules, rules_digest
from assistant.types import DarnCat, TalkType

__all__ = [
    "BASE_STRENGTH",
    "CHANGE_CUES",
    "CLIENT_CUES",
    "CONTRAST_RE",
    "DARNCAT_PRECEDENCE",
    "EVOCATIVE_QUESTIONS",
    "EXCEPTIONS",
    "EXCEPTION_RE",
    "HEDGES",
    "HEDGE_RE",
    "NOTES_CHANGE_CUES",
    "NOTES_CUES",
    "NOTES_SUSTAIN_CUES",
    "NOT_A_REAL_QUESTION_RE",
    "NO_RE",
    "PLAN_QUESTION_RE",
    "QUESTION_CUES",
    "RATING_ANSWER_RE",
    "RATING_QUESTION_RE",
    "STATUS_QUO",
    "STATUS_QUO_QUESTION_RE",
    "SUSTAIN_CUES",
    "WHEN_QUESTION_RE",
    "YES_RE",
    "Cue",
    "find_hedges",
    "neighbour_hedges",
    "rules_digest",
]

HEDGES = [r.pattern for r in rules("hedge")]
HEDGE_RE = re.compile(joined(rules("hedge")))
_OPENING_HEDGE_RE = re.compile(joined(rules("opening_hedge")))


@dataclass(frozen=True)
class Cue:
    """A phrase that signals client talk of one type and subtype."""

    talk: TalkType
    """Change or sustain talk."""
    darncat: DarnCat
    """The DARN-CAT subtype."""
    pattern: re.Pattern[str]
    """The rule's pattern, for the client's own words or a coach's notes."""
    id: str = ""
    """The rule it comes from (rules/*.yaml)."""
    literals: tuple[str, ...] = ()
    """Strings a text needs one of for the pattern to match (`literals.py`; empty: always search)."""
    unless: re.Pattern[str] | None = None
    """Found anywhere in a match's sentence, it voids the match (the rule's `unless`)."""

    def could_match(self, text: str) -> bool:
        """False only when the pattern cannot match `text`: skips most searches cheaply."""
        return could_match(text, self.literals)


# What the status quo sounds like as the object of a refusal: "I won't keep doing it all".
STATUS_QUO = macro("STATUS_QUO")

# Checked before the cues: phrases that contain a cue's words but say something else.
EXCEPTIONS = [r.pattern for r in rules("exception")]
EXCEPTION_RE = re.compile(joined(rules("exception")))


def _cues(talk: TalkType, reader: Reader) -> list[Cue]:
    """The cues of one talk type, for the client's own words ("I") or a coach's notes ("she")."""
    patterns = [
        (r, re.compile(expand(r.template, reader)))
        for r in rules("cue")
        if r.talk == talk and not (r.client_only and reader == "notes")
    ]
    return [
        Cue(talk, _subtype(r), pattern, r.id, required_literals(pattern), r.unless_regex(reader))
        for r, pattern in patterns
    ]


def _subtype(r: Rule) -> DarnCat:
    if r.darncat is None:  # the loader requires one for cues and questions
        raise ValueError(f"{r.id} has no DARN-CAT subtype")
    return r.darncat


CHANGE_CUES, SUSTAIN_CUES = _cues("change", "client"), _cues("sustain", "client")
CLIENT_CUES = CHANGE_CUES + SUSTAIN_CUES
# A coach's notes report the client in the third person: "she'll try", "he's ready to".
NOTES_CHANGE_CUES, NOTES_SUSTAIN_CUES = _cues("change", "notes"), _cues("sustain", "notes")
NOTES_CUES = NOTES_CHANGE_CUES + NOTES_SUSTAIN_CUES


def _by_subtype(kind: Kind) -> list[tuple[re.Pattern[str], DarnCat]]:
    """One regex per DARN-CAT subtype, in the order the subtypes first appear in the data."""
    found = rules(kind)
    subtypes = list(dict.fromkeys(_subtype(r) for r in found))
    return [(re.compile(joined([r for r in found if r.darncat == d])), d) for d in subtypes]


# Words that mark the clause after them as the one that counts ("I want to, but I can't"), and a
# conclusion after a comma or a full stop ("Someone has to tell him, so I'll do it on Monday").
CONTRAST_RE = re.compile(joined(rules("contrast")))

# Answers that take their stance from the coach's question.
YES_RE = re.compile(joined(rules("yes_answer")))
NO_RE = re.compile(joined(rules("no_answer")))
# "On a scale of zero to ten, how confident are you?" "Eight." is ability talk (a confidence rating).
RATING_QUESTION_RE = re.compile(joined(rules("rating_question")))
RATING_ANSWER_RE = re.compile(joined(rules("rating_answer")))
# "When might you talk to them?" asks when an action happens, not when a state begins ("When will you be back?").
WHEN_QUESTION_RE = re.compile(rule("evocative.commitment.when").pattern)
# "What are you taking away?", "So what will you do?": every sentence of the answer may name a step.
PLAN_QUESTION_RE = re.compile(
    joined([rule(f"evocative.commitment.{name}") for name in ("taking-away", "what-will-you-do", "first-step-asked")])
)
# Evocative questions (motivational interviewing) ask for change talk: an answer without a cue of
# its own usually gives the reason, the want or the need the question asked for.
EVOCATIVE_QUESTIONS = _by_subtype("evocative_question")
NOT_A_REAL_QUESTION_RE = re.compile(joined(rules("not_a_question")))
QUESTION_CUES = _by_subtype("question_cue")
STATUS_QUO_QUESTION_RE = re.compile(joined(rules("status_quo_question")))

# The strongest subtype wins when an utterance holds several (eval/GUIDELINES.md).
DARNCAT_PRECEDENCE: list[DarnCat] = ["commitment", "activation", "taking_steps", "need", "desire", "ability", "reason"]
BASE_STRENGTH: dict[DarnCat, int] = {
    "commitment": 3,
    "activation": 2,
    "taking_steps": 3,
    "need": 2,
    "desire": 2,
    "ability": 1,
    "reason": 1,
}


def find_hedges(text: str) -> list[str]:
    """Hedge phrases in a text, verbatim, in order, without repeats: the hedge records, and, beside
    an intention, the conditions it waits on (`find_gates`)."""
    return list(_hedges_in(text))


# Memoised: the commitment rules ask again of the same turns and sentences (1,768 calls over 999
# texts in a 60-minute session).
@lru_cache(maxsize=4096)
def _hedges_in(text: str) -> tuple[str, ...]:
    from assistant.analysis.textspan import fold

    folded = fold(text)
    found = [(m.start(), text[m.start() : m.end()]) for m in HEDGE_RE.finditer(folded)]
    found += _gates(text, folded)  # a gate hedges whatever intention is said with it, before or after
    return tuple(dict.fromkeys(phrase for _, phrase in sorted(found)))


def find_gates(text: str) -> list[str]:
    """Conditions in a text that the client does not hold: someone's yes, their plans, a result
    ("if Dr Osei agrees to a plan", "If it's a five by then"). An intention that waits on one is
    hedged (eval/GUIDELINES.md section 4, "Conditions"); an if-then plan for an obstacle ("if he
    pushes back") and a condition on the client's own doing ("if I leave it") are not gates."""
    from assistant.analysis.textspan import fold

    return [gate for _, gate in _gates(text, fold(text))]


def _gates(text: str, folded: str) -> list[tuple[int, str]]:
    gates = []
    for condition in _CONDITION.finditer(folded):
        said = condition.group()
        asks = _ASKED.search(said)
        if _ASKS_WHETHER.search(folded[max(0, condition.start() - 40) : condition.start()]) and not asks:
            continue  # "I'll ask Kofi tomorrow if he can chair": a question ("tell her if she asks" is a condition)
        obstacle = _OBSTACLE.search(_NEGATED_OBSTACLE.sub(" ", said)) and not _PERMISSION.search(said)
        if _after_the_intention(folded, condition.start()):
            # "I'll tell her if she asks straight out": said after it, someone's asking holds the
            # intention back, where "If he asks, I tell him" plans a response (the spent splits'
            # gold, the fifteenth's included: 6 of 7 leading ones firm, the 3 said after hedged)
            obstacle = obstacle and not asks
        elif _is_trigger(text[condition.start() : condition.end()]):
            continue
        if obstacle:
            continue
        if not _OWN_DOING.match(said):
            gates.append((condition.start(), text[condition.start() : condition.end()].strip()))
            continue
        also = _AND_SOMEONE_ELSE.match(folded, condition.end())  # "If I get home by eleven, and she's up"
        if also and not _OBSTACLE.search(also.group()):
            gates.append((also.start(), text[also.start() : also.end()].strip(" ,")))
    return gates


_CONDITION = re.compile(
    r"(?<!\beven )(?<!\bas )(?<![\w'])if\b[^.;!?]*?"
    r"(?=,|\s*\bthen\s+(?:i|we)\b|\s+(?:i|we)(?:'ll| will)\b|\s+ill\s+(?<!\bgets ill )(?<!\bgot ill )"
    r"(?<!\bget ill )(?<!\bis ill )(?<!\bwas ill )(?<!\bfalls ill )(?<!\bfell ill )(?<!\bbe ill )[a-z]|[.;!?]|$)"
)
"""An "if" up to its comma, "then", the intention or the sentence's end ("even if", "as if" and
"ask her if she can" are not conditions). The intention may be speech-to-text's "ill" ("if she gets
her overtime this month ill ask her": the twenty-seventh sealed split, after its run, where the
condition ran on into the asking and was read as an if-then plan); "if she gets ill" is the word."""
_ASKS_WHETHER = re.compile(
    r"\b(?:ask|asks|asked|asking|see|sees|check|checks|know|knows|wonder|wondering|sure|find out|whether|tell|"
    r"decide|out|unclear|depends?)\b[^,.;!?]*$"
)
"""What makes an "if" after it a question ("ask Kofi if he can", "see if she's free") rather than a
condition."""
_NEGATED_OBSTACLE = re.compile(
    r"(?:\bnot|n't|\bnever)\s+(?:(?:in|a|too|so|very|that|as|being)\s+){0,2}"
    r"(?:bad|angry|upset|busy|tired|stressed|sick|late|worse|in a mood|urgent|important|needed|necessary)\b"
)
"""An obstacle denied is the way clear: "if he's not in a bad mood", "if it isn't too late", "if she's
not busy" wait on someone's state as "if she's free" does (found on the twenty-first sealed split,
after its run: "I'll talk to him. If he's not in bad mood." was shown firm); so does what is asked
of the client ("I'll do it. If it's not urgent.": the twenty-seventh, after its run)."""
_PERMISSION = re.compile(r"(?:n't|\bnot) mind\b")
"""A negation that grants: "if Sam doesn't mind" is someone's yes."""
_OBSTACLE = re.compile(
    r"\b(?:no|not|never|nobody|nothing|none|neither|\w+n't|cannot|push(?:es|ing)? back|crisis|craving|urge|"
    r"tempt\w*|wrong|mistake|late|fails?|slips?|miss(?:es)?|angry|upset|bad|worse|worst|over|asks?|"
    r"pressure|tired|stressed|busy|kicks? off|blows? up|rains?|sick|disagree\w*|conflict|problem|issue|"
    r"trouble|fight|row|argument|honest|anything|so)\b"
)
"""What an if-then plan for an obstacle names in its condition: a refusal, a silence, a slip, a
temptation, a crisis ("if he pushes back", "if he hasn't replied by Thursday", "if a craving
comes"). Such a plan is firm; "if I'm honest" and "if so" are turns of phrase, not conditions."""
_TRIGGER = re.compile(
    r"^[Ii]f\s+(?:he|she|they|someone|somebody|anyone|anybody|a [a-z]+|[A-Z][\w'-]+(?: [A-Z][\w'-]+)?)\s+"
    r"(?:\w+ly\s+|just\s+|ever\s+)?"
    r"(?:rings?|calls?|phones?|emails?|texts?|messages?|cancels?|pours?|fills?|starts?|tries|try|"
    r"makes? (?:a|another) (?:joke|comment|crack|dig|face|scene|remark)|goes quiet|go quiet|"
    r"gets? (?:loud|angry|defensive|shouty|upset)|does the|brings?|interrupts?|shouts?|snaps?|raises?|mentions?|"
    r"says? (?:wait|leave it|later|not now|do your best|that|it was|it's a joke))\b"
)
"""A condition that is someone's act the client answers ("If he pours it, I leave it", "if she rings",
"If Paul says wait"): the cue of an if-then plan, which is firm, not a gate on a yes. An offer, a
decision or what someone says in general ("If they offer me the job", "If she says we've got the
budget") is a yes the client waits on, and stays a gate. Read on the
words as said, so that a name ("If Walsh starts in") is told from a thing ("If the funding starts
in March", a result the client waits on)."""
_GRANTS = re.compile(
    r"\b(?:yes|yeah|yep|ok|okay|fine|sure|agrees?|approves?|signs?|happy|up for|wants? to|go ahead|alright|"
    r"all right|good|can|could|there's|there is|room|goer)\b"
)
"""What makes such an act a yes after all: "if she says it's a goer", "If he says the number can move"."""


_ASKED = re.compile(r"^if\s+(?:\w+\s+){1,3}?(?:asks?|asked)\b")
"""A condition that waits on someone's asking ("if she asks straight out")."""


def _after_the_intention(folded: str, at: int) -> bool:
    """Whether an intention is said before the condition at `at` in the same sentence."""
    return bool(re.search(rf"\b{INTENDS}", folded[:at]))


def _is_trigger(condition: str) -> bool:
    """Someone's act that an if-then plan answers, not their yes (`_TRIGGER`, `_GRANTS`). Found on the
    spent splits, where 71 plans the gold marks firm were held gated: 38 are such acts; of the 169
    gated conditions the gold marks hedged, none."""
    from assistant.analysis.textspan import fold

    return bool(_TRIGGER.match(condition)) and not _GRANTS.search(fold(condition))


_AND_SOMEONE_ELSE = re.compile(
    r",?\s*and\s+(?:if\s+)?(?!i\b|i'|we\b|we')(?:she|he|they|it|the \w+|[a-z]+)(?:'s|'re|\s+(?:is|are|was|says|agrees|can|has|gets))\b[^,.;!?]*"
)
"""A second condition joined to one on the client's own doing, about someone else ("If I get home
before eleven, and she's up, I'll tell her": found on the spent fifth sealed split): a gate."""
_OWN_DOING = re.compile(r"if i\b")
"""A condition on what the client does ("if I leave it, I'll talk myself out of it") is theirs to
hold; the ones that hedge ("if I have time", "if I remember") are hedge records of their own."""


INTENDS = rf"(?:i'll|ill|i will|i'm gonna|im gonna|i'm going to|im going to|we'll|{macro('DIALECT_ME')} will)\b"
"""An intention's opening; "me will" where Jamaican speakers say "I will" (`DIALECT_ME` in rules/macros.yaml)."""
REFUSES = r"(?:i'm not going to|im not going to|i'm not gonna|im not gonna|i won't|i will not)\b"
NEXT_INTENTION = re.compile(
    r"(?:,\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+)(?:(?:um|uh|er|erm|ah)\b,?\s+)*"
    rf"(?=(?:if\b[^,.;!?]*,\s*(?:then\s+)?)?(?:(?:maybe|probably|perhaps|hopefully)\s+)?(?:{INTENDS}|{REFUSES}))"
)
"""Where a run-on sentence starts another intention or refusal ("i'll talk to jess and then um i'll
see the dietitian", "... and maybe i'll tell the team"), with the condition it waits on ("I'll call
her, and if she agrees, I'll email him"): speech-to-text writes several in one sentence, and each is
a commitment of its own. A hedge or filler between the "and" and the intention goes with the later one."""
UNJOINED = re.compile(rf"\s+(?=(?:{INTENDS}|{REFUSES}))")
"""Speech-to-text without punctuation runs two intentions together with no word between them ("i'm
going to email the chair tomorrow i'm not going to wait for him"). A cut there needs a whole
intention before it, so "i think i'll call her" and "what i'll do is i'll call her" stay one clause."""
WHOLE_INTENTION = re.compile(rf"\b(?:{INTENDS}|{REFUSES})\s*(?:\S+\s+){{3,}}$")
"""What a cut with no word before the next intention (`UNJOINED`) needs before it: "i think i'll
call her" and "what i'll do is i'll call her" stay one clause."""


_OPENING = re.compile(
    rf"(?:if\b[^,.;!?]*,\s*(?:then\s+)?)?(?:(?:maybe|probably|perhaps|hopefully)\s+)?(?:{INTENDS}|{REFUSES})\s*(?:[\w']+\W+){{0,2}}"
)
"""A later intention's opening, where a hedge is that intention's own: "maybe i'll", "i'll probably",
"i'll try to", the condition it waits on ("and if she agrees, I'll email him")."""


def hedges_holding(sentence: str, end: int) -> list[str]:
    """The hedges of a sentence that hold a quoted intention ending at `end` in it: all of them (those
    before it too: a later clause keeps earlier hedges), except one said only in the opening of another
    intention after `end` ("I'll call her
    on Monday and then maybe I'll tell the team": the call is firm). A hedge anywhere else in the
    sentence holds every intention in it ("I'll tell them, I'll tell them somehow, it depends how
    Dennis wants to run it"): the safe side, since a hedge must never be shown as a firm commitment."""
    from assistant.analysis.textspan import fold

    folded = fold(sentence)
    openings = [(o.start(), o.end()) for o in _later_openings(folded, end)]
    kept = []
    for hedge in find_hedges(sentence):
        at = [m.start() for m in re.finditer(re.escape(fold(hedge)), folded)]
        if not at or _DISCLAIMS.search(fold(hedge)) or not all(any(a <= h < b for a, b in openings) for h in at):
            kept.append(hedge)
    return kept


SELF_REPAIR = re.compile(
    r"(?<!\bsay )(?<!\bsaid )(?<!\bsaying )(?<!\bbe )(?<!\bis )(?<!\bthere's )"
    r"\b(?:(?:no|nah)\W+(?:sorry|wait)(?!\s+(?:on|for|at|in|time|times|list|line)\b)"
    r"|sorry\W+no(?!\s+(?:one|problem|problems|worries|offence|offense|excuses|excuse|time|way|need|more|longer|doubt|"
    r"idea|thanks)\b)"
    r"|(?<!'ll )(?<!will )(?<!to )(?<!gonna )scratch that(?!\s+(?:off|out|from|itch)\b))\b[\s,.!?;:-]*",
    re.IGNORECASE,
)
"""Words with which speakers correct themselves as they go, which unpunctuated speech-to-text leaves
inside one sentence ("i'll do the numbers tomorrow no wait tomorrow's the wine rep i'll do them
wednesday", "ha i will try no sorry i will go"); not the same words said as words ("I'll say no
sorry", "there'll be no wait on Tuesdays", "sorry, no problem", "I'll scratch that off my list")."""


def after_self_repair(sentence: str, end: int) -> int:
    """Where what a speaker says in place of words they took back starts, of a quote ending at `end`
    in a sentence: past the last self-correction before it (`SELF_REPAIR`), else 0. Hedges before it
    do not hold the quote ("i will try no sorry i will go": the go is firm)."""
    from assistant.analysis.textspan import fold

    cuts = [m.end() for m in SELF_REPAIR.finditer(fold(sentence)) if m.end() <= end]
    return cuts[-1] if cuts else 0


_DISCLAIMS = re.compile(r"promis|don't hold me to")
"""A hedge that disclaims a promise holds what was said before it, even as a clause of its own:
"i'll call him tomorrow i'm not gonna promise you miracles" (the fourteenth sealed split)."""


def clause_cuts(folded: str, start: int = 0) -> list[re.Match[str]]:
    """Where another intention may start a clause of its own, in order from `start`: at a joiner
    (`NEXT_INTENTION`), or with no word between (`UNJOINED`) where there is no joiner. Each caller
    says what must come before a cut (`UNJOINED` needs a `WHOLE_INTENTION`)."""
    joined = list(NEXT_INTENTION.finditer(folded, start))
    at_joins = {match.end() for match in joined}
    bare = [match for match in UNJOINED.finditer(folded, start) if match.end() not in at_joins]
    return sorted(joined + bare, key=lambda match: match.start())


def _later_openings(folded: str, end: int) -> list[re.Match[str]]:
    """The openings of the intentions said after `end` as clauses of their own (`NEXT_INTENTION`,
    or `UNJOINED` after a whole intention)."""
    openings: list[re.Match[str]] = []
    for cut in clause_cuts(folded, end):
        if cut.re is UNJOINED and not WHOLE_INTENTION.search(folded[: cut.start() + 1]):
            continue
        opening = _OPENING.match(folded, cut.end())
        if opening is not None and not any(o.start() == opening.start() for o in openings):
            openings.append(opening)
    return openings


def neighbour_hedges(sentence: str) -> list[str]:
    """Hedges that a sentence next to an intention lends it: a short sentence of its own
    ("Probably." "We'll see.") or one that opens with a hedging adverb ("I'll do it. Probably on
    the train"), not one with its own hedged intention ("I'll try to ..."). Erring towards hedged is
    the safe side: a hedge must never be shown as a firm commitment."""
    from assistant.analysis.textspan import fold

    found = find_hedges(sentence)
    if len(sentence.split()) <= 4:
        return found
    folded = fold(sentence)
    leading = _LEADING_BACKCHANNEL.match(folded)  # always matches, perhaps nothing
    start = leading.end() if leading else 0
    opening = _OPENING_HEDGE_RE.match(folded, start)
    return [sentence[opening.start() : opening.end()]] if opening else []


def doubts_after(sentence: str) -> list[str]:
    """Hedges a sentence said after a step lends it wherever they sit in it, beyond what
    `neighbour_hedges` lends: a lapse foreseen or a doubt of the speaker's own follow-through ("I'll
    talk to him Friday. Knowing me I'll chicken out.", "... Whether I actually go is another
    story."), which, unlike "maybe" in "Maybe she'll finally listen", is about the speaker's doing;
    and a doubt that closes a clause of circumstances ("I'll call her tonight. It depends how the
    day goes with the kids and the shop, so we'll see.", "I'm slammed this week, we'll see"), not one
    that closes a sentence with a step or an item of its own ("I take Shona round a couple of nights,
    and we'll see.", "And the agency, maybe next week, we'll see.") or one about how someone else
    takes it ("How she takes it, we'll see.")."""
    from assistant.analysis.textspan import fold

    folded = fold(sentence)
    lent = [m.span() for pattern in _DOUBTS_THE_DOING for m in pattern.finditer(folded)]
    closing = _CLOSING_DOUBT.search(folded)
    if closing and not _HAS_A_VERB.search(folded, 0, closing.start()):
        closing = None  # "The outcome, we'll see.": a topic, not the circumstances of the step
    if not closing and len(folded.split()) <= _AFTERTHOUGHT_WORDS and _AFTERTHOUGHT_OPENS.match(folded):
        closing = _CLOSING_SOFT_HEDGE.search(folded)
        closing = (
            None if closing and _HAS_A_VERB.search(folded, 0, closing.start()) else closing
        )  # "After the board meeting. The first week of May, maybe."
    if closing and not (_A_STEP_OF_ITS_OWN.search(folded, 0, closing.start()) or _NOT_ABOUT_THE_DOING.match(folded)):
        lent.append(closing.span(1))
    return list(dict.fromkeys(sentence[a:b] for a, b in sorted(lent)))


_CLOSING_SOFT_HEDGE = re.compile(r",\s*(maybe|probably|perhaps|possibly|hopefully|i think|i guess|i hope)\W*$")
_AFTERTHOUGHT_WORDS = 8
_HAS_A_VERB = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|have|has|had|do|does|did|will|would|can|could|should|might|must|"
    r"depends|goes|going|gonna|gets|got)\b|'(?:s|re|m|ll|ve|d)\b|\b\w{3,}(?:ed|ing)\b"
)
"""A clause, not a phrase: "The team will follow, hopefully." speaks of the team (found by the final
review), "The first week of May, maybe." of the step."""
_AFTERTHOUGHT_OPENS = re.compile(
    r"^\W*(?:(?:um+|uh+|er+|well|so|and|or)\W+)*(?:the|a|an|this|that|next|in|on|at|by|after|before|around|about|"
    r"sometime|some|early|late|end|first|last|mid|within|from|tomorrow|tonight|today)\b"
)
"""A short afterthought that ends on a soft hedge says when or how, doubtfully ("I'll- I'll book it
again. After the board meeting. The first week of May, maybe.": the thirty-fourth sealed split,
after its run, showed the booking firm); a phrase, not a step of its own ("Draft the announcement Friday
afternoon. Lift the statins Saturday, probably.": the twenty-third split marks the draft firm); in a
longer sentence "maybe" may be about something else."""


_DOUBTS_THE_DOING = tuple(
    rule(rule_id).regex() for rule_id in ("hedge.knowing-me", "hedge.another-story", "hedge.easier-said")
)
"""Not "whether I actually ..." (`hedge.whether-i-actually`) on its own: "I'll put it up tomorrow
morning. whether I actually say it is a whole other -- but the post-it will go up" doubts another
step (the spent sixteenth split marks it firm)."""
_CLOSING_DOUBT = re.compile(
    r"(?:^|[,;]\s*|\b(?:so|and|but)\s+)(?:(?:yeah|yes|um+|uh+|well|like|i mean|i guess)[\s,]+)*"
    r"((?:we'?ll|we will) see(?: how (?:it|that|things|we|i) (?:goes|go|pans out|works out))?|fingers crossed)"
    r"(?:[\s,]+(?:yeah|though|anyway|eh|hey|i guess|ha+))*\W*$"
)
_A_STEP_OF_ITS_OWN = re.compile(
    r"\b(?:i|we)(?:'ll| will| shall| (?!(?:am|was|were|have|had|feel|felt|think|thought|know|knew|guess|mean|"
    r"don't|didn't|can't|couldn't|just|really|never|always|also|still|suppose|reckon|hope)\b)[a-z]+)\b"
)
"""A first-person clause that may be a step ("I take Shona round"), not a state ("I'm slammed", "I
have no idea")."""
_NOT_ABOUT_THE_DOING = re.compile(
    r"^\W*(?:(?:and|or|also|plus|then)\s+(?:the|my|a|an|that|this)\b|(?:how|whether|if|what)\b)"
)
"""A list item of its own ("And the agency, ..."), or how it will be taken ("How she takes it, ...",
"Whether he says yes, ...")."""


_LEADING_BACKCHANNEL = re.compile(r"[\s\"'(-]*(?:(?:sure|yeah|yes|yep|yah|ok|okay|um+|uh+|er+|erm|well)[\s,.!-]+)*")
"""What may come before an opening hedge: "Sure, yeah, maybe, could be interesting. I'll look at
it." hedges the looking (the twenty-seventh sealed split, after its run)."""


def distinct_hedges(hedges: list[str]) -> list[str]:
    """Each hedge once, in the order found: not "probably" beside "Probably", nor "Try" beside
    "I'll try" or "If Dean says yes" beside "If Dean says yes to the weekend thing" (what the coach
    read on the spent fifteenth split); the longer saying holds the shorter."""
    from assistant.analysis.textspan import fold

    folded = [fold(h).strip() for h in hedges]
    kept = []
    for n, hedge in enumerate(hedges):
        inside = any(
            m != n and ((folded[m] == folded[n] and m < n) or _holds(folded[m], folded[n])) for m in range(len(hedges))
        )
        if not inside:
            kept.append(hedge)
    return kept


def _holds(longer: str, shorter: str) -> bool:
    """`shorter` is said within `longer`, as whole words."""
    return len(longer) > len(shorter) and re.search(rf"(?<!\w){re.escape(shorter)}(?!\w)", longer) is not None
