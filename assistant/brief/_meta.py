"""Meta for results built without a model (prep note, follow-up), in the shape analyze records."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from assistant.types import AnalysisMeta, StageUsage


def offline_meta(stage: str, started: float) -> AnalysisMeta:
    """Backend offline, the stage's time, the time it was made."""
    return AnalysisMeta(
        backend="offline",
        stages={stage: StageUsage(seconds=round(time.perf_counter() - started, 4))},
        created_at=now(),
    )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
