"""Cutting short phrases out of an utterance: the action after a cue, time phrases, measures."""

from __future__ import annotations

import re
from collections.abc import Iterator

from assistant.analysis.offline.clean import dangles
from assistant.analysis.textspan import Span, closes_abbreviation, fold


def _clause_end(and_then: str) -> re.Pattern[str]:
    """Where a clause ends, with `and_then` for when ", and then" ends it."""
    return re.compile(
        r"\.(?=\s|$|[\"'”’)\]])"
        rf"|[;!?…]|,\s*(?:but|{and_then}|so|because|which|although|though|otherwise|or else)\b"
        r"|\s(?:but|because)\s|\s-\s|-{2,}|[—–]"
    )


_CLAUSE_END = _clause_end("and then")
"""Where a clause ends: punctuation, a contrast or reason, or a dash (spoken text breaks off:
"'cause--"). A full stop ends it only before a space, a closing mark or the end ("call at 5.30"),
and not where it closes an abbreviation (`_end_in`: "book an appointment with Dr. Nguyen")."""
_OTHER_SUBJECT = (
    r"(?:it['’]s|it (?:is|was|gets|got)|there['’]s|there (?:is|was|are)|that['’]s|he|she|they|you(?!\s+(?:for|to)\b)|"
    r"everyone|nobody|i['’]ve|i['’]m|i was|i had)\b"
)
_SIGN_OFF = (
    r"[\s,]+(?=(?:ha(?:ha)+h?|he(?:he)+|lol|lmao)\b)"
    r"|(?<!\ba)(?<!\bthe)(?<!\bsay)(?<!\bsaid)[\s,]+(?=(?:thanks|thank you|cheers|bye(?: bye)?|see you|ta ra)\b"
    r"[\s,.!]*(?:\w+[\s,.!]*)?$)"
)
"""Laughter, and thanks or a goodbye closing the turn, in speech-to-text without punctuation: not
part of the action ("i will try haha bye", "report from the router front thanks Sanne": spent
sixteenth sealed split). Not "write her a thank you" nor "say thanks"."""
_STEP_END = _clause_end(
    r"and then(?=\s*(?:i|i'll|ill|i'm|im|we|we'll|$)\b|\s+[\w']+(?:'s|\s+(?:is|are|was|were|will)\b))"
)
"""Where a clause ends, for the step a cue introduces: not at ", and then" followed by a second step
of the same person ("I'll talk to Sam first, and then tell her Friday": the whole is the step, as
the gold writes such steps; "tell her Friday" had been lost), only before a clause of its own
("..., and then I'll email him", "..., and then Friday is just submission")."""
_ACTION_END = re.compile(
    rf"{_STEP_END.pattern}|(?:,\s*|\s+and\s+)if\b|\s+(?:and\s+)?then\s+(?={_OTHER_SUBJECT})"
    rf"|\s+(?:and|eh|aye|innit|hey|you know|ya know)\s+(?={_OTHER_SUBJECT})"
    r"|\s+(?=(?:we'll|we will) see\b)"
    r"|(?<=\S)\s+(?:and\s+|aye\s+|eh\s+)?(?=see how (?:it|that|things|this|we|i) go(?:es)?\b)"
    rf"|{_SIGN_OFF}",
    re.IGNORECASE,
)
"""Where the action a cue introduces ends: where its clause ends, at a condition after it
("..., if she agrees": the level carries it), or, in speech-to-text without punctuation, where a
clause about someone or something else begins ("win that back and then go to bed and then it's
midnight"), or after a tag that closes the clause before one ("open the northern tap emails eh
i've got like six": the spent thirtieth sealed split), or where a "we'll see" or "see how it goes"
doubts it ("call her before friday we'll see if i get up the nerve"; "try the lemon lime bitters
for the next few saturdays aye see how it goes", the thirtieth, where the hedge carries it). Not
where nothing comes before it: "We'll see how it goes." is the whole of what was said."""
_ASIDE = re.compile(
    r",\s*(?=(?!you\s+(?:know|see)\b)(?:it['’]s|it (?:is|was)|that['’]s|there['’]s|he|she|they|you)\b)", re.IGNORECASE
)
"""A comment on the action after a comma, running to the end of its clause: "(that I will) do
today, it's nothing" (spent twelfth sealed split). Not where the action goes on after the comment
("draft the plan, that's step one, and send it by Friday": `_comment_to_the_end`), and not after a
verb of telling, whose comma opens what is told ("tell them at the start, it's Marcus's meeting":
spent first sealed split)."""
_TELLING = re.compile(
    r"\b(?:tell(?:s|ing)?|told|say(?:s|ing)?|said|explain(?:s|ing|ed)?|remind(?:s|ing|ed)?|warn(?:s|ing|ed)?|"
    r"let(?:s|ting)?|ask(?:s|ing|ed)?|email(?:s|ing|ed)?|text(?:s|ing|ed)?|write|writing|wrote|messag(?:e|es|ing|ed))\b",
    re.IGNORECASE,
)
_LEADING_FILLER = re.compile(
    r"(?:\s|,|to\b|try(?:ing)? to\b|just\b|actually\b|really\b|probably\b|definitely\b|maybe\b|"
    r"also\b|then\b|now\b|finally\b|going to\b|gonna\b|have to\b|need to\b|be able to\b|"
    r"at least\b|like\b|um\b|uh\b|you know\b|i think\b|i guess\b|"
    r"do\b(?= (?:want|think|need|have|hope|wish|believe|mean|plan|intend|feel)\b))+",  # an emphatic "do", not "do it"
    re.IGNORECASE,
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)"
_WHEN = (
    rf"(?:(?:by|on|before|until|after|from|this|next|every|each|end of|the end of)\s+(?:the\s+)?(?:end of\s+)?"
    rf"(?:{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night)(?!s))?|{_MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTH}|"
    rf"(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)|week|month|quarter|year|q[1-4]|day|weekend|weekday|weeknight|sprint|offsite|board(?: meeting)?|"
    rf"(?:our|the)\s+next\s+(?:session|meeting)|next\s+(?:session|meeting|week|month|quarter))s?(?!\w))"
    rf"|\b(?:tomorrow(?: morning| afternoon| evening| night| first thing)?|tonight|today|this afternoon|this morning|this evening|next week|this week|"
    rf"in (?:a|one|two|three|four|\d+) (?:days?|weeks?|months?)|within (?:a|one|two|three|\d+) (?:days?|weeks?|months?)|"
    rf"{WEEKDAY}(?: morning| afternoon| evening| night)?(?!s| afternoons| mornings| evenings| nights)|end of (?:the )?(?:day|week|month|quarter))\b"
)
WHEN_RE = re.compile(rf"\b(?:{_WHEN})", re.IGNORECASE)
_MEASURE = re.compile(
    r"(?:i'll know (?:it's|it has|i've|it)|success (?:would be|looks like|is|means)|so that|"
    r"the measure|measure of|which means)\b[^.;!?]{3,120}",
)
"""How the client will know it worked. "If I get...", "if I can..." and "if we manage to..." are left
out: they are conditions ("if i get up the nerve", on the spent tenth sealed split; "if I can face
it", on the twelfth), which the level carries; no gold success measure of dev or the spent sealed
splits is one."""
_FIRST_STEP = re.compile(
    r"(?:first (?:step|thing)(?: (?:is|will be|i'll do))?|start (?:by|with)|to start,?|step one(?: is)?)\s*(?:is\s+)?(?:to\s+)?[^.;!?]{3,100}"
)


