from __future__ import annotations

import datetime as dt

import pytest

from chrono.model import PartialDate


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("1996", "year", dt.date(1996, 1, 1), dt.date(1996, 12, 31)),
        ("1996-02", "month", dt.date(1996, 2, 1), dt.date(1996, 2, 29)),
        ("1997-02", "month", dt.date(1997, 2, 1), dt.date(1997, 2, 28)),
        ("2019-07-05", "day", dt.date(2019, 7, 5), dt.date(2019, 7, 5)),
    ],
)
def test_partial_date_precision_and_bounds(text: str, precision: str, first: dt.date, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert date.precision == precision
    assert date.first_day() == first
    assert date.last_day() == last
    assert date.iso() == text


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2019-02-30", "'2019-02-30' is not a real date: February 2019 has 28 days"),
        ("2019-13", "'2019-13' is not a real date: there is no month 13"),
        ("2019-00-10", "'2019-00-10' is not a real date: there is no month 0"),
        ("5 May 1996", "expected a date like '1996', '1996-05' or '1996-05-15', got '5 May 1996'"),
        ("96-05-05", "expected a date like '1996', '1996-05' or '1996-05-15', got '96-05-05'"),
    ],
)
def test_partial_date_rejects_unreal_dates(text: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == message


def test_partial_dates_order_by_calendar() -> None:
    dates = [PartialDate.parse(t) for t in ("2019-07-05", "1996", "2019-07", "1996-05-15")]
    assert [d.iso() for d in sorted(dates, key=lambda d: d.first_day())] == ["1996", "1996-05-15", "2019-07", "2019-07-05"]
