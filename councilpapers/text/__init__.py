"""Text rules shared by ingest, search and the CLI: dates, money, names, vocabulary."""
