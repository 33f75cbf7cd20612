"""Date expressions resolved against the publication date, each form the articles use."""
from datetime import date

import pytest

from parley.annotate.dates import resolve_date

SAT_2022_01_08 = date(2022, 1, 8)
SUN_2022_11_06 = date(2022, 11, 6)


@pytest.mark.parametrize("expression, anchor, tense, expected", [
    # explicit dates, year from the publication date
    ("on November 7", date(2024, 11, 10), None, "2024-11-07"),
    ("On January 10", SAT_2022_01_08, "future", "2022-01-10"),
    ("January 10", SAT_2022_01_08, None, "2022-01-10"),
    ("On November 18", SAT_2022_01_08, "past", "2021-11-18"),
    ("on January 6th", SAT_2022_01_08, "past", "2022-01-06"),
    ("15 October", SUN_2022_11_06, "past", "2022-10-15"),
    ("Sept. 11, 2001", SUN_2022_11_06, None, "2001-09-11"),
    # months and parts of months: month precision
    ("in mid-December", SAT_2022_01_08, None, "2021-12"),
    ("at the beginning of December", SAT_2022_01_08, "past", "2021-12"),
    ("At the beginning of January", SAT_2022_01_08, None, "2022-01"),
    ("in March", SUN_2022_11_06, "past", "2022-03"),
    ("in March", SUN_2022_11_06, None, "2022-03"),
    ("in March", SUN_2022_11_06, "future", "2023-03"),
    ("June 2020", SAT_2022_01_08, None, "2020-06"),
    # seasons and years: year precision
    ("spring 2021", SAT_2022_01_08, None, "2021"),
    ("in spring 2014", SAT_2022_01_08, None, "2014"),
    ("in the summer of 2021", SAT_2022_01_08, None, "2021"),
    ("in 1997", SAT_2022_01_08, None, "1997"),
    ("last year", SUN_2022_11_06, None, "2021"),
    # weekdays: the last one for the past, the next one for the future
    ("on Thursday", SUN_2022_11_06, "past", "2022-11-03"),
    ("on Thursday", SUN_2022_11_06, None, "2022-11-03"),
    ("on Thursday", SUN_2022_11_06, "future", "2022-11-10"),
    ("last Thursday", SUN_2022_11_06, None, "2022-11-03"),
    ("next Monday", SUN_2022_11_06, None, "2022-11-07"),
    # relative expressions
    ("yesterday", SUN_2022_11_06, None, "2022-11-05"),
    ("today", SUN_2022_11_06, None, "2022-11-06"),
    ("last week", SUN_2022_11_06, None, "2022-10"),
    ("earlier this month", SUN_2022_11_06, None, "2022-11"),
    ("next month", SUN_2022_11_06, None, "2022-12"),
    ("three weeks ago", SUN_2022_11_06, None, "2022-10"),
    ("two days later", SAT_2022_01_08, None, "2022-01-10"),
    ("days after", SAT_2022_01_08, None, "2022-01"),
    ("2022-01-08", SUN_2022_11_06, None, "2022-01-08"),
])
def test_forms(expression, anchor, tense, expected):
    assert resolve_date(expression, anchor, tense) == expected


@pytest.mark.parametrize("expression", ["the early 1990s", "in the near future", "recently", ""])
def test_no_date(expression):
    assert resolve_date(expression, SAT_2022_01_08) is None


def test_without_anchor_only_self_contained_dates():
    assert resolve_date("June 2020", None) == "2020-06"
    assert resolve_date("on Thursday", None) is None
    assert resolve_date("September 29", None) is None
