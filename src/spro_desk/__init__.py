"""SPRO Desk: the offline front-desk tool of the Service public régional de l'orientation."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("spro-desk")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
