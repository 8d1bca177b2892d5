-- Schema version 3: canonical events (one row per real-world event, however many mentions
-- report it), the mention -> canonical link, and per-mention actor and article columns
-- written at insert time, so that timelines and dyad queries read one table instead of
-- aggregating event_actors and joining documents per row.

ALTER TABLE event_mentions ADD COLUMN actor VARCHAR DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN actor_countries VARCHAR DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN recipient VARCHAR DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN recipient_countries VARCHAR DEFAULT '';
ALTER TABLE event_mentions ADD COLUMN actor_keys VARCHAR DEFAULT '|';
ALTER TABLE event_mentions ADD COLUMN doc_title VARCHAR;
ALTER TABLE event_mentions ADD COLUMN doc_url VARCHAR;
ALTER TABLE event_mentions ADD COLUMN doc_source VARCHAR;
ALTER TABLE event_mentions ADD COLUMN doc_published DATE;

UPDATE event_mentions AS m SET
    doc_title = d.title, doc_url = d.url, doc_source = d.source, doc_published = d.published
FROM documents d
WHERE d.id = m.article_id;

-- Backfill mentions stored by schema version 2 (the same SQL the store runs after inserts).
UPDATE event_mentions AS m SET
    actor = d.actor,
    actor_countries = d.actor_countries,
    recipient = d.recipient,
    recipient_countries = d.recipient_countries,
    actor_keys = d.actor_keys
FROM (
    WITH firsts AS (
        SELECT event_id, role, country, min(ordinal) AS first
        FROM event_actors WHERE country IS NOT NULL
        GROUP BY event_id, role, country
    ),
    countries AS (
        SELECT event_id,
            coalesce(string_agg(country, ';' ORDER BY first) FILTER (WHERE role = 'actor'), '')
                AS actor_countries,
            coalesce(string_agg(country, ';' ORDER BY first) FILTER (WHERE role = 'recipient'), '')
                AS recipient_countries
        FROM firsts GROUP BY event_id
    ),
    names AS (
        SELECT event_id,
            coalesce(string_agg(
                CASE WHEN country IS NULL THEN name ELSE name || ' (' || country || ')' END,
                '; ' ORDER BY ordinal) FILTER (WHERE role = 'actor'), '') AS actor,
            coalesce(string_agg(
                CASE WHEN country IS NULL THEN name ELSE name || ' (' || country || ')' END,
                '; ' ORDER BY ordinal) FILTER (WHERE role = 'recipient'), '') AS recipient,
            '|' || string_agg(
                CASE WHEN country IS NULL THEN 'n:' || lower(name)
                     ELSE 'c:' || upper(country) || '|n:' || lower(name) END,
                '|' ORDER BY role, ordinal) || '|' AS actor_keys
        FROM event_actors GROUP BY event_id
    )
    SELECT n.event_id, n.actor, n.recipient, n.actor_keys,
        coalesce(c.actor_countries, '') AS actor_countries,
        coalesce(c.recipient_countries, '') AS recipient_countries
    FROM names n LEFT JOIN countries c ON c.event_id = n.event_id
) AS d
WHERE m.id = d.event_id;

DROP VIEW events_flat;
CREATE VIEW events_flat AS
SELECT
    m.id,
    m.seq,
    m.article_id,
    d.seq AS article_seq,
    m.ordinal,
    m.type,
    m.mode,
    m.cameo,
    m.status,
    m.date_start,
    m.date_end,
    m.granularity,
    m.date_text,
    m.basis,
    m.actor,
    m.actor_countries,
    m.recipient,
    m.recipient_countries,
    m.place_name,
    m.place_country,
    m.place_geonameid,
    m.place_lat,
    m.place_lon,
    m.place_feature,
    m.sentence,
    m.sentence_start,
    m.sentence_end,
    m.trigger,
    m.score,
    m.quad,
    m.confidence,
    d.title,
    d.url,
    d.source,
    d.published,
    m.actor_json,
    m.recipient_json,
    m.actor_keys
FROM event_mentions m
JOIN documents d ON d.id = m.article_id;

CREATE TABLE canonical_events (
    id                  VARCHAR PRIMARY KEY,
    seq                 BIGINT NOT NULL,
    type                VARCHAR NOT NULL,
    mode                VARCHAR,
    actor_countries     VARCHAR NOT NULL,
    recipient_countries VARCHAR NOT NULL,
    date_start          DATE,
    date_end            DATE,
    granularity         VARCHAR,
    basis               VARCHAR,
    place_name          VARCHAR,
    place_country       VARCHAR,
    place_geonameid     BIGINT,
    place_lat           DOUBLE,
    place_lon           DOUBLE,
    place_feature       VARCHAR,
    score               DOUBLE,
    quad                VARCHAR,
    num_mentions        INTEGER NOT NULL,
    num_sources         INTEGER NOT NULL,
    num_articles        INTEGER NOT NULL,
    first_reported      DATE,
    last_reported       DATE,
    conflicts           VARCHAR NOT NULL
);

CREATE TABLE canonical_mentions (
    mention_id   VARCHAR PRIMARY KEY,
    canonical_id VARCHAR NOT NULL,
    conflict     BOOLEAN NOT NULL
);
