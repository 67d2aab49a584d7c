"""The PySide6 desktop interface; the only package that imports Qt."""

from spro_desk.ui.app.feature_scan import skip_feature_scan

skip_feature_scan()  # before the interface's own modules are imported: see feature_scan

from spro_desk.ui.app.start import run_app  # noqa: E402

__all__ = ["run_app"]
