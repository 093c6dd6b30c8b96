"""Turn news reports of diplomatic and economic meetings into tidy tables.

    >>> tables = build_tables("seeds")          # every *.txt of a folder
    >>> rows = parse_article(text, "my_article")  # one text
"""
from .parse import ArticleRows, parse_article
from .tables import COLUMNS, Tables, build_tables

__all__ = ["ArticleRows", "COLUMNS", "Tables", "build_tables", "parse_article"]
