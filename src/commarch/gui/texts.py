"""Translatable display names of kinds, relation kinds and enum values for the UI (Qt's tr mechanism)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KIND_NAMES = {
    "stakeholder": QT_TRANSLATE_NOOP("kinds", "Stakeholder"),
    "channel": QT_TRANSLATE_NOOP("kinds", "Channel"),
    "department": QT_TRANSLATE_NOOP("kinds", "Department"),
    "goal": QT_TRANSLATE_NOOP("kinds", "Goal"),
    "topic": QT_TRANSLATE_NOOP("kinds", "Topic"),
    "note": QT_TRANSLATE_NOOP("kinds", "Note"),
}
KIND_PLURALS = {
    "stakeholder": QT_TRANSLATE_NOOP("kinds", "Stakeholders"),
    "channel": QT_TRANSLATE_NOOP("kinds", "Channels"),
    "department": QT_TRANSLATE_NOOP("kinds", "Departments"),
    "goal": QT_TRANSLATE_NOOP("kinds", "Goals"),
    "topic": QT_TRANSLATE_NOOP("kinds", "Topics"),
    "note": QT_TRANSLATE_NOOP("kinds", "Notes"),
}
RELATION_NAMES = {
    "operates": QT_TRANSLATE_NOOP("relations", "operates"),
    "reaches": QT_TRANSLATE_NOOP("relations", "reaches"),
    "coordinates": QT_TRANSLATE_NOOP("relations", "coordinates with"),
    "responsible_for": QT_TRANSLATE_NOOP("relations", "is responsible for"),
    "carries": QT_TRANSLATE_NOOP("relations", "carries"),
    "serves": QT_TRANSLATE_NOOP("relations", "serves"),
    "influences": QT_TRANSLATE_NOOP("relations", "influences"),
}
FIELD_NAMES = {
    "id": QT_TRANSLATE_NOOP("fields", "Id"),
    "label": QT_TRANSLATE_NOOP("fields", "Label"),
    "notes": QT_TRANSLATE_NOOP("fields", "Notes"),
    "tags": QT_TRANSLATE_NOOP("fields", "Tags"),
    "color": QT_TRANSLATE_NOOP("fields", "Colour"),
    "x": QT_TRANSLATE_NOOP("fields", "X"),
    "y": QT_TRANSLATE_NOOP("fields", "Y"),
    "priority": QT_TRANSLATE_NOOP("fields", "Priority"),
    "needs_dialog": QT_TRANSLATE_NOOP("fields", "Needs dialogue"),
    "internal": QT_TRANSLATE_NOOP("fields", "Internal"),
    "influence": QT_TRANSLATE_NOOP("fields", "Influence"),
    "interest": QT_TRANSLATE_NOOP("fields", "Interest"),
    "channel_type": QT_TRANSLATE_NOOP("fields", "Channel type"),
    "platform": QT_TRANSLATE_NOOP("fields", "Platform"),
    "two_way": QT_TRANSLATE_NOOP("fields", "Two-way (dialogue)"),
    "function": QT_TRANSLATE_NOOP("fields", "Function"),
    "coordinator": QT_TRANSLATE_NOOP("fields", "Coordinator"),
    "kpi": QT_TRANSLATE_NOOP("fields", "KPI"),
    "role": QT_TRANSLATE_NOOP("fields", "Role"),
    "cadence": QT_TRANSLATE_NOOP("fields", "Cadence"),
    "source": QT_TRANSLATE_NOOP("fields", "From"),
    "target": QT_TRANSLATE_NOOP("fields", "To"),
    "kind": QT_TRANSLATE_NOOP("fields", "Kind"),
    "title": QT_TRANSLATE_NOOP("fields", "Title"),
    "client": QT_TRANSLATE_NOOP("fields", "Client"),
    "author": QT_TRANSLATE_NOOP("fields", "Author"),
    "language": QT_TRANSLATE_NOOP("fields", "Language"),
    "description": QT_TRANSLATE_NOOP("fields", "Description"),
}
ENUM_NAMES = {
    "high": QT_TRANSLATE_NOOP("enums", "high"),
    "medium": QT_TRANSLATE_NOOP("enums", "medium"),
    "low": QT_TRANSLATE_NOOP("enums", "low"),
    "social": QT_TRANSLATE_NOOP("enums", "social media"),
    "owned": QT_TRANSLATE_NOOP("enums", "owned media"),
    "paid": QT_TRANSLATE_NOOP("enums", "paid media"),
    "earned": QT_TRANSLATE_NOOP("enums", "earned media"),
    "event": QT_TRANSLATE_NOOP("enums", "event"),
    "personal": QT_TRANSLATE_NOOP("enums", "personal"),
    "service": QT_TRANSLATE_NOOP("enums", "service"),
    "print": QT_TRANSLATE_NOOP("enums", "print"),
    "pr": QT_TRANSLATE_NOOP("enums", "PR"),
    "marketing": QT_TRANSLATE_NOOP("enums", "Marketing"),
    "hr": QT_TRANSLATE_NOOP("enums", "HR"),
    "customer_service": QT_TRANSLATE_NOOP("enums", "Customer service"),
    "product": QT_TRANSLATE_NOOP("enums", "Product"),
    "social_media": QT_TRANSLATE_NOOP("enums", "Social media"),
    "sales": QT_TRANSLATE_NOOP("enums", "Sales"),
    "management": QT_TRANSLATE_NOOP("enums", "Management"),
    "other": QT_TRANSLATE_NOOP("enums", "Other"),
    "lead": QT_TRANSLATE_NOOP("enums", "lead"),
    "contributor": QT_TRANSLATE_NOOP("enums", "contributor"),
    "de": QT_TRANSLATE_NOOP("enums", "German"),
    "en": QT_TRANSLATE_NOOP("enums", "English"),
}


def tr_name(table: dict[str, str], key: str) -> str:
    """The translated display name of `key` from one of the tables above (the key itself if unknown)."""
    source = table.get(key)
    if source is None:
        return key
    context = {id(KIND_NAMES): "kinds", id(KIND_PLURALS): "kinds", id(RELATION_NAMES): "relations",
               id(FIELD_NAMES): "fields", id(ENUM_NAMES): "enums"}[id(table)]
    return QCoreApplication.translate(context, source)
