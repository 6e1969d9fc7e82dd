#!/usr/bin/env python3
"""Reads an iCalendar file with Python's icalendar (Debian python3-icalendar), independently of
libical, and prints every event's fields as one JSON object keyed by UID, for calendar_it to
compare with what libical read and with the sheet."""
import json
import sys

from icalendar import Calendar

with open(sys.argv[1], "rb") as f:
    calendar = Calendar.from_ical(f.read())
events = {}
for event in calendar.walk("VEVENT"):
    alarms = [c for c in event.subcomponents if c.name == "VALARM"]
    categories = event.get("CATEGORIES")
    if hasattr(categories, "cats"):
        categories = ",".join(str(c) for c in categories.cats)
    fields = {
        "DTSTART": event.decoded("DTSTART").strftime("%Y%m%d"),
        "DTEND": event.decoded("DTEND").strftime("%Y%m%d"),
        "SUMMARY": str(event.get("SUMMARY")),
        "DESCRIPTION": str(event.get("DESCRIPTION")),
        "CATEGORIES": str(categories),
        "X-DEALSHEET-CELL": str(event.get("X-DEALSHEET-CELL")),
        "SEQUENCE": str(event.get("SEQUENCE")),
        "ALARMS": str(len(alarms)),
    }
    if alarms:
        fields["TRIGGER"] = str(int(alarms[0].decoded("TRIGGER").total_seconds()))
        fields["ALARM-DESCRIPTION"] = str(alarms[0].get("DESCRIPTION"))
        fields["ACTION"] = str(alarms[0].get("ACTION"))
    uid = str(event.get("UID"))
    if uid in events:
        sys.exit("duplicate UID " + uid)
    events[uid] = fields
json.dump(events, sys.stdout, ensure_ascii=False, indent=0)
