"""The ``times`` stage: time expressions of the article, anchored on its publication date."""

from __future__ import annotations

from dataclasses import replace

from dateline.config import Settings
from dateline.pipeline import DocState
from dateline.time.tagger import tag_times


class TimesStage:
    """Assigns ``times``: every time expression in the article text."""

    name = "times"
    requires: tuple[str, ...] = ("doc",)
    assigns: tuple[str, ...] = ("times",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, state: DocState) -> DocState:
        article = state.article
        return replace(state, times=tag_times(article.text, article.published, article.paragraphs))
