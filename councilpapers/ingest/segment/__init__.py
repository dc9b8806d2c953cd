"""Segmenters: lines in, structure out. They never know the file's format."""
