"""The results model brings further pages as the agent scrolls, without a hard cap."""

from __future__ import annotations

from datetime import datetime

import pytest

from spro_desk.directory.search import DirectorySearch
from spro_desk.storage.engine import Database
from spro_desk.ui.common import service_results as models


def test_scrolling_fetches_every_page_once(
    cvl_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models, "PAGE_SIZE", 100)
    model = models.ServiceResultsModel(DirectorySearch(cvl_db), lambda: datetime(2026, 3, 10, 10))
    model.search("")
    assert model.rowCount() == 100 and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    ids = [model.service_id(row) for row in range(model.rowCount())]
    assert len(ids) == 679 and len(set(ids)) == 679
