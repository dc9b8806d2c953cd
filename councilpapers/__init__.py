"""councilpapers: council meeting papers as a searchable, structured record."""

__version__ = "0.1.0"
