"""The events stage: PLOVER events from triggers, with everything earlier stages found."""

from __future__ import annotations

from dataclasses import replace

from dateline.actors.user_kb import knowledge_base
from dateline.config import Settings
from dateline.events.classifier import EventTypeClassifier
from dateline.events.coder import EventCoder
from dateline.events.ontology import Ontology
from dateline.geo.gazetteer import Gazetteer
from dateline.pipeline import DocState


class EventsStage:
    name = "events"
    requires: tuple[str, ...] = ("doc", "mentions", "times", "places")
    assigns: tuple[str, ...] = ("events",)

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.coder = EventCoder(
            knowledge_base(settings),
            Ontology.default(),
            Gazetteer.load(),
            EventTypeClassifier.load() if settings.event_classifier else None,
        )

    def __call__(self, state: DocState) -> DocState:
        events = self.coder.code(
            state.doc, state.article, state.mentions, state.times, state.places
        )
        return replace(state, events=events)
