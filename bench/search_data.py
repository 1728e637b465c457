"""Run by bench/search_bench.py against one benchmark database, in-process with Django.

    python bench/search_data.py generate N SEED knowledge|own  # N synthetic case studies
    python bench/search_data.py inspect           # queries, bare search and page times (JSON)

`knowledge` (the default): the synthetic registry at 1x (`generate_synthetic`), then
`coopnet.knowledge.synthetic.generate_case_studies(n, seed)` and `rebuild_search_index`, as a
real site fills its index. `own`: index rows written straight into the index with a Zipf-like
vocabulary (`--search-data own`), when the knowledge app is not there.
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_BODY = 800
BATCH = 1000

# Search endpoints, in report order: (name, query string). The words are chosen for the
# synthetic case studies (coopnet.knowledge.synthetic): "council" is in every one of them,
# "dementia" in about 1 in 60, "living wage" in most.
SEARCH_ENDPOINTS: list[tuple[str, str]] = [
    ("search_rare_word", "q=dementia"),
    ("search_common_word", "q=council"),
    ("search_phrase", "q=%22living+wage%22"),
    ("search_facets", "q=council&principle=co-production&year=2023"),
    ("search_facets_rare", "q=dementia&theme=care"),
    ("search_facets_only", "principle=innovation&year=2020"),
]
THEMES = [
    "net-zero", "care", "digital-inclusion", "housing", "food", "community-wealth-building",
    "co-operative-placemaking", "health", "energy", "transport", "youth", "economy",
]  # fmt: skip
# Words the endpoints search for, by how often they are placed (rank in the vocabulary):
# "council" in about half the case studies, "dementia" in about 1 in 50, "living" and "wage"
# in about 1 in 10 each (next to each other only by chance).
PLACED = {121: "council", 300: "community", 700: "living", 760: "wage", 4000: "dementia",
          800: "care"}  # fmt: skip
DOMAIN = """
residents partnership cooperative co-operative councillors officers neighbourhood tenants energy
solar retrofit insulation warm homes care workers wellbeing youth health library procurement
anchor institutions local spend wealth building placemaking assembly citizens participatory
budgeting volunteers charity enterprise mutual credit union food growers market digital
inclusion devices skills training apprenticeships employment transport buses cycling climate
emergency biodiversity parks green spaces adult social children families schools policy lab
prototype pilot evaluation outcomes measures evidence learning network principles democratic
engagement co-production innovation walking talk leadership priorities commissioning
""".split()  # noqa: SIM905
FUNCTION = """
the of and to a in that is for it as was with be by on not he this are or his from at which but
have an they you were her she there been one all we their has would when if so no will more can
out up about who some them other into its than then only also our these two may any after most
over new such where much through back years because each those people how very even well
""".split()  # noqa: SIM905


def vocabulary(rng: random.Random) -> list[str]:
    """Function words first, then the network's words and made-up words, by falling frequency."""
    syllables = ["ba", "co", "den", "el", "far", "gow", "hin", "ith", "lan", "mor", "nes",
                 "ol", "pen", "rhy", "sol", "tor", "ul", "ven", "wy", "yst"]  # fmt: skip
    made_up = {rng.choice(syllables) + rng.choice(syllables) + rng.choice(syllables)
               for _ in range(40_000)}  # fmt: skip
    tail = sorted(made_up - set(DOMAIN) - set(FUNCTION))
    rng.shuffle(tail)
    words = [w for w in DOMAIN if w not in PLACED.values()] + tail
    for rank in sorted(PLACED):
        words.insert(rank - len(FUNCTION), PLACED[rank])
    return FUNCTION + words


def zipf_weights(n: int, exponent: float = 1.0) -> list[float]:
    total, weights = 0.0, []
    for rank in range(1, n + 1):
        total += 1.0 / rank**exponent
        weights.append(total)
    return weights  # cumulative


def sentence_text(rng: random.Random, words: list[str], cumulative: list[float], k: int) -> str:
    chosen = rng.choices(words, cum_weights=cumulative, k=k)
    out, start = [], 0
    while start < k:
        length = rng.randint(8, 22)
        part = chosen[start : start + length]
        out.append(part[0].capitalize() + " " + " ".join(part[1:]) + ".")
        start += length
    return " ".join(out)


