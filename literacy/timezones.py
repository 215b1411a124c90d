"""Canadian IANA time zones offered to people choosing their own."""

from django.utils.translation import gettext_lazy as _

CANADIAN_TIME_ZONES = [
    ("America/St_Johns", _("Newfoundland (St. John’s)")),
    ("America/Halifax", _("Atlantic (Halifax)")),
    ("America/Moncton", _("Atlantic (Moncton)")),
    ("America/Goose_Bay", _("Atlantic (Goose Bay)")),
    ("America/Toronto", _("Eastern (Toronto, Ottawa, Montréal)")),
    ("America/Iqaluit", _("Eastern (Iqaluit)")),
    ("America/Atikokan", _("Eastern Standard, no daylight time (Atikokan)")),
    ("America/Winnipeg", _("Central (Winnipeg)")),
    ("America/Rankin_Inlet", _("Central (Rankin Inlet)")),
    ("America/Regina", _("Central Standard, no daylight time (Regina)")),
    ("America/Swift_Current", _("Central Standard, no daylight time (Swift Current)")),
    ("America/Edmonton", _("Mountain (Edmonton, Calgary)")),
    ("America/Yellowknife", _("Mountain (Yellowknife)")),
    ("America/Cambridge_Bay", _("Mountain (Cambridge Bay)")),
    ("America/Inuvik", _("Mountain (Inuvik)")),
    ("America/Creston", _("Mountain Standard, no daylight time (Creston)")),
    ("America/Dawson_Creek", _("Mountain Standard, no daylight time (Dawson Creek)")),
    ("America/Fort_Nelson", _("Mountain Standard, no daylight time (Fort Nelson)")),
    ("America/Whitehorse", _("Yukon (Whitehorse)")),
    ("America/Dawson", _("Yukon (Dawson)")),
    ("America/Vancouver", _("Pacific (Vancouver, Victoria)")),
]
