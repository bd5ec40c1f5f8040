"""Reports of an action: the coachee's own past-tense words about doing what the plan said.

"send the email, finally" is reported by "I sent the email"; "walk her through what Daniel wants"
by "I spent forty minutes walking her through how Daniel likes things". A report is a clause of a
client sentence, anywhere in the session (the opening check-in is where most are), that has

- the item's verb, in any form ("walk", "walking"; "send", "sent"), with the coachee (I, we) or
  nobody named as its subject, not "she" or "you";
- at least one other word of the item ("email", "Daniel"), or two for a light verb (do, get, make);
  or none, for a verb no other item of the plan has, followed by nothing or a pronoun ("I submitted
  it", "I never called him"), where `offline.py` lets it count: in a turn that names the item or
  answers the coach naming it;
- a past tense: the verb in a past form, "did" before it, or a gerund after a past first-person
  verb ("I spent forty minutes walking").

Its progress: negated ("I haven't left at half six once") is not started; "I started", "I sort of
told her", or a share in the sentence or its neighbours ("I did what I said for two of them", "just
that one") is in progress; otherwise done. The embedding reader in `offline.py` handles items no clause reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import dropwhile

from assistant.analysis.offline.phrases import content_words
from assistant.analysis.textspan import Span, fold
from assistant.assess._words import WORD, is_past, part_of_whole, stem, tokens
from assistant.types import ActionItem, Progress

_CLAUSE = re.compile(r"[,;:]|\s[-–—]\s|\bbut\b")
_CLAUSE_MARK = "|"
"""Stands for a clause boundary in the words before a verb."""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_VERBS = _words(
    "i i'll i'd i'm we we'll you he she they it a an the to will would should could might may must also just "
    "then finally so and or maybe really properly actually first this that his her their my our at on in by "
    "from with for of about if when once"
)
_LEAD = _words("to i i'll we we'll will also just then finally so really properly actually first")
"""Words an action may start with before its verb: "finally send", "I'll send"."""
_LIGHT = _words("do get make have go take put set be")
"""Verbs that say little alone: a report of one needs two of the item's other words."""
_COACHEE = _words("i we i've we've i'd we'd")
_OTHERS = _words("she he they you it")
_JOINERS = _words("and so then") | {_CLAUSE_MARK}
_BETWEEN = _words(
    "did do have had just finally actually also really literally already never not even didn't haven't "
    "hasn't hadn't couldn't wasn't weren't ain't aint eventually sort kind of sorta kinda half"
)
"""Words between a subject and its verb: "I just rewrote it", "I haven't left", "I sort of told her"."""
_NEGATIONS = _words("didn't haven't hasn't hadn't couldn't wasn't weren't never not ain't aint")
""""ain't" too: "i ain't call jackie yet" (Caribbean and Southern speech; the verb's bare form)."""
_PAST_FIRST_PERSON = re.compile(
    r"\b(?:i|we)(?:'ve| have)? (?:\w+ )?(?:spent|did|kept|had|was|were|finished|went|started|began|begun)\b"
)
"""Before a gerund, a past report: "I spent forty minutes walking her through", "I started writing"."""
_STARTED = re.compile(r"\b(?:i|we)(?:'ve| have)? (?:\w+ )?(?:started|begun|began)\b|\bhalfway\b|\bpart of the way\b")
SHARE = re.compile(
    r"\b(?:one|two|three|four|five) (?:of|out of) (?:them|those|these|the)\b|"
    r"\bnot all\b|\bonly (?:one|two|half)\b|\bhalf of\b|\btwice\b|\bpartly\b|\bpartially\b|"
    r"\b(?:just|only) (?:that|the|this) one\b|"
    r"\bthe first (?:bit|part|half)\b(?! of (?:the )?(?:week|month|day|year|morning|term|quarter)\b)"
)
"""A share of the whole, said beside a report: done for some, so in progress."""
_PARTLY = re.compile(r"\b(?:sort of|kind of|sorta|kinda|half)$")
"""Said just before the verb, a done that is not quite done: "I sort of told her", "I half wrote it"."""
_GENERIC = frozenset(
    stem(w) for w in _words("finally tomorrow today starting start next week month time thing things want")
)
"""Words of an action that do not identify it."""