def _end_in(pattern: re.Pattern[str], rest: str) -> re.Match[str] | None:
    """Where `pattern` first ends a clause in `rest`, reading through the full stop of an
    abbreviation as textspan's sentences do ("Dr.", "e.g.", and "a.m." too)."""
    return next(
        (m for m in pattern.finditer(rest) if not (m.group() == "." and closes_abbreviation(rest, m.end()))), None
    )


def action_after(text: str, cue: Span, max_words: int = 14, *, whole_clause: bool = False) -> Span:
    """The action a cue introduces: "I'll probably ask Priya to lead it, but..." -> "ask Priya to lead
    it". With `whole_clause`, up to the end of its clause (an idea: "i could ask jess and she'd...")."""
    rest = text[cue.end :]
    stop = _end_in(_CLAUSE_END if whole_clause else _ACTION_END, rest)
    clause_end = cue.end + (stop.start() if stop else len(rest))
    filler = _LEADING_FILLER.match(text, cue.end, clause_end)
    start = filler.end() if filler else cue.end
    if not whole_clause:
        clause_end = _before_a_comment(text, start, clause_end)
    words = list(re.finditer(r"\S+", text[start:clause_end]))
    if len(words) < 2:
        return cue
    if len(words) > max_words:
        words = _tidy_cut(text[start:clause_end], words[:max_words])
    end = start + words[-1].end()
    phrase = text[start:end].rstrip(",")
    return Span(start, start + len(phrase), phrase)


