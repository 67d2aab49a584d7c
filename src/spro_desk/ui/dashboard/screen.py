"""« Tableau de bord »: the site's own indicators — this week at a glance, any period on demand.

The same dashboard as the coordinator's (`spro_desk.ui.common.dashboard`), over the desk's own
contacts and referrals (`reports.source.DeskSource`): the site sees its figures exactly as the
coordination will once its bundles arrive.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from spro_desk.ui.common.context import DeskContext
from spro_desk.ui.common.dashboard.periods import DESK_PRESETS, THIS_WEEK, reference_moment
from spro_desk.ui.common.dashboard.view import DashboardSetup, DashboardView
from spro_desk.ui.common.screen import Screen

if TYPE_CHECKING:  # Qt Charts loads when the dashboard is first shown
    from spro_desk.ui.common.dashboard.charts import BreakdownChart

PRESET_KEY = "tableau-de-bord/preset"


class DashboardScreen(Screen):
    name = "tableau-de-bord"

    def __init__(self, context: DeskContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.view = DashboardView(self._setup(context))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        context.navigator.contacts_changed.connect(self.view.data_changed)

    def title(self) -> str:
        return self.tr("Tableau de bord")

    @staticmethod
    def _setup(context: DeskContext) -> DashboardSetup:
        def make_source():  # on the worker thread
            from spro_desk.reports.source import DeskSource

            return DeskSource(context.database, context.geo)

        def make_options():
            from spro_desk.reports.filters import Options

            return Options(as_of=reference_moment(context.clock()))

        def today() -> date:
            return context.clock().date()

        return DashboardSetup(
            runner=context.runner, make_source=make_source, make_options=make_options,
            geo=lambda: context.geo, today=today, settings=context.qsettings,
            preset_key=PRESET_KEY, presets=DESK_PRESETS, default_preset=THIS_WEEK,
            several_sites=False,
        )  # fmt: skip

    def activate(self) -> None:
        self.view.activate()

    @property
    def charts(self) -> dict[str, BreakdownChart]:
        """The overview's charts by breakdown key (none before the screen is first shown)."""
        return self.view.overview.charts if self.view.overview is not None else {}

    def shutdown(self) -> None:
        self.view.shutdown()
