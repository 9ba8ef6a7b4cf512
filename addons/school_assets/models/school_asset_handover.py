from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.school_base.models.school_workflow_mixin import workflow_action

CONDITIONS = [
    ("good", "Good"),
    ("damaged", "Damaged"),
    ("missing", "Missing"),
]



class SchoolAssetHandover(models.Model):
    """班级财产保管: a room's property handed over to its class or custodian for a term."""

    _name = "school.asset.handover"
    _description = "Room Property Handover"
    _lock_states = ("signed",)
    _inherit = [
        "school.reference.mixin", "school.lock.mixin", "mail.thread", "mail.activity.mixin", "school.workflow.mixin",
    ]
    _order = "term_id desc, place_id, id"
    _check_company_auto = True
    _workflow_fields = ("signed_by", "date_signed")

    term_id = fields.Many2one(
        "school.term", required=True, index=True, check_company=True, tracking=True,
        default=lambda self: self.env["school.term"]._get_current(),
    )
    place_id = fields.Many2one(
        "school.place", string="Room", required=True, index=True, check_company=True, tracking=True,
        domain="[('level', '=', 'area')]",
    )
    class_id = fields.Many2one(
        "school.class", index="btree_not_null", check_company=True, tracking=True,
        domain="[('term_id', '=', term_id)]",
        help="The class that keeps the room; leave empty for an office or special room.",
    )
    custodian_employee_id = fields.Many2one(
        "hr.employee", string="Custodian", check_company=True, tracking=True,
        compute="_compute_custodian_employee_id", store=True, readonly=False, precompute=True,
        help="The head teacher of the class, or the person in charge of the room.",
    )
    custodian_user_id = fields.Many2one(
        related="custodian_employee_id.user_id", string="Custodian User", store=True, index="btree_not_null"
    )
    line_ids = fields.One2many("school.asset.handover.line", "handover_id", string="Items", copy=True)
    desk_agreement = fields.Boolean(
        string="Desk and Chair Agreement",
        help="The class accepts the desk and chair use and care agreement (课桌椅使用维护协议) "
        "together with the handover: the class keeps its desks and chairs in good order and "
        "whoever damages them pays for the repair.",
    )
    signature = fields.Binary(copy=False, attachment=True)
    signed_by = fields.Char(readonly=True, copy=False)
    date_signed = fields.Datetime(string="Signed On", readonly=True, copy=False, tracking=True)
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed")],
        required=True, default="draft", tracking=True, copy=False, index=True,
    )
    damage_ids = fields.One2many("school.asset.damage", "handover_id", string="Damage Records")
    damage_count = fields.Integer(compute="_compute_damage_count")
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )

    _sql_constraints = [
        (
            "place_term_uniq",
            "unique(place_id, term_id)",
            "A room is handed over only once per term.",
        ),
    ]

    @api.depends("class_id", "place_id")
    def _compute_custodian_employee_id(self):
        for handover in self:
            handover.custodian_employee_id = (
                handover.class_id.head_teacher_id
                or handover.place_id.responsible_employee_id
                or handover.custodian_employee_id
            )

    def _compute_damage_count(self):
        counts = dict(
            self.env["school.asset.damage"]._read_group(
                [("handover_id", "in", self.ids)], ["handover_id"], ["__count"]
            )
        )
        for handover in self:
            handover.damage_count = counts.get(handover, 0)


    @api.onchange("place_id")
    def _onchange_place_id(self):
        if self.place_id and not self.class_id:
            self.class_id = self.env["school.class"].search(
                [("home_place_id", "=", self.place_id.id), ("term_id", "=", self.term_id.id)], limit=1
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_signed(self):
        if any(handover.state == "signed" for handover in self):
            raise UserError(_("A signed handover is a record of the school and cannot be deleted."))

    def write(self, vals):
        # the custodian is the person who must sign (and follows the room and the class):
        # nobody names themselves
        header = {"custodian_employee_id", "class_id", "place_id", "term_id", "company_id"}
        if (
            header.intersection(vals)
            and not self.env.su
            and not self.env.user.has_group("school_assets.group_assets_manager")
            and any(
                not self._same_value(self._fields[fname], handover, vals[fname])
                for handover in self
                for fname in header.intersection(vals)
            )
        ):
            raise UserError(_("Only the asset manager chooses the custodian who signs a handover."))
        return super().write(vals)

    def _get_default_room_items(self):
        """Countable furniture and fittings handed over besides the registered assets."""
        return [
            self.env._("Desks"),
            self.env._("Chairs"),
            self.env._("Doors"),
            self.env._("Windows"),
            self.env._("Window Handles"),
            self.env._("Lamps"),
        ]

    def action_load_items(self):
        """Fill the lines with the room's registered assets and its countable furniture."""
        Equipment = self.env["maintenance.equipment"]
        for handover in self:
            handover._check_unlocked()
            present = handover.line_ids.equipment_id
            assets = Equipment.search(
                [
                    ("school_place_id", "=", handover.place_id.id),
                    ("asset_state", "not in", ("disposed", "to_dispose")),
                    ("id", "not in", present.ids),
                ]
            )
            names = set(handover.line_ids.mapped("name"))
            commands = [
                (0, 0, {
                    "equipment_id": asset.id,
                    "name": asset.name,
                    "expected_qty": asset.asset_quantity,
                    "counted_qty": asset.asset_quantity,
                })
                for asset in assets
            ]
            commands += [
                (0, 0, {"name": name, "expected_qty": 0, "counted_qty": 0})
                for name in self._get_default_room_items()
                if name not in names
            ]
            handover.write({"line_ids": commands})
        return True

    @workflow_action
    def action_sign(self):
        """The custodian signs: the handover becomes the school's record and is locked.

        The custodian signs on their own login, or draws the signature in person on the
        asset manager's device (logged in the chatter).
        """
        for handover in self:
            if handover.state != "draft":
                raise UserError(_("Handover %(name)s is already signed.", name=handover.name))
            if not handover.signature:
                raise UserError(
                    _("The custodian draws a signature before signing handover %(name)s.", name=handover.name)
                )
            if not handover.custodian_employee_id:
                raise UserError(_("Handover %(name)s: choose the custodian who signs.", name=handover.name))
            if not handover.line_ids:
                raise UserError(_("Handover %(name)s lists no items.", name=handover.name))
            handover._school_sign(
                "custodian_employee_id",
                {
                    "state": "signed",
                    "signed_by": handover.custodian_employee_id.name,
                    "date_signed": fields.Datetime.now(),
                },
                in_person=True,
                witness_groups=("school_assets.group_assets_manager",),
            )
        # the signed paper is kept as a PDF (the report's attachment)
        self.env.ref("school_assets.action_report_school_asset_custody_sheet")._school_keep_signed_paper(self)
        return True

    @workflow_action
    def action_reset_draft(self):
        self._check_user_in(
            "school_assets.group_assets_manager", _("Only the asset manager can reopen a signed handover.")
        )
        self._check_state(("signed",), _("reopened"))
        # sudo: the signed handover is locked; the asset manager reopens it, which the chatter records
        self.sudo().write({"state": "draft", "signature": False, "signed_by": False, "date_signed": False})
        for handover in self:
            handover.message_post(
                body=_("Reopened by %(user)s: the signature was taken back.", user=self.env.user.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_open_damages(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("school_assets.school_asset_damage_action")
        action["domain"] = [("handover_id", "=", self.id)]
        action["context"] = {
            "default_handover_id": self.id,
            "default_place_id": self.place_id.id,
            "default_class_id": self.class_id.id,
            "default_term_id": self.term_id.id,
        }
        return action

    def action_print_custody_sheet(self):
        return self.env.ref("school_assets.action_report_school_asset_custody_sheet").report_action(self)


class SchoolAssetHandoverLine(models.Model):
    _name = "school.asset.handover.line"
    _description = "Room Property Handover Item"
    _inherit = ["school.lock.mixin"]
    _order = "handover_id, sequence, id"
    _lock_parent_field = "handover_id"
    _lock_editable_fields = ("damage_id",)

    handover_id = fields.Many2one(
        "school.asset.handover", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    equipment_id = fields.Many2one("maintenance.equipment", string="Asset", index="btree_not_null")
    name = fields.Char(string="Item", required=True)
    expected_qty = fields.Integer(string="Expected")
    counted_qty = fields.Integer(string="Counted")
    difference = fields.Integer(compute="_compute_difference", store=True)
    condition = fields.Selection(CONDITIONS, required=True, default="good")
    note = fields.Char(string="Remark")
    damage_id = fields.Many2one("school.asset.damage", string="Damage Record", readonly=True, copy=False)
    company_id = fields.Many2one(related="handover_id.company_id", store=True, index=True)

    @api.depends("expected_qty", "counted_qty")
    def _compute_difference(self):
        for line in self:
            line.difference = line.counted_qty - line.expected_qty

    @api.constrains("expected_qty", "counted_qty")
    def _check_quantities(self):
        if any(line.expected_qty < 0 or line.counted_qty < 0 for line in self):
            raise ValidationError(_("Quantities cannot be negative."))

    def action_create_damage(self):
        """A damaged or missing item becomes a damage record of the class."""
        self.ensure_one()
        if self.condition == "good" and self.difference >= 0:
            raise UserError(_("Item %(item)s is in good order.", item=self.name))
        if not self.damage_id:
            handover = self.handover_id
            self.damage_id = self.env["school.asset.damage"].create({
                "handover_id": handover.id,
                "term_id": handover.term_id.id,
                "place_id": handover.place_id.id,
                "class_id": handover.class_id.id,
                "equipment_id": self.equipment_id.id,
                "item_name": self.name,
                "quantity": max(-self.difference, 1),
                "description": self.note or dict(CONDITIONS)[self.condition],
                "company_id": handover.company_id.id,
            })
        return {
            "type": "ir.actions.act_window",
            "res_model": "school.asset.damage",
            "res_id": self.damage_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }
