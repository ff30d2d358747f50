"""The ledger across articles (issue 5): near-duplicates, entities, ledger events, disputes.

``link.link_new`` runs the incremental steps for articles just written; ``link.relink`` rebuilds them all.
"""
