-- One row per event mention with its article, actors as display strings and country
-- lists: what `timeline`, CSV and Parquet exports read, so they agree by construction.
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
    coalesce((
        SELECT string_agg(
            CASE WHEN a.country IS NULL THEN a.name ELSE a.name || ' (' || a.country || ')' END,
            '; ' ORDER BY a.ordinal)
        FROM event_actors a WHERE a.event_id = m.id AND a.role = 'actor'
    ), '') AS actor,
    coalesce((
        SELECT string_agg(c.country, ';' ORDER BY c.first)
        FROM (SELECT a.country, min(a.ordinal) AS first FROM event_actors a
              WHERE a.event_id = m.id AND a.role = 'actor' AND a.country IS NOT NULL
              GROUP BY a.country) c
    ), '') AS actor_countries,
    coalesce((
        SELECT string_agg(
            CASE WHEN a.country IS NULL THEN a.name ELSE a.name || ' (' || a.country || ')' END,
            '; ' ORDER BY a.ordinal)
        FROM event_actors a WHERE a.event_id = m.id AND a.role = 'recipient'
    ), '') AS recipient,
    coalesce((
        SELECT string_agg(c.country, ';' ORDER BY c.first)
        FROM (SELECT a.country, min(a.ordinal) AS first FROM event_actors a
              WHERE a.event_id = m.id AND a.role = 'recipient' AND a.country IS NOT NULL
              GROUP BY a.country) c
    ), '') AS recipient_countries,
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
    m.recipient_json
FROM event_mentions m
JOIN documents d ON d.id = m.article_id;
