import base64
import binascii

from psycopg2 import IntegrityError

from odoo import _, api, models
from odoo.exceptions import ValidationError
from odoo.service.model import _as_validation_error
from odoo.tools import format_date, format_datetime, mute_logger

# the school's time zone when its partner has none
DEFAULT_TZ = "Asia/Shanghai"

# field types whose values Odoo converts itself (a wrong value raises ValueError deep in the ORM)
_CONVERTED_TYPES = ("selection", "integer", "float", "monetary", "date", "datetime", "boolean", "many2one")


class Base(models.AbstractModel):
    """Wrong values given to a school model are refused with a clear message.

    Odoo's own conversion turns an unknown selection key, text in a number or date
    field or a non-id in a many-to-one into a ``ValueError``, which a user sees as a
    traceback. For the ``school.*`` models, user input is checked first and refused
    with a ``ValidationError`` in the user's language; nothing is saved.
    """

    _inherit = "base"

    def _in_lang_of(self, user):
        """``self`` in ``user``'s language (else the school's, else the current one).

        What is written for someone else (an activity, a message, a mail) is written in the
        recipient's language: ``for_user = record._in_lang_of(user)``, then
        ``for_user.env._("...")`` and ``for_user``'s translated fields. The escalation runner
        calls its steps this way; user actions that address another person do the same.
        """
        company = self.company_id[:1] if "company_id" in self._fields else self.env.company
        lang = user[:1].lang or company.partner_id.lang or self.env.lang
        return self.with_context(lang=lang)

    def _school_tz(self):
        """The time zone of the record's school (its company's partner), else the user's."""
        company = self.company_id[:1] if "company_id" in self._fields else self.env.company
        return company.partner_id.tz or self.env.user.tz or DEFAULT_TZ

    def _school_format_datetime(self, value):
        """A time inside a message or an error: in the school's time zone and the context's language
        (never the UTC of the database, whoever or whatever job writes it)."""
        if not value:
            return ""
        return format_datetime(self.env, value, tz=self._school_tz(), dt_format="short")

    def _school_format_date(self, value):
        return format_date(self.env, value) if value else ""

    def _school_checks_values(self):
        return not self.env.su and self._name.startswith("school.")

    def _school_check_values(self, vals, links=None):
        """Refuse a wrong value in ``vals``; many-to-one ids are collected in ``links``
        ({comodel: {id: field}}) to be checked in one query per model, or checked at once."""
        for fname, value in vals.items():
            field = self._fields.get(fname)
            if field is None:
                raise ValidationError(
                    _("%(model)s has no field named %(field)s.", model=self._description, field=fname)
                )
            if field.required and not field.compute and (value is False or value is None or value == ""):
                raise ValidationError(
                    _("%(field)s of %(model)s is required.", field=field._description_string(self.env),
                      model=self._description)
                )
            if field.type in ("char", "text", "html") and value and not isinstance(value, str):
                raise ValidationError(
                    _(
                        "%(value)s is not a valid value for %(field)s of %(model)s.",
                        value=repr(value)[:80],
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                )
            if field.type == "binary" and isinstance(value, (str, bytes)) and not field.related:
                try:
                    base64.b64decode(value, validate=True)
                except (binascii.Error, ValueError):
                    raise ValidationError(
                        _("The file given for %(field)s is not a valid file.", field=field._description_string(self.env))
                    ) from None
                continue
            if field.type not in _CONVERTED_TYPES or value is False or value is None:
                continue
            if field.type == "many2one":
                valid = isinstance(value, int) and not isinstance(value, bool) and value > 0
                if valid and links is not None:
                    links.setdefault(field.comodel_name, {}).setdefault(value, field)
                elif valid and not self.env[field.comodel_name].sudo().browse(value).exists():
                    valid = False
            elif field.type in ("date", "datetime") and value == "":
                # an empty text is no date: Odoo would pass it on to PostgreSQL on some paths
                valid = False
            else:
                try:
                    field.convert_to_cache(value, self.browse(), validate=True)
                    valid = True
                except (ValueError, TypeError, OverflowError):
                    valid = False
                if valid and field.type == "integer" and isinstance(value, (int, float)) and abs(value) >= 2**31:
                    valid = False
            if not valid:
                raise ValidationError(
                    _(
                        "%(value)s is not a valid value for %(field)s of %(model)s.",
                        value=repr(value)[:80],
                        field=field._description_string(self.env),
                        model=self._description,
                    )
                )

    def _school_check_values_list(self, vals_list):
        """Check every ``vals`` of a batch, with one existence query per linked model."""
        links = {}
        for vals in vals_list:
            self._school_check_values(vals, links)
        for comodel, fields_by_id in links.items():
            missing = set(fields_by_id) - set(self.env[comodel].sudo().browse(list(fields_by_id)).exists().ids)
            if missing:
                value = min(missing)
                raise ValidationError(
                    _(
                        "%(value)s is not a valid value for %(field)s of %(model)s.",
                        value=repr(value),
                        field=fields_by_id[value]._description_string(self.env),
                        model=self._description,
                    )
                )

    def _register_hook(self):
        """Check the values first, before any override of the model reads them.

        Overrides of ``create``/``write`` in the models run before this class's own (it is
        the root of every model), and some of them read the values (a plate normalised, an id
        browsed). The registry's class of each school model gets an outermost check.
        """
        res = super()._register_hook()
        cls = type(self)
        if self._name.startswith("school.") and not self._abstract and not getattr(cls.create, "_school_checked", False):
            create, write = cls.create, cls.write

            @api.model_create_multi
            def checked_create(records, vals_list):
                if records._school_checks_values():
                    records._school_check_values_list(vals_list)
                return create(records, vals_list)

            def checked_write(records, vals):
                if records._school_checks_values():
                    records._school_check_values_list([vals])
                return write(records, vals)

            checked_create._school_checked = True
            cls.create, cls.write = checked_create, checked_write
        return res

    def _school_values_checked_first(self):
        """Whether the registry hook already checked the values (see _register_hook); until it
        runs (while the addons install) create and write check them here."""
        return getattr(type(self).create, "_school_checked", False)

    @api.model_create_multi
    def create(self, vals_list):
        if not self._school_checks_values():
            return super().create(vals_list)
        required = [
            name for name, field in self._fields.items()
            if field.required and field.store and not field.compute and not field.related
            and name not in ("id", "create_uid", "create_date", "write_uid", "write_date")
        ]
        if not self._school_values_checked_first():
            self._school_check_values_list(vals_list)
        defaults = None
        for vals in vals_list:
            missing = [name for name in required if name not in vals]
            if missing:
                if defaults is None:  # once per batch
                    defaults = self.default_get(required)
                missing = [name for name in missing if not defaults.get(name) and defaults.get(name) != 0]
            if missing:
                raise ValidationError(
                    _("%(field)s of %(model)s is required.",
                      field=self._fields[missing[0]]._description_string(self.env), model=self._description)
                )
        try:
            # a missing required value or a duplicate reaches PostgreSQL on insert: the user
            # gets the constraint's message, and nothing of this create is kept
            with mute_logger("odoo.sql_db"), self.env.cr.savepoint():
                return super().create(vals_list)
        except IntegrityError as exc:
            raise _as_validation_error(self.env, exc) from exc

    def write(self, vals):
        if self._school_checks_values() and not self._school_values_checked_first():
            self._school_check_values_list([vals])
        return super().write(vals)
