"""`long_date`: the day a coach lived, not the UTC day the store wrote."""

from __future__ import annotations

import time

import pytest

from assistant.plans import long_date


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(tz: str) -> None:
        monkeypatch.setenv("TZ", tz)
        time.tzset()

    yield use
    monkeypatch.undo()
    time.tzset()


def test_a_utc_timestamp_near_midnight_is_the_local_day(zone) -> None:  # type: ignore[no-untyped-def]
    zone("America/New_York")
    assert long_date("2026-11-04T02:30:00.000+00:00") == "3 November 2026"  # 21:30 the evening before
    zone("Asia/Tokyo")
    assert long_date("2026-11-03T20:00:00.000+00:00") == "4 November 2026"  # 05:00 the next morning
    zone("UTC")
    assert long_date("2026-11-03T23:59:00+00:00") == "3 November 2026"


def test_a_plain_date_stays_as_written(zone) -> None:  # type: ignore[no-untyped-def]
    zone("Pacific/Auckland")
    assert long_date("2026-11-03") == "3 November 2026"
    assert long_date(None) is None and long_date("") is None
    assert long_date("soon") == "soon"
