"""Controlled values of a resource record: types, formats, languages and licences.

Codes are stable (they appear in imports and open data); labels are translated."""

from django.utils.translation import gettext_lazy as _

RESOURCE_TYPES = [
    ("guide", _("Guide")),
    ("course", _("Course")),
    ("video", _("Video")),
    ("toolkit", _("Toolkit")),
    ("template", _("Template")),
    ("presentation", _("Presentation")),
    ("website", _("Website")),
    ("dataset", _("Dataset")),
    ("event-recording", _("Event recording")),
]

FORMATS = [
    ("html", "HTML"),
    ("pdf", "PDF"),
    ("docx", "DOCX"),
    ("pptx", "PPTX"),
    ("xlsx", "XLSX"),
    ("csv", "CSV"),
    ("mp4", "MP4"),
    ("zip", "ZIP"),
    ("other", _("Other")),
]

# Media types for DCAT distributions.
FORMAT_MEDIA_TYPES = {
    "html": "text/html",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv",
    "mp4": "video/mp4",
    "zip": "application/zip",
}

LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("other", _("Other language")),
]

# (code, label, licence URL)
LICENCES = [
    (
        "ogl-canada-2.0",
        _("Open Government Licence – Canada 2.0"),
        "https://open.canada.ca/en/open-government-licence-canada",
    ),
    (
        "ogl-ontario-1.0",
        _("Open Government Licence – Ontario"),
        "https://www.ontario.ca/page/open-government-licence-ontario",
    ),
    (
        "ogl-bc-2.0",
        _("Open Government Licence – British Columbia"),
        "https://www2.gov.bc.ca/gov/content/data/open-data/open-government-licence-bc",
    ),
    ("ogl-alberta-2.0", _("Open Government Licence – Alberta"), "https://open.alberta.ca/licence"),
    ("ogl-nova-scotia-1.0", _("Open Government Licence – Nova Scotia"), "https://novascotia.ca/opendata/licence.asp"),
    (
        "ogl-pei-1.0",
        _("Open Government Licence – Prince Edward Island"),
        "https://www.princeedwardisland.ca/en/information/finance/open-government-licence-prince-edward-island",
    ),
    (
        "ogl-nl-1.0",
        _("Open Government Licence – Newfoundland and Labrador"),
        "https://opendata.gov.nl.ca/public/opendata/page/?page-id=licence",
    ),
    (
        "ogl-new-brunswick",
        _("Open Government Licence – New Brunswick"),
        "https://www2.gnb.ca/content/gnb/en/departments/finance/open-data/licence.html",
    ),
    (
        "ogl-manitoba",
        _("Open Government Licence – Manitoba"),
        "https://geoportal.gov.mb.ca/pages/open-government-licence-manitoba",
    ),
    (
        "ogl-saskatchewan",
        _("Open Government Licence – Saskatchewan"),
        "https://www.saskatchewan.ca/government/government-data/open-data/open-government-licence",
    ),
    ("ogl-yukon", _("Open Government Licence – Yukon"), "https://open.yukon.ca/open-government-licence-yukon"),
    (
        "ogl-nwt",
        _("Open Government Licence – Northwest Territories"),
        "https://www.gov.nt.ca/en/open-government-licence-northwest-territories",
    ),
    (
        "cc-by-4.0-quebec",
        _("Québec: Creative Commons Attribution 4.0"),
        "https://creativecommons.org/licenses/by/4.0/deed.fr",
    ),
    ("cc-by-4.0", _("Creative Commons Attribution 4.0"), "https://creativecommons.org/licenses/by/4.0/"),
]
LICENCE_CHOICES = [(code, label) for code, label, _url in LICENCES]
LICENCE_URLS = {code: url for code, _label, url in LICENCES}

SORTS = [
    ("newest", _("Newest")),
    ("title", _("Title")),
    ("reviewed", _("Recently reviewed")),
]
