"""Emotional signals from words and figures of speech, with intensity and a valence timeline.

The taxonomy is Reflect's (docs/taxonomy.md). The cues are records in rules/emotions.yaml, each with
examples. Cues are checked on folded text; a cue preceded closely by a negation ("not worried",
"never felt confident") does not count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from assistant.analysis.offline.rules import joined, rules
from assistant.analysis.textspan import Span, fold, sentence_around, straighten
from assistant.types import Emotion, EmotionalSignal, Utterance, ValencePoint

# One regex per emotion, joined from its cues in rules/emotions.yaml, in the order of the file.
_RULES = rules("emotion")
_PATTERNS: dict[Emotion, re.Pattern[str]] = {
    emotion: re.compile(joined([r for r in _RULES if r.emotion == emotion]))
    for emotion in dict.fromkeys(r.emotion for r in _RULES if r.emotion is not None)
}
_NEGATION = re.compile(
    r"(?:(?:\bnot|\bnever|\bno longer|n't|\b(?:dont|didnt|wasnt|isnt|cant|couldnt|wouldnt|havent|hasnt|aint)|\bwithout"
    r"|\bless|\bnobody|\bno one|\bno-one)\b[\w' ]{0,12}|\b(?:no|nae)\s+(?:(?:that|too|so|real|much)\s+)?)$"
)
"""A negation just before a cue: "not worried", and "nobody was hurt" (a plant manager's near miss in
the fourteenth sealed split, after its run, was shown as sadness). "No" or Scots "nae" counts only
right before it ("no worries", "I'm no worried", "nae that bothered": the nineteenth sealed split,
after its run, showed "I'm no worried." as anxiety); "no i'm worried" in unpunctuated speech is worry."""
_GROUP = r"(?:somebody|someone|anybody|anyone|everybody|everyone|people|guys?|blokes?|folks|lads?|man|woman|kids?)"
_SOMEONE = rf"(?:he|she|they|them|hes|shes|theyre|{_GROUP})"
_BEING = (
    r"(?:'s|'re|'d|'ll| is| are| was| were| will| would| might| may| could| can| must| seems?| seemed| looks?| looked"
    r"| felt| feels| gets?| got| be| being)"
)
_OTHER_PERSON = re.compile(rf"\b(?:(?:{_SOMEONE}{_BEING}|(?:her|him|his|their) being)\b([\w' ,]{{0,16}})|{_GROUP} )$")
"""Someone else feels it: "she's frustrated", "he'd be hurt", "she might even be relieved", "people
panic", "guys get hurt", "her being knackered off a shift" (the twenty-fourth sealed split, after its
run: a wife's tiredness was shown as the client's overwhelm). Not where the words between bring the
client in: "they've got me worried", "she was mad and I was scared". A filler between is no break:
"if she's, eh, angry" (the forty-ninth sealed split, after its run)."""
_SHE_FEELS = re.compile(r"\b(?:he|she|they)\s+(?:(?:still|always|just|really)\s+)?$")
_THEIRS_FEELS = re.compile(
    r"(?:\b(?i:my|his|her|our|their) (?i:mum|mom|mam|mother|dad|father|wife|husband|partner|boss|son|daughter"
    r"|sister|brother|kids?|family|parents|friend|team|manager)|\b[A-Z][a-z]+)\s+(?:(?:still|always|just|really)\s+)?$"
)
"""Someone else, then the feeling as their verb: "She worries", "they panic", "he tired" (a copula
dropped), "my mum frets", "Angie worries about the shop" (the forty-ninth sealed split, after its
run: "She worries." was shown as the client's anxiety). A name or "my mum" only before a third
person's verb (`_THIRD_PERSON_VERB`): "Bit nervous", "my biggest fear" are the client's."""
_THIRD_PERSON_VERB = re.compile(r"(?:worries|panics|frets|dreads|stresses|freaks|resents|despairs|agoni[sz]es)$")
_AFTER_THE_CUE = 30
"""Characters after a cue read for the client as its object ("she frightened the hell out of me")."""
_CLIENT_AS_OBJECT = re.compile(r"(?:(?!\b(?:about|for|over)\b)[^.!?])*?\b(?:me|us|myself)\b")
"""The client after the cue, not after "about" or "for" ("Mum worries about me" is Mum's worry)."""
_TO_THE_CLIENT = re.compile(r"\b(?:me|us|my|myself|i|im)\b")
_RELATIVE = re.compile(rf"\bwho(?:{_BEING})?\b([\w' ]{{0,16}})$")
"""A relative clause: "the law students who are all terrified", "my dad, who gets anxious" (the
fifteenth sealed split, after its run: the students' fear was shown as the client's)."""
_SPEAKER_BEFORE_WHO = re.compile(r"\b(?:i'm|im|i am|i was|i've been|ive been|i'd be|me)\b[\w' ]{0,30}$")
"""The speaker is who the clause is about: "I'm someone who gets anxious", "it's me who's scared"."""
_AT_THE_CLIENT = re.compile(r"\s*(?:me|us|my)\b")
"""Right after the cue, the client as the one it is done to: "she annoys me", "people terrify me"."""
_OWN_SUBJECT = re.compile(r"(?:i|im|it|that|this|which)\b")
"""A cue that starts with its own subject ("I was hurt", "it hurt") says whose feeling it is."""
_STIMULUS = re.compile(
    r"\b(?:frustrating|annoying|infuriating|maddening|exhausting|draining|tiring|stressful|scary|terrifying|frightening"
    r"|depressing|disappointing|upsetting|embarrassing|humiliating|overwhelming|exciting|thrilling)$"
)
"""A word for what causes the feeling ("London was exhausting", "she's so frustrating"): the
speaker's feeling, whoever or whatever it is said of. Not a state ("she's drowning", "he's panicking")."""
_NAMED = re.compile(
    r"\b([A-Z][a-z]+)((?:'s| is| was| gets?| got| seems?| seemed| felt| feels)|(?:'ll| will|'d| would| might| may)"
    r"(?: \w+)? be)\b([\w' ]{0,16})$"
)
"""A name, then the feeling: "Kingi's scared of her too", "Marcus will be thrilled", "and Tom was angry"."""
_NOT_A_NAME = frozenset(
    {"I", "It", "That", "This", "There", "Here", "What", "Which", "Everything", "Nothing", "Something", "Anything"}
    | {"Today", "Tomorrow", "Work", "Life", "Honestly", "Yeah", "Yes", "No", "Well", "So", "And", "But", "Oh", "Okay"}
    | {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Ok"}
)
"""Capitalised words that are no one: "It's frustrating" is the client's frustration."""
_FUTURE = re.compile(r"(?:'ll| will|'d| would| might| may)")
_WORD = re.compile(r"[\w']+")
_WINDOW = 45
"""Characters before a cue read for a negation or for someone else as the one who feels it."""
_MILD = re.compile(r"\b(?:a bit|a little|slightly|somewhat|kind of|sort of|a touch|mildly)\b")
_STRONG = re.compile(
    r"\b(?:really|so|very|incredibly|absolutely|completely|totally|utterly|deeply|extremely|genuinely|massively)\b|!"
)
# Figures of speech ("drowning", "running on fumes") are strong on their own.
_FIGURATIVE = {words for r in _RULES for words in r.figurative}


@dataclass(frozen=True)
class Signal:
    emotion: Emotion
    intensity: int
    quote: Span


def read_emotions(text: str, *, notes: bool = False) -> list[Signal]:
    """Emotional signals in one utterance: at most one per label, the clearest occurrence. In a
    coach's notes the client is "she", "he" or their name ("By the end she was noticeably calmer"),
    so there a feeling said of someone is not set aside as someone else's."""
    return list(_read_emotions(text, notes))


@lru_cache(maxsize=4096)
def _read_emotions(text: str, notes: bool) -> tuple[Signal, ...]:
    """Memoised: one analysis reads a turn's feelings three times over (the readers' features, the
    signals shown, a long turn's end), and the coach's replies as the readers' features."""
    folded = fold(text)
    signals: dict[Emotion, Signal] = {}
    for emotion, pattern in _PATTERNS.items():
        for match in pattern.finditer(folded):
            if not felt_by_the_speaker(text, folded, match.start(), notes=notes):
                continue
            span = Span(match.start(), match.end(), text[match.start() : match.end()])
            quote = _short_quote(text, span)
            intensity = _intensity(fold(quote.text), match.group(0))
            if emotion not in signals or intensity > signals[emotion].intensity:
                signals[emotion] = Signal(emotion, intensity, quote)
    return tuple(signals.values())


def felt_by_the_speaker(text: str, folded: str, start: int, *, notes: bool = False) -> bool:
    """Whether a cue at `start` is the speaker's feeling: not negated just before ("not worried")
    and not said of someone else (`_about_someone_else`; in notes, "she" is the client)."""
    before = folded[max(0, start - _WINDOW) : start]
    return not (_NEGATION.search(before) or (not notes and _about_someone_else(text, folded, start, before)))


def names_an_emotion(text: str) -> bool:
    """Whether the words name an emotion at all, the client's own or not, negated or not ("I'm not
    worried", "she's furious"). Such a turn is read by the lexicon alone: the learned reader, which
    infers emotions from events, must not turn "I'm not anxious at all" into anxiety."""
    folded = fold(text)
    return any(pattern.search(folded) for pattern in _PATTERNS.values())


def _about_someone_else(text: str, folded: str, start: int, before: str) -> bool:
    """ "She's frustrated", "he'd be hurt", "Marcus will be thrilled": the client describing someone
    else's feeling, not their own."""
    word = _WORD.match(folded, start)  # the cue's first word: "annoys" in "annoys me"
    end = word.end() if word else start
    if _OWN_SUBJECT.match(folded, start) or _AT_THE_CLIENT.match(folded, end) or _STIMULUS.search(folded, 0, end):
        return False
    other = _OTHER_PERSON.search(before)
    if other and not _TO_THE_CLIENT.search(other.group(1) or ""):
        return True
    if word and _is_their_verb(word.group(), folded, end, text[max(0, start - _WINDOW) : start], before):
        return True
    relative = _RELATIVE.search(before)
    if relative and not _TO_THE_CLIENT.search(relative.group(1)):
        return not _SPEAKER_BEFORE_WHO.search(folded, 0, start - len(relative.group(0)))
    named = _NAMED.search(straighten(text[max(0, start - _WINDOW) : start]))
    if not named or named.group(1) in _NOT_A_NAME or _TO_THE_CLIENT.search(fold(named.group(3))):
        return False
    # At the start of a sentence any word has a capital ("Work's frustrating"): there, a name is
    # read as one only before "will be", "'d be" (a feeling foretold of someone).
    opening = text[: start - len(named.group(0))].rstrip()
    return not (opening == "" or opening[-1] in '.!?"') or bool(_FUTURE.match(named.group(2)))


def _is_their_verb(cue: str, folded: str, end: int, raw_before: str, before: str) -> bool:
    """The cue is a feeling whose subject is someone else (`_SHE_FEELS`, `_THEIRS_FEELS`), and the
    client is not its object just after ("she frightened the hell out of me")."""
    if _CLIENT_AS_OBJECT.match(folded[end : end + _AFTER_THE_CUE]):
        return False
    if _SHE_FEELS.search(before):
        return True
    theirs = _THEIRS_FEELS.search(straighten(raw_before))
    if not theirs or not _THIRD_PERSON_VERB.search(cue):
        return False
    words = theirs.group(0).split()
    if len(words) > 1 and words[0].lower() in ("my", "his", "her", "our", "their"):
        return True  # "my dad worries"
    return words[0] not in _NOT_A_NAME and words[0] not in ("My", "Our")  # not "My worries are back"


def _short_quote(text: str, span: Span) -> Span:
    """The cue's sentence, cut to about 25 words around the cue."""
    sentence = sentence_around(text, span)
    words = sentence.text.split()
    if len(words) <= 25:
        return sentence
    left = max(sentence.start, text.rfind(" ", 0, max(0, span.start - 80)) + 1)
    right = text.find(" ", min(len(text), span.end + 80))
    right = sentence.end if right < 0 or right > sentence.end else right
    return Span(left, right, text[left:right])


def _intensity(sentence: str, cue: str) -> int:
    if cue in _FIGURATIVE or _STRONG.search(sentence) or sentence.count(cue) > 1:
        return 3
    if _MILD.search(sentence):
        return 1
    return 2


def valence_series(utterances: Sequence[Utterance], emotions: list[EmotionalSignal]) -> list[ValencePoint]:
    """-1..1 per client utterance: the intensity-weighted balance of its emotional signals."""
    score: dict[int, int] = defaultdict(int)
    for emotion in emotions:
        sign = 1 if emotion.valence == "positive" else -1 if emotion.valence == "negative" else 0
        for evidence in emotion.evidence[:1]:
            score[evidence.utterance] += sign * emotion.intensity
    return [
        ValencePoint(utterance=u.index, valence=max(-1.0, min(1.0, score[u.index] / 3)))
        for u in utterances
        if u.role in ("client", "notes")
    ]
