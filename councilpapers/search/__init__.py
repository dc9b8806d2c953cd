"""Full-text search over council papers: index search documents, query them.

Everything outside this package goes through `SearchIndex`; only
`councilpapers.search.engine_whoosh` knows Whoosh, and only
`councilpapers.search.engine_tantivy` (an optional extra) knows Tantivy.
"""

from .index import BadQuery, EngineMissing, Hit, IndexBusy, SearchIndex, SearchResult

__all__ = ["BadQuery", "EngineMissing", "Hit", "IndexBusy", "SearchIndex", "SearchResult"]
