"""The PySide6 desktop interface; the only package that imports Qt."""

from spro_desk.ui.app import run_app

__all__ = ["run_app"]
