"""The inventory as a DCAT-AP 3.0 catalogue (JSON-LD and Turtle), and the SKOS concept schemes
its IRIs point into.

One `dcat:Dataset` per resource (its translation key), titles, descriptions and keywords tagged
with their language. Every value DCAT-AP wants as a thing is an IRI: themes and resource types
are concepts of this site's own schemes (dereferenceable under /vocabularies/), spatial coverage
is the jurisdiction's location in the same place, licences are their publishers' pages, formats
and media types come from the EU file-type and IANA registries. Referenced things carry their
class and labels inline so that the catalogue validates on its own."""

import json
from functools import lru_cache

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from literacy.links import absolute_url

from . import exports, vocabulary

CONTEXT = {
    "adms": "http://www.w3.org/ns/adms#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
IANA_MEDIA_TYPE = "https://www.iana.org/assignments/media-types/"
ADMS_PUBLISHER_TYPE = "http://purl.org/adms/publishertype/"
LANGUAGE_CODES = {"en": "ENG", "fr": "FRA"}
# Our format -> the EU file-type authority's code; "other" has none and is left out.
FILE_TYPES = {
    "html": "HTML",
    "pdf": "PDF",
    "docx": "DOCX",
    "pptx": "PPTX",
    "xlsx": "XLSX",
    "csv": "CSV",
    "mp4": "MP4",
    "zip": "ZIP",
}
PUBLISHER_TYPES = {
    "federal": "NationalAuthority",
    "provincial": "RegionalAuthority",
    "territorial": "RegionalAuthority",
    "municipal": "LocalAuthority",
}
CATALOGUE_TITLE = _("Open Government Literacy: inventory of learning resources")
CATALOGUE_DESCRIPTION = _(
    "Learning resources on open data, open information and open dialogue that Canada's federal, "
    "provincial and territorial governments offer their public servants, with the topics each "
    "government has not yet covered."
)
CATALOGUE_PUBLISHER = _("Canada Open Government Working Group")
SCHEMES = {
    "topics": (_("Open government learning topics"), _("The topics the inventory classifies resources by.")),
    "resource-types": (_("Kinds of learning resource"), _("What form a learning resource takes.")),
    "jurisdictions": (_("Canadian governments"), _("The federal, provincial and territorial governments.")),
}


def both_languages(text):
    """A lazy translatable string as JSON-LD literals in English and French."""
    out = []
    for code in ("en", "fr"):
        with translation.override(code):
            out.append({"@value": str(text), "@language": code})
    return out


def _tagged(values):
    return [{"@value": text, "@language": code} for code, text in values.items() if text]


def scheme_iri(scheme):
    return absolute_url(reverse("vocabulary_scheme", kwargs={"scheme": scheme}))


def concept_iri(scheme, code):
    return absolute_url(reverse("vocabulary_concept", kwargs={"scheme": scheme, "code": code}))


def concepts(scheme):
    """(code, English label, French label, definition pair or None) of every concept of a scheme."""
    from literacy.models import Jurisdiction, Topic

    if scheme == "topics":
        return [
            (t.slug, t.name_en, t.name_fr, (t.description_en, t.description_fr))
            for t in Topic.objects.order_by("sort_order", "slug")
        ]
    if scheme == "jurisdictions":
        return [(j.code, j.name_en, j.name_fr, None) for j in Jurisdiction.objects.order_by("sort_order", "code")]
    if scheme == "resource-types":
        labels = []
        for code, label in vocabulary.RESOURCE_TYPES:
            names = []
            for language in ("en", "fr"):
                with translation.override(language):
                    names.append(str(label))
            labels.append((code, names[0], names[1], None))
        return labels
    raise KeyError(scheme)


def concept_node(scheme, code, name_en, name_fr, definitions=None):
    node = {
        "@id": concept_iri(scheme, code),
        "@type": ["skos:Concept"] + (["dct:Location"] if scheme == "jurisdictions" else []),
        "skos:prefLabel": _tagged({"en": name_en, "fr": name_fr}),
        "skos:notation": code,
        "skos:inScheme": {"@id": scheme_iri(scheme)},
    }
    if definitions and any(definitions):
        node["skos:definition"] = _tagged(dict(zip(("en", "fr"), definitions, strict=True)))
    return node


def scheme_document(scheme):
    """A SKOS concept scheme with all its concepts, as a JSON-LD document."""
    title, description = SCHEMES[scheme]
    nodes = [concept_node(scheme, *row) for row in concepts(scheme)]
    for node in nodes:
        node["skos:topConceptOf"] = {"@id": scheme_iri(scheme)}
    return {
        "@context": CONTEXT,
        "@graph": [
            {
                "@id": scheme_iri(scheme),
                "@type": "skos:ConceptScheme",
                "dct:title": both_languages(title),
                "skos:prefLabel": both_languages(title),
                "dct:description": both_languages(description),
                "skos:hasTopConcept": [{"@id": node["@id"]} for node in nodes],
            },
            *nodes,
        ],
    }


def concept_document(scheme, code):
    for row in concepts(scheme):
        if row[0] == code:
            return {"@context": CONTEXT, **concept_node(scheme, *row)}
    return None


@lru_cache(maxsize=64)
def _licence_node(code):
    return {"@id": vocabulary.LICENCE_URLS[code], "@type": "dct:LicenseDocument"}


def _language_node(code):
    return {"@id": EU_LANGUAGE + LANGUAGE_CODES[code], "@type": "dct:LinguisticSystem"}


class DatasetBuilder:
    """Turns one resource's pages into a dcat:Dataset; vocabulary rows are read once per export."""

    def __init__(self):
        self.names = exports.Names()
        self.jurisdictions = self.names.jurisdictions
        self.type_labels = {row[0]: row for row in concepts("resource-types")}

    def publisher(self, row):
        jurisdiction = self.jurisdictions.get(row["jurisdiction"])
        node = {"@type": "foaf:Agent", "foaf:name": _tagged(row["publisher"])}
        if jurisdiction is not None:
            node["dct:type"] = {
                "@id": ADMS_PUBLISHER_TYPE + PUBLISHER_TYPES.get(jurisdiction.kind, "RegionalAuthority"),
                "@type": "skos:Concept",
                "skos:prefLabel": {
                    "@value": PUBLISHER_TYPES.get(jurisdiction.kind, "RegionalAuthority"),
                    "@language": "en",
                },
            }
        return node

    def distribution(self, row, language, url):
        fmt = row["format"]
        node = {
            "@type": "dcat:Distribution",
            "dcat:accessURL": {"@id": absolute_url(url)},
            "dct:title": _tagged({language: row["title"].get(language, "")}),
            "dct:description": _tagged({language: row["summary"].get(language, "")}),
            "dct:language": _language_node(language),
            "dct:license": _licence_node(row["licence"]),
        }
        if fmt in FILE_TYPES:
            node["dct:format"] = {"@id": EU_FILE_TYPE + FILE_TYPES[fmt], "@type": "dct:MediaTypeOrExtent"}
        if fmt in vocabulary.FORMAT_MEDIA_TYPES:
            node["dcat:mediaType"] = {
                "@id": IANA_MEDIA_TYPE + vocabulary.FORMAT_MEDIA_TYPES[fmt],
                "@type": "dct:MediaType",
            }
        return node

    def dataset(self, rows):
        row = exports.record(rows)
        jurisdiction = self.jurisdictions.get(row["jurisdiction"])
        topics = [self.names.topics[slug] for slug in row["topics"] if slug in self.names.topics]
        dataset = {
            "@id": f"urn:uuid:{row['resource_id']}",
            "@type": "dcat:Dataset",
            "dct:identifier": row["resource_id"],
            "dct:title": _tagged(row["title"]),
            "dct:description": _tagged(row["summary"]),
            "dct:publisher": self.publisher(row),
            "dcat:keyword": [
                {"@value": name, "@language": code}
                for topic in topics
                for code, name in (("en", topic.name_en), ("fr", topic.name_fr))
                if name
            ],
            "dcat:theme": [concept_node("topics", t.slug, t.name_en, t.name_fr) for t in topics],
            "dct:type": concept_node("resource-types", *self.type_labels[row["resource_type"]][:3]),
            "dct:language": [_language_node(code) for code in row["languages"] if code in LANGUAGE_CODES],
            "dct:issued": {"@value": row["date_published"], "@type": "xsd:date"},
            "dcat:landingPage": [{"@id": url, "@type": "foaf:Document"} for url in row["page_url"].values() if url],
            "dcat:distribution": [self.distribution(row, code, url) for code, url in row["url"].items() if url],
        }
        if jurisdiction is not None:
            dataset["dct:spatial"] = concept_node(
                "jurisdictions", jurisdiction.code, jurisdiction.name_en, jurisdiction.name_fr
            )
        if row["external_id"]:
            dataset["adms:identifier"] = {"@type": "adms:Identifier", "skos:notation": row["external_id"]}
        if row["date_modified"]:
            dataset["dct:modified"] = {"@value": row["date_modified"], "@type": "xsd:date"}
        contact = {"@type": "vcard:Kind", "vcard:fn": _tagged(row["publisher"])}
        if row["contact_email"]:
            contact["vcard:hasEmail"] = {"@id": f"mailto:{row['contact_email']}"}
        dataset["dcat:contactPoint"] = contact
        return dataset


def catalogue_node(*, catalogue_url, homepage_url, modified=None):
    return {
        "@id": catalogue_url,
        "@type": "dcat:Catalog",
        "dct:title": both_languages(CATALOGUE_TITLE),
        "dct:description": both_languages(CATALOGUE_DESCRIPTION),
        "dct:publisher": {
            "@type": "foaf:Agent",
            "foaf:name": both_languages(CATALOGUE_PUBLISHER),
            "dct:type": {
                "@id": ADMS_PUBLISHER_TYPE + "NationalAuthority",
                "@type": "skos:Concept",
                "skos:prefLabel": {"@value": "NationalAuthority", "@language": "en"},
            },
        },
        "dct:license": _licence_node("ogl-canada-2.0"),
        "foaf:homepage": {"@id": homepage_url, "@type": "foaf:Document"},
        "dct:language": [_language_node("en"), _language_node("fr")],
        "dcat:themeTaxonomy": {
            "@id": scheme_iri("topics"),
            "@type": "skos:ConceptScheme",
            "dct:title": both_languages(SCHEMES["topics"][0]),
        },
        "dct:modified": {"@value": (modified or timezone.now()).date().isoformat(), "@type": "xsd:date"},
    }


def jsonld_chunks(queryset, *, catalogue_url, homepage_url):
    """The catalogue as one JSON-LD document, streaming one dataset at a time."""
    head = {"@context": CONTEXT, **catalogue_node(catalogue_url=catalogue_url, homepage_url=homepage_url)}
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "dcat:dataset": ['
    builder, first = DatasetBuilder(), True
    for rows in exports.resources(queryset):
        yield ("" if first else ",") + "\n" + json.dumps(builder.dataset(rows), ensure_ascii=False)
        first = False
    yield "\n]}\n"


PREFIXES = "".join(f"@prefix {prefix}: <{namespace}> .\n" for prefix, namespace in CONTEXT.items())


def _turtle(document):
    """Turtle statements of a JSON-LD document, without prefix lines (PREFIXES declares them all)."""
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in CONTEXT.items():
        graph.bind(prefix, namespace)
    graph.parse(data=json.dumps(document), format="json-ld")
    text = graph.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip() + "\n\n"


def turtle_document(document):
    return PREFIXES + "\n" + _turtle(document)


def turtle_chunks(queryset, *, catalogue_url, homepage_url):
    """The catalogue in Turtle, streaming: the catalogue with its prefixes, then each dataset
    (and the catalogue's dcat:dataset link to it) as its own block."""
    head = {"@context": CONTEXT, **catalogue_node(catalogue_url=catalogue_url, homepage_url=homepage_url)}
    yield PREFIXES + "\n" + _turtle(head)
    builder = DatasetBuilder()
    for rows in exports.resources(queryset):
        dataset = builder.dataset(rows)
        yield f"<{catalogue_url}> dcat:dataset <{dataset['@id']}> .\n"
        yield _turtle({"@context": CONTEXT, **dataset})
