import base64
import io

import qrcode

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

PLACE_KINDS = [
    ("campus", "Campus"),
    ("building", "Building"),
    ("floor", "Floor"),
    ("gate", "Gate"),
    ("fire_point", "Fire Point"),
    ("toilet", "Toilet"),
    ("drinking_water", "Drinking Water"),
    ("power_room", "Power Room"),
    ("canteen", "Canteen"),
    ("playground", "Playground"),
    ("garage", "Garage"),
    ("construction", "Construction Area"),
    ("classroom", "Classroom"),
    ("office", "Office"),
    ("special_room", "Special Room"),
    ("dormitory", "Dormitory"),
    ("stairs", "Stairs"),
    ("other", "Other Area"),
]

PLACE_LEVELS = [
    ("campus", "Campus"),
    ("building", "Building"),
    ("floor", "Floor"),
    ("area", "Room / Area"),
]
LEVEL_RANK = {code: rank for rank, (code, _label) in enumerate(PLACE_LEVELS)}


class SchoolPlace(models.Model):
    _name = "school.place"
    _description = "School Place"
    _inherit = ["mail.thread"]
    _parent_store = True
    _rec_name = "complete_name"
    _order = "complete_name, id"

    name = fields.Char(required=True, translate=False, tracking=True)
    complete_name = fields.Char(
        compute="_compute_complete_name", recursive=True, store=True, index="trigram"
    )
    code = fields.Char(index=True, help="Short code painted on the door or the QR label.")
    level = fields.Selection(
        PLACE_LEVELS, required=True, default="area", tracking=True,
        help="Where the place sits in the campus → building → floor → room/area hierarchy.",
    )
    kind = fields.Selection(
        PLACE_KINDS, required=True, default="other", index=True, tracking=True,
        help="Key location kind; patrol templates and schedules are chosen by kind.",
    )
    parent_id = fields.Many2one(
        "school.place", string="Parent Place", index=True, ondelete="restrict",
        check_company=True, tracking=True,
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("school.place", "parent_id", string="Sub-places")
    child_count = fields.Integer(compute="_compute_child_count")
    responsible_employee_id = fields.Many2one(
        "hr.employee", string="Responsible", check_company=True, tracking=True,
        help="The person in charge of this place (室室有人管).",
    )
    responsible_user_id = fields.Many2one(
        related="responsible_employee_id.user_id", string="Responsible User", store=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    active = fields.Boolean(default=True)
    sequence = fields.Integer(default=10)
    note = fields.Html()
    inspection_count = fields.Integer(compute="_compute_inspection_count")
    qr_url = fields.Char(string="QR Link", compute="_compute_qr_url")
    qr_image = fields.Binary(string="QR Code", compute="_compute_qr_image")

    _sql_constraints = [
        (
            "code_company_uniq",
            "unique(code, company_id)",
            "A place code must be unique within a school.",
        ),
    ]

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for place in self:
            if place.parent_id:
                place.complete_name = f"{place.parent_id.complete_name} / {place.name}"
            else:
                place.complete_name = place.name

    def _compute_child_count(self):
        counts = dict(
            self.env["school.place"]._read_group(
                [("parent_id", "in", self.ids)], ["parent_id"], ["__count"]
            )
        )
        for place in self:
            place.child_count = counts.get(place, 0)

    def _compute_inspection_count(self):
        counts = dict(
            self.env["school.inspection"]._read_group(
                [("place_id", "in", self.ids)], ["place_id"], ["__count"]
            )
        )
        for place in self:
            place.inspection_count = counts.get(place, 0)

    def _compute_qr_url(self):
        for place in self:
            place.qr_url = place.id and f"{place.get_base_url()}{place._get_qr_path()}"

    def _compute_qr_image(self):
        for place in self:
            place.qr_image = place.qr_url and self._make_qr_png(place.qr_url)

    @api.constrains("parent_id")
    def _check_parent_recursion(self):
        if self._has_cycle():
            raise ValidationError(_("A place cannot be inside itself."))

    @api.constrains("parent_id", "level")
    def _check_level(self):
        levels = dict(self._fields["level"]._description_selection(self.env))
        for place in self.filtered("parent_id"):
            if LEVEL_RANK[place.parent_id.level] >= LEVEL_RANK[place.level]:
                raise ValidationError(
                    _(
                        "%(place)s (%(level)s) cannot be placed under %(parent)s (%(parent_level)s): "
                        "a place must sit under a larger one (campus → building → floor → room/area).",
                        place=place.name,
                        level=levels[place.level],
                        parent=place.parent_id.name,
                        parent_level=levels[place.parent_id.level],
                    )
                )

    def _get_qr_path(self):
        """Path encoded in the place's QR code; a later addon may point it elsewhere."""
        self.ensure_one()
        return f"/school/place/{self.id}"

    @api.model
    def _make_qr_png(self, value):
        image = qrcode.make(value, box_size=6, border=2)
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue())

    def action_open_children(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": _("Sub-places of %(place)s", place=self.name),
            "res_model": "school.place",
            "view_mode": "list,form",
            "domain": [("parent_id", "=", self.id)],
            "context": {"default_parent_id": self.id, "default_company_id": self.company_id.id},
        }

    def action_open_inspections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_base.school_inspection_action")
        action["domain"] = [("place_id", "child_of", self.id)]
        action["context"] = {"default_place_id": self.id}
        return action

    def action_start_inspection(self):
        """From the place's QR on a phone: open my inspection due here now, or start one."""
        self.ensure_one()
        now = fields.Datetime.now()
        due = self.env["school.inspection"].search(
            [
                ("place_id", "=", self.id),
                ("state", "=", "draft"),
                ("inspector_user_id", "in", (self.env.user.id, False)),
                ("date_planned", "<=", now),
            ],
            order="date_deadline asc, id asc",
            limit=1,
        )
        action = {
            "type": "ir.actions.act_window",
            "res_model": "school.inspection",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
        if due:
            action["res_id"] = due.id
            return action
        template = self.env["school.inspection.template"].search(
            [("place_kind", "in", (self.kind, False)), ("company_id", "=", self.company_id.id)],
            order="place_kind desc nulls last, sequence, id",
            limit=1,
        )
        action["context"] = {
            "default_place_id": self.id,
            "default_template_id": template.id,
            "default_company_id": self.company_id.id,
        }
        return action

    def action_print_qr_labels(self):
        return self.env.ref("school_base.action_report_school_place_qr_labels").report_action(self, config=False)

    def _get_qr_redirect_url(self):
        """Where the QR link lands after login (override point: a patrol addon may start a check)."""
        self.ensure_one()
        return f"/odoo/action-school_base.school_place_action/{self.id}"
