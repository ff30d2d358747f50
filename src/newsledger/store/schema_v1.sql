-- newsledger ledger schema, version 1. Offsets are Python str (code point) offsets into articles.text.
CREATE TABLE articles (
    id            VARCHAR PRIMARY KEY,   -- content-derived: same normalised clean text, same id
    input_id      VARCHAR,               -- id field of a JSONL/CSV record, file name, or WARC record id
    url           VARCHAR,
    source        VARCHAR,
    title         VARCHAR,
    pubdate       DATE,
    author        VARCHAR,
    text          VARCHAR NOT NULL,      -- the clean text every span refers to
    raw_text      VARCHAR NOT NULL,      -- the input text that --offsets input refers to
    raw           VARCHAR,               -- the original input (HTML source for HTML/WARC)
    input_format  VARCHAR,
    origin        VARCHAR,               -- file (and record) it was first read from
    offset_map    VARCHAR NOT NULL,      -- JSON runs [clean_start, clean_end, input_start, input_end|-1]
    warnings      VARCHAR NOT NULL,      -- JSON list of strings
    n_quotes      INTEGER NOT NULL,
    n_events      INTEGER NOT NULL,
    ingested_at   TIMESTAMP NOT NULL
);

-- Every time an article was seen (the same text from another file, outlet or URL is one article).
CREATE TABLE sightings (
    id          VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    origin      VARCHAR,
    input_id    VARCHAR,
    url         VARCHAR,
    source      VARCHAR,
    pubdate     DATE,
    seen_at     TIMESTAMP NOT NULL
);

CREATE TABLE entities (
    id          VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    role        VARCHAR,
    country     VARCHAR,
    data        VARCHAR NOT NULL         -- the export object (JSON)
);

CREATE TABLE mentions (
    entity_id   VARCHAR NOT NULL,
    article_id  VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

CREATE TABLE places (
    entity_id   VARCHAR PRIMARY KEY,
    article_id  VARCHAR NOT NULL,
    name        VARCHAR NOT NULL,
    geonameid   BIGINT,
    lat         DOUBLE,
    lon         DOUBLE,
    country     VARCHAR,
    admin1      VARCHAR,
    precision   VARCHAR
);

CREATE TABLE quotes (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    type           VARCHAR NOT NULL,
    content_start  INTEGER NOT NULL,
    content_end    INTEGER NOT NULL,
    content        VARCHAR NOT NULL,
    speaker_name   VARCHAR,
    speaker_kind   VARCHAR NOT NULL,
    speaker_role   VARCHAR,
    speaker_entity VARCHAR,
    conduit        VARCHAR,
    reason         VARCHAR NOT NULL,
    data           VARCHAR NOT NULL
);

CREATE TABLE events (
    id             VARCHAR PRIMARY KEY,
    article_id     VARCHAR NOT NULL,
    category       VARCHAR NOT NULL,
    mode           VARCHAR,
    status         VARCHAR NOT NULL,
    actor          VARCHAR,
    target         VARCHAR,
    place          VARCHAR,
    date_value     VARCHAR,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end   INTEGER NOT NULL,
    claimed_by_quote VARCHAR,
    reason         VARCHAR NOT NULL,
    data           VARCHAR NOT NULL
);

CREATE TABLE rejects (
    id           VARCHAR PRIMARY KEY,    -- content-derived from origin and reason: re-running does not pile up
    origin       VARCHAR NOT NULL,
    reason       VARCHAR NOT NULL,
    detail       VARCHAR,
    rejected_at  TIMESTAMP NOT NULL
);

CREATE TABLE ingest_runs (
    id           VARCHAR PRIMARY KEY,
    started_at   TIMESTAMP NOT NULL,
    finished_at  TIMESTAMP,
    ingested     INTEGER,
    duplicates   INTEGER,
    rejected     INTEGER,
    inputs       VARCHAR
);

CREATE INDEX quotes_article ON quotes (article_id);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX mentions_article ON mentions (article_id);
