import json
from pathlib import Path

from eval import bench


def test_a_recorded_figure_names_the_processor_it_was_measured_on(tmp_path: Path) -> None:
    results = tmp_path / "bench.json"
    bench.record("parse", {"words": 8194, "median_ms": 9.1}, (0.2, 0.1, 0.1), results)
    entry = json.loads(results.read_text("utf-8"))["benchmarks"]["parse"]
    model_names = [line for line in Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name")]
    assert entry["cpu"] == model_names[0].split(":", 1)[1].strip()
    assert entry["figures"] == {"words": 8194, "median_ms": 9.1}
