"""Full-text search over council papers: index search documents, query them.

Everything outside this package goes through `SearchIndex`; only
`councilpapers.search.index` knows which engine (Whoosh) is underneath.
"""

from .index import BadQuery, Hit, IndexBusy, SearchIndex

__all__ = ["BadQuery", "Hit", "IndexBusy", "SearchIndex"]
