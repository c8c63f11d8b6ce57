"""Library search box (issue 3)."""

from qk3editor.ui.search.box import LibrarySearch, SearchBox, attach_library_search

__all__ = ["LibrarySearch", "SearchBox", "attach_library_search"]
