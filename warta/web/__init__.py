"""``warta serve``: the web UI and JSON API over a warta store (see docs/web.md).

Example:
    >>> from warta.web.app import create_app
    >>> app = create_app("warta.db")  # doctest: +SKIP
"""
