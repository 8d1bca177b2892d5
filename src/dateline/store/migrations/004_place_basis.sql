-- Schema version 4: why an event mention's place is its place (stated, destination,
-- dateline, context, focus); NULL for mentions stored before version 4.

ALTER TABLE event_mentions ADD COLUMN place_basis VARCHAR;

-- The flat view shows it beside the other place columns.
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
    m.place_basis,
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