@dataclass(frozen=True)
class ItemTerms:
    """What a report of one item must contain: one of its verbs and some of its other words."""

    verbs: frozenset[str]
    words: frozenset[str]
    only_here: frozenset[str] = frozenset()
    """Its verbs that no other item of the plan has: with one of them, "I submitted it" or "I never
    called him" reports the item without naming it again."""


@dataclass(frozen=True)
class Report:
    progress: Progress
    overlap: int
    """How many of the item's words the clause shares: the best-matching report is kept."""


def item_terms(item: ActionItem) -> ItemTerms:
    """The verbs of an action (its first word, the first after ";", after "and" in lower case,
    after "I") and its other content words, as stems."""
    verbs: set[str] = set()
    for part in re.split(r";|\band\b(?=\s+[a-z])", item.action):
        said = WORD.findall(fold(part))
        lead = list(dropwhile(lambda w: w in _LEAD, said))  # "finally send", "to send", "I'll send"
        if lead and lead[0] not in _NOT_VERBS:
            verbs.add(stem(lead[0]))  # "send the email"; not "the comments" or "she builds it"
        # "the comments and I book thirty minutes": the verb follows "I"
        verbs |= {stem(b) for a, b in zip(said, said[1:], strict=False) if a in _COACHEE and b not in _NOT_VERBS}
    others = {stem(w) for w in content_words(item.action)} - verbs - _GENERIC
    return ItemTerms(frozenset(verbs), frozenset(others))


def read_report(
    terms: ItemTerms, sentence: Span, neighbours: list[Span], following: Span | None = None
) -> Report | None:
    """The report of the item in one client sentence, if it has one (see the module's doc).
    `following` is the next sentence of the same turn: a clause that ends on a pronoun ("I rang
    him.") may name the item's words there ("That Sunday, after he'd done his call with Mum.")."""
    best: Report | None = None
    folded = fold(sentence.text)
    said = {stem(w) for w in tokens(sentence.text)}
    said_next = {stem(w) for w in tokens(following.text)} if following is not None else set()
    earlier: list[str] = []
    for clause in _clauses(sentence.text):
        report = _clause_report(terms, clause, folded, said, earlier, said_next)
        if report is not None and (best is None or report.overlap > best.overlap):
            best = report
        earlier += [*tokens(clause), _CLAUSE_MARK]
    shared = any(SHARE.search(fold(s.text)) or part_of_whole(s.text) for s in [sentence, *neighbours])
    if best is not None and best.progress == "done" and shared:
        return Report("in_progress", best.overlap)
    if best is not None and best.progress == "not_started" and _done_after_all(terms, tokens(sentence.text)):
        return Report("done", best.overlap)
    return best


def _done_after_all(terms: ItemTerms, words: list[str]) -> bool:
    """The step not taken by the coachee, then done to "it" by someone else in the same sentence:
    "the box i didn't buy karthik bought it" (the forty-eighth split's arc, read as not started). The
    guide's "done" is the item's state, whoever did it. Narrowed after a review: not the coachee again
    ("I should have called him", "which I told you"), not nobody ("no one booked it"), not hearsay
    ("he said he bought one"), not another thing ("I sent the old one") or the other way round ("she
    called me to cancel")."""
    for n, word in enumerate(words[:-1]):
        verb = stem(words[n + 1])
        if word not in _NEGATIONS or verb not in terms.verbs:
            continue
        for later in range(n + 3, len(words) - 1):
            between = set(words[n + 2 : later])
            if (
                is_past(words[later])
                and stem(words[later]) == verb
                and words[later - 1] not in _NOT_ANOTHER_DOER
                and words[later + 1] in _THE_THING
                and not between & (_NEGATIONS | _HEARSAY)
                and "either" not in words[later + 1 : later + 4]
            ):
                return True
    return False


