"""The PolNeAR reader: brat standoff to statements, on a hand-made folder and on the real dev split."""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from parley.evaluation import evaluate, read_polnear
from parley.evaluation.polnear import annotation_files, parse_ann

POLNEAR = Path("/work/shared/data/polnear/dev")

TEXT = ('“We will win,” the senator said, “and soon.” '
        'Aides said the vote was close and "a mess". '
        'The plan is "dead," critics argue. '
        'It was reported that turnout fell.')


def span(fragment: str, occurrence: int = 0) -> str:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return f"{start} {start + len(fragment)}"


ANN = "\n".join([
    f"T1\tSource {span('the senator')}\tthe senator",
    f"T2\tCue {span('said')}\tsaid",
    f"T3\tContent {span('“We will win,”')};{span('“and soon.”')};{span('.')}\t…",
    f"T4\tAttribution {span('said')}\tsaid",
    "E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3",
    f"T5\tSource {span('Aides')}\tAides",
    f"T6\tCue {span('said', 1)}\tsaid",
    f"T7\tContent {span('the vote was close and')}\t…",
    f"T8\tContent {span('a mess')}\ta mess",
    f"T9\tAttribution {span('said', 1)}\tsaid",
    "E2\tAttribution:T9 Source:T5 Cue:T6 Content:T7 Content2:T8",
    f"T10\tCue {span('was reported')}\twas reported",
    f"T11\tContent {span('that turnout fell.')}\t…",
    f"T12\tAttribution-no-source {span('was reported')}\twas reported",
    "E3\tAttribution-no-source:T12 Cue:T10 Content:T11",
    f"T13\tDiscuss {span('The plan is')}\tThe plan is",
    "",
])


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "site_2016-09-01_story.txt").write_text(TEXT, encoding="utf-8")
    (split / "attributions" / "site_2016-09-01_story_aaaa.ann").write_text(ANN, encoding="utf-8")
    (split / "attributions" / "site_2016-09-01_story_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\ttitle\n"
        "dev\tsite_2016-09-01_story\tsite\t2016-09-01\tA story\n", encoding="utf-8")
    return split


def test_parse_ann_reads_relations_and_their_roles():
    relations = parse_ann(ANN)
    assert [r.id for r in relations] == ["E1", "E2", "E3"]
    assert len(relations[0].content) == 3 and len(relations[1].content) == 2
    assert relations[2].source == []


def test_one_annotator_per_article(folder):
    assert [p.name for p in annotation_files(folder).values()] == ["site_2016-09-01_story_aaaa.ann"]


def test_reader_builds_statements(folder):
    [article] = read_polnear(folder)
    assert (article.id, article.outlet, article.published, article.title) == (
        "site_2016-09-01_story", "site", "2016-09-01", "A story")
    got = [(s.text, s.kind, s.speaker_text, s.cue) for s in article.statements]
    assert got == [
        ("“We will win,”", "direct", "the senator", "said"),       # a split quote: one statement per piece,
        ("“and soon.”", "direct", "the senator", "said"),          # the wordless "." piece dropped
        ("the vote was close and", "indirect", "Aides", "said"),
        ("a mess", "direct", "Aides", "said"),                     # quoted, marks outside the span
        ("that turnout fell.", "indirect", None, "was reported"),
    ]
    for statement in article.statements:
        assert article.text[statement.start:statement.end] == statement.text
    speakers = {s.speaker for s in article.statements}
    assert None in speakers  # the relation without a Source keeps a null speaker
    assert {a.kind for a in article.actors} == {"mention"}
    assert {a.id for a in article.actors} == speakers - {None}


def test_mixed_quotation_is_indirect(tmp_path):
    text = 'She said the plan was "dead on arrival" and withdrew.'
    start = text.index("the plan")
    end = text.index(" and withdrew")
    split = tmp_path / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / "x.txt").write_text(text, encoding="utf-8")
    (split / "attributions" / "x_a.ann").write_text(
        f"T1\tContent {start} {end}\t…\nT2\tAttribution 4 8\tsaid\nE1\tAttribution:T2 Content:T1\n",
        encoding="utf-8")
    [article] = read_polnear(split)
    assert article.outlet is None and article.statements[0].kind == "indirect"


@pytest.fixture(scope="module")
def dev():
    if not POLNEAR.exists():
        pytest.skip(f"{POLNEAR} absent")
    return read_polnear(POLNEAR)


def test_dev_split_counts(dev):
    assert len(dev) == 84
    assert sum(len(parse_ann(p.read_text(encoding="utf-8"))) for p in annotation_files(POLNEAR).values()) == 2193
    assert all(a.outlet and a.published for a in dev)
    assert sum(len(a.statements) for a in dev) >= 2193 - 1  # one relation has no content at all


def test_dev_split_against_itself_scores_one(dev):
    report = evaluate(dev, dev)
    for metric in report.overall["statements"].values():
        assert all(math.isclose(metric[k], 1.0) for k in ("precision", "recall", "f1"))
    assert report.overall["statements"]["span"]["tp"] == sum(len(a.statements) for a in dev)
    assert evaluate(dev, []).overall["statements"]["attribution"]["recall"] == 0
