"""Train the sentence-level PLOVER type classifier (dateline.events.classifier).

Reads PLV (``../shared/eval/events/plv/PLV_train.tsv`` by default) and trains on its
``dev`` split ONLY (the held-out ``test`` split of dateline.evaluation.events is never
read for training or tuning). Deterministic: fixed seed, full-batch training.

Each dev sentence goes through the real pipeline; the trigger of the rule event that
codes its row (if any) is a feature, as it will be when the coder asks. Training uses the
parsed view (words + syntax, what ``predict_tokens`` sees); adding the plain-text view cost
parsed accuracy in cross-validation, so ``predict`` (words only) is the weaker path. The
L2 strength is chosen by 5-fold
cross-validation on dev (folds grouped by sentence), for each of the two models it writes:
the coder's sentence classifier (``event_classifier.npz``, used with the setting
``event_classifier = true``) and the dyad classifier (``dyad_classifier.npz``, used by
``dateline.events.dyad.DyadTyper``), whose override threshold is chosen on the
out-of-fold dev predictions and printed next to the value in the code.

    .venv/bin/python scripts/train_event_classifier.py [--plv PATH] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from dateline.config import Settings
from dateline.evaluation.events import (
    PlvRow,
    parse_rows,
    pick_event,
    plv_type,
    read_plv,
    select,
)
from dateline.events.classifier import (
    WEIGHTS_FILE,
    EventTypeClassifier,
    features,
    parsed_tokens,
)
from dateline.events.dyad import DYAD_OVERRIDE, DYAD_WEIGHTS, coding_features

REPO = Path(__file__).resolve().parent.parent
DEFAULT_PLV = REPO.parent / "shared" / "eval" / "events" / "plv" / "PLV_train.tsv"
DEFAULT_OUT = REPO / "src" / "dateline" / "data" / WEIGHTS_FILE
SEED = 13
FOLDS = 5
L2_GRID = (1e-4, 3e-4, 1e-3)
MIN_COUNT = 2
STEPS = 300

Matrix = npt.NDArray[np.floating[Any]]


class Sparse:
    """A binary sample-by-feature matrix as the (row, column) pairs of its ones."""

    def __init__(self, feats: list[list[str]], index: dict[str, int]) -> None:
        pairs = sorted({(r, index[f]) for r, fs in enumerate(feats) for f in fs if f in index})
        self.rows = np.array([p[0] for p in pairs], dtype=np.int64)
        self.cols = np.array([p[1] for p in pairs], dtype=np.int64)
        self.shape = (len(feats), len(index))
        self.row_ptr = np.searchsorted(self.rows, np.arange(self.shape[0] + 1))
        self.by_col = np.argsort(self.cols, kind="stable")
        self.col_ptr = np.searchsorted(self.cols[self.by_col], np.arange(self.shape[1] + 1))

    @staticmethod
    def _segment_sums(values: Matrix, ptr: npt.NDArray[np.int64]) -> Matrix:
        starts = np.minimum(ptr[:-1], len(values) - 1)
        out: Matrix = np.add.reduceat(values, starts, axis=0)
        out[ptr[:-1] == ptr[1:]] = 0.0  # reduceat gives an empty segment its first value
        return out

    def dot(self, w: Matrix) -> Matrix:
        return self._segment_sums(w[self.cols], self.row_ptr)

    def tdot(self, g: Matrix) -> Matrix:
        return self._segment_sums(g[self.rows[self.by_col]], self.col_ptr)


def softmax(z: Matrix) -> Matrix:
    z = z - z.max(axis=1, keepdims=True)
    p: Matrix = np.exp(z)
    out: Matrix = p / p.sum(axis=1, keepdims=True)
    return out


def train_lr(
    x: Sparse,
    y: npt.NDArray[np.int64],
    n_labels: int,
    l2: float,
    weights: Matrix | None = None,
) -> tuple[Matrix, Matrix]:
    """Multinomial logistic regression, full-batch Adam from zeros (deterministic)."""
    n, d = x.shape
    sw = (np.ones(n, dtype=np.float32) if weights is None else weights)[:, None]
    sw = sw / sw.sum()
    w: Matrix = np.zeros((d, n_labels), dtype=np.float32)
    b: Matrix = np.zeros(n_labels, dtype=np.float32)
    onehot = np.eye(n_labels, dtype=np.float32)[y]
    mw: Matrix = np.zeros_like(w)
    vw: Matrix = np.zeros_like(w)
    mb: Matrix = np.zeros_like(b)
    vb: Matrix = np.zeros_like(b)
    lr, b1, b2, eps = (np.float32(v) for v in (0.05, 0.9, 0.999, 1e-8))
    for step in range(1, STEPS + 1):
        g = (softmax(x.dot(w) + b) - onehot) * sw
        gw = x.tdot(g) + np.float32(l2) * w
        gb = g.sum(axis=0)
        mw = b1 * mw + (1 - b1) * gw
        vw = b2 * vw + (1 - b2) * gw * gw
        mb = b1 * mb + (1 - b1) * gb
        vb = b2 * vb + (1 - b2) * gb * gb
        c1, c2 = 1 - b1**step, 1 - b2**step
        w -= lr * (mw / c1) / (np.sqrt(vw / c2) + eps)
        b -= lr * (mb / c1) / (np.sqrt(vb / c2) + eps)
    return w, b


def matrix(feats: list[list[str]], index: dict[str, int]) -> Sparse:
    return Sparse(feats, index)


def vocabulary(feats: list[list[str]]) -> list[str]:
    counts = Counter(f for fs in feats for f in set(fs))
    return sorted(f for f, c in counts.items() if c >= MIN_COUNT)


def fold_of(sentence: str) -> int:
    return int(hashlib.sha1(sentence.encode("utf-8")).hexdigest(), 16) % FOLDS


def cross_validate(
    feats: list[list[str]], y: npt.NDArray[np.int64], folds: npt.NDArray[Any], n_labels: int
) -> tuple[float, npt.NDArray[np.float32]]:
    """The L2 strength with the best out-of-fold accuracy, and its out-of-fold probabilities."""
    best: tuple[float, float, npt.NDArray[np.float32]] | None = None
    for l2 in L2_GRID:
        oof = np.zeros((len(feats), n_labels), dtype=np.float32)
        for k in range(FOLDS):
            tr = np.flatnonzero(folds != k)
            te = np.flatnonzero(folds == k)
            train_feats = [feats[i] for i in tr]
            index = {f: i for i, f in enumerate(vocabulary(train_feats))}
            w, b = train_lr(matrix(train_feats, index), y[tr], n_labels, l2)
            oof[te] = softmax(matrix([feats[i] for i in te], index).dot(w) + b)
        acc = float((oof.argmax(axis=1) == y).mean())
        print(f"  l2={l2:g}: out-of-fold dev accuracy {acc:.3f}")
        if best is None or acc > best[1]:
            best = (l2, acc, oof)
    assert best is not None
    return best[0], best[2]


def fit(
    feats: list[list[str]], y: npt.NDArray[np.int64], labels: list[str], l2: float, out: Path
) -> None:
    vocab = vocabulary(feats)
    index = {f: i for i, f in enumerate(vocab)}
    w, b = train_lr(matrix(feats, index), y, len(labels), l2)
    model = EventTypeClassifier(vocab, labels, w.astype(np.float32), b.astype(np.float32))
    raw = model.to_bytes()
    out.write_bytes(raw)
    EventTypeClassifier.from_bytes(raw)  # it reads back
    print(f"  wrote {out} ({len(raw) / 1024:.0f} KiB, {len(vocab)} features, {len(labels)} labels)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plv", type=Path, default=DEFAULT_PLV)
    parser.add_argument("--out-dir", type=Path, default=DEFAULT_OUT.parent)
    args = parser.parse_args()
    np.random.seed(SEED)

    rows: list[PlvRow] = select(read_plv(args.plv), "dev")
    parsed = parse_rows(rows, Settings())
    labels = sorted({r.gold for r in rows})
    label_id = {lab: i for i, lab in enumerate(labels)}
    sentence_feats: list[list[str]] = []
    dyad_feats: list[list[str]] = []
    rule_types: list[str | None] = []
    for row in rows:
        sentence = parsed[row.sentence]
        chosen = pick_event(sentence.events, row)
        trigger = chosen.evidence.trigger if chosen is not None else None
        rule_types.append(plv_type(chosen.type) if chosen is not None else None)
        sentence_feats.append(features(parsed_tokens(sentence.doc[:]), trigger))
        dyad_feats.append(coding_features(sentence.doc, sentence.events, row.source, row.target)[0])
    y = np.array([label_id[r.gold] for r in rows], dtype=np.int64)
    folds = np.array([fold_of(r.sentence) for r in rows])

    print("coder's sentence classifier (event_classifier = true):")
    l2, _ = cross_validate(sentence_feats, y, folds, len(labels))
    fit(sentence_feats, y, labels, l2, args.out_dir / WEIGHTS_FILE)

    print("dyad classifier (dateline dyad, Pipeline.code_dyads):")
    l2, oof = cross_validate(dyad_feats, y, folds, len(labels))

    def typed_accuracy(override: float) -> float:
        """DyadTyper's rule on out-of-fold probabilities."""
        ok = 0
        for i, row in enumerate(rows):
            label = labels[int(oof[i].argmax())]
            rule = rule_types[i]
            keep = rule is not None and (rule == label or float(oof[i].max()) < override)
            ok += (rule if keep else label) == row.gold
        return ok / len(rows)

    grid = [round(0.05 * i, 2) for i in range(21)]
    acc, override = max((typed_accuracy(o), o) for o in grid)
    print(
        f"  override threshold {override} (out-of-fold dev accuracy {acc:.3f}); "
        f"dateline.events.dyad.DYAD_OVERRIDE is {DYAD_OVERRIDE}"
    )
    fit(dyad_feats, y, labels, l2, args.out_dir / DYAD_WEIGHTS)


if __name__ == "__main__":
    main()
