"""The report drawn with Qt: the PDF and printed pages (the only part of report/ that loads Qt)."""
