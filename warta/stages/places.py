"""Stage: toponyms found and geocoded offline.

Toponyms come from the model's GPE/LOC/FAC entities and from a gazetteer scan of the text
(so the stage works before any NER model is installed); each is resolved to one gazetteer
entry by article context (``warta.geo.resolve``). Mentions resolving to the same entry
share one ``Place``. A toponym the gazetteer does not know is left out, never guessed, except a
street, building or venue (``warta.geo.features``): it takes the point of the town that holds it,
with that town's precision and no GeoNames id.

Example:
    >>> from warta.model import Article, Document
    >>> doc = PlaceStage()(Document(article=Article(id="x", text="Serangan di dekat Donetsk, Ukraina.")))
    >>> [(p.name, p.country, p.precision) for p in doc.places]
    [('Donetsk', 'UKR', 'city'), ('Ukraine', 'UKR', 'country')]
"""
from __future__ import annotations

from ..geo.detect import find_toponyms
from ..geo.features import find_features, find_local_names, locate_features
from ..geo.gazetteer import get_gazetteer
from ..geo.normalize import name_key
from ..geo.resolve import confirm_doubtful, resolve
from ..model import Document, Place, Span

#: gazetteer kind → ``Place.precision``
PRECISION = {"city": "city", "admin1": "admin", "admin2": "admin", "country": "country", "region": "region"}


class PlaceStage:
    name = "places"
    requires = ("article", "sentences", "entities")
    assigns = ("places",)

    def __call__(self, doc: Document) -> Document:
        gaz = get_gazetteer()
        doubtful: list = []
        toponyms = find_toponyms(doc.article.text, doc.entities, gazetteer=gaz, language=doc.language,
                                 doubtful=doubtful)
        chosen = resolve(toponyms, language=doc.language, gazetteer=gaz, text=doc.article.text)
        if doubtful:  # "Douma" tagged PERSON in a story about Damascus: the town near the others
            confirmed = confirm_doubtful(doubtful, toponyms, chosen, gazetteer=gaz)
            if confirmed:
                pairs = sorted([*zip(toponyms, chosen), *confirmed], key=lambda p: p[0].start)
                toponyms, chosen = [t for t, _ in pairs], [i for _, i in pairs]
        text = doc.article.text
        features = find_features(text, doc.entities, language=doc.language)
        taken = [(t.start, t.end) for t in toponyms] + [(f.start, f.end) for f in features]
        features += find_local_names(text, doc.entities, taken)
        located = locate_features(text, features, toponyms, chosen, gazetteer=gaz)
        places: dict[object, Place] = {}
        for n, (top, idx) in enumerate(zip(toponyms, chosen)):
            if n in located.covered:
                continue  # "Rogers" in "Rogers Centre": the feature speaks for it
            place = places.get(idx)
            if place is None:
                e = gaz.entries[idx]
                place = Place(id=f"p{len(places) + 1}", name=e.name, country=e.country, lat=e.lat, lon=e.lon,
                              geonames_id=e.geonames_id, precision=PRECISION.get(e.kind, "point"))
                places[idx] = place
            place.mentions.append(Span(top.start, top.end))
        for feature, host in zip(features, located.hosts):
            if host is None:
                continue
            # a street or building takes its town's point and precision; a village or area no gazetteer
            # has ("in Portroe") the town's point with precision "admin": it lies somewhere around there
            key = (name_key(feature.surface), host, feature.local)
            place = places.get(key)
            if place is None:
                e = gaz.entries[host]
                precision = "admin" if feature.local else PRECISION.get(e.kind, "point")
                place = Place(id=f"p{len(places) + 1}", name=feature.surface, country=e.country, lat=e.lat,
                              lon=e.lon, geonames_id=None, precision=precision)
                places[key] = place
            place.mentions.append(Span(feature.start, feature.end))
        doc.places = list(places.values())
        return doc
