"""Pure-Python core: no Qt, no database, no network. Every other layer may import it."""
