"""The full-text half of the search index, in the database's own engine.

SQLite: an external-content FTS5 table over core_searchentry (title, summary, body; Porter
stemming on the unicode61 tokenizer with diacritics removed), kept in step by triggers.
PostgreSQL: a `search_vector` tsvector column kept by a trigger (title weight A, summary B, body C;
the 'english' configuration, accents folded by `unaccent` where the server has it) and a GIN index.
Both: core_searchindex_version, a one-row counter that triggers move on at every change to
core_searchentry (search pages are remembered under it).

On SQLite, a later migration that alters core_searchentry makes Django rebuild the table, which
drops these triggers: such a migration must run SQLITE_FORWARD again (and `rebuild_search_index`).
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS core_searchentry_fts USING fts5(
        title, summary, body,
        content='core_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2'
    )""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_insert AFTER INSERT ON core_searchentry
    BEGIN
        INSERT INTO core_searchentry_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_delete AFTER DELETE ON core_searchentry
    BEGIN
        INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
    END""",
    """CREATE TRIGGER IF NOT EXISTS core_searchentry_fts_update AFTER UPDATE ON core_searchentry
    BEGIN
        INSERT INTO core_searchentry_fts(core_searchentry_fts, rowid, title, summary, body)
        VALUES ('delete', old.id, old.title, old.summary, old.body);
        INSERT INTO core_searchentry_fts(rowid, title, summary, body)
        VALUES (new.id, new.title, new.summary, new.body);
    END""",
    "INSERT INTO core_searchentry_fts(core_searchentry_fts) VALUES ('rebuild')",
    # A counter every change to the index moves on: search pages are remembered under it.
    """CREATE TABLE IF NOT EXISTS core_searchindex_version (
        id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL
    )""",
    *[
        f"""CREATE TRIGGER IF NOT EXISTS core_searchentry_version_{event.lower()}
        AFTER {event} ON core_searchentry
        BEGIN
            INSERT INTO core_searchindex_version(id, version) VALUES (1, 1)
            ON CONFLICT(id) DO UPDATE SET version = version + 1;
        END"""
        for event in ("INSERT", "UPDATE", "DELETE")
    ],
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_searchentry_version_insert",
    "DROP TRIGGER IF EXISTS core_searchentry_version_update",
    "DROP TRIGGER IF EXISTS core_searchentry_version_delete",
    "DROP TABLE IF EXISTS core_searchindex_version",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_insert",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_delete",
    "DROP TRIGGER IF EXISTS core_searchentry_fts_update",
    "DROP TABLE IF EXISTS core_searchentry_fts",
]

POSTGRES_FOLD_WITH_UNACCENT = """
CREATE OR REPLACE FUNCTION core_search_fold(text) RETURNS text
LANGUAGE sql STABLE AS $$ SELECT unaccent($1) $$"""
POSTGRES_FOLD_WITHOUT = """
CREATE OR REPLACE FUNCTION core_search_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$"""
POSTGRES_FORWARD = [
    "ALTER TABLE core_searchentry ADD COLUMN search_vector tsvector",
    # Plain words only, as FTS5's unicode61 tokenizer reads text: PostgreSQL's parser would keep
    # "www.oldham.gov.uk", "info@x.coop" or "/path" whole and take "<b>" for a tag to drop.
    r"""CREATE OR REPLACE FUNCTION core_search_untag(text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $fn$
        SELECT translate(
            coalesce($1, ''),
            $p$!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~$p$,
            '                                '
        )
    $fn$""",
    """CREATE OR REPLACE FUNCTION core_searchentry_vector() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_vector :=
            setweight(to_tsvector('english', core_search_fold(core_search_untag(NEW.title))), 'A')
            || setweight(
                to_tsvector('english', core_search_fold(core_search_untag(NEW.summary))), 'B'
            )
            || setweight(
                to_tsvector('english', core_search_fold(core_search_untag(NEW.body))), 'C'
            );
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER core_searchentry_vector
    BEFORE INSERT OR UPDATE OF title, summary, body ON core_searchentry
    FOR EACH ROW EXECUTE FUNCTION core_searchentry_vector()""",
    "UPDATE core_searchentry SET title = title",
    "CREATE INDEX core_searchentry_vector_gin ON core_searchentry USING gin (search_vector)",
    # A counter every change to the index moves on: search pages are remembered under it.
    """CREATE TABLE core_searchindex_version (
        id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL
    )""",
    """CREATE OR REPLACE FUNCTION core_searchindex_bump() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO core_searchindex_version(id, version) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET version = core_searchindex_version.version + 1;
        RETURN NULL;
    END $$""",
    """CREATE TRIGGER core_searchentry_version
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON core_searchentry
    FOR EACH STATEMENT EXECUTE FUNCTION core_searchindex_bump()""",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS core_searchentry_version ON core_searchentry",
    "DROP FUNCTION IF EXISTS core_searchindex_bump()",
    "DROP TABLE IF EXISTS core_searchindex_version",
    "DROP INDEX IF EXISTS core_searchentry_vector_gin",
    "DROP TRIGGER IF EXISTS core_searchentry_vector ON core_searchentry",
    "DROP FUNCTION IF EXISTS core_searchentry_vector()",
    "DROP FUNCTION IF EXISTS core_search_fold(text)",
    "DROP FUNCTION IF EXISTS core_search_untag(text)",
    "ALTER TABLE core_searchentry DROP COLUMN IF EXISTS search_vector",
]


def _execute(schema_editor, statements):
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def _postgres_fold(schema_editor) -> str:
    """unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it."""
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'")
        if cursor.fetchone() is None:
            return POSTGRES_FOLD_WITHOUT
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    return POSTGRES_FOLD_WITH_UNACCENT


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _execute(schema_editor, SQLITE_FORWARD)
    elif vendor == "postgresql":
        _execute(schema_editor, [_postgres_fold(schema_editor), *POSTGRES_FORWARD])
    else:
        raise RuntimeError(f"Site search supports SQLite and PostgreSQL, not {vendor}.")


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _execute(schema_editor, SQLITE_BACKWARD)
    elif vendor == "postgresql":
        _execute(schema_editor, POSTGRES_BACKWARD)


class Migration(migrations.Migration):
    dependencies = [("core", "0005_search_index")]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
