"""People: person names, their roles from the text and the leader tables, and their identity.

Candidates (``person_candidates``) are KB people, spaCy PERSON entities, and proper names after a title or a
nationality. Each gets a role from the text (``Kazakh President``, ``former``) and a dated role
from REIGN/Archigos; its identity is decided by named rules competing in ``decide.best``:
a KB person, a surname already named, a KB person known by surname alone, a leader of the
tables, a new person. Single unknown names wait until every full name is known: then a surname
met since, a titled first name (``President Xi``), a garbled spelling (fuzzy), else a new person.
The code a person gets on the date, with the text's role, is settled in ``person_codes``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..records import Actor
from ..text.normalize import PLACEHOLDER
from .aliases import honorific_prefixes, translit_key
from .containment import part_of_document_name
from .decide import best, mention_rule
from .fuzzynames import canonical_name, document_states, fuzzy_holder
from .kb import KBHit
from .leaders import LeaderRole, load_leaders, note_beyond_data
from .person_candidates import person_candidates
from .person_codes import attach, dated, new_person
from .phrases import phrase_first
from .roles import Role, role_after, role_before, role_of_appositive
from .spelling import shared_units, units
from .state import ACRONYM, CAPITALISED, ActorKey, Span, State, add_mention, entry_actor, key_of, method_of, slug
from .variants import fuzzy_target

PERSON_KB = mention_rule("mention.person_kb", 0.9, "a person the knowledge base (or a user dictionary) names",
                         ("kb", "leaders"))
SURNAME_ALIAS = mention_rule("mention.surname_alias", 0.85,
                             "a surname (spelling-insensitive) of a person already named in the document",
                             ("parse", "actors"))
PERSON_KB_SURNAME = mention_rule("mention.person_kb_surname", 0.8,
                                 "a surname the knowledge base gives to one person only", ("kb", "leaders"))
PERSON_LEADER = mention_rule("mention.person_leader", 0.75,
                             "a head of state or government of REIGN/Archigos in office (or formerly) on the date",
                             ("leaders", "parse"))
PERSON_LEADER_STATE = mention_rule("mention.person_leader_state", 0.7,
                                   "a leader of the tables not in office on the date: the state holds, the text's "
                                   "title gives the role", ("leaders",))
TITLED_FIRST_NAME = mention_rule("mention.titled_first_name", 0.8,
                                 "a titled single name that is the first word of a person named family name first "
                                 "(President Xi)", ("actors",))
NAME_WORD = mention_rule("mention.given_name_alone", 0.7,
                        "a lone proper noun spelt as the given or family name word of exactly one person the "
                        "document names in full", ("actors", "parse"))
FUZZY = mention_rule("mention.fuzzy_transliteration", 0.6,
                     "a garbled or transliterated spelling of a surname of a person in the document",
                     ("actors",))
PERSON_LEADER_FUZZY = mention_rule("mention.person_leader_fuzzy", 0.65,
                                   "a name the tables do not list as written is the one office holder on the date, "
                                   "in a state the document names, whose name it spells another way",
                                   ("leaders", "actors"))
PERSON_NEW = mention_rule("mention.person_new", 0.3,
                          "a person the tables do not know: the text's role gives code and state",
                          ("parse", "roles"))


@dataclass(slots=True)
class Identity:
    """Who a name is: the actor key and how it was found; applied to the state by ``_apply``."""

    key: ActorKey
    method: str  # kb, dictionary, alias, role, learned, fuzzy
    remember: str | None = None  # the name words to remember for later surnames (None: an actor already known)
    tenure_title: str | None = None
    approximate: bool = False
    confidence: float | None = None  # a fixed mention confidence (fuzzy): the mention is added as is


@dataclass(slots=True)
class Name:
    """A person name being resolved, with what its rules read."""

    st: State
    s: int
    e: int
    hit: KBHit | None
    name: str
    role: Role | None
    late: bool = False  # second pass: every full name of the document is known
    namesakes: frozenset[str] = frozenset()  # first words of the document's other full names with this surname
    words: list[str] = field(default_factory=list)
    _leader: LeaderRole | None | bool = False  # False: not looked up yet

    def leader(self) -> LeaderRole | None:
        if self._leader is False:
            r = self.role
            self._leader = load_leaders().role_on(self.name, self.st.on, r.country if r else None,
                                                  r.title if r else None)
            if self._leader is None and len(self.words) > 1 and self.words[0].lower() in honorific_prefixes():
                # "Baba Tinubu", "Mzee Kagame": an honorific before the surname is no given name to check
                self._leader = load_leaders().role_on(" ".join(self.words[1:]), self.st.on,
                                                      r.country if r else None, r.title if r else None)
        return self._leader  # type: ignore[return-value]


# The identity rules ------------------------------------------------------------------------

def _person_kb(n: Name) -> Identity | None:
    hit = n.hit
    if hit is None:
        return None
    approximate = not hit.user and hit.entry is not None and hit.entry.code_on(n.st.on) is None
    key, title, approx = dated(n.st, entry_actor(hit, n.st.on, n.st.kb), n.name, n.role, user=hit.user,
                               approximate=approximate)
    return Identity(key, method_of(hit), key[1], title, approx)


def _surname_alias(n: Name) -> Identity | None:
    by_surname = n.st.by_surname
    aid = by_surname.get(translit_key(n.words[-1]))
    if aid is None or n.hit is not None:
        return None
    if len(n.words) > 1 and n.st.out.actors[aid].name.split()[0] != n.words[0]:
        return None
    return Identity(key_of(n.st.out.actors[aid]), "alias")


def named_in_document(n: Name, table_name: str | None = None) -> bool:
    """A one-word name that is a name word of a person the document names in full: that person (or one of
    them) before any namesake of the tables (``Kim`` after ``Kim Dae-sung`` is no ``Georgiy Kim``). A table
    person who is one of the document's people (``table_name`` agreeing with a full name) is no namesake."""
    if len(n.words) != 1:
        return False
    key = translit_key(n.words[0])
    mine = [" ".join(ws) for ws in n.st.names.values()
            if len(ws) > 1 and key in {translit_key(w) for w in " ".join(ws).replace("-", " ").split()}]
    if table_name and any(shared_units(table_name, m) >= 2 for m in mine):
        return False
    return bool(mine)


