"""`reflect ui` starts Streamlit through ui/serve.py, which loads the first upload's models as the
server starts (the app's own warm-up then finds them loaded). The real `reflect ui` runs in
tests/test_install.py (from a wheel) and tests/browser."""

from __future__ import annotations

import sys

import pytest

from assistant.analysis import learned
from assistant.analysis.learned import embed


@pytest.mark.skipif(not learned.available(), reason="no trained weights in this checkout")
def test_preload_leaves_the_readers_model_and_the_page_modules_loaded() -> None:
    from ui.serve import preload

    preload()
    assert embed._model is not None
    assert {"pandas", "pyarrow", "assistant.analysis.offline"} <= set(sys.modules)
