"""CLI commands, one module per feature; each has ``register(sub)``."""