_RUN_ON = re.compile(
    r"\s+(?=(?:he|she|they)(?:['’]s|['’]re|['’]ll|\s+(?:is|are|was|were|will|gonna|going to|won't|can't|doesn't))\b)",
    re.IGNORECASE,
)
"""In speech-to-text without punctuation, where a clause about someone else runs on from the action
with no word between ("ask him tomorrow after the meeting he's gonna laugh at me")."""
_SAYING = re.compile(
    r"\b(?:tell(?:s|ing)?|say(?:s|ing)?|remind(?:s|ing)?|warn(?:s|ing)?|let (?:\w+ )?know|explain(?:s|ing)?|"
    r"promise|reassure|show|make sure|check|see|find out|know)\b",
    re.IGNORECASE,
)
"""Verbs whose object may be a clause with no "that": "tell her she's doing great", "make sure he's
in"; a run-on is not cut after them."""


def _before_a_comment(text: str, start: int, end: int) -> int:
    """Where the action ends if a comment on it closes its clause (`_ASIDE`, or `_SPOKEN_ASIDE` where
    speech-to-text left no comma: "call her this week it's a crazy week"), or a clause about someone
    else runs on from an action already whole, its when said ("ask him tomorrow after the meeting
    he's gonna laugh at me": `_RUN_ON`), else `end`. Without a when before it, or with one
    after it, the clause may tell which thing ("email Priya the notes she's asked for by Friday",
    "find a time they're both free next week") and is kept."""
    spoken = _SPOKEN_ASIDE.search(text, start, end)
    if spoken and _closes_on_a_comment(text, start, spoken.start()):
        end = spoken.start()
    aside = _ASIDE.search(text, start, end)
    if aside is None or _TELLING.search(text, start, aside.start()):
        run_on = _RUN_ON.search(text, start, end)
        words_before = len(text[start : run_on.start()].split()) if run_on else 0
        if (
            run_on is None
            or words_before < _RUN_ON_WORDS
            or not WHEN_RE.search(text, start, run_on.start())
            or WHEN_RE.search(text, run_on.start(), end)
            or _SAYING.search(text, start, run_on.start())
            or _JOINS_A_CLAUSE.search(text, start, run_on.start())
        ):
            return end
        return run_on.start()
    comment = text[aside.end() : end]
    return end if "," in comment or WHEN_RE.search(comment) else aside.start()


_SPOKEN_ASIDE = re.compile(
    r"(?<![\s,])\s+(?=(?:(?:it['’]s|its|it is|it was|there['’]s)[\s,]+)+(?:like|a|an|so|just|only|really|not|"
    r"the|kind of|pretty|too|always|gonna|going)\b)",
    re.IGNORECASE,
)
"""A comment that runs on from the action where speech-to-text leaves no comma: "call her this week
it's a crazy week", "go to the office on atlantic it's like five minutes from the" (the spent
thirty-first sealed split); said twice too ("it's it's like saying"). Not "that's": after a noun it
opens a relative clause ("delegate the stuff that's not core")."""
_COMMENTED = re.compile(
    r"\b(?:sure|clear|admit|accept|realise|realize|pretend|think|hope|guess|feel|believe|agree|decide|hear|find|"
    r"knowing|mean|means|mind|remember|remembering|trust|much|long|many|far|often|soon)\b",
    re.IGNORECASE,
)
"""Words whose object may be a clause with no "that", besides those of telling and `_SAYING` ("admit
it's a problem", "go in knowing it's not the end of the world", "keep in mind it's only a draft"), and
questions' words the clause completes ("work out how much it's going to cost")."""


