"""qk3editor: the editorial desktop application of QK3 online."""

from __future__ import annotations

__version__ = "0.1.0"