def own_generator(n: int, seed: int) -> None:
    """N case studies straight into the index, with the facets a case study carries."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction

    from coopnet.core.principles import NETWORK_PRINCIPLES
    from coopnet.core.search.index import optimise
    from coopnet.core.search.models import SearchEntry, SearchFacet

    rng = random.Random(seed)
    words = vocabulary(rng)
    cumulative = zipf_weights(len(words))
    principles = [slug for slug, *_rest in NETWORK_PRINCIPLES]
    members = [f"member-council-{i:03d}" for i in range(400)]
    content_type = ContentType.objects.get_for_model(SearchEntry)
    for first in range(0, n, BATCH):
        entries, facets = [], []
        for number in range(first, min(first + BATCH, n)):
            year = rng.randint(2012, 2025)
            entries.append(
                SearchEntry(
                    kind="case_study",
                    content_type=content_type,
                    object_id=number + 1,
                    title=sentence_text(rng, words, cumulative, rng.randint(5, 10))[:-1],
                    summary=sentence_text(rng, words, cumulative, 40),
                    body=sentence_text(rng, words, cumulative, WORDS_PER_BODY),
                    url=f"/knowledge/case-studies/{number + 1}/",
                    date=date(year, rng.randint(1, 12), rng.randint(1, 28)),
                )
            )
            facets.append(
                [("type", "case_study"), ("year", str(year))]
                + [("principle", p) for p in rng.sample(principles, rng.randint(1, 3))]
                + [("theme", t) for t in rng.sample(THEMES, rng.randint(1, 2))]
                + [("member", m) for m in rng.sample(members, rng.randint(1, 3))]
            )
        with transaction.atomic():
            created = SearchEntry.objects.bulk_create(entries)
            SearchFacet.objects.bulk_create(
                SearchFacet(entry=entry, name=name, value=value)
                for entry, pairs in zip(created, facets, strict=True)
                for name, value in pairs
            )
    optimise()


def generate(n: int, seed: int, source: str) -> str:
    """`knowledge`: the registry at 1x, n case studies, rebuild_search_index. `own`: index rows."""
    if source == "own":
        own_generator(n, seed)
        return "index rows written by bench/search_data.py"
    from django.core.management import call_command

    from coopnet.core.search.index import rebuild
    from coopnet.knowledge.synthetic import generate_case_studies

    call_command("generate_synthetic", "--scale", "1", "--seed", str(seed), verbosity=0)
    generate_case_studies(n, seed)
    rebuild()
    return (
        "generate_synthetic --scale 1, coopnet.knowledge.synthetic.generate_case_studies, "
        "then rebuild_search_index"
    )


def _median_ms(action: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return round(statistics.median(times), 2)


def inspect(repeat: int = 15) -> dict[str, Any]:
    """Per endpoint: SQL queries and their time, in-process page time, bare search time."""
    from django.db import connection
    from django.http import QueryDict
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from coopnet.core.search.backends import backend
    from coopnet.core.search.models import SearchEntry
    from coopnet.core.search.query import parse

    client = Client(raise_request_exception=True)
    engine = backend()
    result: dict[str, Any] = {}
    for name, query_string in SEARCH_ENDPOINTS:
        path = f"/search/?{query_string}"
        client.get(f"{path}&r=warm")  # per-process caches filled, the page itself not remembered
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        queries = list(captured.captured_queries)
        sql_ms = sum(float(q["time"]) for q in queries) * 1000
        query = parse(QueryDict(query_string).get("q", ""))
        bare = (
            _median_ms(lambda q=query: engine.bare_ids(q, limit=20), repeat)
            if not query.is_empty
            else None
        )
        fresh = iter(range(10**6))  # a new address each time: never the remembered page
        page = _median_ms(lambda p=path, f=fresh: client.get(f"{p}&r={next(f)}"), repeat)
        results_text = response.content.decode()
        total = _total_in(results_text)
        result[name] = {
            "path": path,
            "status": response.status_code,
            "queries": len(queries),
            "sql_ms": round(sql_ms, 2),
            "page_ms_in_process": page,
            "bare_search_ms": bare,
            "page_to_bare_ratio": round(page / bare, 1) if bare else None,
            "results": total,
        }
    return {
        "engine": connection.vendor,
        "entries": SearchEntry.objects.count(),
        "endpoints": result,
    }


def _total_in(page: str) -> int | None:
    import re

    match = re.search(r'role="status">\s*([\d,]+) results?', page)
    return int(match.group(1).replace(",", "")) if match else None


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    command = sys.argv[1]
    if command == "generate":
        began = time.perf_counter()
        source = generate(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        seconds = round(time.perf_counter() - began, 1)
        print(json.dumps({"source": source, "seconds": seconds}))
    elif command == "inspect":
        print(json.dumps(inspect()))
    else:
        raise SystemExit(f"unknown command {command}")


if __name__ == "__main__":
    main()
