"""Modality of a coded event: asserted, negated, hypothetical, future or uncertain, read from the parse around its trigger."""
from __future__ import annotations

from .lexicon import Lexicon

# Verbs that start, keep or finish what their complement says: "began to withdraw" happened.
ASPECTUAL = frozenset({"begin", "start", "continue", "resume", "go", "manage", "keep", "use", "come", "proceed"})
# Links from a complement up to the word that governs it ("refused to recognise": xcomp).
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "advcl", "relcl"})
OBLIGATION = frozenset({"have", "need", "ought"})
# How many links up to look for a frame; deeper nesting is rare and usually misparsed.
MAX_CLIMB = 5


def _has(tok, deps: tuple[str, ...], words: frozenset[str]) -> bool:
    return any(c.dep_ in deps and c.lower_ in words for c in tok.children)


def negated(tok, lex: Lexicon) -> bool:
    """"did not meet", "never attacked", "no talks", "nor denied"."""
    words = lex.modality.get("negations", frozenset())
    if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children):
        return True                    # "neither confirmed nor denied": "nor" hangs off the first verb
    return any(c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in words)
               for c in tok.children)


def frame_above(tok, lex: Lexicon):
    """(frame token, kind) of the nearest frame governing this token ("refused to X": negate), or None.
    Reporting verbs ("said that ...") are looked through."""
    cur = tok
    for _ in range(MAX_CLIMB):
        dep = cur.dep_
        if dep == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head
            dep = cur.dep_
        if dep not in COMPLEMENT_DEPS and not (dep == "dobj" and cur.pos_ == "VERB"):
            return None
        head = cur.head
        if head.i == cur.i:
            return None
        lemma = head.lemma_.lower()
        if dep == "relcl":
            return None
        kind = lex.frame_of(head)
        if kind is not None and (dep != "advcl" or _has(cur, ("aux",), frozenset({"to"}))):
            return head, kind               # "sworn to fight" parsed as an adverbial clause is still sworn
        asked = _request_noun(cur, head, lex) if dep == "ccomp" else None
        if asked is not None:
            return asked, "request"         # "reiterated its demand that Israel ease ..."
        if head.pos_ == "NOUN" and lemma in lex.modality.get("uncertain_nouns", frozenset()):
            return head, "uncertain"
        if lemma not in lex.speech:
            return None if dep in ("advcl", "acl") else (head, "plain")
        cur = head
    return None


def _request_noun(clause, head, lex: Lexicon):
    """A request noun that the parse left as the verb's object while attaching the "that" clause
    to the verb: "reiterated its demand that X ease ..." (the clause is what was demanded)."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < clause.i and c.pos_ == "NOUN"
                 and lex.frames.get(c.lemma_.lower()) == "request"), None)


def modality_of(tok, anchor, lex: Lexicon) -> str:
    """The event's modality, or "suppressed" when it is only the content of a request."""
    v = anchor
    if negated(v, lex) or (tok.i != v.i and negated(tok, lex)):
        return "negated"
    if _under_negated_report(v, lex):
        return "uncertain"             # "the statement did not say that X had called for Y"
    if _requested_noun(tok, lex):
        return "suppressed"            # "demanded the resignation of X": what was asked for
    if _agreed_noun(tok, lex):
        return "future"                # "an agreement on the withdrawal of troops": agreed, not done
    frame = frame_above(v, lex)
    reported = False
    if frame is not None:
        head, kind = frame
        if kind != "plain":
            if kind == "negate" and negated(head, lex):
                return "uncertain"                   # "did not deny carrying out": asserts nothing
            if negated(head, lex) and kind != "uncertain":
                return "negated"
            verdict = {"negate": "negated", "request": "suppressed", "promise": "future",
                       "threat": "hypothetical", "uncertain": "uncertain"}.get(kind)
            if verdict is not None:
                return verdict
            # cause: "ordered troops to deploy" happened as far as the order goes
            return _own(head, tok, lex, reported=False)
        if head.lemma_.lower() in OBLIGATION and _has(v, ("aux",), frozenset({"to"})):
            return "hypothetical"                    # "will have to recognise"
        if head.lemma_.lower() in ASPECTUAL:
            return _own(head, tok, lex, reported=False)
        if _has(v, ("aux",), frozenset({"to"})) and v.dep_ in ("xcomp", "advcl", "acl"):
            return "hypothetical"                    # a purpose: "to prevent a meltdown"
    elif (_has(v, ("aux",), frozenset({"to"})) and v.dep_ in ("xcomp", "advcl", "acl")
          and v.head.lemma_.lower() not in ASPECTUAL):
        return "hypothetical"                        # a purpose: "in order to prevent a meltdown"
    reported = _reported(v, lex)
    return _own(v, tok, lex, reported)


