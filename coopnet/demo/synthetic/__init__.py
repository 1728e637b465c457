"""A synthetic network at N times the seeds' size, for benchmarks.

At scale 1 the network looks like the seeds (CCIN's reviews): about 120 organisations (34 Full
councils, 22 Associates, 44 Affiliates, 20 Supporter organisations), 500 people and 300 membership
periods. Councils link to real rows of the local-authority table; only about 400 current ones
exist, so at large scales the extra organisations are town, parish and community councils,
political groups and affiliates. Everything comes from one seeded random generator, so the same
scale and seed always give the same network.

Rows are written in batches, each with its history row (change reason "Synthetic benchmark
data"), as every write to the registry has one. It is only ever written into an empty registry.

The package: `sizes` (how many of each kind, the time window), `words` (the word lists names
are drawn from), `store` (writing rows with their history), `organisations`, `people` (and their
roles) and `memberships` (and council budgets), put together by `generator.generate`.
"""

from __future__ import annotations

from coopnet.demo.synthetic.generator import SyntheticSummary, generate
from coopnet.demo.synthetic.memberships import periods_per_holder
from coopnet.demo.synthetic.sizes import (
    SyntheticDataError,
    SyntheticSize,
    apportion,
    kind_counts,
)
from coopnet.demo.synthetic.store import ensure_empty, save

__all__ = [
    "SyntheticDataError",
    "SyntheticSize",
    "SyntheticSummary",
    "apportion",
    "ensure_empty",
    "generate",
    "kind_counts",
    "periods_per_holder",
    "save",
]
