"""Stage: actors with country, sector and role (see ``warta.actors.resolve`` for the rules).

Example:
    >>> from warta.model import Article, Document
    >>> from warta.stages.places import PlaceStage
    >>> doc = PlaceStage()(Document(article=Article(id="x", text="Prajurit Korea Utara tewas."), language="id"))
    >>> [(a.name, a.kind, a.country, a.sector) for a in ActorStage()(doc).actors]
    [('Prajurit Korea Utara', 'group', 'PRK', 'MIL')]
"""
from __future__ import annotations

from ..actors.resolve import find_actors
from ..model import Document


class ActorStage:
    name = "actors"
    requires = ("article", "sentences", "entities", "places")
    assigns = ("actors",)

    def __call__(self, doc: Document) -> Document:
        doc.actors = find_actors(doc)
        return doc
