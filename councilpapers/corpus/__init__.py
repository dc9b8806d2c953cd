"""The records and their store (SQLite, the source of truth)."""