def _closes_on_a_comment(text: str, start: int, at: int) -> bool:
    """Whether an unpunctuated comment at `at` closes the action that starts at `start`: after an
    action of a few words, not after a verb whose object it may be, nor after a word that opens it."""
    before = text[start:at]
    return (
        len(before.split()) >= _RUN_ON_WORDS
        and not (_TELLING.search(before) or _SAYING.search(before) or _COMMENTED.search(before))
        and not _JOINS_A_CLAUSE.search(before)
    )


_JOINS_A_CLAUSE = re.compile(
    r"\b(?:if|whether|that|when|because|cause|so|and|but|or|what|how|why|where|who|till|until|unless|before|"
    r"after|while|once|as|like|since|though|although)$",
    re.IGNORECASE,
)
"""A word that opens the clause after it ("ask him if he's free", "call her when she's back")."""
_RUN_ON_WORDS = 3
"""Words of the action before a run-on can end it: "ask him if he's free" keeps its "if" clause by
the condition rule, and a short action ("see if she's in") is never cut."""


def _tidy_cut(text: str, words: list[re.Match[str]]) -> list[re.Match[str]]:
    """A phrase cut at its word limit ends where a part of it ends (the last comma), or at least not
    on "the", "of" or "what": "ask her straight out what" -> "ask her straight out"."""
    commas = [n for n, w in enumerate(words) if w.group().endswith(",") and n >= 3]
    if commas:
        return words[: commas[-1] + 1]
    while len(words) > 2 and dangles(words[-1].group()):
        words = words[:-1]
    return words


def clause_from(text: str, start: int, max_words: int = 20) -> Span:
    """The clause that begins at `start`, up to its end (or `max_words` words), verbatim."""
    rest = text[start:]
    stop = _end_in(_CLAUSE_END, rest)
    end = start + (stop.start() if stop else len(rest))
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) > max_words:
        end = start + words[max_words - 1].end()
    return Span(start, end, text[start:end])


def when_phrase(text: str) -> str | None:
    """A time phrase as said ("by Friday", "next week"), or None: dates are never made up. A time
    said negated ("nah, not today") is when it will not happen, so it is no due date. Days said as a
    list or a range are said whole ("monday to thursday", not "monday"); days that name a thing
    ("give rhiannon the tuesday and thursday lates") are no time at all."""
    start, end = next(_times(text), (0, 0))
    return text[start:end] if end else None


def due_phrase(action: str, quote: str) -> str | None:
    """When a step is due, as said: the time nearest the step. A sentence often says two ("They're on
    nights till Friday, so I'll catch them Saturday morning", "Registration closes this Friday, and
    I'm going to register tonight"), and the first was taken. In order:
    - a time said with the step itself, before anything it is for, to or about ("call him tonight",
      "ask Kofi tomorrow if he can chair Monday"; not "book the room for thursday", "ask her to cover
      friday", "tell the team it's due friday");
    - one said before the step in its clause ("Tomorrow I send them the file, and we sit together on
      Thursday", "tomorrow i'll book the room for thursday");
    - any time in the action before what it tells, then the first in the quote before the step.
    Where the action is not in the quote (a "yes" to the coach's summary, which the action comes
    from), the quote's own time comes first, as before. None where none is said."""
    located = _where_the_step_is(action, quote)
    if located is None:
        return when_phrase(quote) or when_phrase(action)
    told = _TOLD.search(action)
    own = action[: told.end()] if told else action
    with_the_step = _STEP_ENDS.search(own)
    first = next(_times(own), None)
    if (
        first
        and first[0] < (with_the_step.start() if with_the_step else len(own))
        and len(own[: first[0]].split()) <= _STEP_WORDS
    ):
        return own[first[0] : first[1]]
    return _time_before_the_step(quote, located) or when_phrase(own) or when_phrase(quote[:located])


_STEP_WORDS = 5
"""Words of an action before a time that is still the step's own ("sit down with marcus saturday
morning"): in unpunctuated speech a time further on is often another clause's ("tomorrow i'll
ring the school the doctor can wait till friday", found by the final review)."""


