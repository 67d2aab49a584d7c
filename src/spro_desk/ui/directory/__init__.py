"""Pieces of the directory screen: the filter bar and its completing fields."""

from spro_desk.ui.directory.commune_field import CommuneField
from spro_desk.ui.directory.filter_bar import DirectoryFilterBar
from spro_desk.ui.directory.searchable_combo import SearchableCombo

__all__ = ["CommuneField", "DirectoryFilterBar", "SearchableCombo"]
