"""A state written by its initials (``PNG``, ``DRC``, ``UAE``): an all-capital word of three or four letters that spells the
initials of exactly one state's name of two words or more (``of``, ``the``, ``and`` left out), when the
knowledge base gives the word no other meaning. Run after the unknown entities are listed (an unknown
acronym is one) and before the office holders, so that ``the PNG leader`` finds its state."""
from __future__ import annotations

from ..nlp import texts_of
from ..rules import REGISTRY
from .decide import mention_rule, switched_on
from .kb import KnowledgeBase
from .state import State, add_mention, drop_mentions, slug

STATE_INITIALS = mention_rule("mention.state_initials", 0.7,
                              "an all-capital word spelling the initials of one state's name (PNG, DRC)", ("kb",))

_SKIP = frozenset({"of", "the", "and"})


_CACHE: dict[int, dict[str, str | None]] = {}  # id of the knowledge base → its table


def _initials(kb: KnowledgeBase) -> dict[str, str | None]:
    """Initials → state code (None when two states share them)."""
    if id(kb) in _CACHE:
        return _CACHE[id(kb)]
    out: dict[str, str | None] = _CACHE.setdefault(id(kb), {})
    for code, e in kb.countries.items():
        words = [w for w in e.name.replace("-", " ").split() if w.lower() not in _SKIP]
        if len(words) < 2 or not all(w[:1].isalpha() for w in words):
            continue
        key = "".join(w[0] for w in words).upper()
        out[key] = code if out.get(key, code) == code else None
    return out


def add_state_initials(st: State) -> None:
    if not switched_on(STATE_INITIALS):
        return
    table = _initials(st.kb)
    for i, text in enumerate(texts_of(st.doc)):
        if not (3 <= len(text) <= 4 and text.isalpha() and text.isupper()) or i in st.reserved:
            # two letters are too many other things (AB, SA, CD)
            continue
        code = table.get(text)
        if code is None:
            continue
        owner = st.out.actor_at(i)
        if owner is not None and (owner.code or owner.type == "person"):
            continue  # the knowledge base or a person's initials already say what it is
        if owner is not None:
            drop_mentions(st, owner.id, i, i + 1)
        name = st.kb.state_name(code)
        add_mention(st, i, i + 1, (slug(name), name, "state", code, code), "kb",
                    REGISTRY[STATE_INITIALS].confidence, STATE_INITIALS)
