"""More candidate titles for a censored title: every office the tables give the person, what the text says the
person leads, and the less usual titles a cue suggests. Each is a rule that only proposes; the title model
(:mod:`.title_choice`) weighs what each proposes against the others.

- ``mention.title_kb_any``: the offices the leader tables give the person on the date besides the most
  prominent one (``mention.title_kb_office`` proposes that), and those they held before it, the most recent
  first (without a ``former`` before the redaction: ``mention.title_former_office`` reads that one);
- ``mention.title_leads``: the text says what the person leads, anywhere in the document — an appositive
  ``X, the head of the Y confederation``, a relative or main clause ``X, who chairs the Y`` / ``X leads the Y``,
  or the redaction itself is the agent of ``the Y headed by ** X`` — : the head titles of that organisation
  (``data/kb/organisation_heads.tsv`` by its noun; the verb's own title for ``chair``, ``command``, ``govern``
  …);
- ``mention.title_cue_other``: the titles a cue next to the redaction suggests after its most usual one
  (``data/kb/title_cues.tsv``: ``the party's **`` → chairman, general secretary after leader).

Besides, :func:`text_features` says of a candidate whether the document writes its head word elsewhere
(``presidency``, ``the candidates``): a feature of the model, no proposal.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from ..lexicon import table, word_class
from ..nlp import lower_keys_of, texts_of
from ..text.normalize import PLACEHOLDER
from .decide import mention_rule
from .owners import dominant_state
from .state import State
from .title_context import Redacted, factbook_title
from .title_sources import clean_title, cues, near_tokens, office_rank, person_tenures

KB_ANY = mention_rule("mention.title_kb_any", 0.3,
                      "a censored title is another office the leader tables give the person on the date, or one "
                      "they held before it (the most recent first)", ("leaders",))
LEADS = mention_rule("mention.title_leads", 0.5,
                     "a censored title of a person the text says leads an organisation (X, the head of the Y; X, "
                     "who chairs the Y; the Y headed by ** X) is that organisation's head title "
                     "(kb/organisation_heads.tsv)", ("parse", "kb:organisation_heads", "lexicon:verb_titles",
                      "lexicon:organisation_head_nouns", "lexicon:organisation_lead_verbs",
                      "lexicon:lead_clause_fillers"))
DESCRIBED = mention_rule("mention.title_described", 0.45,
                         "a censored title of a person the text describes elsewhere with an office word (the new "
                         "premier, the old chairman) is that office", ("actors", "lexicon:title_heads"))
NAMED_ORG = mention_rule("mention.title_named_organisation", 0.3,
                         "a censored title right after a name the tagger reads as an organisation, or a party word "
                         "(Labour **, the AfD's **, ** of <party>), is the head of a party: leader, chairman, "
                         "president", ("parse", "lexicon:party_words"))
PARTY_HEAD = mention_rule("mention.title_party_head", 0.77,
                          "a censored title next to a party (the party's **, Labour **, the <party> **) is what the "
                          "head of a party is called in the person's state (kb/party_head_titles.tsv)",
                          ("kb:party_head_titles", "lexicon:party_words", "lexicon:led_organisation_nouns"))
CUE_OTHER = mention_rule("mention.title_cue_other", 0.15,
                         "a censored title after a cue word is one of the less usual titles the cue suggests "
                         "(kb/title_cues.tsv, after the first)", ("kb:title_cues",))

_PAST = 3  # past offices proposed, the most recent first


# the tables' other offices -----------------------------------------------------------------------------

def kb_any(r: Redacted) -> list[str] | None:
    p, on = r.person, r.st.on
    if p is None or on is None:
        return None
    ts = person_tenures(p.name, p.country)
    if not ts:
        return None
    now = sorted((t for t in ts if t.holds(on)), key=office_rank)
    past = sorted((t for t in ts if t.end is not None and t.end <= on), key=lambda t: t.end, reverse=True)
    out: list[str] = []
    for t in now[1:] + past:
        title = clean_title(factbook_title(t))
        if title.lower() not in (o.lower() for o in out) and (not now or title.lower() != clean_title(
                factbook_title(now[0])).lower()):
            out.append(title)
        if len(out) >= _PAST + len(now) - 1:
            break
    return out or None


# what the text says the person leads --------------------------------------------------------------------

@lru_cache(maxsize=1)
def verb_titles() -> dict[str, str]:
    """A verb of leading that names its own title (``lexicons/verb_titles.tsv``): ``X chairs the Y`` is the Y's
    chairman whatever the Y is."""
    return {r["verb"].strip().lower(): r["title"].strip() for r in table("lexicons", "verb_titles.tsv")}


@lru_cache(maxsize=1)
def organisation_heads() -> dict[str, tuple[str, ...]]:
    return {r["noun"].strip().lower(): tuple(t.strip() for t in r["titles"].split("|") if t.strip())
            for r in table("kb", "organisation_heads.tsv")}


def _heads_of(doc: Doc, i: int, verb: str | None = None) -> list[str]:
    """The head titles of the organisation whose noun phrase has its head (or a word) at token ``i``; a verb
    that names a title (``chair``) gives that title first."""
    out = [verb_titles()[verb]] if verb in verb_titles() else []
    tok = doc[i]
    heads = organisation_heads()
    words = [tok] + [c for c in tok.children if c.dep_ in ("compound", "amod")]
    for w in words:
        for t in heads.get(w.lemma_.lower(), heads.get(w.lower_, ())):
            if t not in out:
                out.append(t)
    return out


def _organisation_after(doc: Doc, i: int) -> int | None:
    """The noun an ``of``/object phrase starting at token ``i`` names (``of the CONAIE confederation`` → the
    confederation)."""
    j, last = i, None
    while j < len(doc) and j - i <= 7 and doc[j].text not in (",", ".", ";", ":", "(", ")") and doc[j].pos_ in (
            "DET", "PROPN", "NOUN", "ADJ", "PART", "ADP", "CCONJ", "PUNCT"):
        if doc[j].pos_ in ("NOUN", "PROPN"):
            last = j
        if doc[j].pos_ == "ADP" and doc[j].lower_ != "of" and j > i:
            break
        j += 1
    return last


def _person_says(st: State, aid: str, s: int, e: int) -> list[str]:
    """What the clause around one mention (tokens ``s``..``e``) says the person leads."""
    doc = st.doc
    out: list[str] = []
    # ``X, the head of the Y`` / ``X, who leads the Y`` / ``X, who is the chief of the Y``
    if e < len(doc) and doc[e].text == ",":
        j = e + 1
        while j < len(doc) and j - e <= 5 and doc[j].lower_ in word_class("lead_clause_fillers"):
            j += 1
        if j + 1 < len(doc) and doc[j].lower_ in word_class("organisation_head_nouns") and doc[j + 1].lower_ == "of":
            k = _organisation_after(doc, j + 2)
            out += _heads_of(doc, k) if k is not None else []
        elif j < len(doc) and doc[j].lemma_.lower() in word_class("organisation_lead_verbs") and doc[j].pos_ in ("VERB", "AUX"):
            k = _organisation_after(doc, j + 1 + (doc[j + 1].lower_ == "over" if j + 1 < len(doc) else 0))
            out += _heads_of(doc, k, doc[j].lemma_.lower()) if k is not None else []
    # ``X leads the Y`` (the person is the subject of a leading verb)
    for i in range(s, e):
        tok = doc[i]
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in word_class("organisation_lead_verbs") and tok.head.pos_ == "VERB":
            verb = tok.head
            for c in verb.children:
                if c.dep_ in ("dobj", "obj"):
                    out += _heads_of(doc, c.i, verb.lemma_.lower())
                elif c.dep_ == "prep" and c.lower_ == "over":
                    out += [x for g in c.children if g.dep_ == "pobj" for x in _heads_of(doc, g.i, verb.lemma_.lower())]
    return out


def _agent_of_heading(r: Redacted) -> list[str]:
    """``His cabinet is headed by ** X`` / ``the party, led by ** X``: the organisation the participle before
    ``by`` belongs to."""
    doc, t = r.st.doc, r.token
    if t < 2 or doc[t - 1].lower_ != "by" or doc[t - 2].lemma_.lower() not in word_class("organisation_lead_verbs"):
        return []
    verb = doc[t - 2]
    subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj:pass")), None)
    if subj is None and verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        subj = verb.head  # ``the party, led by ** X``
    return _heads_of(doc, subj.i, verb.lemma_.lower()) if subj is not None else []


def _runs(st: State, aid: str) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in sorted(i for i, a in st.out.token_actor.items() if a == aid):
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def leads(r: Redacted) -> list[str] | None:
    out = _agent_of_heading(r)
    if r.person is not None:
        for s, e in _runs(r.st, r.person.id):
            out += _person_says(r.st, r.person.id, s, e)
    seen: list[str] = []
    for t in out:
        if t.lower() not in (x.lower() for x in seen):
            seen.append(t)
    return seen or None


# a cue's less usual titles ------------------------------------------------------------------------------

def cue_other(r: Redacted) -> list[str] | None:
    doc = r.st.doc
    if r.token + 1 < len(doc) and doc[r.token + 1].pos_ == "NOUN" and doc[r.token + 1].text.islower():
        return None  # ``the party ** congress``: it modifies a noun
    words = [doc[i].lower_ for i in near_tokens(r)]
    out: list[str] = []
    table_ = cues()
    for i in range(len(words)):
        for key in ((words[i], words[i + 1]) if i + 1 < len(words) else None, (words[i],)):
            if key is not None and key in table_:
                out += [t for t in table_[key][1:] if t not in out]
    return out or None


# a feature: the document writes the title's word elsewhere ---------------------------------------------

def document_words(doc: Doc) -> Counter[str]:
    """How often the document writes each lower-case word (and lemma), redactions left out (from the
    document's cached columns: no ``Token`` and no new string per word)."""
    return Counter(w for text, (low, lemma) in zip(texts_of(doc), lower_keys_of(doc)) if text != PLACEHOLDER
                   for w in {low, lemma})


def _written(title: str, words: Counter[str]) -> int:
    """How often the document writes the title's last word, or a word it starts (``presidency``)."""
    head = title.lower().replace("-", " ").split()[-1] if title.strip() else ""
    if not head:
        return 0
    stem = head[:-2] if len(head) > 6 else head
    return words.get(head, 0) + sum(n for w, n in words.items() if w != head and w.startswith(stem))


def text_features(titles: list[str], words: Counter[str]) -> list[dict[str, float]]:
    """Per candidate title: ``in_text`` (the document writes its word elsewhere), ``text_count`` (how often, log)
    and ``text_most`` (more often than any rival's)."""
    counts = [_written(t, words) for t in titles]
    top = max(counts, default=0)
    alone = counts.count(top) == 1
    return [{"in_text": float(n > 0), "text_count": math.log1p(n), "text_most": float(n == top and n > 0 and alone)}
            for n in counts]


# the text's descriptions of the person ----------------------------------------------------------------

def described(r: Redacted) -> list[str] | None:
    """``The new premier is …``, ``the old chairman``, ``the Socialist chief``: a description the analysis bound
    to the person elsewhere (a mention with no name word) that ends with an office word."""
    p = r.person
    if p is None:
        return None
    heads = word_class("title_heads")
    names = {w.lower() for w in p.name.replace("-", " ").split()}
    out: list[str] = []
    for m in p.mentions:
        words = m.text.lower().replace("’s", "'s").split()
        if not words or names & set(words) or abs(m.start - r.st.doc[r.token].idx) < 3:
            continue
        last = words[-1].rstrip(".,")
        if last not in heads or last in word_class("organisation_head_nouns"):
            continue
        title = last
        if len(words) >= 2 and words[-2] in compound_words():
            title = words[-2] + " " + last  # ``the prime minister``, ``the foreign minister``
        if title not in out:
            out.append(title)
    return out or None


@lru_cache(maxsize=1)
def compound_words() -> frozenset[str]:
    return frozenset(r["word"].strip().lower() for r in table("kb", "title_compounds.tsv")) | {"prime", "vice"}


# an organisation the text names right before the redaction ----------------------------------------------

def named_organisation(r: Redacted) -> list[str] | None:
    """``the Azimoun ** X``, ``Te Pati Maori ** X``, ``Labour ** X``, ``the AfD's ** X``, ``** of Chadema``: a
    name the tagger reads as an organisation, or a party word (``lexicons/classes/party_words.txt``), right
    before the redaction or in its of-phrase — the head of a party or movement."""
    doc, t = r.st.doc, r.token
    j = t - 1
    while j >= 0 and t - j <= 2 and doc[j].pos_ == "ADJ" and doc[j].text.islower():
        j -= 1  # ``the NDC's national **``: an adjective of the office between the party and the redaction
    if j >= 0 and doc[j].lower_ in ("'s", "’s"):
        j -= 1
    spots = ([j] if j >= 0 else []) + list(r.of_tokens)
    for i in spots:
        tok = doc[i]
        if r.person is not None and tok.text in r.person.name.split():
            continue
        if tok.lower_ in word_class("party_words") or _unknown_name(r, i):
            return ["leader", "chairman", "president"]
    return None


def _unknown_name(r: Redacted, i: int) -> bool:
    """A capitalised name no table knows — no state, person, place or dictionary actor — tagged as an
    organisation, or a proper noun with no entity type at all (``the Azimoun **``)."""
    st, tok = r.st, r.st.doc[i]
    if not tok.text[:1].isupper() or tok.pos_ != "PROPN" and tok.ent_type_ != "ORG":
        return False
    if i in st.hits or tok.ent_type_ in ("GPE", "LOC", "PERSON", "NORP", "FAC", "DATE"):
        return False
    a = st.out.actor_at(i)
    return a is None or a.type not in ("person", "state")


# what a party's head is called in the person's state ------------------------------------------------------

@lru_cache(maxsize=1)
def party_head_titles() -> dict[str, tuple[str, ...]]:
    return {r["country"]: tuple(t.strip() for t in r["titles"].split("|") if t.strip())
            for r in table("kb", "party_head_titles.tsv")}


def party_head(r: Redacted) -> list[str] | None:
    """``the party's ** X``, ``Labour ** X``, ``the Zandrovi ** X``: the usual title of a party's head in the
    person's state (else the state the descriptor names, else the document's)."""
    doc = r.st.doc
    words = {doc[i].lower_ for i in near_tokens(r)}
    party = words & (word_class("led_organisation_nouns") | word_class("party_words") | {"opposition"})
    if not party and not named_organisation(r):
        return None
    state = (r.person.country if r.person is not None else None) or r.state or dominant_state(r.st)
    return list(party_head_titles().get(state or "", ())) or None
