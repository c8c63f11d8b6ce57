"""Everything PySide6: thin views and one controller per feature."""
