"""The dashboard, as both the coordinator and a site see it: filters, headline figures, charts
and tables, drill-down with a breadcrumb, and « Exporter le bilan… ».

Figures are computed off the UI thread (`loader.py`); until new ones arrive, the previous stay
on screen, and the line above the tiles says which filters they are for. On screen figures are
exact (the coordination's own working view, or a site's own activity); the statistical
secrecy rule applies to what leaves the screen: every export goes through `reports.publish`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from spro_desk.geo.cog import Geography
from spro_desk.ui.common.announce import StatusLabel
from spro_desk.ui.common.background import Runner
from spro_desk.ui.common.dashboard import navigation
from spro_desk.ui.common.dashboard.breadcrumb import Breadcrumb
from spro_desk.ui.common.dashboard.breakdowns import Breakdown
from spro_desk.ui.common.dashboard.data import LATE_DESKS_TILE, TILE_KEYS, DashboardData
from spro_desk.ui.common.dashboard.export import BilanExporter, Publisher
from spro_desk.ui.common.dashboard.filter_bar import FilterBar
from spro_desk.ui.common.dashboard.loader import IndicatorsLoader, OptionsFactory, SourceFactory
from spro_desk.ui.common.dashboard.tiles import SummaryRow
from spro_desk.ui.common.dashboard.words import filters_label, scope_label
from spro_desk.ui.common.formatting import french_datetime
from spro_desk.ui.common.status import ProgressIndicator
from spro_desk.ui.common.widgets import plain_label

if TYPE_CHECKING:  # the pages import Qt Charts: loaded when the dashboard is first shown
    from spro_desk.ui.common.dashboard.pages import BreakdownPage, OverviewPage


@dataclass(frozen=True)
class DashboardSetup:
    """What differs between the coordinator's dashboard and a site's."""

    runner: Runner
    make_source: SourceFactory
    make_options: OptionsFactory
    geo: Callable[[], Geography]
    today: Callable[[], date]
    settings: QSettings
    preset_key: str  # where the chosen period preset is remembered
    presets: tuple[str, ...]
    default_preset: str
    several_sites: bool  # the coordinator: site filters, networks, desks
    publish: Publisher | None = None  # the export publishes (checked with the period's others)


class DashboardView(QWidget):
    def __init__(self, setup: DashboardSetup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._setup = setup
        self.filter_bar = FilterBar(setup.presets, setup.today, setup.several_sites)
        self.export_button = QPushButton(self.tr("E&xporter le bilan…"))
        self.export_button.setAccessibleName(self.tr("Exporter le bilan"))
        self.export_button.setEnabled(False)
        self.progress = ProgressIndicator()
        self.shown = plain_label("", self.tr("Chiffres affichés"))
        self.secrecy = plain_label("", self.tr("Secret statistique"))
        self._describe_secrecy(internal=not setup.several_sites)
        self.message = StatusLabel()
        self.message.hide()
        tiles = TILE_KEYS + ((LATE_DESKS_TILE,) if setup.several_sites else ())
        self.summary = SummaryRow(tiles)
        self.summary.hide()  # until the first figures: no tile without its figure
        self.breadcrumb = Breadcrumb()
        self.breadcrumb.set_path([self.tr("Vue d'ensemble")])
        self.stack = QStackedWidget()
        self.stack.addWidget(plain_label(self.tr("Calcul des indicateurs…")))
        self.overview: OverviewPage | None = None
        self.detail: BreakdownPage | None = None
        self.loader = IndicatorsLoader(setup.runner, setup.make_source, setup.make_options,
                                       setup.geo, self)  # fmt: skip
        self.exporter = BilanExporter(
            setup.runner, setup.settings, self, internal=not setup.several_sites,
            publish=setup.publish,
        )  # fmt: skip
        self.path: navigation.Path = ()
        self._pending: navigation.Path | None = None
        self._move_focus = False
        self._data: DashboardData | None = None
        self._overview_data: DashboardData | None = None
        self._stale = True
        self._layout()
        self._connect()
        remembered = setup.settings.value(setup.preset_key, setup.default_preset)
        self.filter_bar.set_preset(str(remembered))

    # --- construction -------------------------------------------------------------------------

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.filter_bar, 1)
        top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.shown)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.breadcrumb)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.secrecy)

    def _connect(self) -> None:
        self.filter_bar.changed.connect(self._filters_changed)
        self.summary.tile_activated.connect(self._tile_activated)
        self.breadcrumb.step_requested.connect(self._step_back)
        self.export_button.clicked.connect(self.export)
        loader = self.loader
        loader.started.connect(self.progress.begin)
        loader.progressed.connect(self.progress.step)
        loader.loaded.connect(self._loaded)
        loader.failed.connect(self._failed)
        loader.cancelled.connect(self._cancelled)
        loader.finished.connect(self._work_finished)
        exporter = self.exporter
        exporter.started.connect(self._export_started)
        exporter.progressed.connect(self.progress.step)
        exporter.succeeded.connect(self._exported)
        exporter.failed.connect(self._say)
        exporter.finished.connect(self._work_finished)
        self.progress.cancel_requested.connect(self.cancel)

    def _ensure_pages(self) -> None:
        """The charts' pages, built when the dashboard is first shown (Qt Charts loads then)."""
        if self.overview is not None:
            return
        from spro_desk.ui.common.dashboard.pages import BreakdownPage, OverviewPage

        self.overview, self.detail = OverviewPage(), BreakdownPage()
        self.overview.breakdown_requested.connect(self._open_breakdown)
        self.overview.row_activated.connect(self._overview_row_activated)
        self.detail.row_activated.connect(self._detail_row_activated)
        self.stack.addWidget(self.overview)
        self.stack.addWidget(self.detail)

    # --- lifetime -----------------------------------------------------------------------------

    def activate(self) -> None:
        """The dashboard is shown: build it, and compute what is missing or out of date."""
        self._ensure_pages()
        if self._stale or not self.path:
            self.refresh()

    def refresh(self) -> None:
        """Compute again from the database, keeping the drill-down where it is."""
        self._stale = False
        self.loader.invalidate()
        self._go(self.path or navigation.start(self.filter_bar.filters()))

    def data_changed(self) -> None:
        """New data (bundles imported, a contact recorded): now if shown, else when shown."""
        self._stale = True
        if self.isVisible() and self.overview is not None:
            self.refresh()

    def cancel(self) -> None:
        self.progress.cancelling()
        self.loader.cancel()
        self.exporter.cancel()

    def shutdown(self) -> None:
        self.filter_bar.stop()
        if self.overview is not None:
            self.overview.stop()
        self.loader.cancel()
        self.exporter.cancel()
        self.progress.end()

    @property
    def busy(self) -> bool:
        return self.loader.busy or self.exporter.busy

    @property
    def settled(self) -> bool:
        """Figures on screen, and nothing under way or about to start (tests, benchmarks)."""
        idle = not self.busy and self._pending is None and not self.filter_bar.pending
        drawing = self.overview is not None and self.overview.pending
        return idle and not drawing and self._data is not None

    def data(self) -> DashboardData | None:
        """The figures on screen (those of the last step of the path)."""
        return self._data

    def current_breakdown(self) -> Breakdown | None:
        level = self.path[-1] if self.path else None
        if self._data is None or level is None or not level.breakdown:
            return None
        return self._data.breakdown(level.breakdown, level.focus)

    # --- navigation ---------------------------------------------------------------------------

    def _go(self, path: navigation.Path, *, move_focus: bool = False) -> None:
        data = self.loader.cached(path[-1].filters)
        self._move_focus = move_focus
        if data is not None:
            if self.loader.busy:
                self.loader.cancel()  # going back while a deeper step was computing
            self._pending = None
            self._commit(path, data)
        else:
            self._pending = path
            self.loader.load(path[-1].filters)

    def _commit(self, path: navigation.Path, data: DashboardData) -> None:
        self._data = data
        level = path[-1]
        if level.breakdown:
            title = self._show_breakdown(data, level)
        else:
            title = self.tr("Vue d'ensemble")
            self._show_overview(data)
        self.path = navigation.titled(path, title)
        self.breadcrumb.set_path([step.title for step in self.path])
        self.summary.show_tiles(data.tiles)
        self.summary.show()
        self.filter_bar.set_choices(data.sites, self._setup.geo())
        self.shown.setText(self._shown_text(data))
        self.export_button.setEnabled(not self.exporter.busy)
        self.message.hide()
        if self._move_focus:
            self._focus_page()

    def _show_overview(self, data: DashboardData) -> None:
        assert self.overview is not None
        if self._overview_data is not data:  # the charts are rebuilt for new figures only
            self.overview.show_data(data, self._empty_text())
            self._overview_data = data
        self.stack.setCurrentWidget(self.overview)

    def _show_breakdown(self, data: DashboardData, level: navigation.Level) -> str:
        assert self.detail is not None
        breakdown = data.breakdown(level.breakdown, level.focus)
        title = f"{breakdown.title} — {level.label}" if level.label else breakdown.title
        self.detail.show_breakdown(breakdown, title, self._empty_text())
        self.stack.setCurrentWidget(self.detail)
        return title

    def _focus_page(self) -> None:
        page = self.stack.currentWidget()
        if page is self.detail and self.detail is not None:
            self.detail.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if self.detail.table.currentIndex().row() < 0:
                self.detail.table.selectRow(0)
        elif page is self.overview and self.overview is not None:
            self.overview.tree.setFocus(Qt.FocusReason.OtherFocusReason)

    def _empty_text(self) -> str:
        return self.tr("Rien sur la période.")

    def _shown_text(self, data: DashboardData) -> str:
        ind = data.indicators
        # A site's own data is as fresh as the moment it was read (the clock, pinned in tests).
        moment = ind.freshness if self._setup.several_sites else ind.as_of
        fresh = french_datetime(moment) if moment else self.tr("aucun envoi reçu")
        return self.tr("{scope} · {filters} · données à jour au {fresh}").format(
            scope=scope_label(ind.scope), filters=filters_label(ind.filters), fresh=fresh
        )

    def drill(self, breakdown: Breakdown, code: str, *, from_overview: bool = False) -> None:
        """Activate row `code` of `breakdown` (a bar, a table row): its breakdown, if it has one,
        else — from the overview — the breakdown's own page with that row selected."""
        row = next((row for row in breakdown.rows if row.code == code), None)
        if row is not None and row.drill is not None:
            self._go(navigation.drill_into(self.path, row.drill), move_focus=True)
        elif from_overview:
            self._go(navigation.open_breakdown(self.path, breakdown.key), move_focus=True)
            if self.detail is not None:
                self.detail.select(code)

    def _overview_row_activated(self, key: str, code: str) -> None:
        if self._data is not None:
            self.drill(self._data.breakdown(key), code, from_overview=True)

    def _detail_row_activated(self, code: str) -> None:
        breakdown = self.current_breakdown()
        if breakdown is not None:
            self.drill(breakdown, code)

    def _open_breakdown(self, key: str) -> None:
        if self.path:
            self._go(navigation.open_breakdown(self.path, key), move_focus=True)

    def _tile_activated(self, key: str) -> None:
        if self._data is None or not self.path:
            return
        tile = next(tile for tile in self._data.tiles if tile.key == key)
        self._go(navigation.drill_into(self.path, tile.drill), move_focus=True)

    def _step_back(self, number: int) -> None:
        if 0 <= number < len(self.path) - 1:
            self._go(self.path[: number + 1], move_focus=True)

    def _filters_changed(self) -> None:
        self._setup.settings.setValue(self._setup.preset_key, self.filter_bar.preset_code())
        self._go(navigation.start(self.filter_bar.filters()))

    # --- results ------------------------------------------------------------------------------

    def _loaded(self, data: DashboardData) -> None:
        pending = self._pending
        if pending is not None and data.indicators.filters == pending[-1].filters:
            self._pending = None
            self._commit(pending, data)

    def _cancelled(self) -> None:
        self._pending = None
        shown = filters_label(self._data.indicators.filters) if self._data else ""
        self._say(self.tr("Calcul annulé : les chiffres affichés restent ceux de la {shown}.")
                  .format(shown=shown.lower()) if shown else self.tr("Calcul annulé."))  # fmt: skip

    def _failed(self, text: str) -> None:
        self._pending = None
        self._say(text)

    def _say(self, text: str) -> None:
        self.message.set_message(text)
        self.message.show()

    def _work_finished(self) -> None:
        if not self.busy:
            self.progress.end()
        self.export_button.setEnabled(self._data is not None and not self.exporter.busy)

    # --- export -------------------------------------------------------------------------------

    def _describe_secrecy(self, internal: bool) -> None:
        """Say what the export does: a site's own bilan stays unmasked (issue 18)."""
        if internal:
            description = self.tr("Les chiffres affichés, en XLSX, CSV, PDF ou JSON, non masqués")
            note = self.tr(
                "Les chiffres sont exacts. Le bilan exporté ici est le bilan interne du site, "
                "non masqué : le secret statistique s'applique à ce que publie la coordination."
            )
        else:
            description = self.tr(
                "Les chiffres affichés, en XLSX, CSV, PDF ou JSON, avec le secret statistique"
            )
            note = self.tr(
                "À l'écran, les chiffres sont exacts. Tout export applique le secret statistique : "
                "un nombre inférieur à 5 est masqué (s), ainsi que ce qui permettrait de le "
                "recalculer."
            )
        self.export_button.setAccessibleDescription(description)
        self.secrecy.setText(note)

    def export(self) -> None:
        if self._data is not None and not self.exporter.busy:
            self.exporter.choose_and_export(self._data.indicators, self)

    def export_to(self, path: Path, fmt: str) -> None:
        """Export the figures on screen to `path` without asking (scripts, tests)."""
        if self._data is not None:
            self.exporter.export(self._data.indicators, path, fmt)

    def _export_started(self, label: str) -> None:
        self.export_button.setEnabled(False)
        self.progress.begin(label)

    def _exported(self, path: Path) -> None:
        if self.exporter.internal:
            text = self.tr("Bilan interne du site écrit dans « {path} » (chiffres non masqués).")
        elif self.exporter.publish is not None:
            text = self.tr(
                "Bilan publié dans « {path} » : secret statistique vérifié avec les bilans déjà "
                "publiés pour la période, publication enregistrée et période close."
            )
        else:
            text = self.tr("Bilan écrit dans « {path} », avec le secret statistique appliqué.")
        self._say(text.format(path=path))
