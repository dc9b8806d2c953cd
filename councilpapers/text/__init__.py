"""Text rules shared by ingest, the corpus, search and the CLI: names, dates, money, keys, vocabulary."""
