"""Translatable display names of kinds, relation kinds and enum values for the UI (Qt's tr mechanism)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_ = QT_TRANSLATE_NOOP

KIND_NAMES = {
    "stakeholder": _("kinds", "Stakeholder"),
    "channel": _("kinds", "Channel"),
    "department": _("kinds", "Department"),
    "goal": _("kinds", "Goal"),
    "topic": _("kinds", "Topic"),
    "note": _("kinds", "Note"),
}
KIND_PLURALS = {
    "stakeholder": _("kinds", "Stakeholders"),
    "channel": _("kinds", "Channels"),
    "department": _("kinds", "Departments"),
    "goal": _("kinds", "Goals"),
    "topic": _("kinds", "Topics"),
    "note": _("kinds", "Notes"),
}
RELATION_NAMES = {
    "operates": _("relations", "operates"),
    "reaches": _("relations", "reaches"),
    "coordinates": _("relations", "coordinates with"),
    "responsible_for": _("relations", "is responsible for"),
    "carries": _("relations", "carries"),
    "serves": _("relations", "serves"),
    "influences": _("relations", "influences"),
}
FIELD_NAMES = {
    "id": _("fields", "Id"),
    "label": _("fields", "Label"),
    "notes": _("fields", "Notes"),
    "tags": _("fields", "Tags"),
    "color": _("fields", "Colour"),
    "x": _("fields", "X"),
    "y": _("fields", "Y"),
    "priority": _("fields", "Priority"),
    "needs_dialog": _("fields", "Needs dialogue"),
    "internal": _("fields", "Internal"),
    "influence": _("fields", "Influence"),
    "interest": _("fields", "Interest"),
    "channel_type": _("fields", "Channel type"),
    "platform": _("fields", "Platform"),
    "two_way": _("fields", "Two-way (dialogue)"),
    "function": _("fields", "Function"),
    "coordinator": _("fields", "Coordinator"),
    "kpi": _("fields", "KPI"),
    "role": _("fields", "Role"),
    "cadence": _("fields", "Cadence"),
    "source": _("fields", "From"),
    "target": _("fields", "To"),
    "kind": _("fields", "Kind"),
    "title": _("fields", "Title"),
    "client": _("fields", "Client"),
    "author": _("fields", "Author"),
    "language": _("fields", "Language"),
    "description": _("fields", "Description"),
}
ENUM_NAMES = {
    "high": _("enums", "high"), "medium": _("enums", "medium"), "low": _("enums", "low"),
    "social": _("enums", "social media"), "owned": _("enums", "owned media"), "paid": _("enums", "paid media"),
    "earned": _("enums", "earned media"), "event": _("enums", "event"), "personal": _("enums", "personal"),
    "service": _("enums", "service"), "print": _("enums", "print"),
    "pr": _("enums", "PR"), "marketing": _("enums", "Marketing"), "hr": _("enums", "HR"),
    "customer_service": _("enums", "Customer service"), "product": _("enums", "Product"),
    "social_media": _("enums", "Social media"), "sales": _("enums", "Sales"),
    "management": _("enums", "Management"), "other": _("enums", "Other"),
    "lead": _("enums", "lead"), "contributor": _("enums", "contributor"),
    "de": _("enums", "German"), "en": _("enums", "English"),
}


def tr_name(table: dict[str, str], key: str) -> str:
    """The translated display name of `key` from one of the tables above (the key itself if unknown)."""
    source = table.get(key)
    if source is None:
        return key
    context = {id(KIND_NAMES): "kinds", id(KIND_PLURALS): "kinds", id(RELATION_NAMES): "relations",
               id(FIELD_NAMES): "fields", id(ENUM_NAMES): "enums"}[id(table)]
    return QCoreApplication.translate(context, source)
