-- dateline event store, schema version 1 (DuckDB).
-- Later changes go in migrations/NNN_name.sql, never here: a store created by an
-- older dateline must reach the same schema by applying the migrations in order.

CREATE SEQUENCE document_seq START 1;
CREATE SEQUENCE event_seq START 1;
CREATE SEQUENCE error_seq START 1;

CREATE TABLE documents (
    id           VARCHAR PRIMARY KEY,
    seq          BIGINT NOT NULL DEFAULT nextval('document_seq'),
    content_hash VARCHAR NOT NULL UNIQUE,
    url          VARCHAR,
    source       VARCHAR,
    title        VARCHAR,
    published    DATE,
    byline       VARCHAR,
    language     VARCHAR NOT NULL,
    text         VARCHAR NOT NULL,
    paragraphs   VARCHAR NOT NULL,
    origin       VARCHAR NOT NULL,
    ingested_at  TIMESTAMP NOT NULL
);

CREATE TABLE event_mentions (
    id              VARCHAR PRIMARY KEY,
    seq             BIGINT NOT NULL DEFAULT nextval('event_seq'),
    article_id      VARCHAR NOT NULL,
    ordinal         INTEGER NOT NULL,
    type            VARCHAR NOT NULL,
    mode            VARCHAR,
    cameo           VARCHAR,
    status          VARCHAR NOT NULL,
    date_start      DATE,
    date_end        DATE,
    granularity     VARCHAR,
    date_text       VARCHAR,
    basis           VARCHAR NOT NULL,
    place_text      VARCHAR,
    place_start     INTEGER,
    place_end       INTEGER,
    place_kind      VARCHAR,
    place_name      VARCHAR,
    place_country   VARCHAR,
    place_geonameid BIGINT,
    place_lat       DOUBLE,
    place_lon       DOUBLE,
    place_feature   VARCHAR,
    sentence        VARCHAR NOT NULL,
    sentence_start  INTEGER NOT NULL,
    sentence_end    INTEGER NOT NULL,
    trigger         VARCHAR NOT NULL,
    trigger_start   INTEGER NOT NULL,
    score           DOUBLE,
    quad            VARCHAR,
    confidence      DOUBLE NOT NULL,
    actor_json      VARCHAR NOT NULL,
    recipient_json  VARCHAR NOT NULL
);

CREATE TABLE event_actors (
    event_id      VARCHAR NOT NULL,
    role          VARCHAR NOT NULL CHECK (role IN ('actor', 'recipient')),
    ordinal       INTEGER NOT NULL,
    text          VARCHAR NOT NULL,
    name          VARCHAR NOT NULL,
    country       VARCHAR,
    sector        VARCHAR,
    role_title    VARCHAR,
    entity_id     VARCHAR,
    mention_start INTEGER NOT NULL,
    mention_end   INTEGER NOT NULL,
    PRIMARY KEY (event_id, role, ordinal)
);

CREATE TABLE ingestion_errors (
    id        BIGINT PRIMARY KEY DEFAULT nextval('error_seq'),
    source    VARCHAR NOT NULL,
    stage     VARCHAR NOT NULL,
    reason    VARCHAR NOT NULL,
    failed_at TIMESTAMP NOT NULL
);
