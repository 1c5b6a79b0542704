"""Offline geography: the gazetteer, toponym finding and disambiguation by article context."""
from .gazetteer import Entry, Gazetteer, get_gazetteer
from .normalize import name_key

__all__ = ["Entry", "Gazetteer", "get_gazetteer", "name_key"]
