"""The actors stage: mentions found, resolved against the knowledge base, coreferenced."""

from __future__ import annotations

from dataclasses import replace

from dateline.actors.coref import resolve
from dateline.actors.kb import KnowledgeBase
from dateline.actors.mentions import MentionFinder
from dateline.actors.user_kb import knowledge_base
from dateline.config import Settings
from dateline.pipeline import DocState


class ActorsStage:
    name = "actors"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("mentions",)

    def __init__(self, settings: Settings, kb: KnowledgeBase | None = None) -> None:
        self.settings = settings
        self.kb = kb or knowledge_base(settings)
        self.finder = MentionFinder(self.kb)

    def __call__(self, state: DocState) -> DocState:
        raw = self.finder.find(state.doc, state.article.published)
        return replace(state, mentions=resolve(state.doc, raw))
