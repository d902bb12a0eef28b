"""Precision: the default-on date rules report nothing on clean, real articles.

Reads ``../shared/eval/clean`` when it is present beside the repository; skips otherwise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from klint.config import Config
from klint.engine import lint_paths
from klint.rules.dates import RULES

CLEAN = Path(__file__).resolve().parents[2] / "shared" / "eval" / "clean"

# Clean encyclopedic prose written for this test: narratives with flashbacks, background
# history, report dates, chart listings, life spans and posthumous mentions.
OWN_CLEAN = """Harbour of Lindqvist

History

The harbour was founded in 1871 by the brothers Erik and Nils Berg. Erik Berg (1840–1901) drew the plans; his brother built the first pier in 1873. In May 1880, a storm destroyed the pier, and it was rebuilt by August 1881. The town had bought the land in 1869, two years before the harbour opened.

In January 1901, Erik Berg died at his home. A memorial to Erik Berg was unveiled in June 1903, and his grave at the north church was restored in 1950.

The strike of 1971

The dock workers met on March 1, 1971 and called a strike on March 20, 1971. The owners answered on April 2, 1971 with a lockout; two weeks later, on April 16, 1971, the army arrived. The strike ended on September 2, 1971, after six months of conflict. As reported by the county paper in May 1975, the union had lost a third of its members.

Trade

In 1965 the harbour handled 2.1 million tons of cargo; by 1988 the figure had fallen to 900,000 tons. The busiest year was 1974.
"""


OWN_CLEAN_MORE = [
    """Battle of Velm Ford

Background

The ford at Velm had been fought over since the 16th century. In 1809 a French column crossed it, and in 1866 the Prussian army built a bridge there, which floods destroyed in 1880.

In the spring of 1916 both armies dug in along the river. On 2 May 1916 the first assault failed; a second, on 19 May, took the north bank. Five days later, on 24 May, the defenders counter-attacked. By the end of June 1916 the front had not moved.

The battle

At dawn on 1 July 1916 the artillery opened fire. The infantry crossed on 3 July and held the village until 9 July, when a counter-attack drove them back. The commander, who had served at Verdun in February 1916, asked for reinforcements on 11 July. They arrived on 14 July, and the ford was taken for good on 20 July 1916.

Aftermath

A memorial was unveiled on 20 July 1926. The historian Anna Berg (1901–1985), who visited the ford in 1958, wrote that the village had been rebuilt by 1925.
""",
    """Marta Kovac

Marta Kovac (born 1950) is a Slovenian rower.

Career

Kovac began rowing in 1964 at the club in Bled. She won her first national title on 12 June 1968 and the European title on 24 August 1969. At the 1972 Olympics she finished fourth; four years later, in 1976, she won the bronze medal. She retired in September 1977, three months after winning her last national title in June 1977.

Personal life

Kovac married the coach Ivan Horvat in May 1975; they had met at a regatta in 1970. Their daughter was born on 3 March 1979. Horvat died on 8 October 2001, and Kovac has since run the club he founded in 1983. In 2010 a boathouse in Bled was named after her.
""",
    """Orsk Railway Company

The Orsk Railway Company was founded on 1 April 1871 and opened its first line on 15 September 1873. In 1880 it acquired the Velm Tramway, which had been built in 1865. The company's shares, first listed in March 1872, peaked in value in 1899.

In January 1901 the company ordered twelve locomotives; the first arrived in June 1901 and the last in February 1902. A strike in October 1905 closed the network for eleven days, from 9 to 19 October. As the company's annual report of March 1907 noted, traffic had grown every year since 1890.

The company was nationalised on 1 January 1948. Its last steam train ran on 30 June 1968, and the line to Velm closed on 31 May 1971, a hundred years after the company was founded.
""",
]


def _default_kd() -> tuple[str, ...]:
    return tuple(r.code for r in RULES if r.default_enabled)


@pytest.mark.skipif(not CLEAN.is_dir(), reason="../shared/eval/clean is not present")
def test_default_kd_rules_quiet_on_clean_corpus() -> None:
    diags = lint_paths([str(CLEAN)], Config(select=_default_kd()))
    assert diags == [], "\n".join(
        f"{Path(d.path).name}:{d.line}: {d.code} {d.message}" for d in diags
    )


def test_default_kd_rules_quiet_on_own_clean_text(tmp_path: Path) -> None:
    path = tmp_path / "lindqvist.txt"
    path.write_text(OWN_CLEAN, encoding="utf-8")
    diags = lint_paths([str(path)], Config(select=_default_kd()))
    assert diags == [], "\n".join(f"{d.line}: {d.code} {d.message}" for d in diags)


@pytest.mark.parametrize("text", OWN_CLEAN_MORE, ids=lambda t: t.split("\n", 1)[0])
def test_default_kd_rules_quiet_on_more_own_clean_texts(text: str, tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    diags = lint_paths([str(path)], Config(select=_default_kd()))
    assert diags == [], "\n".join(f"{d.line}: {d.code} {d.message}" for d in diags)
