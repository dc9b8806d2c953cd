"""Text helpers shared by ingest, the corpus and search: names, dates, money, title keys."""