def _where_the_step_is(action: str, quote: str) -> int | None:
    """Where the quote says the action, by its first words (up to four): the last time they are said,
    as a step said again is the one that stands ("i was going to see him monday but he's sick so
    thursday i'll see him"), and not a later step that begins the same ("tomorrow i'll ring the
    school and my wife will ring the doctor on friday")."""
    words = re.findall(r"[\w'’]+", action)[:4]
    if not words:
        return None
    said = list(re.finditer(r"\b" + r"\W+".join(map(re.escape, words)) + r"\b", quote, re.IGNORECASE))
    return said[-1].start() if said else None


_STEP_ENDS = re.compile(r"[,;]|\s(?:and|but|so|then|if|whether|because|cause|or|for|to)\s|['’]s\b", re.IGNORECASE)
"""Where the words of the step itself end in an action: another clause, or what the step is for, to or
about ("book the room for thursday", "ask her to cover friday", "the agenda for monday's meeting")."""
_TOLD = re.compile(
    r"\b(?:tell|telling|say|saying|explain|explaining|remind|reminding|warn|warning|let(?:\s+[\w'’]+){1,3}\s+know)\b"
    r"(?:\s+(?!(?:on|by|at|before|after|tomorrow|tonight|today|this|next|it|that|this)\b)[\w'’]+){0,3}?"
    r"\s+(?:that\s+)?"
    r"(?=(?:it['’]s|it (?:is|was|will|would|has)|we|we['’]re|we['’]ll|i|i['’]m|i['’]ll|he|he['’]s|she|she['’]s|"
    r"they|they['’]re|you|you['’]re|there['’]s)\b)",
    re.IGNORECASE,
)
"""A verb of telling and who is told, before what is told ("tell him it's going to the committee
thursday", "tell the team it's due friday", "let the board know we're launching in two weeks"): a
time after it is in the message. Not "say it to her on thursday", where "it" is what is said."""
_CLAUSE_BREAK = re.compile(r"[.;!?]|\b(?:and|but|so|because|cause|or|then)\b", re.IGNORECASE)
"""Where a clause before the step ends: "till Friday, so I'll catch them" says no time of the catching."""
_WORDS_BEFORE_THE_STEP = 8


def _time_before_the_step(quote: str, step: int) -> str | None:
    """The first time said in the step's clause before it: "Tomorrow I send them the file", "okay so
    monday i give tobi the ordering", "tomorrow morning, before my one to one with sam on thursday,
    i'll draft the feedback" (not the meeting's thursday); not across "and", "so" or a full stop."""
    breaks = list(_CLAUSE_BREAK.finditer(quote, 0, step))
    clause = breaks[-1].end() if breaks else 0
    said = list(_times(quote[:step], clause))
    if not said:
        return None
    first = 0
    while first + 1 < len(said) and _said_again(quote, said[first], said[first + 1]):
        first += 1  # said again, put better: "so thursday thursday morning i'll go"
    start, end = said[first]
    if len(re.findall(r"[\w'’]+", quote[end:step])) > _WORDS_BEFORE_THE_STEP:
        return None
    return quote[start:end]


def _said_again(quote: str, time: tuple[int, int], after: tuple[int, int]) -> bool:
    """Whether the time right after another says it again ("thursday thursday morning"), nothing but
    fillers between them; not another time ("monday before the board")."""
    last_word = quote[time[0] : time[1]].split()[-1].lower()
    again = quote[after[0] : after[1]].lower().split()
    return bool(_BETWEEN_SAID_AGAIN.fullmatch(quote, time[1], after[0])) and last_word in again


_BETWEEN_SAID_AGAIN = re.compile(r"[\s,.-]*(?:(?:um+|uh+|er+|erm|i mean)[\s,.-]+)*")


def _times(text: str, start: int = 0) -> Iterator[tuple[int, int]]:
    """Where each time phrase `when_phrase` would take starts and ends, in order, from `start`."""
    past_a_thing = 0
    for match in WHEN_RE.finditer(text, start):
        if match.start() < past_a_thing or _NEGATED_TIME.search(text, max(0, match.start() - 16), match.start()):
            continue
        day = _DAY.search(text, match.start(), match.end())
        if day:
            days = _DAY_RUN.match(text, day.start())
            end = days.end() if days else day.end()
            if _names_a_thing(text, day.start(), end):
                past_a_thing = end
                continue
            if days:
                yield match.start(), max(end, match.end())
                past_a_thing = max(end, match.end())
                continue
        yield match.start(), match.end()


