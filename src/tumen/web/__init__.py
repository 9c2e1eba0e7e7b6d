"""The analyst's desk: a local web app and JSON API over a store (`tumen serve`, docs/web.md).

Import `tumen.web.app` (FastAPI) only where the server runs; nothing here loads at CLI start.
"""
