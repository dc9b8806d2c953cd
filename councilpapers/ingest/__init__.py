"""File -> pages -> lines -> segments -> records."""
