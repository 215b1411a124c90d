"""Time helpers: naive local wall-clock ↔ aware UTC in an IANA zone, and display with the offset.
zoneinfo only; the pinned `tzdata` package is the source of truth (see config/settings/base.py)."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class NonexistentLocalTime(ValueError):
    """The wall-clock time falls in a daylight-saving gap in that zone."""


def local_to_utc(naive, time_zone):
    """Interpret a naive wall-clock datetime in `time_zone` and return it as aware UTC. Ambiguous
    times (the repeated hour in autumn) take the first occurrence; times in the spring gap raise."""
    zone = ZoneInfo(time_zone)
    aware = naive.replace(tzinfo=zone, fold=0)
    back = aware.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != naive.replace(tzinfo=None, fold=0):
        raise NonexistentLocalTime(naive)
    return aware.astimezone(UTC)


def utc_to_local_naive(value, time_zone):
    return value.astimezone(ZoneInfo(time_zone)).replace(tzinfo=None)


def format_offset(offset: timedelta):
    """UTC−03:30 style (with a real minus sign)."""
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def in_zone(value: datetime, time_zone):
    """A dict describing `value` in `time_zone`: the local datetime, its offset label, zone and a text."""
    local = value.astimezone(ZoneInfo(time_zone))
    offset = format_offset(local.utcoffset())
    text = _("%(date)s, %(time)s (%(offset)s, %(zone)s)") % {
        "date": formats.date_format(local, "DATE_FORMAT"),
        "time": formats.time_format(local, "H:i"),
        "offset": offset,
        "zone": time_zone,
    }
    return {"local": local, "offset": offset, "zone": time_zone, "text": text, "iso": local.isoformat()}


# The IANA zones Canadians keep, from east to west, for a session's time zone (a list, not a free
# text field). Every jurisdiction's default zone is among them.
CANADIAN_TIME_ZONES = [
    ("America/St_Johns", gettext_lazy("Newfoundland Time (St. John’s)")),
    ("America/Goose_Bay", gettext_lazy("Atlantic Time (Labrador)")),
    ("America/Halifax", gettext_lazy("Atlantic Time (Halifax, Charlottetown)")),
    ("America/Moncton", gettext_lazy("Atlantic Time (Moncton)")),
    ("America/Blanc-Sablon", gettext_lazy("Atlantic Standard Time, no daylight time (Blanc-Sablon)")),
    ("America/Toronto", gettext_lazy("Eastern Time (Toronto, Ottawa, Montréal, Québec)")),
    ("America/Iqaluit", gettext_lazy("Eastern Time (Iqaluit)")),
    ("America/Atikokan", gettext_lazy("Eastern Standard Time, no daylight time (Atikokan)")),
    ("America/Winnipeg", gettext_lazy("Central Time (Winnipeg)")),
    ("America/Rankin_Inlet", gettext_lazy("Central Time (Rankin Inlet)")),
    ("America/Regina", gettext_lazy("Central Standard Time, no daylight time (Regina)")),
    ("America/Edmonton", gettext_lazy("Mountain Time (Edmonton, Calgary)")),
    ("America/Yellowknife", gettext_lazy("Mountain Time (Yellowknife)")),
    ("America/Cambridge_Bay", gettext_lazy("Mountain Time (Cambridge Bay)")),
    ("America/Whitehorse", gettext_lazy("Yukon Time (Whitehorse)")),
    ("America/Fort_Nelson", gettext_lazy("Mountain Standard Time, no daylight time (Fort Nelson)")),
    ("America/Dawson_Creek", gettext_lazy("Mountain Standard Time, no daylight time (Dawson Creek)")),
    ("America/Creston", gettext_lazy("Mountain Standard Time, no daylight time (Creston)")),
    ("America/Vancouver", gettext_lazy("Pacific Time (Vancouver, Victoria)")),
]
