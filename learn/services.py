"""Writes of the learner pages that belong to no domain app: the learner's own name."""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError


def learner_name_set(*, user: AbstractBaseUser, first_name: str, last_name: str = "") -> None:
    """Store the name the learner's certificates show (Django's first and last name fields).

    Raises ValidationError, with nothing changed, for a blank first name or a name
    longer than the field.
    """
    names = {"first_name": first_name.strip(), "last_name": last_name.strip()}
    errors = {}
    if not names["first_name"]:
        errors["first_name"] = ["Enter your first name."]
    for field, value in names.items():
        limit = user._meta.get_field(field).max_length
        if len(value) > limit:
            errors[field] = [f"Keep it to {limit} characters."]
    if errors:
        raise ValidationError(errors)
    user.first_name, user.last_name = names["first_name"], names["last_name"]
    user.save(update_fields=["first_name", "last_name"])
