-- newsledger ledger schema, version 2: the ledger across articles (issue 5).
-- Near-duplicates: a MinHash signature per article and its LSH band buckets, so a new article finds its
-- candidate copies by looking up its own buckets (never by re-reading the corpus).
CREATE TABLE minhash (
    article_id  VARCHAR NOT NULL,
    signature   BLOB NOT NULL            -- 128 little-endian uint32 minimum hashes
);
CREATE TABLE lsh_buckets (
    band        SMALLINT NOT NULL,
    bucket      BIGINT NOT NULL,         -- hash of (band, the band's rows of the signature)
    article_id  VARCHAR NOT NULL
);
-- Every article's story: the canonical article (the earliest published, then the cleanest, then the first
-- ingested member) and, for a copy, the article it duplicates.
CREATE TABLE stories (
    article_id   VARCHAR NOT NULL,
    story_id     VARCHAR NOT NULL,
    duplicate_of VARCHAR,
    similarity   DOUBLE,                 -- estimated Jaccard with the canonical (1 for the canonical itself)
    rank_key     VARCHAR NOT NULL,       -- the canonical is the member with the smallest key
    reason       VARCHAR NOT NULL
);

-- Entities across articles: one row per real person/organization, whose keys (folded names, aliases, acronyms)
-- point to it, and every per-article entity links to one.
CREATE TABLE ledger_entities (
    id          VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    variants    VARCHAR NOT NULL,        -- JSON list of names seen
    roles       VARCHAR NOT NULL,        -- JSON list of {"role", "date", "article_id"}
    reason      VARCHAR NOT NULL
);
CREATE TABLE entity_keys (
    key              VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    ledger_entity_id VARCHAR NOT NULL,
    reason           VARCHAR NOT NULL
);
CREATE TABLE entity_links (
    entity_id        VARCHAR NOT NULL,
    article_id       VARCHAR NOT NULL,
    ledger_entity_id VARCHAR NOT NULL,
    reason           VARCHAR NOT NULL
);

-- Ledger events: reports (article events) of one real-world event. Each report keeps the features that
-- candidate blocking and matching use, so linking a new event reads only its date window.
CREATE TABLE ledger_events (
    id          VARCHAR NOT NULL,
    category    VARCHAR NOT NULL,
    place       VARCHAR,
    lat         DOUBLE,
    lon         DOUBLE,
    date_value  DATE,
    first_event VARCHAR NOT NULL
);
CREATE TABLE event_links (
    event_id        VARCHAR NOT NULL,
    article_id      VARCHAR NOT NULL,
    ledger_event_id VARCHAR NOT NULL,
    category        VARCHAR NOT NULL,
    date_value      DATE,                -- the event's date, else the article's publication date
    date_own        BOOLEAN NOT NULL,    -- the date is the event's own (not the publication date)
    place_key       VARCHAR,
    lat             DOUBLE,
    lon             DOUBLE,
    place_own       BOOLEAN NOT NULL,
    words           VARCHAR NOT NULL,    -- JSON list of content words of the evidence
    actor_key       VARCHAR,
    target_key      VARCHAR,
    lead            BOOLEAN NOT NULL,    -- the report is in its article's first paragraph
    is_copy         BOOLEAN NOT NULL,    -- reported by an article that is a copy of another
    score           DOUBLE,
    reason          VARCHAR NOT NULL
);

CREATE TABLE disputes (
    id              VARCHAR NOT NULL,
    ledger_event_id VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    data            VARCHAR NOT NULL     -- the export object (JSON)
);

CREATE INDEX minhash_article ON minhash (article_id);
CREATE INDEX lsh_band_bucket ON lsh_buckets (band, bucket);
CREATE INDEX lsh_bucket ON lsh_buckets (bucket);
CREATE INDEX stories_article ON stories (article_id);
CREATE INDEX stories_story ON stories (story_id);
CREATE INDEX entity_keys_key ON entity_keys (key);
CREATE INDEX entity_links_entity ON entity_links (entity_id);
CREATE INDEX ledger_entities_id ON ledger_entities (id);
CREATE INDEX ledger_events_id ON ledger_events (id);
CREATE INDEX event_links_date ON event_links (date_value);
CREATE INDEX event_links_event ON event_links (event_id);
CREATE INDEX event_links_ledger ON event_links (ledger_event_id);
CREATE INDEX disputes_event ON disputes (ledger_event_id);
