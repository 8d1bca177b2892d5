"""Places: toponyms recognised in an article and resolved to gazetteer entries.

- :mod:`dateline.geo.gazetteer`: the name tables (``Gazetteer.load()``, once per process);
- :mod:`dateline.geo.recognize`: which spans name places, and of what kind;
- :mod:`dateline.geo.resolve`: which entry each name means, from the article's context;
- :mod:`dateline.geo.stage`: the ``places`` pipeline stage (``find_places``).
"""
