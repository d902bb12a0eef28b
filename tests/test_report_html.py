"""The consistency report: content, escaping, self-containment, Markdown, and a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

import klint
from klint.claims import Claims, DateClaim, QuantityClaim
from klint.cli import main
from klint.diagnostics import Diagnostic, Related, Severity
from klint.report import html, markdown
from klint.sources import read_text

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "nagorno-karabakh-war.txt"
EVIL = '<script>document.title="pwned"</script><img src=x onerror="document.title=\'pwned\'"> & "quotes" | pipes'
TEXT = (
    "Sample war\n\nThe war began in February 1988 and ended in May 1994.\n\n"
    "Armenian forces numbered 30,000 and Azerbaijani forces 42,000 in 1993.\n\n"
    "About 25,000 were killed in total.\n"
)


class Tags(HTMLParser):
    """Counts start tags and collects the text of the document (what a browser would show)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> Tags:
    t = Tags()
    t.feed(page)
    return t


def synthetic() -> html.Article:
    doc = read_text(TEXT, "war.txt")
    at = TEXT.index
    d1, d2 = at("February 1988"), at("May 1994")
    q1, q2, q3 = at("30,000"), at("42,000"), at("25,000")
    claims = Claims(
        dates=[
            DateClaim(
                start=d1,
                end=d1 + 13,
                text="February 1988",
                earliest=date(1988, 2, 1),
                latest=date(1988, 2, 29),
                precision="month",
            ),
            DateClaim(
                start=d2,
                end=d2 + 8,
                text="May 1994",
                earliest=date(1994, 5, 1),
                latest=date(1994, 5, 31),
                precision="month",
            ),
            DateClaim(
                start=at("1993"),
                end=at("1993") + 4,
                text="1993",
                earliest=date(1993, 1, 1),
                latest=date(1993, 12, 31),
                precision="year",
                year_inferred=True,
            ),
        ],
        quantities=[
            QuantityClaim(
                start=q1,
                end=q1 + 6,
                text="30,000",
                low=30000,
                high=30000,
                counted="troops",
                subject="Armenia",
            ),
            QuantityClaim(
                start=q2,
                end=q2 + 6,
                text="42,000",
                low=42000,
                high=42000,
                counted="troops",
                subject="Azerbaijan",
            ),
            QuantityClaim(
                start=q3,
                end=q3 + 6,
                text="25,000",
                low=25000,
                high=25000,
                counted="killed",
                qualifier="about",
            ),
        ],
    )
    diag = Diagnostic(
        "KD101",
        "end-before-start",
        Severity.ERROR,
        "the war ends (May 1994) before 1993?",
        d2,
        d2 + 8,
        [Related(q1, q1 + 6, "the other value")],
        path="war.txt",
    )
    diag.line, diag.column = doc.position(d2)
    diag.related[0].line, diag.related[0].column = doc.position(q1)
    return html.Article("war.txt", doc, claims, [diag])


def test_report_shows_timeline_numbers_findings_and_summary() -> None:
    page = html.render([synthetic()])
    tags = parse(page)
    rects = [a for t, a in tags.tags if t == "rect" and "mark" in (a.get("class") or "")]
    assert len(rects) == 3
    flagged = [a for a in rects if "flagged" in (a.get("class") or "")]
    assert len(flagged) == 1 and flagged[0]["x"] != rects[0]["x"]
    assert sum("inferred" in (a.get("class") or "") for a in rects) == 1
    assert float(rects[0]["x"]) < float(flagged[0]["x"])  # 1988 is left of 1994
    text = " ".join(" ".join(tags.text).split())
    for expected in (
        "troops",
        "Armenia",
        "Azerbaijan",
        "30,000",
        "42,000",
        "killed",
        "about 25,000",
        "the war ends (May 1994) before 1993?",
        "Findings per rule",
        "KD101",
        "end-before-start",
    ):
        assert expected in text
    marks = [i for i, (t, _) in enumerate(tags.tags) if t == "mark"]
    assert len(marks) == 2  # both places of the finding are highlighted
    assert "<mark>May 1994</mark>" in page and "<mark>30,000</mark>" in page
    assert (
        'href="#a1-war-txt-f1"' in page and 'id="a1-war-txt-f1"' in page
    )  # timeline mark links to the finding


def test_report_without_claims_or_findings() -> None:
    doc = read_text("Title\n\nNothing to see here at all today.\n", "empty.txt")
    page = html.render(
        [html.Article("empty.txt", doc), html.Article("bad.txt", None, error="binary file")]
    )
    assert "No dated claims were extracted" in page and "No findings." in page
    assert "Could not read this file: binary file" in page