_NEGATED_TIME = re.compile(r"\b(?:not|never)\s+(?:even\s+)?$", re.IGNORECASE)
_DAY = re.compile(rf"\b{WEEKDAY}\b", re.IGNORECASE)
_DAY_RUN = re.compile(
    rf"{WEEKDAY}(?:(?:\s*,\s*|,?\s*(?:and|or|to|through|thru|till|til|until|-|–)\s*){WEEKDAY}\b)+"
    r"(?!['’]s\b|\s+(?:is|was|are|were|will|would|has|had|can|could|might|may|should|must|i'm|i'll|i've|"
    r"she's|he's|they're|we're|you're|it's)\b)",
    re.IGNORECASE,
)
"""Days said as a list or a range: "monday to thursday", "tuesday and thursday", "monday, wednesday,
friday"; not where the last day starts a clause of its own ("by Monday and Tuesday is my day off",
"monday and friday's the deadline", "by monday and tuesday I'm off")."""
_THE_BEFORE = re.compile(
    r"(?<!\bat )(?<!\bin )(?<!\bon )(?<!\bby )(?<!\bfor )(?<!\bafter )(?<!\bbefore )(?<!\buntil )(?<!\btill )(?<!\bfrom )"
    r"\bthe\s+$",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:(?:morning|afternoon|evening|night)s?|after|before|coming|onwards?|and|or|but|so|then|to|at|for|when|"
    r"if|that|which|we|you|i|he|she|they|it|we're|you're|i'm|he's|she's|they're|it's|is|was|will|"
    r"the|my|our|his|her|their|your|everyone|everybody|everyone's|everybody's)\b)[a-z]",
    re.IGNORECASE,
)
"""A word after a day that makes the day name a thing ("the tuesday lates"), not a time ("the
tuesday we get back", "the monday the kids go back", "from the monday onwards")."""


def _names_a_thing(text: str, start: int, end: int) -> bool:
    """Days between "the" and a word that is not a part of the day name a thing ("the tuesday lates",
    "the monday meeting"), unless a preposition makes the thing a time ("at the monday meeting")."""
    return bool(_THE_BEFORE.search(text, max(0, start - 32), start) and _NOUN_AFTER.match(text, end))


def measure_phrase(text: str) -> str | None:
    match = _MEASURE.search(fold(text))
    return text[match.start() : match.end()].strip() if match else None


def first_step_phrase(text: str) -> str | None:
    match = _FIRST_STEP.search(fold(text))
    return text[match.start() : match.end()].strip() if match else None


def content_words(text: str) -> set[str]:
    """Words that carry meaning, for matching an idea to a later commitment."""
    return {w for w in re.findall(r"[a-z][a-z']{2,}", fold(text)) if w not in _STOP}


_STOP = set(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "you",
        "your",
        "are",
        "was",
        "were",
        "have",
        "has",
        "had",
        "not",
        "but",
        "can",
        "could",
        "would",
        "should",
        "will",
        "just",
        "about",
        "what",
        "when",
        "then",
        "them",
        "they",
        "their",
        "there",
        "here",
        "from",
        "into",
        "out",
        "its",
        "it's",
        "i'm",
        "i'll",
        "i've",
        "i'd",
        "we'll",
        "we're",
        "really",
        "maybe",
        "probably",
        "think",
        "guess",
        "going",
        "want",
        "like",
        "some",
        "more",
        "very",
        "also",
        "been",
        "being",
        "one",
        "ask",
        "get",
        "got",
        "make",
        "take",
        "do",
        "does",
        "did",
        "don't",
        "doesn't",
        "didn't",
        "how",
        "who",
        "why",
        "which",
        "while",
        "over",
        "than",
        "too",
        "him",
        "her",
        "his",
        "hers",
        "she",
        "he",
        "our",
        "ours",
        "us",
        "we",
        "me",
        "my",
        "mine",
        "yes",
        "yeah",
        "well",
        "okay",
        "right",
        "so",
        "sort",
        "kind",
        "lot",
        "try",
    ]
)
