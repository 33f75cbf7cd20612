"""The shareable HTML report: one self-contained file, the main views, escaped, nothing fetched."""
from __future__ import annotations

import base64
import hashlib
import re

import pytest

from web_fixtures import create_store, web_store  # noqa: F401  (web_store is a fixture)

from parley.report import write_report


@pytest.fixture(scope="module")
def report(web_store, tmp_path_factory) -> str:
    path = write_report(web_store, tmp_path_factory.mktemp("report") / "report.html", actor="usa",
                        issue="negotiations")
    return path.read_text(encoding="utf-8")


def _outside_scripts(html: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "", html, flags=re.S)


def test_report_is_self_contained(report):
    assert len(report) > 1_000_000  # Plotly inlined
    markup = _outside_scripts(report)
    assert "<link" not in markup
    assert not re.search(r"\b(src|href)=\"(?!#)", markup)  # no resource and no link leaves the file
    assert not re.search(r"<script[^>]+src=", report)
    assert "<style>" in report and ".hl.statement" in report


def test_report_policy_allows_only_its_own_scripts(report):
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report).group(1)
    policy = policy.replace("&#39;", "'")
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", report, flags=re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def test_report_has_the_views(report):
    for anchor in ('id="overview"', 'id="issues"', 'id="issue"', 'id="actor"', 'id="dyads"'):
        assert anchor in report
    assert "What does United States want?" in report
    assert "the United States is now open to negotiations with Moscow" in report  # evidence of the stance
    assert "reported by" in report and "Harbor Times" in report
    assert 'class="matrix"' in report and "Russia ↔ United States" in report
    assert report.count('class="chart"') >= 4


def test_report_escapes_article_text(report):
    assert "<script>window.__pwned" not in report
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in report
    assert "<img src=x" not in report


def test_report_defaults_to_the_most_named_actor(web_store, tmp_path):
    html = write_report(web_store, tmp_path / "r.html").read_text(encoding="utf-8")
    assert "What does Russia want?" in html and 'id="issue"' not in html


def test_report_names_unknown_actor_or_issue(web_store, tmp_path):
    with pytest.raises(ValueError, match="nobody"):
        write_report(web_store, tmp_path / "r.html", actor="nobody")
    with pytest.raises(ValueError, match="nothing"):
        write_report(web_store, tmp_path / "r.html", issue="nothing")


def test_report_of_an_empty_store(tmp_path):
    create_store(tmp_path / "empty.db").close()
    html = write_report(tmp_path / "empty.db", tmp_path / "r.html").read_text(encoding="utf-8")
    assert "0 articles" in html and "No events between two actors yet." in html


def test_report_command(web_store, tmp_path):
    from typer.testing import CliRunner

    from parley.cli import app
    runner = CliRunner()
    done = runner.invoke(app, ["--db", str(web_store), "report", "-o", str(tmp_path / "r.html"), "--actor", "usa"])
    assert done.exit_code == 0, done.output
    assert "What does United States want?" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert runner.invoke(app, ["--db", str(web_store), "report", "-o", str(tmp_path / "x.html"),
                               "--actor", "nobody"]).exit_code == 2
