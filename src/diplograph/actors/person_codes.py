"""A person's code on the document date: the leader tables' tenure, the text's role around the name
(``former``, a title, a hidden office) and, for a person nobody knows, the state their sentence names.

``dated`` settles a known person's code, ``new_person`` a person the tables do not know, ``attach`` adds a
mention with the role the text gives around it. The identity rules that call them are in ``people``.
"""
from __future__ import annotations

from ..records import Actor
from .decide import mention_rule, switched_on
from .kb import KBHit
from .leaders import LeaderRole, load_leaders
from .person_states import salient_state, sentence_state
from .roles import Role
from .state import ActorKey, State, add_mention, key_of, slug

PERSON_SENTENCE_STATE = mention_rule("mention.person_sentence_state", 0.3,
                                     "a new person the text gives no role: the one state their sentence names",
                                     ("parse", "kb"))


def dated(st: State, key: ActorKey, name: str, role: Role | None, user: bool = False,
          approximate: bool = False) -> tuple[ActorKey, str | None, bool]:
    """A KB person's code on the document date: REIGN/Archigos tenure, then ``former`` in the text;
    with the tenure's title (if any) and whether the code is only the nearest dated one.

    ``approximate``: the KB code is the nearest dated one (no range holds on the date); it
    neither constrains the tenure lookup nor survives a role the text gives (see ``attach``).
    """
    aid, nm, typ, code, country = key
    if user:
        return key, None, False  # a user dictionary's codes come out exactly as it defines them
    lookup = None if approximate else country
    lr = load_leaders().role_on(nm, st.on, lookup) or load_leaders().role_on(name, st.on, lookup)
    if lr is not None and country and lr.country != country and len(lr.tenure.leader.split()) < 2:
        lr = None  # a surname-only tenure of another state (Kiesinger) is not this known person (Kissinger)
    title, approx = None, False
    if lr is not None:
        code, country = lr.code, lr.country
        title = lr.tenure.title
    elif approximate and code:
        approx = True
    if role is not None and former_office(role) and code and code[3:].startswith("GOV"):
        code = code[:3] + "ELI"
    elif role is not None and former_office(role) and code and len(code) == 3:
        code = code + "ELI"
    return (aid, nm, typ, code, country), title, approx


def new_person(st: State, name: str, role: Role | None, lr: LeaderRole | None = None,
               at: int | None = None) -> ActorKey:
    if lr is None and role is not None and role.igo and not role.country:
        return slug(name), name, "person", role.igo, None
    country = (lr.country if lr else None) or (role.country if role else None)
    sector = (lr.sector if lr else None)
    if role is not None and role.sector and not sector:
        sector = role.sector
    if role is not None and role.former and (sector or "GOV").startswith("GOV"):
        sector = "ELI"
    if country is None and role is not None and (sector or role.redaction is not None):
        # a title, or a hidden one (``Foreign ** X``): an office of the state the sentence (else the text) is about
        country = salient_state(st, role)
        if country and role.deputy and not sector:
            sector = "GOV"  # a state's deputy of a hidden office: deputy prime minister, deputy president
    elif country is None and role is None and at is not None and switched_on(PERSON_SENTENCE_STATE):
        country = sentence_state(st, at)
    code = (country or "") + (sector or "") or None
    return slug(name), name, "person", code, country


def attach(st: State, start: int, end: int, aid: str, role: Role | None, hit: KBHit | None, method: str,
           rule: str) -> None:
    """A mention of a person, its code settled with the role the text gives around it."""
    a = st.out.actors[aid]
    conf = {"kb": 0.9, "dictionary": 0.95, "alias": 0.85, "learned": 0.3}.get(method, 0.7)
    if method == "kb" and hit is None:
        conf = 0.7
    if aid in st.approximate and method in ("kb", "alias"):
        conf = min(conf, 0.6)  # the KB dates this person elsewhere: the state holds, the role is a guess
    if role is not None and role.code and method != "dictionary":
        # The text's own role: a person the KB did not date gets the country and sector it gives.
        if aid in st.approximate and (role.country or role.igo):
            # The KB dates this person elsewhere; the text says what they are on this date.
            a.code, a.country = role.code, role.country
            st.approximate.discard(aid)
            method = "role" if method in ("kb", "alias") else method
            conf = 0.7
        elif a.code is None or (role.country and a.country is None):
            a.code, a.country = role.code, role.country
            method = "role" if method in ("kb",) and hit is None and a.code else method
        elif a.type == "person" and a.country and a.code == a.country and role.sector \
                and role.country in (None, a.country):
            a.code = role.code if role.country else a.code + (role.code or "")  # the state known, the text's sector
        elif former_office(role) and a.code and a.code[3:].startswith("GOV"):
            a.code = a.code[:3] + "ELI"
        elif present_office(role, a):
            # ``President X`` with no ``former``: the text says X holds the office now; the
            # tenure table's dates (often unknown or a placeholder) do not outrank it.
            a.code = a.code[:3] + role.sector
            method = "role" if method in ("kb", "alias") else method
    add_mention(st, start, end, key_of(a), method, conf, rule)
    if role is not None and role.title and role.sector and role.sector.startswith("GOV"):
        st.titles.setdefault(aid, role.title)


def former_office(role: Role) -> bool:
    """The role is a past office (``former President X``, ``former ** X``, ``X, the former minister``), not a past
    trade (``X, the former law lecturer``): a former word over no sector or a government one."""
    return role.former and (not role.sector or role.sector.startswith(("GOV", "ELI")))


def present_office(role: Role, a: Actor) -> bool:
    """The text gives a current government title to a person the tables date as a former leader
    (``...ELI``) of the same state."""
    return bool(not role.former and not role.style and not role.then and role.sector
                and role.sector.startswith("GOV") and a.code
                and len(a.code) > 3 and a.code[3:] == "ELI" and role.country in (None, a.code[:3])
                and a.type == "person")
