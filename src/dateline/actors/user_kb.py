"""The user's own dictionaries: imported into a directory that every run then loads.

``dateline kb import FILE`` checks a CAMEO/PETRARCH ``.actors`` or ``.agents`` file (or a
JSON file in the knowledge base's own shape) and copies it into ``settings.kb_dir``; the
actor and event stages load the built-in data plus every file found there.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dateline.actors import dictionaries
from dateline.actors.kb import KnowledgeBase
from dateline.config import Settings
from dateline.errors import InputError

SUFFIXES = (".actors", ".agents", ".json", ".txt")


@dataclass(frozen=True, slots=True)
class ImportReport:
    source: str
    destination: str
    kind: str
    entries: int
    problems: tuple[str, ...]


def kb_dir(settings: Settings) -> Path:
    return Path(settings.kb_dir).expanduser()


def user_dictionaries(settings: Settings) -> tuple[Path, ...]:
    folder = kb_dir(settings)
    if not folder.is_dir():
        return ()
    return tuple(sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES))


def knowledge_base(settings: Settings) -> KnowledgeBase:
    """The built-in knowledge base plus the user's imported dictionaries."""
    extra = user_dictionaries(settings)
    return _load(extra) if extra else KnowledgeBase.default()


@cache
def _load(extra: tuple[Path, ...]) -> KnowledgeBase:
    return KnowledgeBase.load(extra=extra)


def import_dictionary(path: Path, settings: Settings) -> ImportReport:
    """Check a dictionary and copy it into the user's knowledge-base directory."""
    if not path.is_file():
        raise InputError("no such dictionary file", source=str(path))
    kind = dictionaries.dictionary_kind(path)
    if kind == "actors":
        actors = dictionaries.read_actors(path)
        entries, problems = len(actors.officeholders), actors.problems
    elif kind == "agents":
        agents = dictionaries.read_agents(path)
        entries, problems = len(agents.sector_terms), agents.problems
    else:
        loaded = KnowledgeBase.load(extra=(path,))
        base = KnowledgeBase.default()
        entries = sum(loaded.counts().values()) - sum(base.counts().values())
        problems = ()
    if entries == 0:
        raise InputError("no entries could be read from this dictionary", source=str(path))
    folder = kb_dir(settings)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / path.name
    shutil.copyfile(path, dest)
    _load.cache_clear()
    return ImportReport(str(path), str(dest), kind, entries, tuple(problems))
