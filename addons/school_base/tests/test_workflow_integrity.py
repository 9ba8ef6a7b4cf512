import base64

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.school_base.models.school_workflow_mixin import workflow_step

from .common import SchoolBaseCommon

REFUSED = (UserError, AccessError, ValidationError)
PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestWorkflowMechanism(SchoolBaseCommon):
    """The side doors around an inspection's workflow and lock, tried as its inspector (staff)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.done = cls._new_inspection()
        cls._answer(cls.done, failing=("报警装置正常",))
        cls.done.with_user(cls.staff).with_context(tracking_disable=False, mail_notrack=False).action_done()
        cls.env.flush_all()
        cls.env.cr.precommit.run()  # tracking values are written at commit
        cls.open = cls._new_inspection()

    def test_state_and_steps_only_through_actions(self):
        inspection = self.open.with_user(self.staff)
        for vals in (
            {"state": "done"},
            {"done_user_id": self.principal.id},
            {"date_done": fields.Datetime.now()},
        ):
            with self.assertRaises(UserError):
                inspection.write(vals)
        self.assertEqual(self.open.state, "draft")
        self.assertFalse(self.open.done_user_id)

    def test_create_in_final_state_refused(self):
        Inspection = self.env["school.inspection"].with_user(self.staff)
        vals = {"template_id": self.template.id, "place_id": self.gate.id, "company_id": self.school.id}
        with self.assertRaises(UserError):
            Inspection.create(dict(vals, state="done", line_ids=[]))
        with self.assertRaises(UserError):
            Inspection.create(dict(vals, done_user_id=self.principal.id))
        # a context default does not reach a workflow field either
        created = Inspection.with_context(default_state="done").create(vals)
        self.assertEqual(created.state, "draft")
        # the honest create at the default value is fine
        self.assertEqual(Inspection.create(dict(vals, state="draft")).state, "draft")

    def test_copy_resets_workflow(self):
        copy = self.done.with_user(self.manager).copy()
        self.assertEqual(copy.state, "draft")
        self.assertFalse(copy.done_user_id)
        with self.assertRaises(UserError):
            self.done.with_user(self.manager).copy({"state": "done"})

    def test_locked_record_refuses_write_and_unlink(self):
        with self.assertRaises(UserError):
            self.done.with_user(self.staff).write({"note": "改一下"})
        with self.assertRaises(UserError):
            self.done.with_user(self.staff).unlink()
        self.assertTrue(self.done.exists())

    def test_child_line_cannot_move_into_locked_parent(self):
        line = self.open.line_ids[:1].with_user(self.staff)
        with self.assertRaises(UserError):
            line.write({"inspection_id": self.done.id})
        self.assertEqual(line.inspection_id, self.open)
        with self.assertRaises(UserError):
            self.env["school.inspection.line"].with_user(self.staff).create(
                {"inspection_id": self.done.id, "name": "补一条", "item_type": "check", "check_result": "pass"}
            )
        with self.assertRaises(UserError):
            self.done.line_ids[:1].with_user(self.staff).write({"check_result": "pass"})
        with self.assertRaises(UserError):
            self.done.line_ids[:1].with_user(self.staff).unlink()
        # and a line of a locked parent cannot be taken out of it either
        with self.assertRaises(UserError):
            self.done.line_ids[:1].with_user(self.staff).write({"inspection_id": self.open.id})

    def test_binary_field_attachment_is_no_side_door(self):
        failed = self.done.line_ids.filtered("is_failed")
        attachment = self.env["ir.attachment"].sudo().search(
            [("res_model", "=", failed._name), ("res_id", "=", failed.id), ("res_field", "=", "photo")]
        )
        self.assertTrue(attachment)
        before = failed.photo
        Attachment = self.env["ir.attachment"].with_user(self.staff)
        with self.assertRaises(AccessError):
            attachment.with_user(self.staff).write({"raw": PNG})
        with self.assertRaises(AccessError):
            attachment.with_user(self.staff).unlink()
        with self.assertRaises(AccessError):
            Attachment.create(
                {"name": "photo", "raw": PNG, "res_model": failed._name, "res_id": failed.id, "res_field": "photo"}
            )
        # nor on an open record: a field's file changes through the field only
        line = self.open.line_ids[:1]
        with self.assertRaises(AccessError):
            Attachment.create(
                {"name": "photo", "raw": PNG, "res_model": line._name, "res_id": line.id, "res_field": "photo"}
            )
        own = Attachment.create({"name": "mine.png", "raw": PNG})
        with self.assertRaises(AccessError):
            own.write({"res_model": line._name, "res_id": line.id, "res_field": "photo"})
        self.assertEqual(failed.photo, before)

    def test_chatter_is_an_audit_trail(self):
        state_field = self.env["ir.model.fields"]._get(self.done._name, "state")
        trail = self.done._message_log(
            body="已完成",
            tracking_value_ids=[(0, 0, {"field_id": state_field.id, "old_value_char": "待办", "new_value_char": "完成"})],
        )
        trail |= self.done._message_log(body="签字：巡查员")
        Message = self.env["mail.message"].with_user(self.manager)
        with self.assertRaises(AccessError):
            Message.browse(trail.ids).write({"body": "没有这回事"})
        with self.assertRaises(AccessError):
            Message.browse(trail.ids).unlink()
        self.assertTrue(trail.exists())
        # discussion goes on: people still post on a locked record
        self.done.with_user(self.manager).message_post(body="复查时再看一下", message_type="comment")

    def test_own_comment_on_open_record_stays_editable(self):
        message = self.open.with_user(self.staff).message_post(body="门口有积水", message_type="comment")
        message.with_user(self.staff).write({"body": "门口有积水，已放警示牌"})
        self.assertIn("警示牌", message.body)

    def test_action_opens_the_door_server_code_too(self):
        inspection = self._new_inspection()
        self._answer(inspection)
        inspection.with_user(self.staff).action_done()
        self.assertEqual(inspection.state, "done")
        with workflow_step():
            self.open.with_user(self.manager).write({"state": "cancel"})
        self.assertEqual(self.open.state, "cancel")

    def test_bad_values_get_a_clear_message(self):
        Inspection = self.env["school.inspection"].with_user(self.officer)
        vals = {"template_id": self.template.id, "place_id": self.gate.id, "company_id": self.school.id}
        for bad in (
            {"date_planned": "下周一"},
            {"template_id": "门卫"},
            {"place_id": 999999999},
            {"no_such_field": 1},
        ):
            with self.assertRaises(ValidationError, msg=bad):
                Inspection.create(dict(vals, **bad))
        line = self.open.line_ids.filtered(lambda line: line.item_type == "number")[:1].with_user(self.staff)
        with self.assertRaises(ValidationError):
            line.write({"value_number": "三十"})
        with self.assertRaises(ValidationError):
            line.write({"check_result": "maybe"})


@tagged("post_install", "-at_install")
class TestEveryWorkflowDeclared(SchoolBaseCommon):
    """Every school model with a workflow declares it, and every declared field is guarded.

    This is the repository-wide table (model, field, who): it is built from each model's
    ``_workflow_fields`` and from the access rights: "who" is the lowest group that may
    write on the model. A new ``school.*`` model with a ``state`` and no declaration fails.
    """

    def _school_models(self):
        return [
            self.env[name] for name in sorted(self.env.registry)
            if not self.env[name]._abstract and not self.env[name]._transient
            and (name.startswith("school.") or hasattr(self.env[name], "_get_workflow_fields"))
        ]

    def test_models_with_state_declare_their_workflow(self):
        undeclared = [
            model._name for model in self._school_models()
            if model._name.startswith("school.") and "state" in model._fields
            and model._fields["state"].store and not model._fields["state"].compute
            and not hasattr(model, "_get_workflow_fields")
        ]
        self.assertFalse(
            undeclared, f"These models have a state but do not inherit school.workflow.mixin: {undeclared}"
        )

    def _lowest_writer(self, model):
        """The group with write access on ``model`` that implies the fewest others."""
        access = self.env["ir.model.access"].sudo().search(
            [("model_id.model", "=", model._name), ("perm_write", "=", True), ("group_id", "!=", False)]
        )
        groups = access.group_id.filtered(lambda group: not group.share)
        if not groups:
            return self.env["res.groups"]
        return min(groups, key=lambda group: (len(group.trans_implied_ids), group.id))

    def _other_value(self, record, field):
        current = record[field.name]
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env) if key != current]
            return keys[-1] if keys else None
        if field.type == "many2one":
            other = self.env[field.comodel_name].sudo().search([("id", "!=", current.id)], limit=1)
            return other.id or None
        if field.type == "boolean":
            return not current
        if field.type in ("date", "datetime"):
            return fields.Date.to_string(fields.Date.today().replace(year=fields.Date.today().year + 1))
        if field.type in ("integer", "float", "monetary"):
            return (current or 0) + 7
        if field.type in ("char", "text", "html"):
            return "改过了"
        if field.type in ("binary", "image"):
            return base64.b64encode(PNG)
        return None

    def test_declared_fields_refused_outside_actions(self):
        """For every (model, workflow field), writing it as the lowest writer is refused."""
        table = []
        for model in self._school_models():
            if not hasattr(model, "_get_workflow_fields"):
                continue
            writer = self._lowest_writer(model)
            record = model.sudo().search([], limit=1)
            if not record:
                continue
            user = self.env["res.users"].with_context(no_reset_password=True).create({
                "name": f"wf {model._name}",
                "login": f"wf_{model._name}",
                "company_id": record.company_id.id if "company_id" in record._fields and record.company_id else self.school.id,
                "company_ids": [(4, (record.company_id.id if "company_id" in record._fields and record.company_id else self.school.id))],
                "groups_id": [(6, 0, (writer | self.env.ref("base.group_user")).ids)],
            })
            for fname in sorted(model._get_workflow_fields()):
                field = model._fields[fname]
                if not field.store or (field.compute and field.readonly):
                    continue
                value = self._other_value(record, field)
                if value is None:
                    continue
                table.append((model._name, fname, writer.full_name or "-"))
                before = record[fname]
                with self.subTest(model=model._name, field=fname, who=writer.full_name):
                    try:
                        with self.env.cr.savepoint():
                            record.with_user(user).write({fname: value})
                    except REFUSED:
                        refused = True
                    else:
                        refused = False
                    if not refused:
                        self.fail(f"{writer.full_name} wrote {model._name}.{fname} outside an action")
                    record.invalidate_recordset()
                    self.assertEqual(record[fname], before)
        self.assertTrue(table, "no guarded workflow field was tried")
