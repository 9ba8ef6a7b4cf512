from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

DEFAULT_TZ = "Asia/Shanghai"
# used when a school has no working hours at all: Monday to Friday
DEFAULT_WEEKDAYS = (0, 1, 2, 3, 4)

# the people in charge of a school; each is the field ``<role>_user_id`` below
SCHOOL_PERSON_ROLES = (
    "principal",
    "logistics_director",
    "safety_manager",
    "asset_manager",
    "canteen_manager",
    "union_chair",
)
SCHOOL_PERSON_DOMAIN = "[('share', '=', False), ('company_ids', 'in', id)]"


class ResCompany(models.Model):
    _inherit = "res.company"

    principal_user_id = fields.Many2one(
        "res.users", string="Principal", domain=SCHOOL_PERSON_DOMAIN,
        help="Approves purchases and disposals and receives the escalations (校长). "
        "Empty: the first principal of the school.",
    )
    logistics_director_user_id = fields.Many2one(
        "res.users", string="Logistics Director", domain=SCHOOL_PERSON_DOMAIN,
        help="Runs the logistics office and receives overdue hazards first (后勤主任). "
        "Empty: the first logistics manager of the school, else the principal.",
    )
    safety_manager_user_id = fields.Many2one(
        "res.users", string="Safety Manager", domain=SCHOOL_PERSON_DOMAIN,
        help="Receives the alerts of the gate and of the school bus (安全员). "
        "Empty: the first safety manager of the school, else the logistics director.",
    )
    asset_manager_user_id = fields.Many2one(
        "res.users", string="Asset Manager", domain=SCHOOL_PERSON_DOMAIN,
        help="Keeps the asset register, custody and stocktakes (资产管理员). "
        "Empty: the first asset manager of the school, else the logistics director.",
    )
    canteen_manager_user_id = fields.Many2one(
        "res.users", string="Canteen Manager", domain=SCHOOL_PERSON_DOMAIN,
        help="Receives the problems found at meal accompaniment and the health certificate "
        "reminders (食堂负责人). Empty: the first canteen manager of the school, else the logistics director.",
    )
    union_chair_user_id = fields.Many2one(
        "res.users", string="Union Chair", domain=SCHOOL_PERSON_DOMAIN,
        help="Chairs the school's trade union (工会主席). Empty: the first union chair of the school.",
    )

    school_setup_done = fields.Boolean(
        string="School Set Up", readonly=True, copy=False,
        help="The school got what it needs to start (teams, checklists…) at its first login.",
    )

    school_guide_pending = fields.Boolean(
        string="First-Day Steps To Do", compute="_compute_school_guide_pending",
        search="_search_school_guide_pending",
        help="The school has no places, no classes, no staff, or no principal or logistics director yet.",
    )

    def _school_guide_pending_ids(self, company_ids):
        """The schools among ``company_ids`` that miss a first-day step, in one query."""
        if not company_ids:
            return set()
        self.env["res.company"].flush_model(["principal_user_id", "logistics_director_user_id"])
        for model in ("school.place", "school.class", "hr.employee"):
            self.env[model].flush_model(["company_id", "active"])
        self.env.cr.execute(
            SQL(
                """
                SELECT c.id FROM res_company c
                 WHERE c.id IN %(ids)s
                   AND (c.principal_user_id IS NULL OR c.logistics_director_user_id IS NULL
                        OR NOT EXISTS (SELECT 1 FROM school_place p WHERE p.company_id = c.id AND p.active)
                        OR NOT EXISTS (SELECT 1 FROM school_class k WHERE k.company_id = c.id AND k.active)
                        OR NOT EXISTS (SELECT 1 FROM hr_employee e WHERE e.company_id = c.id AND e.active))
                """,
                ids=tuple(company_ids),
            )
        )
        return {row[0] for row in self.env.cr.fetchall()}

    def _compute_school_guide_pending(self):
        pending = self._school_guide_pending_ids(self.ids)
        for company in self:
            company.school_guide_pending = company.id in pending

    def _search_school_guide_pending(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise ValidationError(_("Unsupported search on the first-day steps."))
        ids = self._school_guide_pending_ids(self.env.user.company_ids.ids)
        return [("id", "in" if (operator == "=") == value else "not in", list(ids))]

    def _school_setup_pending(self):
        """Set up the schools in ``self`` that are not yet: run at each login of their users.

        A new school (company) needs no step by hand: the first login of any of its users gives
        it its repair team, the district's checklists and the rest (``_school_setup``). The rows
        are locked first, so two first logins at once set the school up once.
        """
        pending = self.sudo().filtered(lambda company: not company.school_setup_done)
        if not pending:
            return
        self.env.cr.execute(
            SQL(
                "SELECT id FROM res_company WHERE id IN %s AND school_setup_done IS NOT TRUE FOR UPDATE",
                tuple(pending.ids),
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall()]
        if ids:
            pending.invalidate_recordset(["school_setup_done"])
            pending.browse(ids)._school_setup()

    @api.model
    def _school_mark_set_up(self):
        """The schools that exist when the suite is installed keep what they have."""
        self.sudo().search([]).school_setup_done = True

    def _school_setup(self):
        """Give each school what it needs to start, with no step by hand.

        Each addon adds its part (teams, checklists, categories…); school_base copies the
        checklists the suite ships. Run again, it adds only what a school still lacks.
        """
        self._school_copy_shipped("school.inspection.template", key="name")
        self.sudo().school_setup_done = True
        return True

    def _school_copy_shipped(self, model_name, key="name", domain=(), default=None):
        """Copy to each school in ``self`` the records of ``model_name`` shipped by the school
        addons (data or demo), which belong to the district's first school.

        A school that already has a record with the same ``key`` keeps its own. ``default`` is
        passed to ``copy`` (for example to clear a link to the first school's people).
        """
        Model = self.env[model_name].sudo().with_context(active_test=False)  # sudo: set-up of a new school
        shipped = self.env["ir.model.data"].sudo().search(
            [("module", "=like", "school\\_%"), ("model", "=", model_name)]
        )
        sources = Model.browse(shipped.mapped("res_id")).exists().filtered_domain(list(domain))
        copies = Model
        for company in self:
            existing = set(Model.search([("company_id", "=", company.id)]).mapped(key))
            for source in sources:
                if source.company_id != company and source[key] not in existing:
                    copies |= source.copy({**(default or {}), "company_id": company.id})
        return copies

    @api.constrains(*(f"{role}_user_id" for role in SCHOOL_PERSON_ROLES))
    def _check_school_persons(self):
        for company in self:
            for field_name in (f"{role}_user_id" for role in SCHOOL_PERSON_ROLES):
                user = company[field_name].sudo()  # sudo: read the user's companies to check them
                if user and (user.share or company not in user.company_ids):
                    role_label = self._fields[field_name]._description_string(self.env)
                    raise ValidationError(
                        _(
                            "%(user)s cannot be the %(role)s of %(school)s: choose an internal user "
                            "who works at this school.",
                            user=user.name,
                            role=role_label,
                            school=company.name,
                        )
                    )

    @api.model
    def _school_person_roles(self):
        """Role -> (xmlid of the role's group, role to fall back on when nobody holds it).

        Each domain addon adds the roles whose group it defines (override, call super()).
        The user set on the school comes first in any case (``<role>_user_id``).
        """
        return {
            "principal": ("school_base.group_school_principal", None),
            "logistics_director": ("school_base.group_school_logistics_manager", "principal"),
        }

    def _school_person(self, role):
        """The user in charge of ``role`` at this school (an empty recordset if nobody): see
        :meth:`_school_persons`."""
        self.ensure_one()
        return self._school_persons(role)[self]

    def _school_persons(self, role, _seen=()):
        """Map each school of ``self`` to the user in charge of ``role`` (empty if nobody).

        The user set on the school wins while they are an active internal user of that school.
        Otherwise it is the first (oldest) active internal user of the school who holds the
        role's group for itself, not only through a higher role (a logistics manager also holds
        the canteen manager's group); otherwise the person of the role it falls back on (see
        :meth:`_school_person_roles`). The technical accounts are left out.

        Batch-friendly: one search per role for all the schools of ``self``, so resolve the
        schools of a batch of records with one call.
        """
        field_name = f"{role}_user_id"
        if field_name not in self._fields:
            raise ValueError(f"Unknown school role {role!r}")
        no_user = self.env["res.users"]
        result = {}
        for company in self:
            user = company[field_name]
            user_sudo = user.sudo()  # sudo: check the user's companies, whoever asks
            valid = user and user_sudo.active and not user_sudo.share and company in user_sudo.company_ids
            result[company] = user if valid else no_user
        missing = self.filtered(lambda company: not result[company])
        if not missing:
            return result
        group_xmlid, fallback = self._school_person_roles().get(role, (None, None))
        group = self.env.ref(group_xmlid, raise_if_not_found=False) if group_xmlid else None
        if group:
            result.update(missing._school_role_holders(group))
            missing = missing.filtered(lambda company: not result[company])
        if fallback and missing and fallback not in _seen:
            result.update(missing._school_persons(fallback, _seen=(*_seen, role)))
        return result

    def _school_role_holders(self, group):
        """Map each school of ``self`` to the first active internal user of it holding ``group``
        for itself, not only through a group that implies it."""
        technical = (self.env.ref("base.user_root") | self.env.ref("base.user_admin")).ids
        # sudo: who holds a role is looked up for any user who triggers a reminder
        users = self.env["res.users"].sudo().search(
            [
                ("groups_id", "in", group.ids),
                ("share", "=", False),
                ("company_ids", "in", self.ids),
                ("id", "not in", technical),
            ],
            order="id",
        )
        plain = users.filtered(lambda user: group not in (user.groups_id - group).trans_implied_ids)
        result = {company: self.env["res.users"] for company in self}
        for user in plain:
            for company in self.filtered(lambda company, user=user: company in user.company_ids):
                if not result[company]:
                    result[company] = self.env["res.users"].browse(user.id)
        return result

    # ------------------------------------------------------------------
    # The school calendar (校历): which days the school works
    # ------------------------------------------------------------------
    # One helper answers every "is it a school day?" of the school addons (the dismissal board,
    # daily inspections, duty rosters, the meal accompaniment rota). It reads Odoo's own
    # calendar, so the HR side sees the same holidays:
    #
    # - the school's working hours (``resource_calendar_id``): the weekdays with attendances;
    # - its public holidays and school breaks: ``resource.calendar.leaves`` without a resource on
    #   that calendar (or on every calendar of the school), edited under 校历;
    # - its make-up school days (调休上班), ``school.calendar.makeup.day``: a weekend day the school
    #   works, with the timetable of the weekday it replaces. A calendar leave can only take time
    #   away, so these days are a small model of their own.

    def _school_calendar_tz(self):
        self.ensure_one()
        return pytz.timezone(self.partner_id.tz or DEFAULT_TZ)

    def _school_working_days(self, start, end):
        """The school days of ``self`` from ``start`` to ``end`` (dates, both included).

        :return: an ordered dict ``{day: weekday}``; the weekday (0 = Monday) is the timetable the
            school follows that day: the day's own, or on a make-up day the one it replaces.
        """
        self.ensure_one()
        if not start or not end or end < start:
            return {}
        tz = self._school_calendar_tz()
        worked = set()
        calendar = self.resource_calendar_id
        start_dt = tz.localize(datetime.combine(start, time.min))
        end_dt = tz.localize(datetime.combine(end + timedelta(days=1), time.min))
        if calendar:
            # the school's own holidays: a leave without a calendar is the whole school's
            domain = [("time_type", "=", "leave"), ("company_id", "=", self.id)]
            intervals = calendar.sudo()._work_intervals_batch(start_dt, end_dt, domain=domain, tz=tz)[False]
            worked = {interval_start.astimezone(tz).date() for interval_start, _stop, _rec in intervals}
        else:
            # no working hours: Monday to Friday, minus the school's holidays
            leaves = self.env["resource.calendar.leaves"].sudo().search([
                ("resource_id", "=", False), ("company_id", "=", self.id),
                ("calendar_id", "=", False), ("time_type", "=", "leave"),
                ("date_from", "<", end_dt.astimezone(pytz.utc).replace(tzinfo=None)),
                ("date_to", ">", start_dt.astimezone(pytz.utc).replace(tzinfo=None)),
            ])
            day = start
            while day <= end:
                noon = tz.localize(datetime.combine(day, time(12))).astimezone(pytz.utc).replace(tzinfo=None)
                if day.weekday() in DEFAULT_WEEKDAYS and not any(
                    leave.date_from <= noon <= leave.date_to for leave in leaves
                ):
                    worked.add(day)
                day += timedelta(days=1)
        days = {day: day.weekday() for day in worked if start <= day <= end}
        makeups = self.env["school.calendar.makeup.day"].sudo().search(
            [("company_id", "=", self.id), ("date", ">=", start), ("date", "<=", end)]
        )
        for makeup in makeups:
            days[makeup.date] = int(makeup.timetable_weekday)
        return dict(sorted(days.items()))

    def _school_is_working_day(self, day):
        """Whether the school works on ``day`` (a date in the school's time zone)."""
        self.ensure_one()
        return day in self._school_working_days(day, day)
