"""Geoparsing evaluation: the two XML readers, and quality floors on GWN and TR-News."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import EvalError
from dateline.evaluation.geo import read_corpus, run

TR_STYLE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7">
    <title>t</title>
    <text><![CDATA[Talks in Oslo ended. Norwegian officials left.]]></text>
    <toponyms>
      <toponym><phrase>Oslo</phrase><start>10</start><end>14</end>
        <gaztag geonameid="3143244"><name>Oslo</name><lat>59.9</lat><lon>10.7</lon></gaztag>
      </toponym>
      <toponym><phrase>Norwegian</phrase><start>19</start><end>28</end>
        <gaztag geonameid="3144096"><name>Norway</name><lat>62</lat><lon>10</lon></gaztag>
      </toponym>
    </toponyms>
  </article>
</articles>
"""

GWN_STYLE = """<?xml version="1.0" ?>
<articles>
  <article file="0">
    <text>Lima said the city was calm.</text>
    <toponyms>
      <toponym><extractedName>Lima</extractedName><type>Metonymic</type>
        <start>0</start><end>4</end><geonamesID>3936456</geonamesID>
        <latitude>-12.04</latitude><longitude>-77.03</longitude></toponym>
      <toponym><extractedName>city</extractedName><type>Literal_Expression</type>
        <start>14</start><end>18</end></toponym>
    </toponyms>
  </article>
</articles>
"""


def test_tr_news_offsets_that_are_off_are_realigned_to_the_phrase(tmp_path: Path) -> None:
    path = tmp_path / "tr.xml"
    path.write_text(TR_STYLE, encoding="utf-8")
    (article,) = read_corpus(path)
    assert article.id == "7"
    oslo, norwegian = article.toponyms
    assert (oslo.start, oslo.end, oslo.geonameid, oslo.lat) == (9, 13, 3143244, 59.9)
    assert article.text[norwegian.start : norwegian.end] == "Norwegian"


def test_gwn_keeps_toponyms_and_drops_expressions(tmp_path: Path) -> None:
    path = tmp_path / "gwn.xml"
    path.write_text(GWN_STYLE, encoding="utf-8")
    (article,) = read_corpus(path)
    assert [(t.text, t.geonameid) for t in article.toponyms] == [("Lima", 3936456)]


def test_a_missing_corpus_is_an_eval_error(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        read_corpus(tmp_path / "absent.xml")


@pytest.mark.slow
def test_tr_news_quality_floor(shared_dir: Path) -> None:
    report = run(shared_dir / "eval" / "geo" / "TR-News.xml", Settings())
    # Measured: f1 0.875, acc161 0.913 (issue target: f1 >= 0.80, acc161 >= 0.88).
    assert report.metric("f1") >= 0.85
    assert report.metric("acc161") >= 0.90


@pytest.mark.slow
def test_geowebnews_quality_floor(shared_dir: Path) -> None:
    report = run(shared_dir / "eval" / "geo" / "GWN.xml", Settings())
    # Measured: acc161 0.915, f1 0.827 (issue target: acc161 >= 0.90).
    assert report.metric("acc161") >= 0.90
    assert report.metric("f1") >= 0.80
