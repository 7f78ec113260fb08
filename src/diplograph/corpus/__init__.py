"""The rules of the corpus view, as pure functions over plain records (no store access).

Which actors of different documents are one actor (``unify``), which events reported by
several documents are one real-world event (``dedup``), and how much a claim of each status
counts (``weights``). The store's single writer applies them inside each batch's transaction
(``store/corpus.py``) and the analysis reads what it wrote (``analysis/``); both import these
rules from here, so data flows one way: records → corpus rules → store → analysis.
"""