def _requested_noun(tok, lex: Lexicon) -> bool:
    """A nominal event that is the object of a request ("demanded the resignation of X", "called
    for the release of Y", "sought the withdrawal of Z"): the content of the request, not an event."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    if tok.dep_ == "dobj":
        head = tok.head
    elif tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.dep_ == "prep":
        head = tok.head.head
    else:
        return False
    return head.pos_ == "VERB" and lex.frame_of(head) == "request"


# Nouns of a plan or proposal whose topic is only planned ("a plan for the release of ...").
PLAN_NOUNS = frozenset({"plan", "proposal", "roadmap", "framework", "blueprint", "initiative"})


def _agreed_noun(tok, lex: Lexicon) -> bool:
    """A nominal event that is the topic of an agreement, treaty or plan ("signed an agreement on
    the withdrawal of troops", "a deal for the release of prisoners"): agreed, not yet done."""
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return False
    if tok.head.lower_ not in ("on", "for", "over", "about", "to", "of"):
        return False
    owner = tok.head.head
    if owner.pos_ not in ("NOUN", "PROPN"):
        return False
    lemma = owner.lemma_.lower()
    return lemma in PLAN_NOUNS or any(t.type in ("AGREE", "SUPPORT") and t.layer == 0 and not t.extras
                                      for t in lex.nouns.get(lemma, ()))


def _under_negated_report(v, lex: Lexicon) -> bool:
    """True when v is the content of a reporting verb that is itself negated ("did not say that
    ...", "never claimed that ..."): the report asserts nothing, so neither does its content."""
    cur = v
    for _ in range(MAX_CLIMB):
        dep = cur.dep_
        if dep == "pobj" and cur.head.dep_ == "prep":
            cur = cur.head
            dep = cur.dep_
        if dep not in ("ccomp", "xcomp", "dobj") or cur.head.i == cur.i:
            return False
        head = cur.head
        if head.lemma_.lower() in lex.speech and negated(head, lex):
            return True
        cur = head
    return False


def _reported(v, lex: Lexicon) -> bool:
    """True when v sits in the complement of a reporting verb ("said they would ...")."""
    cur = v
    for _ in range(MAX_CLIMB):
        if cur.dep_ != "ccomp" or cur.head.i == cur.i:
            return False
        if cur.head.lemma_.lower() in lex.speech:
            return True
        cur = cur.head
    return False


def _own(v, tok, lex: Lexicon, reported: bool) -> str:
    """Modality from the words on the verb itself: negation, modals, conditions, hedges."""
    m = lex.modality
    if negated(v, lex):
        return "negated"
    aux = {c.lower_ for c in v.children if c.dep_ in ("aux", "auxpass")}
    if any(c.dep_ == "mark" and c.lower_ in m.get("conditional_marks", ()) for c in v.children):
        return "hypothetical"
    text = v.doc.text.lower()
    if "sooner or later" in text and v.idx < text.find("sooner or later") + 40:
        return "hypothetical"
    if aux & m.get("future_modals", frozenset()):
        return "future"
    if "going" in aux or any(c.lower_ == "going" and c.dep_ == "aux" for c in v.children):
        return "future"
    modals = aux & m.get("hypothetical_modals", frozenset())
    if modals:
        return "future" if reported and modals <= {"would"} else "hypothetical"
    hedges = m.get("uncertain_adverbs", frozenset())
    if any(c.dep_ == "advmod" and c.lower_ in hedges for c in v.children):
        return "uncertain"
    adjs = m.get("uncertain_adjectives", frozenset())
    if tok.i != v.i and any(c.dep_ == "amod" and c.lower_ in adjs for c in tok.children):
        return "uncertain"
    if tok.i == v.i and v.dep_ == "amod" and v.lower_ in adjs:
        return "uncertain"
    return "asserted"


__all__ = ["frame_above", "modality_of", "negated"]