def _name_word(n: Name) -> Identity | None:
    """``Brenton`` after ``Brenton X``, ``Somchai`` after ``Somchai Y``: a single name spelt exactly as the
    first word of one person the document names in full (a given name, or a family name written first),
    before any spelling-tolerant comparison finds someone else."""
    if len(n.words) != 1 or n.hit is not None:
        return None
    key = translit_key(n.words[0])
    people = {aid: ws for aid, ws in n.st.names.items() if len(ws) > 1 and n.st.out.actors.get(aid) is not None
              and n.st.out.actors[aid].type == "person"}
    fits = {aid for aid, ws in people.items() if translit_key(ws[0]) == key}
    shared = {aid for aid, ws in people.items() if key in {translit_key(w) for w in " ".join(ws).replace("-", " ").split()}}
    if len(fits) != 1 or len(shared) > 1:
        return None  # a word two people's names share (Hun Sen, Hun Manet) is neither's
    a = n.st.out.actors[fits.pop()]
    if n.role is not None and n.role.country and a.country and n.role.country != a.country:
        return None  # "Peruvian Minister Hu" after a Chinese Hu X: another person
    return Identity(key_of(a), "alias")


def _person_kb_surname(n: Name) -> Identity | None:
    words, kb = n.words, n.st.kb
    if n.hit is not None:
        return None
    cands = kb.surnames.get(words[-1].upper(), []) if not ACRONYM.match(words[-1]) or len(words[-1]) > 4 else []
    if len(cands) == 1 and named_in_document(n, cands[0].root.replace("_", " ").strip().title()):
        return None
    if len(cands) == 1 and (len(words) == 1 or phrase_first(cands[0].root) in (words[0].upper(), "")):
        # A surname alone is weak evidence (``Easter``, ``Jerry``): no state guessed from other dates.
        key, title, approx = dated(n.st, entry_actor(KBHit("actor", entry=cands[0]), n.st.on, kb, nearest=False),
                                   n.name, n.role)
        return Identity(key, "kb", key[1], title, approx)
    return None


def _person_leader(n: Name) -> Identity | None:
    if n.hit is not None:
        return None
    lr = n.leader()
    if lr is not None and (named_in_document(n, lr.tenure.leader) or (
            part_of_document_name(n.st, n.name)
            and shared_units(n.name, lr.tenure.leader) < max(2, len(units(lr.tenure.leader))))):
        # a part of a longer name the document gave a person is that person's, unless the tables' own name (two
        # words at least: a surname-only tenure identifies no one) is all in it
        return None
    if lr is not None and surname_only(n, lr):
        return None
    if lr is not None and (len(n.words) > 1 or n.role is not None or n.st.doc[n.s].ent_type_ == "PERSON"):
        note_beyond_data(n.st)  # the role on a date after the tables end is the last known one
        # A spelling the tables write otherwise (``Shahbaz`` for ``Shehbaz``) takes the tables' name.
        name = canonical_name(n.name, lr.tenure) if lr.sector == "GOV" else n.name
        first = n.words[0].lower()
        if len(n.words) > 1 and first in honorific_prefixes() and first not in lr.tenure.leader.lower().split():
            # "Mzee Museveni": found by the surname; the honorific is no given name
            name = lr.tenure.leader if " " in lr.tenure.leader else " ".join(n.words[1:])
        return Identity(new_person(n.st, name, n.role, lr), "kb", n.name, lr.tenure.title)
    return None


