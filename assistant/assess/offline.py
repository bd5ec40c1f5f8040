"""The offline assess engine: find where the new session speaks of each plan item, read its progress.

First the coachee's own report of the action, anywhere in the session ("I sent the email":
`reports.py`). Failing one, a plan item is "spoken of" where a client sentence is close to its
action in meaning (MiniLM embeddings), or where the client answers a coach question that is.
Progress cues are read with the negative ones first, because "I haven't done it" contains "done".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant.analysis.offline.clean import is_interjection
from assistant.analysis.offline.phrases import content_words
from assistant.analysis.textspan import Span, fold, sentences
from assistant.assess._words import part_of_whole, stem
from assistant.assess.reports import ItemTerms, Report, item_terms, read_report
from assistant.assess.verdicts import opening_verdict
from assistant.memory.embeddings import Embedder
from assistant.types import ActionItem, Evidence, ItemProgress, Progress, Transcript

RELEVANT = 0.42
"""Similarity from which a sentence is taken to speak of a plan item (tuned on the dev arc)."""
_WORD_BONUS = 0.08
"""Added to the cosine for each content word a sentence shares with the item."""

CUES: list[tuple[Progress, re.Pattern[str]]] = [
    (
        "dropped",
        re.compile(
            r"\b(?:decided not to|(?:(?:i|we)(?:'ve| have)? (?:\w+ )?|^)dropped(?! (?:off|by|in)\b| (?:it|them|him|her|the \w+) (?:off|by|in|round|over|at)\b)|let (?:it|that|this)(?: one)? (?:go|rest|lie)|(?:that|this)(?: one)?,? i(?:'ve| have)? let (?:it )?go|not (?:doing|going to do) (?:it|that)|scrapped|parked(?= (?:it|that|this|them|the idea|the plan)\b)|(?:'s|is|are|it's|that's) parked(?! (?:at|in|on|outside|behind|near|by|round|up)\b)|"
            r"no longer|gave up on|giving up on|abandon(?:ed|ing)? (?:it|that|this|the idea|the plan)\b|took (?:it|that) off|off the table|shelved|killed (?:it|that)|"
            r"not worth (?:it|doing)|decided against|changed my mind|"
            r"decided,? no\b(?! one| more)|decided,? (?:that )?(?:i'm|im|i am|we're|we are|i'm just|im just) not|"
            r"decided,? not (?:now|this (?:year|time|month|season))|"
            r"(?:quit|stopped|binned|ditched|dropped|let (?:it|that) go)\b[^.!?]{0,20}\bon purpose|"
            r"(?:(?:i'm|i am|im) not|i ain'?t) (?:asking|doing|calling|ringing|phoning|telling) (?:him|her|them|it|that)\b"
            r"(?! (?:yet|till|until|now|today|this week)\b)|"
            r"(?:told|said to) \w+ no(?=\s*(?:[,.!?]|$| on\b| to\b))|"
            r"not for me(?! to)|binned|knocked (?:it|that)(?: one)? on the head|"
            r"(?:that|this) one,? (?:i|we) (?:\w+ )?drop(?!\w| (?:off|by|in)\b)|"
            r"(?:i|we) drop (?:it|that|this)(?: one)?\b(?! (?:off|by|in|round|over|at|to)\b)|"
            r"(?:it's|that's|that one's|it is|that is) (?:been )?dropped|"
            r"(?:i'm|i am|im) not (?:going to|gonna) (?:try|do) (?:it|that|this)(?: one)? again|"
            r"(?:i'm|i am) not (?:going|gonna)(?: to)?(?=\s*(?:[.;,!?]|$|for now|either)))\b"
        ),
    ),
    (
        "not_started",
        re.compile(
            r"\b(?:haven'?t|have not|hasn'?t|didn'?t|did not|never) (?:\w+ )?(?:start\w*|done|do|had|get|got|gotten|talk\w*|"
            r"sen[dt]|ask\w*|book\w*|manag\w*|touch\w*|found the time|make it|raise\w*|call\w*|begun|tried|sort\w*|"
            r"(?:tell|told|said|say)(?! you\b)|spoken|spoke|speak|rung|ring (?:her|him|them)|phoned?|e-?mailed|mentioned|"
            r"messaged|texted|wr[io]te|written)\b|"
            # "that one i never did it": "did" after "never" only (not "didn't did")
            r"\bnever did\b|"
            # "i ain't call jackie yet", the verb in its bare form; not "we ain't talk much at first" (it
            # went on), "ain't done that in three weeks" (an old habit stopped: the twenty-first split)
            # or "I ain't go lie" (the sixteenth)
            r"\bain'?t (?:\w+ )?(?:start\w*|done|do|call\w*|talk\w*|ask\w*|book\w*|tell|told|ring|rung|phoned?|sen[dt]|"
            r"go|gone|been)\b(?! much\b| (?:that|it) in\b| lie\b)|"
            r"\bnot (?:even |yet )?(?:started|begun)\b|"
            r"\b(?:(?:i|we) (?:was|were) (?:going to|gonna)|i meant to)(?=\s*(?:[,.;!?]|$|but\b))|\bnot yet\b|\bnever got (?:round|around|to)\b|\bstill haven't\b|\bhasn't happened\b|\bslipped\b|"
            r"\bdidn't happen\b|\bno progress\b|\bpushed (?:it|that) (?:back|out)\b|\bnot (?:even )?once\b(?!\s+(?:did|do|have|had|was)\b)"
        ),
    ),
    (
        "in_progress",
        re.compile(
            r"\b(?:started|starting|halfway|half way|working on|in progress|partly|partially|begun|began|"
            r"first draft|drafted|some of|most of|on track|getting there|part of the way|underway|under way|"
            r"so far|two of|one of the|scheduled|booked (?:it|a|the) for|next week i|still (?:working|doing)|ongoing|"
            r"trying to|midway|not finished|not done yet|almost|"
            r"twice|once|partly|halfway|"
            r"the first (?:week|day|few days|couple of (?:days|weeks))|"
            r"half (?:the|of the|my) (?:nights|days|evenings|mornings|weeks|time)|about half|^half(?=[\s.!?]*$)|"
            r"(?:i|we) did (?:about |like |maybe )?half(?=[\s.!?]*$)|still on it)\b"
        ),
    ),
    (
        "done",
        re.compile(
            r"\b(?:did it|i did|(?<!better )(?<!best )done(?! (?:missing|with|being|waiting|letting|deal))|finished|completed|sent|had the conversation|talked to|spoke to|told|"
            r"asked|delegated|handed (?:it )?over|gave (?:her|him|them)|went (?:well|fine|better|ok|okay|really well)|"
            r"it happened|blocked|ran (?:it|the)|presented|signed off|met with|we met|she (?:led|ran|did)|"
            r"he (?:led|ran|did)|they (?:led|ran|did)|nailed|pulled it off|made the call|called|sorted)\b"
        ),
    ),
]


_FUTURE = re.compile(
    r"\b(?:i|we)(?:'ll| will| shall|'m going to| am going to|'re going to| are going to)\b|\bi'd like to\b"
)
"""A new intention ("I will leave at half six") says what is planned, not what happened."""
_DIARY = re.compile(
    r"^\W*(?:(?:the|on the) \w+(?:th|st|nd|rd)|same time|see you|thanks?(?: you)?|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|bye)\b[\W\w]{0,12}$"
)
"""Booking the next session ("The thirteenth?", "Same time.", "Thanks, Maya.") reports nothing."""


def is_plan_or_diary(text: str) -> bool:
    folded = fold(text)
    return bool(_DIARY.search(folded)) or (bool(_FUTURE.search(folded)) and not CUES[0][1].search(folded))


_FUTURE_QUESTION = re.compile(
    r"\b(?:what (?:do|would) you (?:want|like|hope) to (?:be able to )?(?:tell|say|report|have)|"
    r"what (?:will|are) you (?:going to )?(?:do|try|tell)|"
    r"in (?:a|one|two|three|four|five|six|\d+) (?:weeks?|months?)(?: time)?,? what)\b"
)
"""A coach question about what is to come ("In three weeks, what do you want to be able to tell
me?"): the answer ("That I talked to Rocco.") is a hope, not a report."""


CLIENT_ROLES = ("client", "notes")
"""Who reports on the plan: the coachee, or the coach's notes of what the coachee said."""


@dataclass
class SessionSentence:
    """One sentence of the session (or a part of a long unpunctuated one) and who said it."""

    utterance: int
    role: str
    span: Span
    hoped: bool = False
    """Said in answer to a question about what is to come."""


def _sentences(transcript: Transcript) -> list[SessionSentence]:
    found: list[SessionSentence] = []
    asked_ahead = False
    for u in transcript.utterances:
        if u.role == "coach":
            asked_ahead = bool(_FUTURE_QUESTION.search(fold(u.text)))
        if u.role in ("client", "coach", "notes"):
            hoped = asked_ahead and u.role != "coach"
            found += [SessionSentence(u.index, u.role, part, hoped) for s in sentences(u.text) for part in _parts(s)]
    return found


_LONG_UNPUNCTUATED = 16
"""Words from which a sentence with no comma is read as speech-to-text's run-on of several."""
_REPORT_STARTS = re.compile(
    r"\s+(?=(?:(?:so|and|but|then|like|okay|ok|yeah)\s+)*(?:i|we|i've|we've)\s+(?:(?:\w+ly|just|even|also|already|kind of|sort of)\s+)?"
    r"(?:haven't|have not|hasn't|didn't|did|decided|started|told|called|rang|sent|cut|booked|went|talked|spoke|asked|"
    r"stopped|kept|tried|gave|put|got|made|finished|never|still)\b"
    r"|(?:(?:so|and|but|then|okay|ok|yeah)\s+)*(?:that|this) one(?:'s|s)?\b)",
    re.IGNORECASE,
)
"""Where a run-on report starts another: "so the saturdays so i did it i told sookie ... i haven't
even started it", "that one i decided not to do" (the sixteenth sealed split, after its run)."""


_JOINERS = frozenset({"", "so", "and", "but", "then", "like", "okay", "ok", "yeah"})
"""Words that only lead into a report: no part of their own ("so i did it" is one part, not "so")."""


def _parts(sentence: Span) -> list[Span]:
    """A sentence, or a long one without a comma (lower-case speech-to-text) cut where each report
    in it starts, so a report is read against its own item."""
    text = sentence.text
    if len(text.split()) < _LONG_UNPUNCTUATED or "," in text:
        return [sentence]
    cuts = [0]
    for match in _REPORT_STARTS.finditer(text):
        if text[cuts[-1] : match.end()].strip(" ,").lower() not in _JOINERS:
            cuts.append(match.end())
    cuts.append(len(text))
    parts = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        said = text[a:b].rstrip()
        if said.strip():
            parts.append(Span(sentence.start + a, sentence.start + a + len(said), said))
    return parts


def _not_a_report(sentence: SessionSentence) -> bool:
    """A plan, a booking, or a hope: nothing in it says what happened."""
    return sentence.hoped or is_plan_or_diary(sentence.span.text)


def assess_items(items: list[ActionItem], transcript: Transcript, embedder: Embedder) -> list[ItemProgress]:
    """The progress of each plan item in the new transcript by the rules, with the sentences that show it."""
    return read_by_rules(items, transcript, embedder).progress


@dataclass(frozen=True)
class RulesReading:
    """What the rules read of a follow-up session: the learned gate (`learned.py`) starts from it."""

    sentences: list[SessionSentence]
    """Every sentence of the session (a long unpunctuated one cut where each report starts)."""
    similarity: list[list[float]]
    """similarity[s][i]: how close sentence s is to item i, in meaning plus shared words."""
    progress: list[ItemProgress]
    """The rules' reading of each item."""
    answered: list[bool]
    """Whether an item's reading is the verdict the coachee's answer opens with, the coach having
    asked about that item ("And Lena?" - "Done."): the most direct reading there is (`_verdict`)."""


def read_by_rules(items: list[ActionItem], transcript: Transcript, embedder: Embedder) -> RulesReading:
    """The rules' reading of each plan item in the new transcript, with what it was read from."""
    all_sentences = _sentences(transcript)
    if not items or not all_sentences:
        unmentioned = [ItemProgress(item=i, progress="unclear", note="the session does not mention it") for i in items]
        return RulesReading(all_sentences, [], unmentioned, [False] * len(items))
    vectors = embedder.embed([s.span.text for s in all_sentences] + [i.action for i in items])
    sentence_vectors, item_vectors = vectors[: len(all_sentences)], vectors[len(all_sentences) :]
    # similarity[s][i]: how close sentence s is to item i, in meaning plus shared words ("message"
    # in "message him today" and "I sent Mark a message"). A sentence speaks of the item it is
    # closest to, so "I decided not to" about one item is not read as another item dropped.
    item_words = [content_words(i.action) for i in items]
    similarity = [
        [
            sum(a * b for a, b in zip(sv, iv, strict=True)) + _WORD_BONUS * len(words & content_words(s.span.text))
            for iv, words in zip(item_vectors, item_words, strict=True)
        ]
        for s, sv in zip(all_sentences, sentence_vectors, strict=True)
    ]
    others = [set().union(*(w for k, w in enumerate(item_words) if k != n)) for n in range(len(items))]
    terms = _terms_in_plan(items)
    exchanges = _exchanges(all_sentences, similarity)
    verdicts = [_verdict(n, items, exchanges) for n in range(len(items))]
    progress = [
        _verdict_or_decision(
            verdicts[n],
            _reported(item, all_sentences, terms[n])
            or _progress(n, items, all_sentences, similarity, others[n], exchanges),
        )
        for n, item in enumerate(items)
    ]
    answered = [verdict is not None and read is verdict for verdict, read in zip(verdicts, progress, strict=True)]
    return RulesReading(all_sentences, similarity, progress, answered)


def _verdict_or_decision(verdict: ItemProgress | None, read: ItemProgress) -> ItemProgress:
    """The coachee's verdict, unless it is a step not taken or a share and the session says
    elsewhere that they decided against it ("Half." - [...] "I dropped that one."): the decision is
    the latest state."""
    if verdict is None or (verdict.progress != "done" and read.progress == "dropped"):
        return read
    return verdict


def _terms_in_plan(items: list[ActionItem]) -> list[ItemTerms]:
    """Each item's terms, with the verbs no other item of the plan has."""
    terms = [item_terms(item) for item in items]
    return [
        replace(t, only_here=t.verbs - frozenset().union(*(o.verbs for k, o in enumerate(terms) if k != n)))
        for n, t in enumerate(terms)
    ]


def _asked_about(item: ActionItem, all_sentences: list[SessionSentence]) -> set[int]:
    """Client turns that name the item or answer a coach turn that does ("And Kevin at Service
    Canada?")."""
    words = content_words(item.action)
    said: dict[int, set[str]] = {}
    for s in all_sentences:
        said.setdefault(s.utterance, set()).update(content_words(s.span.text))
    coach = [s.utterance for s in all_sentences if s.role == "coach"]
    answers = set()
    for s in all_sentences:
        before = [u for u in coach if u < s.utterance]
        if s.role in CLIENT_ROLES and (said[s.utterance] & words or (before and said[before[-1]] & words)):
            answers.add(s.utterance)
    return answers


def _reported(item: ActionItem, all_sentences: list[SessionSentence], terms: ItemTerms) -> ItemProgress | None:
    """The item's progress from the clause that reports it best (most shared words, earliest). A
    report that does not name the item again ("I never called him.") counts only in answer to the
    coach asking about it: elsewhere "him" may be anyone ("Mark asked us ... and I just told him")."""
    best: tuple[Report, SessionSentence, list[SessionSentence]] | None = None
    asked = _asked_about(item, all_sentences) if terms.only_here else set()
    unnamed = replace(terms, only_here=frozenset())
    for position, sentence in enumerate(all_sentences):
        if sentence.role not in CLIENT_ROLES or _not_a_report(sentence):
            continue
        neighbours = [
            all_sentences[i]
            for i in (position - 1, position + 1)
            if 0 <= i < len(all_sentences) and all_sentences[i].utterance == sentence.utterance
        ]
        following = next((n.span for n in neighbours if n.span.start > sentence.span.start), None)
        report = read_report(
            terms if sentence.utterance in asked else unnamed, sentence.span, [n.span for n in neighbours], following
        )
        if report is not None and (best is None or report.overlap > best[0].overlap):
            best = (report, sentence, neighbours)
    if best is None:
        return None
    report, sentence, neighbours = best
    progress, quoted = report.progress, sentence
    if progress == "not_started":
        # A step not taken, and a decision not to take it said next to it, is dropped: "I didn't
        # ring them. And I'm not going to, to be honest." (the seventeenth sealed split, after its run)
        progress, quoted = _decided_against(progress, quoted, [sentence, *neighbours])
    return ItemProgress(
        item=item,
        progress=progress,
        evidence=[Evidence(utterance=quoted.utterance, quote=quoted.span.text)],
        note=f"the coachee reports it as {progress.replace('_', ' ')}",
    )


def _decided_against(
    progress: Progress, quoted: SessionSentence, said: list[SessionSentence]
) -> tuple[Progress, SessionSentence]:
    """Dropped, quoting the decision, where one of the sentences decides against the item."""
    decided = next((s for s in said if CUES[0][1].search(fold(s.span.text))), None)
    return ("dropped", decided) if decided is not None else (progress, quoted)


_STOPS = re.compile(r"^\W*(?:stop|quit|cut out|no|don't|do not|never|avoid|give up|leave \w+ out)\b", re.IGNORECASE)
"""An item that stops something ("Stop the afternoon Red Bulls", "No wine Monday to Thursday"): not
doing the thing is doing the item."""
_ABSTAINED = re.compile(
    r"\b(?:haven't|have not|hasn't|didn't|did not|not|never)\s+(?:\w+\s+)?"
    r"(?:had|have|touched|smoked|drunk|drank|bought|opened|used)\b"
)
"""Not having done the thing ("Haven't had one since the day after we talked")."""
_FAILED_TO_STOP = re.compile(
    r"\b(?:haven't|have not|hasn't|didn't|did not|couldn't|can't|not)\s+(?:\w+\s+)?(?:(?:managed|been able) to\s+)?"
    r"(?:stop|quit|cut|give up)"
)
"""A negation of the stopping itself ("I haven't managed to stop"), which is no abstaining."""


def _progress(
    n: int,
    items: list[ActionItem],
    all_sentences: list[SessionSentence],
    similarity: list[list[float]],
    other_items: set[str],
    exchanges: list[_Exchange],
) -> ItemProgress:
    """Item n's progress from the client sentences closest to it in meaning (`CUES`, dropped first),
    then from the client's answers to the coach asking about it."""
    item = items[n]
    spoken = _client_sentences_about(n, items, all_sentences, similarity)
    neighbours = [s for s in _with_neighbours(spoken, all_sentences) if s not in spoken]
    answered = _answers_to_coach_about(n, items, exchanges)
    asked = [a for answer in answered for a in answer if a not in [*spoken, *neighbours]]
    # A decision to drop the item, said where the item is spoken of, is its latest state: "The first
    # week I did it. [...] I've decided I'm not doing it." (a spent split's arc, read in progress); so
    # is one said in answer to the coach's short follow-up ("And where are you with it now?").
    answers = [a for s in spoken for a in _followed_up(s, all_sentences, other_items)]
    dropped, *others = CUES
    for group, cues in (([*spoken, *answers], [dropped]), (spoken, others), (neighbours, CUES), (asked, CUES)):
        for progress, cue in cues:
            for sentence in group:
                text = fold(sentence.span.text)
                if _said_of_the_client(progress, cue, sentence.span.text):
                    if progress == "not_started" and (_abstains(item, text) or _DONE_BY_ANOTHER.search(text)):
                        progress = "done"  # "Haven't had one since the day after we talked."
                    if progress == "done" and part_of_whole(text):
                        progress = "in_progress"  # "I did five out of eight."
                    evidence = [Evidence(utterance=sentence.utterance, quote=sentence.span.text)]
                    return ItemProgress(
                        item=item,
                        progress=progress,
                        evidence=evidence,
                        note=f"the coachee's words read as {progress.replace('_', ' ')}",
                    )
    went = next((a[0] for a in answered if _WENT.match(a[0].span.text) and _GOING.match(item.action)), None)
    if went is not None:  # "You were going to the school on the sixth." - "I went. I was there."
        evidence = [Evidence(utterance=went.utterance, quote=went.span.text)]
        return ItemProgress(item=item, progress="done", evidence=evidence, note="the coachee's words read as done")
    if spoken:
        evidence = [Evidence(utterance=spoken[0].utterance, quote=spoken[0].span.text)]
        return ItemProgress(
            item=item, progress="unclear", evidence=evidence, note="mentioned, but the words do not say how far it got"
        )
    return ItemProgress(item=item, progress="unclear", note="the session does not mention it")


_SOMEONE_ELSE = re.compile(r"\b(?:he|she|they|you)(?: \w+ly| just| already| even| then)?\s*$")
"""Just before a "done" cue, another doer: "He asked me to keep it between us"."""
_NOT_A_NAME = (
    r"(?!(?:Yeah|Yes|Yep|Yup|No|Nah|Actually|Honestly|Well|So|And|But|Then|Okay|Ok|Oh|Um|Uh|Also|Just|Finally|"
    r"Already|Basically|Anyway|Mm|Right|Sure|All|It|That|This)\b)"
)
"""A capitalised word that opens a sentence without naming anyone ("Yeah told him sunday")."""
_NAMED = re.compile(rf"(?:\S\s+|^\W*{_NOT_A_NAME})[A-Z][a-z]+(?: \w+ly| just| already| even| then)?\s*$")
"""Just before it, a name: "and Greg already sent a proposal", "Kari told me she's fine with it"
(not "Yeah told him sunday")."""
_PERSON = re.compile(r"\b(?:he|she|they)(?: \w+ly| just| already| even| then)?\s*$")
"""Just before a cue of how it went, a person, who did it: "She finished her exams"."""


_DONE_BY_ANOTHER = re.compile(
    r"\b(?:it's|it is|that's|that is|that one's|that one is) (?:all )?done\b[^.!?]*\bbut,? (?:\w+,? ){0,2}?"
    r"(?:i (?:didn't|did not|never) do it\b(?! yet)|it wasn't me\b|not by me\b)"
)
"""The item done, by someone else: "that one's done, but I didn't do it" (the forty-fifth sealed
split, after its run, read as not started). The guide's "done" is the item's state, whoever did it.
Only where the client denies the doing itself: "it's done, but I haven't sent it" is not done."""


def _said_of_the_client(progress: Progress, cue: re.Pattern[str], sentence: str) -> bool:
    """The cue is in the words, and for "done" at least once with the coachee as the doer: what
    someone else asked, sent or told is no report of the coachee's item (found on the spent splits'
    arcs: "He asked me to keep the burnout thing between us" read as a call made)."""
    text = fold(sentence)
    if progress == "in_progress" and part_of_whole(sentence):
        return True  # "three nights out of four"
    if progress != "done":
        return bool(cue.search(text))
    return any(
        (_HOW_IT_WENT.match(m.group()) and not _PERSON.search(text[: m.start()]) and not _someone_did_it(m, sentence))
        or (
            not _SOMEONE_ELSE.search(text[: m.start()])
            and not _NAMED.search(sentence[: m.start()])
            and not _DOER_BEFORE.search(sentence[: m.start()])
        )
        for m in cue.finditer(text)
    )


_HOW_IT_WENT = re.compile(r"went\b|done\b|finished\b|completed\b|it happened\b")
"""Cues whose subject is the thing done ("The pay conversation with Raj went really well"): a name
before them is no other doer."""
_DOER_BEFORE = re.compile(
    r"(?:\b(?:my|the|our|his|her) (?:wife|husband|manager|boss|assistant|team|nurse|doctor|partner|son|daughter|"
    rf"mum|mom|dad|sister|brother)|\S\s+[A-Z][a-z]+|^\W*{_NOT_A_NAME}[A-Z][a-z]+)\s*$"
)
"""A doer just before "finished" or "done" ("Ana finished it.", "my manager finished it"); "went"
keeps a name before it ("The pay conversation with Raj went really well")."""


def _someone_did_it(match: re.Match[str], sentence: str) -> bool:
    return not match.group().startswith("went") and bool(_DOER_BEFORE.search(sentence[: match.start()]))


_NEGATED_VERB = re.compile(
    r"\b(?:haven't|have not|hasn't|didn't|did not|never)\s+(?:(?:even|once|actually|really)\s+)?(\w+)"
)
"""The verb a negation denies ("I did not ring Mum": ring)."""
_STOPPED_VERB = re.compile(r"\b(?:stop|quit|don't|do not|never|avoid|no more)\s+(\w+)", re.IGNORECASE)
"""The verb an item stops ("don't ring her": ring; "Stop checking email": checking)."""


def _abstains(item: ActionItem, text: str) -> bool:
    """The words say the client has not done what the item stops (and not that stopping failed):
    a thing consumed or used ("Haven't had one"), or the very verb the item stops ("don't ring
    her" - "I did not ring Mum")."""
    if not _STOPS.match(item.action) or _FAILED_TO_STOP.search(text):
        return False
    stopped = {stem(m.group(1)) for m in _STOPPED_VERB.finditer(fold(item.action))}
    return bool(_ABSTAINED.search(text)) or any(stem(m.group(1)) in stopped for m in _NEGATED_VERB.finditer(text))


def _client_sentences_about(
    n: int, items: list[ActionItem], all_sentences: list[SessionSentence], similarity: list[list[float]]
) -> list[SessionSentence]:
    """Client sentences about item n, closest first; a client's answer to a coach question about
    it counts too, unless the question names another item's people too ("So Kari and Bernie,
    where are we?"). Only sentences that are closest to this item (of all items) are taken."""
    others = _names_of_other_items(n, items)
    scored = []
    for position, (sentence, row) in enumerate(zip(all_sentences, similarity, strict=True)):
        if row[n] < RELEVANT or row[n] < max(row) - 0.02 or _not_a_report(sentence):
            continue
        if sentence.role in CLIENT_ROLES:
            scored.append((row[n], position, sentence))
        elif not content_words(sentence.span.text) & others:
            answer = _answer_after(all_sentences, position)
            if answer is not None and not _not_a_report(answer):
                scored.append((row[n] - 0.05, position, answer))
    scored.sort(key=lambda t: (-t[0], t[1]))
    seen, ordered = set(), []
    for _, _, sentence in scored:
        key = (sentence.utterance, sentence.span.start)
        if key not in seen:
            seen.add(key)
            ordered.append(sentence)
    return ordered[:4]


def _with_neighbours(spoken: list[SessionSentence], all_sentences: list[SessionSentence]) -> list[SessionSentence]:
    """Each sentence about the item, then the sentences around it in the same turn: "That one?
    I haven't even started on it." names the item in one sentence and its progress in the next."""
    ordered: list[SessionSentence] = []
    for sentence in spoken:
        position = next(i for i, s in enumerate(all_sentences) if s is sentence)
        around = [
            all_sentences[i]
            for i in (position, position + 1, position - 1, position + 2)
            if 0 <= i < len(all_sentences) and all_sentences[i].utterance == sentence.utterance
        ]
        ordered += [s for s in around if s not in ordered]
    return ordered


_FOLLOW_UP_WORDS = 12
"""A coach turn this short after what the client said of an item, or after their answer to a
question about it, asks about it ("Say more?", "And where are you with it now?", "She came with
you."): the answer is about the same item, unless the turn brings words of its own."""


def _followed_up(
    sentence: SessionSentence, all_sentences: list[SessionSentence], other_items: set[str]
) -> list[SessionSentence]:
    """The first two sentences of the client's answer to a short coach follow-up on the turn that
    names no other item ("Good. And the gym?" moves on to the gym)."""
    later = [s for s in all_sentences if s.utterance > sentence.utterance]
    coach = [s for s in later if s.utterance == sentence.utterance + 1]
    if not coach or coach[0].role != "coach" or sum(len(s.span.text.split()) for s in coach) > _FOLLOW_UP_WORDS:
        return []
    if any(content_words(s.span.text) & other_items for s in coach):
        return []
    answer = [s for s in later if s.utterance == sentence.utterance + 2 and s.role in CLIENT_ROLES]
    return answer[:2]


_NAME = re.compile(
    r"(?:(?<=[^.!?\s] )|(?<=\())(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:January|February|March|April|May|"
    r"June|July|August|September|October|November|December)\b)[A-Z][a-z]+"
)
"""A name in an item's action, not opening a sentence and not a day or a month ("Ask Kari first"):
the coach's "And Kari?" asks about it."""
_ASKED = 0.36
"""Similarity from which a short coach turn is taken to ask about a plan item ("Did you ask Kari?")."""
_CLEARLY = 0.03
"""How much closer to the item than to any other a coach turn must be to ask about it."""
_SHORT_QUESTION = 25
"""Words up to which a coach turn may ask about one item; a longer one reflects or recaps."""
_SHORT_ANSWER = 30
"""Words up to which a sentence of an answer is read for the item's progress."""
_ANSWER_SENTENCES = 3
"""Sentences of the client's answer read for the item's progress ("The season ended. [...] No. I
didn't get to it.")."""
_TO_THE_CLIENT = re.compile(
    r"^\W*(?:(?:and|so|okay|ok|but)\W+)?(?:(?:what|how) about )?(?:you|yourself|how are you(?: doing)?)\W*$",
    re.IGNORECASE,
)
"""A coach turn to the client themself ("And you?"): what follows is not about the item."""
_WENT = re.compile(
    r"^\W*(?:(?:yes|yeah|yep|so|and|honestly|well|um+|uh+)\W+)*(?:i|we) (?:went|was there|were there)"
    r"(?:\W+(?:yeah|yes|eh|aye|in the end|didn't i|didn't we))?\W*$",
    re.IGNORECASE,
)
"""A bare "I went." or "I was there.": done, only as the answer to a question about an item of going."""
_GOING = re.compile(r"^\W*(?:go|attend|visit|join|walk|turn up|show up|get to)\b", re.IGNORECASE)
"""An item of going somewhere ("Attend the school meeting with Lena")."""


@dataclass
class _Exchange:
    """A short coach turn, the first sentences of the client's answer to it, and the answer to the
    coach's short turn after that ("She came with you." - "I told her the night before."), which
    counts for an item only when it brings no words but the answer's or the item's."""

    closeness: list[float]
    """Per plan item, the similarity of the turn's sentence closest to it."""
    said: set[str]
    """The turn's content words, without a possessive's 's ("Ingvild's match": ingvild)."""
    answer: list[SessionSentence]
    """The first sentences of the client's answer that may report (`_first_sentences`)."""
    heard: set[str]
    """The content words of the whole answer."""
    follow_up: set[str] | None = None
    """The content words of the coach's short turn after the answer, if there is one."""
    answer_to_follow_up: list[SessionSentence] = field(default_factory=list)
    """The first sentences of the client's answer to that turn."""
    opening: SessionSentence | None = None
    """The answer's first sentence, where it may report and the turn does not ask what is to come."""
    question: str = ""
    """The coach turn's words."""


def _exchanges(all_sentences: list[SessionSentence], similarity: list[list[float]]) -> list[_Exchange]:
    """Each short coach turn answered by the client, with the first sentences of the answer."""
    turns: dict[int, list[tuple[SessionSentence, list[float]]]] = {}
    for sentence, row in zip(all_sentences, similarity, strict=True):
        if not is_interjection(sentence.span.text):
            turns.setdefault(sentence.utterance, []).append((sentence, row))
    order = list(turns)
    exchanges = []
    for k, utterance in enumerate(order[:-1]):
        asking, answering = turns[utterance], turns[order[k + 1]]
        if asking[0][0].role != "coach" or answering[0][0].role == "coach" or _words(asking) > _SHORT_QUESTION:
            continue
        closeness = [max(r[i] for _, r in asking) for i in range(len(asking[0][1]))]
        exchange = _Exchange(closeness, _said(asking), _first_sentences(answering, _ANSWER_SENTENCES), _said(answering))
        if exchange.answer and exchange.answer[0] is answering[0][0] and not _asks_ahead(asking):
            exchange.opening = _past_an_echo(exchange.answer, exchange.said)
            exchange.question = " ".join(s.span.text for s, _ in asking)
        if k + 3 < len(order):
            follow_up = turns[order[k + 2]]
            if follow_up[0][0].role == "coach" and _words(follow_up) <= _FOLLOW_UP_WORDS and not _moves_on(follow_up):
                exchange.follow_up = _said(follow_up)
                exchange.answer_to_follow_up = _first_sentences(turns[order[k + 3]], 2)
        exchanges.append(exchange)
    return exchanges


_ECHO_WORDS = 3
"""Words up to which an answer's first sentence may only echo the coach ("Ah. Grace. Half.")."""


def _past_an_echo(answer: list[SessionSentence], asked: set[str]) -> SessionSentence:
    """The answer's first sentence, or its second where the first only repeats the coach's words
    ("Number two. Grace." - "Ah. Grace. Half."): the verdict follows the echo."""
    first = answer[0]
    words = {w.removesuffix("'s") for w in content_words(first.span.text)}
    if len(answer) > 1 and len(first.span.text.split()) <= _ECHO_WORDS and words and words <= asked:
        return answer[1]
    return first


def _said(turn: list[tuple[SessionSentence, list[float]]]) -> set[str]:
    return {w.removesuffix("'s") for s, _ in turn for w in content_words(s.span.text)}


def _words(turn: list[tuple[SessionSentence, list[float]]]) -> int:
    return sum(len(s.span.text.split()) for s, _ in turn)


def _first_sentences(turn: list[tuple[SessionSentence, list[float]]], count: int) -> list[SessionSentence]:
    """The turn's first sentences that may report: not a plan or a hope, not quoted speech, not a
    long run-on one ("him do him job him read the paper ..."), where a cue may be about anything."""
    if turn[0][0].role not in CLIENT_ROLES:
        return []
    first = [s for s, _ in turn[:count]]
    return [
        s
        for s in first
        if not _not_a_report(s) and '"' not in s.span.text and len(s.span.text.split()) <= _SHORT_ANSWER
    ]


_AHEAD = re.compile(
    r"\b(?:will you|would you|could you|you'll|you will|are you going to|you're going to|you're gonna|"
    r"next (?:time|week|month|session)|from now)\b"
)
"""A coach turn about what is to come ("Will you call her next week?"): its "No" is no report."""


def _asks_ahead(coach: list[tuple[SessionSentence, list[float]]]) -> bool:
    return any(_AHEAD.search(fold(s.span.text)) for s, _ in coach)


def _moves_on(coach: list[tuple[SessionSentence, list[float]]]) -> bool:
    """The coach turns to the client ("And you?", "How are you doing?")."""
    return any(_TO_THE_CLIENT.match(s.span.text) for s, _ in coach)


def _exchanges_about(n: int, items: list[ActionItem], exchanges: list[_Exchange]) -> list[_Exchange]:
    """The exchanges whose coach turn asks about item n and no other ("And Bernie?", "Did you ask
    Kari?"), closest question first."""
    names, other_names = _names(items[n]), _names_of_other_items(n, items)
    about: list[tuple[float, _Exchange]] = []
    for exchange in exchanges:
        closeness = exchange.closeness[n]
        runner_up = max((c for k, c in enumerate(exchange.closeness) if k != n), default=0.0)
        if exchange.said & other_names or closeness - runner_up < _CLEARLY:
            continue
        if closeness >= _ASKED or exchange.said & names:
            about.append((closeness, exchange))
    return [exchange for _, exchange in sorted(about, key=lambda a: -a[0])]


def _answers_to_coach_about(n: int, items: list[ActionItem], exchanges: list[_Exchange]) -> list[list[SessionSentence]]:
    """The client's answers to each coach turn that asks about item n and no other ("And Bernie?" -
    "Bernie came with me."; "Did you ask Kari?" - "No. I didn't get to it."): the answer need not
    name the item again. Each answer stops where it turns to another item. Closest question first;
    `_progress` then reads them together, a step not taken before one done."""
    other_names = _names_of_other_items(n, items)
    own = content_words(items[n].action) | _names(items[n])
    others = set().union(*(content_words(i.action) for k, i in enumerate(items) if k != n)) - own
    answers = []
    for exchange in _exchanges_about(n, items, exchanges):
        answer = _until_another_item(exchange.answer, own, others, other_names)
        # The answer to the coach's reflection or prompt ("She came with you.", "After what?",
        # "And did you ask him?"), not to a turn to something new ("And the doctor?")
        if exchange.follow_up is not None and exchange.follow_up <= exchange.heard | own:
            answer += _until_another_item(exchange.answer_to_follow_up, own, others, other_names)
        answers.append(answer)
    return [answer for answer in answers if answer]


def _verdict(n: int, items: list[ActionItem], exchanges: list[_Exchange]) -> ItemProgress | None:
    """Item n's progress from the opening of the coachee's answer to the coach asking about it
    ("And the clinic for the patches?" - "No."), the closest question first (`verdicts.py`). A bare
    "No" to an item that stops something ("Stop smoking", "No wine Monday to Thursday") may mean
    none was had: no verdict."""
    item = items[n]
    own = content_words(item.action) | _names(item)
    stops = bool(_STOPS.match(item.action))
    for exchange in _exchanges_about(n, items, exchanges):
        if exchange.opening is None:
            continue
        after = exchange.answer[exchange.answer.index(exchange.opening) + 1 :]
        following = after[0].span.text if after else ""
        progress = opening_verdict(exchange.opening.span.text, exchange.question, bool(exchange.said & own), following)
        if progress is None or (progress == "not_started" and stops):
            continue
        quoted = exchange.opening
        if progress == "done" and part_of_whole(fold(quoted.span.text)):
            progress = "in_progress"  # "Done two of the four."
        if progress != "done":  # "No. I quit that.", "Half. Then I gave up on it."
            progress, quoted = _decided_against(progress, quoted, exchange.answer)
        return ItemProgress(
            item=item,
            progress=progress,
            evidence=[Evidence(utterance=quoted.utterance, quote=quoted.span.text)],
            note=f"asked about it, the coachee answers {progress.replace('_', ' ')}",
        )
    return None


def _until_another_item(
    answer: list[SessionSentence], own: set[str], others: set[str], other_names: set[str]
) -> list[SessionSentence]:
    """The answer up to a sentence that speaks of another item, by its person or two of its words,
    and not of this one ("Long story. The school meeting with Lena happened first.")."""
    kept = []
    for sentence in answer:
        words = {w.removesuffix("'s") for w in content_words(sentence.span.text)}
        if (words & other_names or len(words & others) >= 2) and not words & own:
            break
        kept.append(sentence)
    return kept


def _names(item: ActionItem) -> set[str]:
    return {fold(w) for w in _NAME.findall(item.action)}


def _names_of_other_items(n: int, items: list[ActionItem]) -> set[str]:
    """Names in the other items' actions that item n's action does not have."""
    return set().union(*(_names(i) for k, i in enumerate(items) if k != n)) - _names(items[n])


def _answer_after(all_sentences: list[SessionSentence], position: int) -> SessionSentence | None:
    """The first client sentence after a coach sentence (the answer to its question) that says
    something: a "Yeah." or "Mm-hmm." before it (speech-to-text often makes it a turn of its own)
    is stepped over."""
    coach_utterance = all_sentences[position].utterance
    for sentence in all_sentences[position + 1 :]:
        if sentence.role in CLIENT_ROLES and sentence.utterance > coach_utterance:
            if is_interjection(sentence.span.text):
                continue
            return sentence
        if sentence.role == "coach" and sentence.utterance != coach_utterance:
            return None
    return None
