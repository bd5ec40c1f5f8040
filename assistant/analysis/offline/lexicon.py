"""The offline engine's language knowledge: hedges and the motivational-interviewing cues.

Patterns run on text folded by `textspan.fold` (lower case, straight apostrophes). Each cue
names the talk type and DARN-CAT subtype it signals; `EXCEPTIONS` hold the phrases that look
like a cue but are not one ("I'll be honest", "I can't keep doing this").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.types import DarnCat, TalkType

_I = r"\b(?:i|we)"  # first person: the coachee, or their team speaking through them

HEDGES = [
    r"i'll try",
    r"i will try",
    r"i'm going to try",
    r"i am going to try",
    r"i'd try",
    r"try to",
    r"i can try",
    r"i could try",
    r"trying to",
    r"maybe",
    r"perhaps",
    r"possibly",
    r"probably",
    r"might",
    r"i guess",
    r"i suppose",
    r"i think i(?:'ll| will| can| could| should| might| need)",
    r"i think we(?:'ll| will| can| could)",
    r"sort of",
    r"kind of",
    r"kinda",
    r"we'll see",
    r"hopefully",
    r"i hope",
    r"if i (?:have|get|find) (?:the )?time",
    r"if i can",
    r"if i get (?:a|the) chance",
    r"ideally",
    r"in theory",
    r"i should",
    r"i ought to",
    r"at some point",
    r"more or less",
    r"not sure",
    r"i'd like to think",
    r"fingers crossed",
    r"when things calm down",
    r"if all goes well",
    r"if nothing else comes up",
    r"depending on",
    r"ish\b",
    r"or so",
    r"i'll see",
    r"i'll aim to",
    r"aim to",
    r"i'd like to",
    r"if possible",
    r"as much as i can",
    r"where i can",
    r"a bit",
    r"somewhat",
    r"eventually",
    r"one day",
    # conditions and reservations that weaken an intention
    r"if (?:the|my|it|that|things?|time|work|everything)\b[^,.;!?]{0,30}\b(?:allows?|permits?|comes up|goes well|works out)",
    r"if i get (?:a|the|some) \w+",
    r"if it comes up",
    r"let's see",
    r"no promises",
    r"(?:i )?can't promise",
    r"don't hold me to",
    r"i'll see what i can do",
    r"assuming",
    r"unless",
    r"all being well",
    r"touch wood",
    r"in principle",
    r"with (?:any )?luck",
    r"if all goes to plan",
    r"for now",
    r"give it a (?:go|shot|try|whirl)",
    r"see if",
    r"see how",
    r"do my best",
    r"do what i can",
    r"as soon as i can",
    r"when i (?:get|find) (?:a |the )?(?:chance|moment|minute|time)",
    r"when i can",
    r"sometime",
    r"at some stage",
    r"i reckon",
    r"i imagine",
    r"i expect",
    r"i think(?=\s*[.!?,;]|$)",  # "I'll do it on Monday, I think."
]
HEDGE_RE = re.compile(r"\b(?:" + "|".join(HEDGES) + r")\b")
_OPENING_HEDGE_RE = re.compile(r"(?:probably|maybe|perhaps|possibly|hopefully)\b")


@dataclass(frozen=True)
class Cue:
    """A phrase that signals client talk of one type and subtype."""

    talk: TalkType
    darncat: DarnCat
    pattern: re.Pattern[str]


def _cues(talk: TalkType, darncat: DarnCat, *patterns: str) -> list[Cue]:
    return [Cue(talk, darncat, re.compile(p)) for p in patterns]


# An adverb between "I" and "can't" that leaves the meaning alone: "I just can't keep doing this".
_SOFTENER = r"(?:kind of |sort of |just |really |honestly |simply )?"

# What the status quo sounds like as the object of a refusal: "I won't keep doing it all".
STATUS_QUO = r"(?:keep|continue|carry on|go on|stay|go back|be the (?:one|bottleneck|person)|let (?:it|this|that|them)|do (?:it|this|everything) all|be stuck|end up)"

# Checked before the cues: phrases that contain a cue's words but say something else.
EXCEPTIONS = [
    r"i'll be honest",
    r"i'll admit",
    r"i'll tell you",
    r"i'll give (?:you|them|him|her) that",
    r"i'll give you",
    r"i'll say (?:this|that) (?:for|much)",
    r"i'll take (?:that|it)(?=[.!,]|$)",
    r"i'll frame it",
    r"i'll tear",
    r"i could (?:scream|kill|cry)",
    r"i'm not saying i'm",
    r"i'll think about",
    r"i'm not going to lie",
    r"(?:didn't|did not|never) (?:say|said|promise|promised) (?:i'd|i would|i'll|i will)(?: \w+)?",  # "I didn't say I'd do that"
    r"i(?:'d| would) have (?:\w+ed|been|done|gone|got|had|known|seen|said|taken|made|given|walked|thought)\b",  # the past that didn't happen
    r"(?:i|we)'ll see(?=\s*[.,!?;]|$)",  # a hedge ("We'll see."), not an intention
    r"i'd say(?=\s*[.,!?;]|$| (?:yes|no|so|about|around|roughly|maybe|probably|it's|that's|zero|one|two|three|four|five|six|seven|eight|nine|ten|\d))",  # an estimate or a judgement, not an action
    r"i can(?:'t|not) promise",  # a hedge on an intention, not inability
    r"i can(?:'t|not) (?:decide|commit|choose|say|know|tell|answer|start)\b[a-z' ]{0,30}?\b(?:until|without|unless)\b",  # a precondition: "I can't decide until I've seen the numbers"
    r"(?:when|whether) i'll",
    r"i want to (?:talk|start|go back|come back|pick up|look at|tell you|share|run something)",
    r"(?:what if|if|suppose|imagine|say) (?:i|we) \w+ed\b",  # a hypothetical, not a step taken
    r"(?:because|cause|otherwise|or else|in case) if [^.;!?]*",  # "because if I open my mouth I'll say..."
    r"(?:i'll think|i think to myself|i tell myself|i'll tell myself|i say to myself),? i'll \w+",  # a reported thought r"i'll think,", r"i'll be a wreck", r"i'll get through",
    r"i will say",
    r"i'll grant",
    r"i'm going to be honest",
    r"i'm going to say",
    r"i'll be frank",
    r"i can (?:see|tell|imagine|remember|hear|understand|feel|relate|guess|think of|picture)",
    r"i could (?:see|tell|imagine|hear|feel|sense|have cried|have screamed)",
    r"i can't (?:remember|believe|wait|tell|imagine|sleep|stop thinking|get (?:it|that) out of)",
    r"i could(?:n't| not) (?:believe|sleep|stop thinking|wait|imagine)",
    r"i want to (?:say|be honest|ask|know|check|make sure i understand|understand)",
    r"i need to (?:think|vent|say|tell you|be honest)",
    r"i have to say",
    r"i have to admit",
    r"i have to be honest",
    r"i've got to say",
    r"i must say",
    r"i must admit",
]
EXCEPTION_RE = re.compile(r"\b(?:" + "|".join(EXCEPTIONS) + r")\b")


# "Booked it this morning." A step reported without its subject; in a coach's notes the missing
# subject could be the coach, so this is read only in the client's own words.
_UNSAID_I_DID = r"(?:^|(?<=[.!?] ))(?:booked|sent|told|started|blocked|drafted|scheduled|delegated) (?:it|them|her|him|that|the|this)\b"


def _build_cues(i: str) -> tuple[list[Cue], list[Cue]]:
    """Change and sustain cues for a subject pattern: the client's "I", or a note's "she"."""
    first_person = i == _I
    change = [
        *_cues(
            "change",
            "commitment",
            rf"{i} won't {STATUS_QUO}",
            rf"{i}(?:'m| am| are|'re|'s| is) not (?:going to|gonna) {STATUS_QUO}",
            rf"{i}(?:'ll| will| shall)\b(?! never)",
            rf"{i}(?:'m| am|'re| are|'s| is) (?:going to|gonna)\b",
            rf"{i}(?:'ve| have|'s| has)? decided\b",
            rf"{i} (?:plan|intend) (?:to|on)\b",
            rf"{i}(?:'m| am|'s| is) planning (?:to|on)\b",
            rf"{i} promise\b",
            rf"{i}(?:'m| am|'s| is) committ(?:ed|ing) to\b",
            r"\bmy plan is\b",
            r"\bstarting (?:tomorrow|monday|tuesday|wednesday|thursday|friday|next week|this week|today)\b",
            r"\bfrom now on\b",
            rf"{i} don't take (?:it|that|them) back\b",
            rf"^(?:and )?then {i} (?:ask|tell|offer|say|go|write|book|call|send|do|pull|put|raise|walk|show|name)\b",
            rf"{i}(?:'m| am) not (?:going to )?(?:drop|give up on|let go of|dropping|giving up on|letting go of) (?:it|this|that)\b",
            r"\bit's (?:booked|happening|in the diary|in the calendar)\b",
            r"\b(?:that one's|that one is|it's|they're|that's|the rest are|this is) (?:definitely |really )?happening\b",
            r"\bi'm done (?:missing|being|waiting|with|letting|saying)\b",
            r"\bno more\b(?! than)",
            r"^\s*(?:yes|yeah|yep|absolutely|definitely)[,.!]? (?:i (?:will|am|do)|i'll|i'm in)\b",
            rf"{i} commit\b",
            r"\blet me (?:do|take|try|talk|start|draft|send|set)\b",
        ),
        *_cues(
            "change",
            "activation",
            rf"{i}(?:'m| am|'re| are|'s| is) (?:ready|willing|prepared|open|happy|up for it|keen) (?:to|for)\b",
            rf"{i}(?:'m| am|'s| is) up for\b",
            r"\bi'm in(?=[.!,]|$)",
            r"\bi'm game\b",
            r"\bcount me in\b",
            rf"{i}(?:'m| am|'s| is) (?:ready|willing)\b",
        ),
        *_cues(
            "change",
            "taking_steps",
            rf"{i}(?:'ve| have|'s| has)? (?:already|actually|finally|just) (?:\w+ed|done|did|sent|told|spoke|spoken|met|made|gave|given|wrote|written|put|set|begun|began)\b",
            rf"{i}(?:'ve| have|'s| has)? (?:started|drafted|delegated|handed (?:over|off)|blocked|booked|scheduled|set up|tried|practi[sc]ed|rehearsed|declined|turned down|stopped|cancell?ed|reached out|signed up|wrote down|written down|put it in|asked (?:her|him|them|my|priya|\w+) to)\b",
            rf"{i}(?:'ve| have|'s| has)? said no\b",
            rf"{i} did it\b",
            rf"{i} didn't (?:take (?:it|that|them) back|rewrite|redo|step in|jump in|fix it myself|touch it)\b",
            rf"{i} (?:asked|told|sent|booked|emailed|called|messaged|raised it|gave (?:her|him|them)|handed|showed|let (?:her|him|them))\b",
            r"\bi gave (?:her|him|them) (?:the|that|some) feedback\b",
            # what a follow-up session reports: "I kept the log", "I stuck to it", "Booked it this morning."
            rf"{i} (?:kept (?:a|the) (?:log|diary|journal|record|list)|kept (?:it|that) (?:going|up)|kept to (?:it|the plan|that)|stuck (?:to|with)|managed to|made it to|turned (?:it |slack |email |the phone )?off)\b",
            *([_UNSAID_I_DID] if first_person else []),
            rf"{i}(?:'ve| have|'s| has) been (?:doing|trying|practi[sc]ing|working on|blocking|delegating)\b",
        ),
        *_cues(
            "change",
            "need",
            rf"{i}(?:'ve| have|'s| has)? (?:really )?(?:need|have|got) to\b(?! (?:think|say|admit|be honest|tell you))",
            rf"{i} must\b",
            r"\b(?:this|it|something|that) (?:has|needs|have) to (?:stop|change|give)\b",
            rf"{i} {_SOFTENER}can(?:'t|not) (?:keep|go on|continue|carry on|afford to keep|do this forever|sustain)\b",
            # the limits of the status quo, said as inability: a reason to delegate, not against it
            rf"{i} {_SOFTENER}can(?:'t|not) (?:do (?:it all|everything|all of it)|be everywhere|be the (?:bottleneck|one who))\b",
            r"\bit's time (?:to|i|for me)\b",
            r"\bcan't go on like this\b",
            r"\bneeds to change\b",
            r"\bit can't be me\b",
            r"\b(?:it's|that's|this is) not sustainable\b",
            r"\b(?:it|this|that) has to happen\b",
            r"\bit's (?:long )?overdue\b",
            r"\bsomething has to go\b",
            # not "I should have known" / "I should have it figured out": a regret or an expectation
            rf"{i} should\b(?!'ve\b| have (?!to\b|an?\b|the\b)\w+)",
            r"\bit's now or never\b",
        ),
        *_cues(
            "change",
            "desire",
            rf"{i}(?:'d| would) (?:really |much |genuinely )?(?:like|love|prefer) to\b",
            rf"{i} (?:really |genuinely |do |so )?want (?:to|more|my)\b",
            rf"{i} wish\b",
            rf"{i}(?:'m| am|'s| is) hoping (?:to|that)\b",
            rf"{i} hope to\b",
            r"\bmy goal is\b",
            rf"{i} don't want to {STATUS_QUO}",
            r"\bwhat i (?:really )?want is\b",
        ),
        *_cues(
            "change",
            "ability",
            rf"{i} (?:could|can)\b(?!'t| not| never)",
            rf"{i}(?:'m| am|'re| are|'s| is) able to\b",
            rf"{i} might be able\b",
            rf"{i}(?:'d| would) be able to\b",
            r"\bit's (?:possible|doable|manageable)\b",
            rf"{i} know how to\b",
            r"\bone option (?:is|would be)\b",
            r"\banother option\b",
            r"\bwhat if (?:i|we)\b",
            r"\bwhat if (?!i\b|we\b|it\b|that\b)[a-z]+ (?:\w+ed|took|ran|led|did|had|gave|went|made|owned|got)\b",
            # "I'll think about it" / "I'm going to look into it": weighing, not yet intending
            rf"{i}(?:'ll| will|'m going to| am going to| might) (?:think about|consider|explore|look into|reflect on|weigh|mull)",
            r"\bi think i can\b",
            r"\bi'm capable\b",
            rf"{i}(?:'d| would) (?:tell|ask|say|start|go|frame|write|send|book|offer|let|put|show|pull|set|bring|do)\b",
        ),
        *_cues(
            "change",
            "reason",
            r"\b(?:it|that|this) (?:would|will|could|'d|might) (?:free|give|help|save|mean|let|make|allow|reduce|show|build|get)\b",
            r"\bthen i(?:'d| would) (?:have(?! to\b)|be able|get)\b",
            r"\bso that i\b",
            r"\bthat way (?:i|we|they|she|he)\b",
            r"\b(?:it|that) would be (?:better|good|easier|great|healthier|a relief)\b",
            r"\bthe (?:team|they|she|he) would (?:grow|learn|step up|develop)\b",
            r"\bthe benefit\b",
            r"\bi(?:'d| would) (?:have|get) (?:more|my|some) (?:time|evenings|weekends|headspace|life)\b",
            r"\b(?:they|she|he) deserve\b",
            r"\bit's costing me\b",
            r"\bcosts? me\b",
            rf"\bif {i} (?:keep|carry on|continue|go on)\b",
            r"\bi'm (?:why|the bottleneck|the problem)\b",
            r"\b(?:that|it) (?:actually )?helps\b",
            r"\bthat would be the dream\b",
            r"\bi'd regret\b",
            r"\bthat's (?:exactly )?what i want\b",
            r"\bi don't want to be that\b",
            r"\b(?:that's|it's|that is) (?:really |actually )?(?:useful|the right (?:call|thing|move)|right for)\b",
            r"\bi (?:was|am|'m) the (?:bottleneck|one in the weeds|problem)\b",
            r"\bif i stepped back\b",
            # problem recognition: the client names what the status quo gets wrong
            rf"{i}(?: was|'d| had|'ve| have)(?: got| had)? (?:it |this |that )?(?:wrong|the wrong way round|backwards)\b",
            r"\b(?:was|is|it's|that's) (?:just )?an excuse\b",
            r"\b(?:it|that|this) sounds (?:a bit |pretty |completely |totally |kind of )?(?:ridiculous|insane|mad|crazy|absurd)\b",
        ),
    ]

    sustain = [
        *_cues(
            "sustain",
            "commitment",
            rf"{i} won't\b",
            rf"{i}(?:'m| am|'re| are|'s| is) not (?:going to|gonna)\b",
            rf"{i} refuse\b",
            r"\bnot (?:going to|gonna) happen\b",
            rf"{i}(?:'m| am|'s| is) not doing\b",
            rf"{i} don't plan to\b",
            r"\bforget it\b",
            r"\bno chance\b",
            rf"{i}(?:'ll| will) never\b",
            r"\bno way am i\b",
            rf"{i}(?:'ve| have)? decided not to\b",
            rf"{i}(?:'m| am) not touching\b",
            r"\b(?:that|it) stays with me\b",
            rf"{i}(?:'ll| will) cave\b",
            rf"{i}(?:'ll| will) be tempted\b",
            rf"{i} don't think {i}(?:'ll| will)\b",
            rf"{i} doubt {i}(?:'ll| will| can| could)\b",
            rf"{i}(?:'m| am|'s| is) not (?:delegating|giving|handing|changing|signing up|dropping|stopping|moving|letting go)\b",
            r"\b(?:that's|it's|this is) not happening\b",
            r"\bnot (?:now|this (?:quarter|year|time|month))\b",
        ),
        *_cues(
            "sustain",
            "taking_steps",
            rf"{i} (?:ended up|wound up) (?:doing|taking|rewriting|redoing|fixing|stepping)\b",
            rf"{i} took (?:it|them|that|those|the \w+) back\b",
            rf"{i} did it myself\b",
            # Not having done something yet is neutral news, not an argument for the status quo.
            rf"{i} never got (?:to|round|around)\b",
            rf"{i} slipped\b",
            rf"{i} went back to\b",
            rf"{i} (?:caved|backed down|bailed|chickened out)\b",
            rf"{i} (?:just )?(?:stepped in|jumped in|took over|rewrote (?:it|them)|redid (?:it|them)|grabbed it back|pulled it back)\b",
            # an attempt that failed: an argument that trying again is pointless
            rf"{i}(?:'ve| have)? tried (?:that |it |this )?before\b",
            r"\b(?:it|that) (?:didn't|did not) (?:work|stick|last)\b",
            r"\bit (?:only )?lasted (?:a|one|two|three|a few|about a) (?:days?|weeks?|months?)\b",
        ),
        *_cues(
            "sustain",
            "ability",
            rf"{i} {_SOFTENER}can(?:'t|not)\b",
            rf"{i} couldn't\b",
            rf"{i} don't know (?:if|whether) {i} (?:can|could)\b",
            rf"{i}(?:'m| am|'s| is) not sure (?:if |whether |that )?{i} (?:can|could)\b",
            rf"{i}(?:'m| am|'s| is) (?:just )?not sure {i}(?:'m| am|'s| is) (?:ready|there)\b",
            r"\bnot there yet\b",
            rf"{i}(?:'m| am|'s| is) not able\b",
            rf"{i} don't know how\b",
            r"\bno way (?:i|that|we)\b",
            r"\bimpossible\b",
            rf"{i} don't think (?:i|we) (?:can|could)\b",
            rf"{i} could never\b",
            rf"{i}(?:'m| am|'s| is) not (?:good|cut out|built)\b",
            rf"{i} wouldn't know how\b",
            r"\b(?:it's|that's) (?:just )?not who i am\b",
            r"\b(?:it's|that's|it is|that is|it'd be|it would be) (?:just )?too (?:hard|difficult)\b",
            rf"{i}(?:'ve| have) never been (?:able|good)\b",
        ),
        *_cues(
            "sustain",
            "desire",
            rf"{i}(?:'d| would) rather not\b",
            rf"{i}(?:'d| would) rather (?:just )?(?:do|keep|stay|handle|not)\b",
            rf"{i}(?:'m| am|'s| is) not interested\b",
            rf"{i} don't (?:really )?feel like\b",
            r"\bi (?:like|enjoy|love) (?:being|doing it|having control)\b",
            r"\bi like (?:it|things) (?:the way|as) (?:it is|they are)\b",
            rf"{i}(?:'m| am) (?:happy|comfortable|fine) with (?:how (?:it is|things are)|(?:it|things) (?:as|the way) (?:it is|they are))",
        ),
        *_cues(
            "sustain",
            "need",
            rf"{i} don't (?:really )?(?:need|have) to\b",
            r"\bthere's no need\b",
            r"\bit's not (?:a problem|an issue|necessary|needed|that bad|a big deal)\b",
            r"\bit works (?:fine|ok|okay|well)\b",
            r"\bit's fine (?:as it is|the way it is)\b",
            r"\bwhy (?:would|should) i\b",
            r"\bnot a priority\b",
            r"\bi'm fine\b",
            r"\b(?:someone|somebody) has to\b",
            r"\bit has to be me\b",
            r"\bdon't see the point\b",
        ),
        *_cues(
            "sustain",
            "reason",
            r"\bit's (?:faster|quicker|easier|simpler|safer) (?:if|when|to)\b",
            r"\b(?:they|she|he)(?:'ll| will| would)? (?:mess|screw|drop|miss|get it wrong|not get it)\b",
            r"\bnobody (?:else )?(?:can|knows|will)\b",
            r"\bno one (?:else )?(?:can|knows|will)\b",
            r"\bi'm the only one\b",
            r"\bwaste of (?:time|money)\b",
            r"\bnot worth\b",
            r"\b(?:it|that|this) (?:won't|wouldn't|doesn't|don't) work\b",
            r"\btoo risky\b",
            r"\bthey're not ready\b",
            r"\b(?:isn't|aren't|not) ready\b",
            r"\bit's my job to\b",
            r"\bif i don't do it\b",
            r"\bi'd lose\b",
            r"\bi'll lose\b",
            r"\bthat's (?:just )?how (?:i am|it is|it works)\b",
            r"\bwhat's the point\b",
            r"\bpointless\b",
            r"\bi don't have (?:the )?time\b",
            r"\bno time\b",
            r"\bkeeps? me from\b",
            r"\bi can't get past\b",
            r"\bflying blind\b",
            r"\bthings (?:will )?fall over\b",
            rf"\bif {i} step back\b",
            r"\beveryone looks at me\b",
            r"\bit's easier\b",
            r"\bi know myself\b",
            r"\b(?:it|that) feels (?:so |too |very )?risky\b",
            # "it's not fair on me" argues for the change; "it's not fair" about the feedback argues against it
            r"\b(?:it's|that's) not (?:fair(?! (?:on|to) )|realistic|that simple|that easy|the right time)\b",
            r"\bi(?:'m| am) (?:a bit |a little |really |so |quite |kind of )?(?:scared|afraid|worried) (?:that )?(?:she|he|they|it)(?:'ll| will| would|'d)\b",
            r"\bwhat if (?:i|we|it|they) (?:fail|mess|screw|get it wrong|pick the wrong|choose the wrong|make the wrong|miss)\b",
            r"\b(?:isn't|is not|not) realistic\b",
            r"\bdon't know (?:if|whether) (?:it's|that's|it is|that is) (?:realistic|possible|doable)\b",
            r"\bi(?:'d| would) (?:need|have) to (?:know|see|be sure)\b",
            # status-quo arguments common in coaching (motivational interviewing's sustain talk)
            r"\bi've always done it\b",
            r"\bthat's (?:just )?who i am\b",
            r"\bit's part of the job\b",
            r"\bthat's (?:my|the) job\b",
            r"\bthey need me\b",
            r"\bi have to be (?:there|the one|on it)\b",
            r"\bif i don't,? (?:who|nobody|no one)\b",
            r"\bi (?:can't|don't) trust (?:them|her|him|anyone)\b",
            r"\bi(?:'ve| have) tried (?:that|it) before\b",
            r"\b(?:it|that) never works\b",
            r"\bit won't make (?:a|any) difference\b",
            r"\b(?:quality|standards) (?:goes|go|will go|would go|drops?|will drop|slips?) down\b",
            r"\bit's under control\b",
            r"\bi can handle it\b",
            r"\bi(?:'d| would) rather do it myself\b",
            r"\bit's quicker (?:if|when|to)\b",
            r"\b(?:i'd|i would|it would|it'd) (?:look|seem) (?:weak|bad|soft|like i)\b",
            r"\bi(?:'d| would|'ll| will) lose (?:control|respect|credibility|touch)\b",
            r"\bdon't have the (?:bandwidth|capacity|headspace)\b",
            r"\bnow(?:'s not| isn't| is not) the (?:right )?time\b",
            r"\b(?:they|the team|she|he)(?:'re|'s| are| is)(?:n't| not) (?:good enough|capable|experienced enough|there yet)\b",
        ),
    ]
    return change, sustain


CHANGE_CUES, SUSTAIN_CUES = _build_cues(_I)
CLIENT_CUES = CHANGE_CUES + SUSTAIN_CUES
# A coach's notes report the client in the third person: "she'll try", "he's ready to".
NOTES_CHANGE_CUES, NOTES_SUSTAIN_CUES = _build_cues(r"\b(?:she|he|they)")
NOTES_CUES = NOTES_CHANGE_CUES + NOTES_SUSTAIN_CUES

# Words that mark the clause after them as the one that counts ("I want to, but I can't"), and a
# conclusion after a comma or a full stop ("Someone has to tell him, so I'll do it on Monday").
CONTRAST_RE = re.compile(
    r"(?:,|\.|;|^|\s)\s*(?:but|though|however|although|except|yet|then again)\b|(?:,|\.|;)\s*(?:so|and so)\b(?! (?:much|many|far|long|that)\b)"
)

# Answers that take their stance from the coach's question.
YES_RE = re.compile(
    r"^\s*(?:yes|yeah|yep|yup|sure|definitely|absolutely|of course|i will|i do|i did|i am|i have|100 percent|totally|for sure|ok(?:ay)?,? (?:i will|yes)|i'd say yes)\b"
)
NO_RE = re.compile(
    r"^\s*(?:no|nope|not really|not yet|i don't think so|not sure|nah|i doubt it|not at all|probably not)\b"
)
# "On a scale of zero to ten, how confident are you?" "Eight." is ability talk (a confidence rating).
RATING_QUESTION_RE = re.compile(
    r"\b(?:zero to ten|0 to 10|one to ten|1 to 10|scale|how confident|how likely|how sure)\b"
)
RATING_ANSWER_RE = re.compile(
    r"^\W*(?:honestly,? |maybe |probably |about |a |i'd say |like )?(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\b"
)
# "When might you talk to them?" asks when an action happens, not when a state begins ("When will you be back?").
WHEN_QUESTION_RE = re.compile(r"\bwhen (?:might|will|could) you\s+(?!be\b|have\b|know\b)")
# Evocative questions (motivational interviewing) ask for change talk: an answer without a cue of
# its own usually gives the reason, the want or the need the question asked for.
EVOCATIVE_QUESTIONS: list[tuple[re.Pattern[str], DarnCat]] = [
    (
        re.compile(
            r"\bwhat (?:would|will|could|does|did|might) (?:that|it|this|doing that) (?:give|get|mean|do for|cost|change|free)"
            r"|\bwhat(?:'s| is) (?:the|in it) (?:benefit|upside|cost|price|for you)|\bwhy (?:does|would) (?:it|that|this) matter"
            r"|\bwhat would be (?:different|better)|\bhow would (?:that|it) help|\bwhat (?:does|is) (?:it|that|this) costing"
            r"|\bwhat does it cost you|\bwhat's at stake|\bwhat's (?:it|that|this) costing"
            # meaning-making and envisioning: the answer is the client's own case for the change
            r"|\bwhat (?:does|did) (?:it|that|this) tell you|\bwhat do you make of (?:it|that)\b"
            r"|\bwhat becomes possible|\bwhat would be possible|\bwhat's different\b"
        ),
        "reason",
    ),
    (
        re.compile(
            r"\bwhat do you (?:really )?want|\bwhat would you like (?:to be different|instead|to change)"
            r"|\bwhat(?:'s| is) your (?:goal|hope|ideal)|\bwhat would (?:success|good) look like"
            r"|\bwhat would you want (?:to happen|instead|to get out of|to be different)"
        ),
        "desire",
    ),
    (re.compile(r"\bhow important is|\bwhy is (?:it|this|that) important|\bwhat needs to (?:change|happen)"), "need"),
    # "What would help?" "Maybe writing it down." names an option; "What would make it a seven?"
    # (after a confidence rating) asks what would raise it.
    (
        re.compile(
            r"\bwhat (?:would|could|might) (?:help|make it easier|it take|you do|you say|work|that look like)"
            r"|\bhow (?:would|could|might) (?:you|that look|it look)\b|\bwhat would make (?:it|that|you) (?:a|an|more)\b"
            r"|\bwhat helped\b"
        ),
        "ability",
    ),
    # Planning questions: the answer names a step or a time, a commitment however tentative.
    (
        re.compile(rf"\bwhat's the (?:very )?first (?:thing|step) you(?:'ll| will)|{WHEN_QUESTION_RE.pattern}"),
        "commitment",
    ),
]
NOT_A_REAL_QUESTION_RE = re.compile(r"\b(?:hear me|see me|see my screen|hear you|see you)\b")
QUESTION_CUES: list[tuple[re.Pattern[str], DarnCat]] = [
    (
        re.compile(r"\b(?:will you|are you going to|would you commit|can you commit|do you commit|you'll do)\b"),
        "commitment",
    ),
    (re.compile(r"\b(?:are you willing|would you be willing|are you ready|ready to|willing to)\b"), "activation"),
    (re.compile(r"\b(?:did you|have you|were you able)\b"), "taking_steps"),
    (re.compile(r"\b(?:do you need|must you|is it necessary)\b"), "need"),
    (re.compile(r"\b(?:do you want|would you like|is that what you want)\b"), "desire"),
    (re.compile(r"\b(?:can you|could you|would you be able|do you think you can)\b"), "ability"),
    (re.compile(r"\b(?:would it help|is it worth|would that)\b"), "reason"),
]
STATUS_QUO_QUESTION_RE = re.compile(rf"\b(?:{STATUS_QUO}|still|stay the same|as it is)\b")

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
    """Hedge phrases in a text, verbatim, in order, without repeats."""
    from assistant.analysis.textspan import fold

    return list(dict.fromkeys(text[m.start() : m.end()] for m in HEDGE_RE.finditer(fold(text))))


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
    start = len(folded) - len(folded.lstrip(" \"'(-"))
    opening = _OPENING_HEDGE_RE.match(folded, start)
    return [sentence[opening.start() : opening.end()]] if opening else []
