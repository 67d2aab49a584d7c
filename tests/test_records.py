"""The window's first-paint value classes behave as the dataclasses they replaced."""

from __future__ import annotations

import pytest

from spro_desk.storage.quick_read import StartupSnapshot
from spro_desk.ui.common.background import NO_CALLBACKS, Callbacks
from spro_desk.ui.common.context import OrientationRequest


def test_a_frozen_record_compares_hashes_and_shows_its_fields() -> None:
    request = OrientationRequest(commune="18033", besoins=("logement",))
    same = OrientationRequest(None, "18033", besoins=("logement",))
    assert request == same and hash(request) == hash(same) and len({request, same}) == 1
    assert request != OrientationRequest(commune="18033")
    assert request != ("18033",) and (request == object()) is False
    assert repr(OrientationRequest(age=19)) == (
        "OrientationRequest(contact_id=None, commune=None, statut=None, age=19, "
        "handicap=False, besoins=(), tranche_age=None)"
    )
    with pytest.raises(AttributeError, match="cannot assign to field 'age'"):
        request.age = 20  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del request.commune  # type: ignore[misc]
    with pytest.raises(AttributeError):
        request.other = 1  # type: ignore[attr-defined]


def test_defaults_are_not_shared_between_snapshots() -> None:
    first, second = StartupSnapshot(), StartupSnapshot()
    assert first.settings == {} and first.settings is not second.settings
    assert (first.has_directory, first.agents) == (False, ())
    assert StartupSnapshot({"langue": "en"}, True) == StartupSnapshot(
        settings={"langue": "en"}, has_directory=True
    )
    assert Callbacks() == NO_CALLBACKS and NO_CALLBACKS.on_result is None


def test_a_mutable_record_compares_but_does_not_hash() -> None:
    from PySide6.QtCore import QSettings

    from spro_desk.ui.common.background import ImmediateRunner
    from spro_desk.ui.common.context import DeskContext

    settings, runner = QSettings(), ImmediateRunner()
    context = DeskContext(None, runner, settings)
    other = DeskContext(None, runner, settings, navigator=context.navigator)
    assert context == other and context.startup_settings == {}
    assert context.navigator is not DeskContext(None, runner, settings).navigator
    other.startup_settings = {"langue": "en"}  # mutable, as before
    assert context != other
    with pytest.raises(TypeError):
        hash(context)
