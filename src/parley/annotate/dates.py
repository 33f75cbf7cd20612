"""Date expressions → `YYYY-MM-DD` | `YYYY-MM` | `YYYY`, anchored on the publication date.

News dates are mostly partial ("on Thursday", "in mid-December", "spring 2021"), so the
year, and for weekdays the week, come from the anchor and the tense of the clause. Our
own rules take the forms dateparser mis-reads or over-specifies (it turns "in March" into
a day, cannot read "mid-December" or seasons); dateparser does the rest (numeric dates,
"two weeks ago", "next month"), its `period` telling how precise the result is.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

Tense = Literal["past", "future", None]

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "few": 3, "a few": 3}
# Within this many days ahead, an undated-tense "January 10" means the coming one, not last year's.
_NEAR_FUTURE_DAYS = 60

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"^(?P<day>\d{{1,2}}) (?:of )?(?P<month>{_MONTH_RE})\.?(?:,? (?P<year>\d{{4}}))?$")
_MONTH_DAY = re.compile(rf"^(?P<month>{_MONTH_RE})\.? (?P<day>\d{{1,2}})(?:,? (?P<year>\d{{4}}))?$")
_MONTH_ONLY = re.compile(
    rf"^(?:(?:early|mid|late|the (?:beginning|start|middle|end) of|(?:beginning|start|middle|end) of) ?)?"
    rf"(?P<month>{_MONTH_RE})\.?(?:,? (?:of )?(?P<year>\d{{4}}))?$")
_SEASON = re.compile(rf"^(?:(?:early|late|mid) ?)?(?:the )?(?P<season>{'|'.join(_SEASONS)})(?: of)?(?: (?P<year>\d{{4}}))?$")
_YEAR = re.compile(r"^(?:(?:early|mid|late|the (?:beginning|start|middle|end) of) ?)?(?P<year>1[89]\d\d|20\d\d)$")
_WEEKDAY = re.compile(rf"^(?:(?P<which>last|next|this|past|coming) )?(?P<day>{'|'.join(_WEEKDAYS)})"
                      rf"(?: (?:morning|afternoon|evening|night))?$")
_RELATIVE_UNIT = re.compile(r"^(?P<n>\d+|a few|[a-z]+) (?P<unit>day|week|month|year)s? (?P<dir>ago|earlier|before|later|after)$")
_THIS_UNIT = re.compile(r"^(?:(?:earlier|later) )?(?P<which>this|last|next|past|previous|coming) (?P<unit>week|month|year)$")
_LEAD = re.compile(r"^(?:on|in|at|since|by|from|until|till|during|before|after|around|as of|of|the)\s+")


def _normalise(expression: str) -> str:
    text = expression.lower().replace("’", "'").replace("-", " ").replace("–", " ")
    text = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", text)
    text = re.sub(r"[^\w\s,]", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,")
    text = re.sub(r"\bmid (?=[a-z])", "mid ", text)
    previous = None
    while previous != text:
        previous, text = text, _LEAD.sub("", text)
    return text


def _fmt(day: date, precision: str) -> str:
    return {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": f"{day.year:04d}"}[precision]


def _pick_year(make, anchor: date, tense: Tense, last_of_period) -> int:
    """The year that puts a month(-day) nearest the anchor on the side the tense says."""
    candidates = [(y, make(y)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    past = [y for y, start in candidates if start <= anchor]
    future = [y for y, _ in candidates if last_of_period(y) >= anchor]
    if tense == "past":
        return max(past)
    if tense == "future":
        return min(future)
    ahead = min(future)
    if make(ahead) > anchor and (make(ahead) - anchor).days > _NEAR_FUTURE_DAYS:
        return max(past)
    return ahead


def _month_day(month: int, day: int, year: str | None, anchor: date | None, tense: Tense) -> str | None:
    if year:
        y = int(year)
    elif anchor is None:
        return None
    else:
        def make(yy: int) -> date:
            return date(yy, month, min(day, calendar.monthrange(yy, month)[1]))
        y = _pick_year(make, anchor, tense, make)
    try:
        return date(y, month, day).isoformat()
    except ValueError:
        return None


def _month(month: int, year: str | None, anchor: date | None, tense: Tense) -> str | None:
    if year:
        return f"{int(year):04d}-{month:02d}"
    if anchor is None:
        return None
    y = _pick_year(lambda yy: date(yy, month, 1), anchor, tense,
                   lambda yy: date(yy, month, calendar.monthrange(yy, month)[1]))
    return f"{y:04d}-{month:02d}"


def _weekday(which: str | None, day: int, anchor: date, tense: Tense) -> str:
    """Same-day counts: a wire story dated Thursday says "on Thursday" of that very day."""
    back = (anchor.weekday() - day) % 7
    forward = (day - anchor.weekday()) % 7
    if which in ("last", "past"):
        return (anchor - timedelta(days=back or 7)).isoformat()
    if which in ("next", "coming"):
        return (anchor + timedelta(days=forward or 7)).isoformat()
    if tense == "future":
        return (anchor + timedelta(days=forward)).isoformat()
    return (anchor - timedelta(days=back)).isoformat()


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(match: re.Match[str], anchor: date) -> str | None:
    n_text = match["n"]
    n = int(n_text) if n_text.isdigit() else _NUMBERS.get(n_text)
    if n is None:
        return None
    sign = -1 if match["dir"] in ("ago", "earlier", "before") else 1
    unit = match["unit"]
    if unit == "day":
        vague = n_text in ("several", "few", "a few")
        return _fmt(anchor + timedelta(days=sign * n), "month" if vague else "day")
    if unit == "week":
        return _fmt(anchor + timedelta(weeks=sign * n), "month")
    if unit == "month":
        return _fmt(_shift_months(anchor, sign * n), "month")
    return f"{anchor.year + sign * n:04d}"


def _this_unit(which: str, unit: str, anchor: date) -> str:
    step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[which]
    if unit == "week":
        return _fmt(anchor + timedelta(weeks=step), "month")
    if unit == "month":
        return _fmt(_shift_months(anchor, step), "month")
    return f"{anchor.year + step:04d}"


@lru_cache(maxsize=64)
def _parser(anchor: date, prefer: str) -> DateDataParser:
    return DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": datetime.combine(anchor, datetime.min.time()),
        "PREFER_DATES_FROM": prefer, "RETURN_TIME_AS_PERIOD": False})


def _with_dateparser(text: str, anchor: date | None, tense: Tense) -> str | None:
    if anchor is None or not re.search(r"\d|ago|week|month|year|yesterday|today|tomorrow|tonight", text):
        return None
    prefer = {"past": "past", "future": "future"}.get(tense or "", "current_period")
    data = _parser(anchor, prefer).get_date_data(text)
    if data.date_obj is None:
        return None
    precision = {"day": "day", "week": "month", "month": "month", "year": "year"}.get(data.period or "day", "day")
    return _fmt(data.date_obj.date(), precision)


def resolve_date(expression: str, anchor: date | None, tense: Tense = None) -> str | None:
    """The date an expression names, as precise as its words allow; None when it names none.

    `anchor` is the publication date (or another reference date for "two days later");
    `tense` says whether the clause looks back ("past") or ahead ("future") so that
    "on Thursday" and "in March" land on the right side of it.
    """
    text = _normalise(expression)
    if not text:
        return None
    if text in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return anchor.isoformat() if anchor else None
    if text in ("yesterday", "last night"):
        return (anchor - timedelta(days=1)).isoformat() if anchor else None
    if text == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat() if anchor else None
    if m := _DAY_MONTH.match(text) or _MONTH_DAY.match(text):
        return _month_day(_MONTHS[m["month"]], int(m["day"]), m["year"], anchor, tense)
    if m := _MONTH_ONLY.match(text):
        return _month(_MONTHS[m["month"]], m["year"], anchor, tense)
    if m := _SEASON.match(text):
        if m["year"]:
            return m["year"]
        return f"{anchor.year:04d}" if anchor else None
    if m := _YEAR.match(text):
        return m["year"]
    if anchor is None:
        return None
    if m := _WEEKDAY.match(text):
        return _weekday(m["which"], _WEEKDAYS[m["day"]], anchor, tense)
    if m := _THIS_UNIT.match(text):
        return _this_unit(m["which"], m["unit"], anchor)
    if m := _RELATIVE_UNIT.match(text):
        return _relative(m, anchor)
    if re.fullmatch(r"(?:a few |several |a couple of |two |three )?days? (?:after|later)", text):
        return _fmt(anchor + timedelta(days=3), "month")
    if re.fullmatch(r"(?:a few |several |a couple of )?days? (?:before|earlier)", text):
        return _fmt(anchor - timedelta(days=3), "month")
    return _with_dateparser(text, anchor, tense)
