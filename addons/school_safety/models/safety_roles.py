"""Who may act at the gate: the person in charge of the record (a class's head teacher, a
bus's crew) or a safety manager."""

from odoo.exceptions import AccessError

SAFETY_MANAGER = "school_safety.group_safety_manager"


def is_safety_manager(env):
    """Whether the current user is a safety manager (or the superuser)."""
    return env.su or env.user.has_group(SAFETY_MANAGER)


def is_head_teacher(record):
    """Whether the current user is the head teacher of the record's class (``class_id``)."""
    return record.class_id.head_teacher_user_id == record.env.user


def check_in_charge_or_safety_manager(records, in_charge, message):
    """Refuse unless the current user is a safety manager or ``in_charge(record)`` holds for
    every record; ``message(record)`` is the translated refusal."""
    if is_safety_manager(records.env):
        return
    for record in records:
        if not in_charge(record):
            raise AccessError(message(record))


def check_head_teacher_or_safety_manager(records, message):
    """Refuse unless the current user is the head teacher of each record's class or a safety manager."""
    check_in_charge_or_safety_manager(records, is_head_teacher, message)
