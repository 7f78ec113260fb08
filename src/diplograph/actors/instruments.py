"""A state's name on a price or a traded instrument names the instrument, not the state.

``mention.market_name``: "London cocoa prices", "Tokyo stocks", "Brazilian bonds", "the London Metal
Exchange", "coffee futures in London": the name (a state, a demonym, a capital standing for its state)
modifies a head of the word class ``market_instruments`` (or, as a proper name, of
``market_name_heads``), or says where one trades (``in``), and is dropped as a mention of the state.
The instrument is no actor either, so nothing is left there for the event stage to read as a party.
Currencies named after a state (``the US dollar``) are ``mention.veto_named_thing``'s
(actors/sectors.py), before the spans become mentions.
"""
from __future__ import annotations

from ..lexicon import word_class
from ..nlp import tokens_of
from .decide import mention_rule, switched_on
from .state import State, drop_mentions

MARKET_NAME = mention_rule(
    "mention.market_name", 0.9,
    "a state's or city's name modifying a price or traded instrument ('London cocoa prices', 'Tokyo stocks', "
    "'the Vienna Commodity Exchange', 'futures in London') names the instrument, not the state",
    ("parse", "lexicon:market_instruments", "lexicon:market_name_heads"))

_MODIFIER_DEPS = ("compound", "amod", "nmod", "poss")


def _instrument_head(tok) -> bool:
    """Whether ``tok`` modifies (through a chain of name modifiers) a market instrument's head noun."""
    heads = word_class("market_instruments")
    names = word_class("market_name_heads")
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.head.head.lower_ in heads and \
            tok.head.head.pos_ in ("NOUN", "PROPN"):
        return True  # "coffee futures in London", "prices in Tokyo": where the instrument trades
    t = tok
    for _ in range(4):
        if t.dep_ not in _MODIFIER_DEPS or t.head is t:
            return False
        t = t.head
        if t.pos_ == "PROPN" and t.lower_ in names:
            return True  # "the London Metal Exchange"
        if t.pos_ in ("NOUN", "PROPN") and t.lower_ in heads and t.head is not t and \
                not (t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN")):
            return True
        if t.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return False
    return False


def drop_market_names(st: State) -> None:
    """Drop the state mentions that only modify a price or a traded instrument."""
    if not switched_on(MARKET_NAME):
        return
    out = st.out
    toks = tokens_of(st.doc)
    for t, aid in list(out.token_actor.items()):
        a = out.actors.get(aid)
        if a is None or a.type != "state":
            continue
        tok = toks[t]
        if tok.head.i in out.token_actor and out.token_actor[tok.head.i] == aid:
            continue  # inside the name itself: its last word decides
        if _instrument_head(tok):
            drop_mentions(st, aid, t, t + 1)