def surname_only(n: Name, lr: LeaderRole) -> bool:
    """The tables' holder matches this full name by the surname alone (the tenure names no given name of it)
    while the document names another person of that surname (``President X Y`` and his wife ``Z Y``): the
    surname cannot tell which of them holds the office, and the tenure is not this one's unless the text
    gives them a title."""
    if len(n.words) < 2 or not n.namesakes or (n.role is not None and n.role.title):
        return False
    held = {translit_key(w) for w in lr.tenure.leader.replace("-", " ").split()}
    return not any(translit_key(w) in held for w in n.words[:-1])


def _person_leader_fuzzy(n: Name) -> Identity | None:
    """``Sheinbaun``, ``Mohamed bin Zayed``: the one holder of an office on the date, in the role's
    state or a state the document names, whose name the text spells another way."""
    if n.hit is not None or n.leader() is not None or part_of_document_name(n.st, n.name):
        return None
    single = len(n.words) == 1
    if single and (len(n.name) < 5 or (n.role is None and n.st.doc[n.s].ent_type_ != "PERSON")):
        return None
    t = fuzzy_holder(n.st, n.name, n.role.country if n.role is not None else None)
    if t is None:
        return None
    name = canonical_name(n.name, t)
    aid = slug(name)
    if aid in n.st.out.actors:
        return Identity(key_of(n.st.out.actors[aid]), "fuzzy")
    spellings = load_leaders().spellings(t)
    for p in n.st.out.actors.values():  # the holder the document already names under another spelling
        if p.type == "person" and p.country in (t.country, None) and any(
                shared_units(p.name, sp) >= min(2, len(units(p.name))) for sp in spellings):
            return Identity(key_of(p), "fuzzy")
    return Identity((aid, name, "person", t.country + "GOV", t.country), "fuzzy", n.name, t.title)


def _person_leader_state(n: Name) -> Identity | None:
    """A leader whose tenure has not begun on the date, or an undated text: the state is known,
    the role is not (the text's title, if any, gives it)."""
    if n.hit is not None or n.leader() is not None:
        return None
    role = n.role
    state = load_leaders().nationality(n.name, role.country if role else None)
    if state is None and role is None:  # "A bin B", B a ruler: the one state of the document B ruled
        fits = load_leaders().father_states(n.name, None) & document_states(n.st)
        state = fits.pop() if len(fits) == 1 else None
    if state is not None and (len(n.words) > 1 or (role is not None and role.sector)):
        sector = role.sector if role is not None and role.sector else ""
        if role is not None and role.former and (not sector or sector.startswith("GOV")):
            sector = "ELI"
        return Identity((slug(n.name), n.name, "person", state + sector, state), "kb", n.name, None, True)
    return None


def _titled_first_name(n: Name) -> Identity | None:
    """``President Xi`` after ``Xi Jinping``: a single name with a title is the first word of a
    person already named (family name first), when the title's state, if any, is theirs."""
    st, role = n.st, n.role
    if role is None or " " in n.name:
        return None
    aid = st.by_first.get(translit_key(n.name))
    a = st.out.actors.get(aid) if aid else None
    if a is None or a.type != "person" or (role.country and a.country and role.country != a.country):
        return None
    return Identity(key_of(a), "alias")


def _fuzzy(n: Name) -> Identity | None:
    m = fuzzy_target(n.name, dict(n.st.names))
    if m is None:
        return None
    return Identity(key_of(n.st.out.actors[m.actor_id]), "fuzzy", confidence=m.confidence)


def _person_new(n: Name) -> Identity | None:
    if not n.late and n.e - n.s <= 1:
        return None  # a single unknown name may be a surname or a garbled spelling: decided later
    key = new_person(n.st, n.name, n.role, at=n.s)
    return Identity(key, "role" if n.role is not None and key[3] else "learned", n.name)


FULL_NAME_RULES = ((PERSON_KB, _person_kb), (SURNAME_ALIAS, _surname_alias), (PERSON_KB_SURNAME, _person_kb_surname),
                   (PERSON_LEADER, _person_leader), (PERSON_LEADER_STATE, _person_leader_state),
                   (PERSON_LEADER_FUZZY, _person_leader_fuzzy), (PERSON_NEW, _person_new))
SINGLE_NAME_RULES = ((SURNAME_ALIAS, _surname_alias), (TITLED_FIRST_NAME, _titled_first_name),
                     (NAME_WORD, _name_word), (FUZZY, _fuzzy),
                     (PERSON_LEADER_FUZZY, _person_leader_fuzzy), (PERSON_NEW, _person_new))


