"""The gazetteer, once per session (built into the cache on first use: about 40 s, once per machine)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def gazetteer():
    from newsledger.geo import Gazetteer

    return Gazetteer.load()
