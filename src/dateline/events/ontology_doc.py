"""docs/ontology.md, generated from the PLOVER data file (a test keeps them in step)."""

from __future__ import annotations

from dateline.events.ontology import EVENT_TYPES, Ontology


def render(ontology: Ontology) -> str:
    lines = [
        "# Event ontology",
        "",
        "Generated from `src/dateline/data/plover.json` by",
        "`python -m dateline.events.ontology_doc > docs/ontology.md`;",
        "a test fails when they differ.",
        "",
        f"Source: {ontology.source}.",
        "",
        "Each event has a PLOVER `type`, an optional `mode`, the closest CAMEO code",
        "(`cameo`), a score on PLOVER's -10 (most conflictual) .. +10 (most cooperative)",
        "scale and a quad class.",
        "",
        "| type | quad | score | description |",
        "|---|---|---|---|",
    ]
    for name in EVENT_TYPES:
        info = ontology.info(name)
        lines.append(f"| {name} | {info.quad} | {info.score:+.1f} | {info.description} |")
    lines += ["", "## Modes", "", "| type | mode | CAMEO | score |", "|---|---|---|---|"]
    for name in EVENT_TYPES:
        for mode in ontology.info(name).modes:
            label = mode.mode if mode.mode is not None else "(none)"
            lines.append(f"| {name} | {label} | {mode.cameo} | {mode.score:+.1f} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - a documentation generator
    import sys

    sys.stdout.write(render(Ontology.default()))