def _apply(st: State, ident: Identity) -> str:
    """Create the actor an identity names (if new) and remember what later rules read."""
    aid, name, typ, code, country = ident.key
    if aid not in st.out.actors:
        st.out.actors[aid] = Actor(aid, name, typ, code, country, [])
    if ident.tenure_title is not None:
        st.tenure_title[aid] = ident.tenure_title
    if ident.approximate:
        st.approximate.add(aid)
    if ident.remember is not None:
        remember(st, aid, ident.remember)
    return aid


def add_people(st: State, spans: list[Span]) -> set[int]:
    """Resolve every person name; returns the KB-span starts consumed as titles/nationalities."""
    doc = st.doc
    consumed: set[int] = set()
    cands = person_candidates(st, spans)
    # Full names first, so a later surname finds its person.
    order = sorted(cands, key=lambda c: (-(c[1] - c[0]) if c[2] is None else -9, c[0]))
    pending: list[Name] = []
    firsts = full_names_by_surname(doc, cands)
    for s, e, hit in order:
        name = doc[s:e].text
        role = role_before(doc, s, st.hits, st.on) or role_after(doc, e, st.hits, st.on) \
            or role_of_appositive(doc, e, st.hits, st.on)
        if role is not None and role.start < s:
            for t in range(role.start, s):
                if t in st.hits:
                    consumed.add(st.hits[t][0])
        words = name.split()
        n = Name(st, s, e, hit, name, role, words=words,
                 namesakes=firsts.get(translit_key(words[-1]), frozenset()) - {translit_key(words[0])})
        won = best(FULL_NAME_RULES, n)
        if won is None:
            pending.append(n)
            continue
        _settle(n, won.value, won.rule)
    for n in pending:
        n.late = True
        won = best(SINGLE_NAME_RULES, n)
        if won is not None:
            _settle(n, won.value, won.rule)
    return consumed


def full_names_by_surname(doc, cands: list[tuple[int, int, KBHit | None]]) -> dict[str, frozenset[str]]:
    """The first words of the document's candidate names of two words or more, by their last word."""
    out: dict[str, set[str]] = {}
    for s, e, _ in cands:
        words = doc[s:e].text.split()
        if len(words) > 1:
            out.setdefault(translit_key(words[-1]), set()).add(translit_key(words[0]))
    return {k: frozenset(v) for k, v in out.items()}


def _settle(n: Name, ident: Identity, rule: str) -> None:
    st, role = n.st, n.role
    start = role.start if role is not None and role.start < n.s else n.s
    new = ident.key[0] not in st.out.actors
    aid = _apply(st, ident)
    if new:
        written_name(st.out.actors[aid], n)
    if ident.remember is not None and ident.remember != n.name and len(n.words) > 1:
        remember(st, aid, n.name)  # the text's own form too: "Salva Kiir" for the tables' "Salva Kiir Mayardit"
    if ident.confidence is not None:
        add_mention(st, start, n.e, key_of(st.out.actors[aid]), ident.method, ident.confidence, rule)
        return
    attach(st, start, n.e, aid, role, n.hit, ident.method, rule)


def written_name(a: Actor, n: Name) -> None:
    """A person the tables or the dictionaries know under another spelling is named as the document writes
    them in full (``Hibatullah X`` for a table's ``Haybatullah X``, ``Y Dbeibah`` for ``Y Dbeibeh``: another
    romanisation, not a misspelling, see below); the id
    stays the tables' (one person across documents). Only a full written name: as many name words as the
    tables' name, every one capitalised or a particle, none an office word; a shorter form (``Lula da
    Silva``) keeps the tables' whole name."""
    if a.type != "person" or a.name == n.name or len(n.words) < 2 or PLACEHOLDER in n.words or \
            n.words[0].lower() == "the":
        return
    from ..lexicon import word_class

    offices, particles = word_class("office_words"), word_class("name_comparison_particles")
    if not all((CAPITALISED.match(w) and w.lower() not in offices) or w.lower() in particles for w in n.words):
        return
    mine = units(n.name)
    if _written_words(n.name) < _written_words(a.name) or shared_units(n.name, a.name) < 1:
        return
    # Another romanisation (the vowels written otherwise, the consonants the same: every word agrees by
    # ``spelling.same_unit``), or a spelling the dictionaries list for the person (the text matched one of
    # its phrases), is the writer's spelling. A changed or added consonant is a slip: the tables' name holds.
    if n.hit is None and shared_units(n.name, a.name) < len(mine):
        return
    a.name = n.name


def _written_words(name: str) -> int:
    """Name words as written (a hyphenated word one: ``Abd-al-Hamid``), particles left out."""
    return sum(1 for w in name.split() if units(w))


def remember(st: State, aid: str, name: str) -> None:
    words = name.split()
    st.names.setdefault(aid, words)
    st.by_surname.setdefault(translit_key(words[-1]), aid)
    if len(words) > 1:
        st.by_first.setdefault(translit_key(words[0]), aid)
