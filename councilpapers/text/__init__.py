"""What councils write, read the same way everywhere: names, dates, money, titles."""
