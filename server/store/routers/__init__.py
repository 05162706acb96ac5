"""The store server's routers, one module per resource; each exposes ``router = APIRouter()``."""
