"""Publishing in the GUI: targets dialog, one-click publish with progress, conflicts, outbox."""