def test_article_text_is_escaped_and_the_page_is_self_contained(tmp_path: Path) -> None:
    article = tmp_path / "evil.txt"
    article.write_text(
        f"Evil article\n\nThe paragraph says {EVIL} and more.\n\nThe paragraph says {EVIL} and more.\n"
    )
    out = tmp_path / "report.html"
    md = tmp_path / "summary.md"
    assert (
        main(["report", str(article), "-o", str(out), "--markdown", str(md), "--select", "KX306"])
        == 0
    )
    page = out.read_text()
    tags = parse(page)
    assert [t for t, _ in tags.tags if t in ("script", "img", "iframe", "object", "link")] == []
    assert "&lt;script&gt;" in page and "onerror=" not in page.replace("onerror=&#34;", "")
    assert EVIL.split("<img")[0] in "".join(tags.text)  # shown as text, not markup
    # nothing fetched: the only absolute URLs are links a reader follows to a rule's page
    docs_links = re.compile(r'<a href="' + re.escape(klint.REPOSITORY) + r'/[^"<>]*">')
    assert docs_links.search(page)
    assert not re.search(
        r"""(?:src|href|url)\s*[=(]\s*["']?(?:https?:)?//""", docs_links.sub("<a>", page)
    )
    assert "default-src 'none'" in page
    summary = md.read_text()
    assert "<script>" not in summary and "&lt;script&gt;" in summary
    assert markdown.escape("a | b <i>*c*</i>") == "a \\| b &lt;i&gt;\\*c\\*&lt;/i&gt;"


def test_markdown_output_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = tmp_path / "a.txt"
    para = "A paragraph with enough words to count as repeated text here."
    a.write_text(f"Title\n\n{para}\n\n{para}\n")
    assert (
        main(["check", "--no-cache", "--select", "KX306", "--output-format", "markdown", str(a)])
        == 1
    )
    out = capsys.readouterr().out
    assert out.startswith("### klint: 1 finding in 1 of 1 file")
    assert "| <code>KX306</code> | duplicate-text | 1 |" in out
    assert f"<code>{a}:5:1</code> **KX306**" in out and "(first occurrence at line 3)" in out
    assert markdown.summary([], ["x.txt"]).endswith("All checks passed.\n")


CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)


def render_dom(page: Path, profile: Path) -> str:
    """The DOM after a headless Chromium has loaded ``page`` (scripts would have run by then)."""
    cmd = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc.stdout


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install chromium)")
@pytest.mark.skipif(not SEED.is_file(), reason="the seed article is missing")
def test_seed_report_in_headless_chromium(tmp_path: Path) -> None:
    out = tmp_path / "seed.html"
    evil = tmp_path / "evil.txt"
    evil.write_text(
        f"Evil article\n\nThe paragraph says {EVIL} and more.\n\nThe paragraph says {EVIL} and more.\n"
    )
    assert main(["report", str(SEED), str(evil), "-o", str(out)]) == 0
    dom = render_dom(out, tmp_path / "profile")
    tags = parse(dom)
    assert any(t == "svg" and "plot" in (a.get("class") or "") for t, a in tags.tags), (
        "no timeline in the DOM"
    )
    marks = [a for t, a in tags.tags if t == "rect" and "mark" in (a.get("class") or "")]
    assert len(marks) >= 20, "the seed's timeline should plot its dated claims"
    findings = [a for t, a in tags.tags if t == "li" and "finding" in (a.get("class") or "")]
    assert len(findings) >= 12  # the seed's repeated captions, at least
    assert "caption repeats line" in dom
    # The hostile article was shown as text: no script or image element, the title untouched.
    assert "<script" not in dom and "<img" not in dom
    assert "<title>klint consistency report</title>" in dom and "pwned</title>" not in dom
    assert "&lt;script&gt;document.title" in dom


def test_every_id_is_unique() -> None:
    doc = read_text("Title\n\nNothing to see here at all today.\n", "a-b.txt")
    page = html.render([synthetic(), html.Article("a-b.txt", doc), html.Article("a_b.txt", doc)])
    ids = [a["id"] for _, a in parse(page).tags if a.get("id")]
    assert len(ids) == len(set(ids)) and len(ids) >= 5
    assert all(
        f'id="{href[1:]}"' in page for href in re.findall(r'href="(#[^"]+)"', page)
    )  # no dead links
