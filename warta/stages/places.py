"""Stage: toponyms found and geocoded offline.

Toponyms come from the model's GPE/LOC/FAC entities and from a gazetteer scan of the text
(so the stage works before any NER model is installed); each is resolved to one gazetteer
entry by article context (``warta.geo.resolve``). Mentions resolving to the same entry
share one ``Place``. A toponym the gazetteer does not know is left out, never guessed.

Example:
    >>> from warta.model import Article, Document
    >>> doc = PlaceStage()(Document(article=Article(id="x", text="Serangan di dekat Donetsk, Ukraina.")))
    >>> [(p.name, p.country, p.precision) for p in doc.places]
    [('Donetsk', 'UKR', 'city'), ('Ukraine', 'UKR', 'country')]
"""
from __future__ import annotations

from ..geo.detect import find_toponyms
from ..geo.gazetteer import get_gazetteer
from ..geo.resolve import resolve
from ..model import Document, Place, Span

#: gazetteer kind → ``Place.precision``
PRECISION = {"city": "city", "admin1": "admin", "admin2": "admin", "country": "country", "region": "region"}


class PlaceStage:
    name = "places"
    requires = ("article", "sentences", "entities")
    assigns = ("places",)

    def __call__(self, doc: Document) -> Document:
        gaz = get_gazetteer()
        toponyms = find_toponyms(doc.article.text, doc.entities, gazetteer=gaz, language=doc.language)
        chosen = resolve(toponyms, language=doc.language, gazetteer=gaz)
        places: dict[int, Place] = {}
        for top, idx in zip(toponyms, chosen):
            place = places.get(idx)
            if place is None:
                e = gaz.entries[idx]
                place = Place(id=f"p{len(places) + 1}", name=e.name, country=e.country, lat=e.lat, lon=e.lon,
                              geonames_id=e.geonames_id, precision=PRECISION.get(e.kind, "point"))
                places[idx] = place
            place.mentions.append(Span(top.start, top.end))
        doc.places = list(places.values())
        return doc
