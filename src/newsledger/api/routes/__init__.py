"""One APIRouter per resource."""

from . import articles, disputes, events, meta, quotes, search, speakers

ROUTERS = [articles.router, quotes.router, speakers.router, events.router, disputes.router, search.router,
           meta.router]
