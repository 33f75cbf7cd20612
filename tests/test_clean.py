"""Boilerplate removal keeps every body line and drops every boilerplate line, saying why."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest_fixtures import FIXTURES, SHARED
from parley.ingest.clean import RULES, clean
from parley.ingest.language import normalise

SAMPLES = SHARED / "samples"
DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def _nonblank(text: str) -> dict[int, str]:
    return {n: line.strip() for n, line in enumerate(text.split("\n"), 1) if line.strip()}


def _check(text: str, expected_drops: dict[int, str]) -> None:
    """Exactly the expected lines are dropped (by the expected rule); every other line is kept verbatim."""
    result = clean(text)
    assert {d.line_no: d.rule for d in result.dropped} == expected_drops
    kept = set(result.text.split("\n"))
    for number, line in _nonblank(text).items():
        if number not in expected_drops:
            assert re.sub(r" {2,}", " ", line) in kept, f"body line {number} lost: {line[:60]!r}"


# Line numbers of each sample's boilerplate, read off the samples by hand.
SAMPLE_DROPS = {
    "000_fb1ab3e565816004.txt": {1: "title", 3: "aggregator-tag", 5: "via-outlet"},
    "001_0952ba1948c4e0b0.txt": {1: "title", 2: "dateline"},
    "002_1e20f982e2124c36.txt": {1: "title", 3: "repeated-title", 4: "repeated-title", 6: "byline",
                                 36: "lone-punctuation", 37: "aggregator-tag"},
}
SAMPLE_META = {
    "000_fb1ab3e565816004.txt": {"outlet": "RT"},
    "001_0952ba1948c4e0b0.txt": {"outlet": "UNN"},
    "002_1e20f982e2124c36.txt": {"author": "Denis Trubetskoy"},
}


@pytest.mark.parametrize("name", sorted(SAMPLE_DROPS))
def test_samples_keep_every_body_line_and_drop_the_boilerplate(name: str) -> None:
    path = SAMPLES / name
    if not path.exists():
        pytest.skip("shared samples not available")
    text = normalise(path.read_text(encoding="utf-8"))
    _check(text, SAMPLE_DROPS[name])
    result = clean(text)
    assert result.meta == SAMPLE_META[name]
    assert result.title == _nonblank(text)[1]


def test_fixture_with_every_kind_of_boilerplate() -> None:
    text = (FIXTURES / "boilerplate.txt").read_text(encoding="utf-8")
    _check(text, {
        1: "navigation", 2: "navigation", 3: "navigation", 4: "navigation", 6: "title", 8: "repeated-title",
        10: "byline", 11: "date-line", 13: "photo-caption", 17: "advertisement", 29: "read-more",
        30: "share-prompt", 31: "share-prompt", 32: "share-prompt", 33: "subscribe-prompt",
        35: "author-bio", 36: "author-bio", 37: "author-bio", 39: "author-bio",
        40: "comment-form-field", 41: "comment-form-field", 42: "comment-form-field", 43: "comment-form-field",
        44: "copyright",
    })
    result = clean(text)
    assert result.meta == {"author": "Anna Keller and Tomas Brandt", "published": "12 March 2025"}
    assert result.title == "Foreign ministers agree to resume grain corridor talks in Vienna"


def test_subheadings_quotes_and_list_items_stay() -> None:
    text = "\n".join([
        "Talks resume",
        "",
        "The two delegations met in Istanbul on Monday for the first time in a year, officials said.",
        "Prisoners first",
        "- an exchange of all detainees;",
        "- a hotline",
        "“Nobody should expect miracles,” the mediator said.",
        "Addendum",
        "The next round is planned for May, according to the host government.",
    ])
    result = clean(text)
    assert [d.rule for d in result.dropped] == ["title"]
    assert result.text.split("\n")[1:] == text.split("\n")[3:]


def test_sentences_are_never_dropped_by_fragment_rules() -> None:
    text = "Menu\nRussia and Ukraine agreed to talk.\nHe declined to comment.\nWe will see."
    result = clean(text)
    assert "He declined to comment." in result.text and "We will see." in result.text


def test_trailing_tags_after_the_last_sentence_go() -> None:
    text = ("Kremlin rejects proposal\n\nThe Kremlin rejected the proposal on Friday, saying it ignored "
            "Russia's security interests.\n\nRussia\nNATO\nUkraine war")
    result = clean(text)
    assert result.text == "The Kremlin rejected the proposal on Friday, saying it ignored Russia's security interests."
    assert {d.rule for d in result.dropped} == {"title", "trailing-fragment"}


def test_a_given_title_is_not_detected_again_but_its_repeats_go() -> None:
    text = "Ceasefire holds\nThe ceasefire held overnight for the first time in weeks, monitors said."
    result = clean(text, title="Ceasefire holds")
    assert result.title == "Ceasefire holds"
    assert result.text == "The ceasefire held overnight for the first time in weeks, monitors said."


def test_every_rule_has_a_reason_and_a_unique_name() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    assert all(rule.reason for rule in RULES)


# Demo corpus: boilerplate lines that must go wherever they appear, and the body must stay.
_BOILERPLATE = re.compile(
    r"^(Menu|Search|Subscribe|Sign in|Skip to content|Advertisement|Share this article|Leave a Reply|Website"
    r"|Post Comment|Connect with us|Written By|Read more:.*|Subscribe to our newsletter|Photo:.*|©.*"
    r"|Updated \d+ hours ago|Comment \*|Name \*|Email \*|Your email address.*|source site-\d+|Description|via .*"
    r"|\(Reporting by.*|Save my name.*)$")


@pytest.mark.parametrize("path", sorted(DEMO.glob("*.txt")) if DEMO.exists() else [], ids=lambda p: p.name)
def test_demo_corpus(path: Path) -> None:
    text = normalise(path.read_text(encoding="utf-8"))
    result = clean(text)
    kept = result.text.split("\n")
    for line in kept:
        assert not _BOILERPLATE.match(line), f"boilerplate kept: {line!r}"
    dropped = {d.line_no for d in result.dropped}
    for number, line in _nonblank(text).items():
        # Body paragraphs: long lines of running text that are not captions, credits or bios.
        if (len(line.split()) >= 12 and not _BOILERPLATE.match(line) and number > 3
                and not re.search(r"\w/\w|\bis (director|the Courier)|provided by|your inbox|\bviews expressed", line)):
            assert number not in dropped, f"body line {number} dropped: {line[:60]!r}"


def test_no_title_when_the_text_starts_with_the_body() -> None:
    long_line = " ".join(["the delegations kept talking about the corridor"] * 4)
    for text in (f"{long_line}\nMore text follows here, officials said.",
                 "Talks resumed on Monday, officials said.\nShort line"):
        assert clean(text).title is None


def test_a_question_headline_is_a_title() -> None:
    result = clean("Will Russia and Ukraine return to talks in Istanbul?\n\nDiplomats say a new round is possible "
                   "before the summer, but neither side has confirmed it.")
    assert result.title == "Will Russia and Ukraine return to talks in Istanbul?"


# Three invented pages in the shapes of real sites: a wire story on a portal, a state agency's page with
# tags, related headlines and a comment box, and a think tank's daily report.
SITE_PAGES = {
    "site-wire.txt": (
        ["TARSK, Nov 7 (Halcyon Wire) - Ostrel said on Thursday", '"We are ready to sit down again,"',
         "The Varnian side did not immediately respond", "Key takeaways:", "- Talks resume on November 14.",
         "- The hotline between the armies is working again.", "Analysts said the pause had cost both sides."],
        {"author": "Jon Averly", "published": "7 Nov 2026"}),
    "site-agency.txt": (
        ["TELORIA, November 8. /VNB/. Varnia remains open", '"The president has repeatedly said',
         "According to him, no date", "Earlier, Ostrel's Foreign Minister"],
        {}),
    "site-report.txt": (
        ["Key Takeaways:", "Varnian President Ilian Morvath is likely attempting", "Varnian forces continued",
         "Morvath stated on November 8"],
        {"author": "Lena Voss, Karl Brandt, and Mara Quill", "published": "November 9, 2026"}),
}


@pytest.mark.parametrize("name", sorted(SITE_PAGES))
def test_site_pages_keep_exactly_the_body(name: str) -> None:
    body, meta = SITE_PAGES[name]
    result = clean((FIXTURES / name).read_text(encoding="utf-8"))
    kept = result.text.split("\n")
    assert len(kept) == len(body) and all(line.startswith(start) for line, start in zip(kept, body)), kept
    assert result.meta == meta


_BODY = ["Varnia and Ostrel agreed on Tuesday to resume talks in Aldenport next week, officials said.",
         "The talks collapsed in March after Ostrel accused Varnia of shelling a border post."]


@pytest.mark.parametrize("line, rule", [
    ("Getty Images", "photo-caption"), ("AP Photo/Lena Voss", "photo-caption"),
    ("Photo: EPA-EFE/MARA QUILL", "photo-caption"), ("Accept all cookies", "cookie-notice"),
    ("This article was originally published by The Aldenport Courier.", "via-outlet"),
    ("Sign up for our daily briefing", "subscribe-prompt"), ("Follow Halcyon Wire on Google News", "share-prompt"),
    ("Editor's picks", "navigation"), ("Mara Quill contributed reporting.", "wire-credit"),
    ("Save articles to read later and create your own reading list.", "account-prompt"),
    ("Support independent journalism", "support-prompt"), ("share2", "share-prompt"),
])
def test_boilerplate_between_body_paragraphs_goes(line: str, rule: str) -> None:
    text = "\n\n".join(["Talks to resume in Aldenport", _BODY[0], line] + [_BODY[1]] * 8)
    result = clean(text)
    assert [(d.text, d.rule) for d in result.dropped if d.rule != "title"] == [(line, rule)]
    assert result.text.count(_BODY[1]) == 8 and _BODY[0] in result.text


def test_a_one_line_author_bio_after_the_article_goes() -> None:
    text = "\n\n".join(["Talks to resume in Aldenport", *_BODY, "Lena Voss is a correspondent based in Tarsk."])
    result = clean(text)
    assert [d.rule for d in result.dropped] == ["title", "author-bio-line"]