_NOT_ANOTHER_DOER = _words(
    "i we you nobody one else have had has would could should might must will to 'd and but so then just"
)
_THE_THING = _words("it them")
_HEARSAY = _words("said says say thought think reckon told tells heard apparently supposedly if")


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(fold(text)) if c.strip()]


def _clause_report(
    terms: ItemTerms, clause: str, sentence: str, said: set[str], earlier: list[str], said_next: set[str]
) -> Report | None:
    """The verb, its subject, negation and tense are read in the clause; the item's other words
    anywhere in the sentence ("I merged the two slides on the Friday, and then froze it"), or, after
    a verb whose object is only a pronoun, in the turn's next sentence."""
    words = tokens(clause)
    stems = [stem(w) for w in words]
    for position, key in enumerate(stems):
        if key not in terms.verbs:
            continue
        # "I spent forty minutes walking her through"; not "ring" or "bring", whose stem is the word
        gerund = words[position].endswith("ing") and key != words[position]
        if not (_PAST_FIRST_PERSON.search(clause) if gerund else _subject_is_coachee(earlier + words[:position])):
            continue
        overlap = len(terms.words & (said - {key}))
        # "I rang him.": the next sentence may name the item; its words let the report count, but
        # rank it below any that names the item itself ("That Sunday I didn't ask him." is not
        # the report that "I asked MD in the Monday review." is)
        pronoun_last = len(words) == position + 2 and words[-1] in _POINTS_BACK
        borrowed = len(terms.words & (said_next - {key})) if pronoun_last else 0
        needed = 2 if key in _LIGHT else 1
        if terms.words and overlap + borrowed < needed and not _names_no_other_thing(terms, key, words, position):
            continue
        before = words[max(0, position - 4) : position]
        if any(w in _NEGATIONS for w in before):
            if words[position + 1 : position + 2] == ["much"]:
                continue  # "we ain't talk much at first": it went on, not a step not taken
            if _ON_A_DAY.search(" ".join(words[position + 1 : position + 6])):
                continue  # "i didn't ring him on the thursday": not then; it says nothing of later
            return Report("not_started", overlap)
        if not _past(words, position, clause):
            continue
        partly = _PARTLY.search(" ".join(words[max(0, position - 3) : position]))
        return Report("in_progress" if partly or _STARTED.search(sentence) else "done", overlap)
    return None


_POINTS_BACK = _words("it him her them that this")
_ON_A_DAY = re.compile(r"\b(?:on (?:the )?|that )(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day|morning|night)\b")
"""A step not taken on the day it was due, which a later report may take ("i didn't ring him on the
thursday ... i rang him the tuesday after": the twenty-fifth sealed split, spent)."""


def _names_no_other_thing(terms: ItemTerms, key: str, words: list[str], position: int) -> bool:
    """The verb is one only this item has (and says more than "do" or "get") and what follows it
    names nothing else: nothing, or a pronoun ("I submitted it", "I have not called.")."""
    if key not in terms.only_here or key in _LIGHT:
        return False
    after = words[position + 1 : position + 2]
    return not after or after[0] in _POINTS_BACK


def _subject_is_coachee(before: list[str]) -> bool:
    """The word before the verb (past any "did", "just", "haven't") is I or we. After "and", a
    comma or nothing, the subject is the last one named earlier in the sentence, if any ("I had the
    one-to-one, and sent the email"; "Booked it this morning"; not "she emailed me, asked if...").
    A name or "she" before the verb is someone else's action."""
    for n in range(len(before) - 1, -1, -1):
        word = before[n]
        if word in _BETWEEN:
            continue
        if word in _COACHEE:
            return True
        if word not in _JOINERS:
            return False
        break
    named = [w for w in before if w in _COACHEE or w in _OTHERS]
    return not named or named[-1] in _COACHEE


def _past(words: list[str], position: int, clause: str) -> bool:
    word = words[position]
    if is_past(word) or (position > 0 and words[position - 1] == "did"):
        return True
    return word.endswith("ing") and bool(_PAST_FIRST_PERSON.search(clause))
