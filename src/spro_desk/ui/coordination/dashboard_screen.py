"""« Tableau de bord » of the coordination: the region's indicators over the merged bundles.

The shared dashboard (`spro_desk.ui.common.dashboard`) over `reports.source.CoordinatorSource`, with
the site filters (desk, network, département, EPCI) and the desks' lateness as the « Postes »
screen counts it (the same number of days).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from spro_desk.ui.common.dashboard.export import ExportRefused
from spro_desk.ui.common.dashboard.periods import COORDINATOR_PRESETS, THIS_YEAR, reference_moment
from spro_desk.ui.common.dashboard.view import DashboardSetup, DashboardView
from spro_desk.ui.coordination.base import CoordinatorScreen
from spro_desk.ui.coordination.context import CoordinatorContext

if TYPE_CHECKING:
    from spro_desk.reports.indicators import Indicators

PRESET_KEY = "coordination/tableau-de-bord/preset"


class CoordinatorDashboardScreen(CoordinatorScreen):
    name = "tableau-de-bord"

    def __init__(self, context: CoordinatorContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view = DashboardView(self._setup(context))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def title(self) -> str:
        return self.tr("Tableau de bord")

    @staticmethod
    def _setup(context: CoordinatorContext) -> DashboardSetup:
        def make_source():  # on the worker thread
            from spro_desk.reports.source import CoordinatorSource

            return CoordinatorSource(context.db, context.geo)

        def make_options():
            from spro_desk.reports.filters import Options
            from spro_desk.sync.coordinator_views import late_after_days

            return Options(as_of=reference_moment(context.clock()),
                           late_after_days=late_after_days(context.db))  # fmt: skip

        def today() -> date:
            return context.clock().date()

        def publish(indicators: Indicators, write: Callable[[Any], Path]) -> Path:  # worker
            # what leaves the coordination is a publication, as `coordinator report` writes it
            from spro_desk.reports.periods import (
                PeriodRefused,
                prepare_publication,
                record_publication,
            )

            try:
                publication = prepare_publication(context.db, indicators)
            except PeriodRefused as error:
                raise ExportRefused(str(error)) from error
            path = write(publication.bilan)
            try:
                record_publication(context.db, publication, str(path))
            except PeriodRefused as error:  # another publication meanwhile: not checked
                path.unlink(missing_ok=True)
                raise ExportRefused(str(error)) from error
            return path

        return DashboardSetup(
            runner=context.runner, make_source=make_source, make_options=make_options,
            geo=lambda: context.geo, today=today, settings=context.qsettings,
            preset_key=PRESET_KEY, presets=COORDINATOR_PRESETS,
            default_preset=THIS_YEAR, several_sites=True,  # the bilan is yearly
            publish=publish,
        )  # fmt: skip

    def activate(self) -> None:
        self.view.activate()

    def refresh(self) -> None:
        self.view.refresh()

    def _data_changed(self) -> None:
        self.view.data_changed()  # now if shown, else when shown

    def shutdown(self) -> None:
        self.view.shutdown()
