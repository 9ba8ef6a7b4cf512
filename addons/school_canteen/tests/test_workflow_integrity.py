"""Issue 11: the canteen's rules hold through the ORM (the JSON-RPC API), not only on the buttons.

Each side door is tried as the lowest role that has write access on the model, through the
same calls the API makes: ``create``/``write``/``unlink``, context defaults, ``ir.attachment``
records of binary fields and ``mail.message`` records of the chatter. Each test asserts the
refusal and that the record did not change, then that the honest path still works.
"""

import base64
from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common_acceptance import CanteenAcceptanceCommon
from .common_canteen_daily import CanteenDailyCommon

# AccessError and ValidationError are UserErrors (Odoo's assertRaises takes no tuple)
REFUSED = UserError
TRACKING = {"tracking_disable": False, "mail_notrack": False, "mail_create_nolog": False}


class WorkflowSideDoorMixin:
    """Helpers shared by the two test classes."""

    def assertRefusedWrite(self, record, user, vals):
        """``user`` writing ``vals`` on ``record`` is refused and the record keeps its values."""
        before = record.sudo().read(list(vals))[0]
        with self.assertRaises(REFUSED, msg=f"{record._name} {list(vals)} by {user.login}"):
            record.with_user(user).write(vals)
        record.invalidate_recordset()
        self.assertEqual(record.sudo().read(list(vals))[0], before, f"{record._name} changed")

    def assertEscalationMarkersClosed(self, record, user):
        """Nobody marks a reminder as done by hand: the markers are written by the runner only."""
        Done = self.env["school.escalation.done"].with_user(user)
        with self.assertRaises(AccessError):
            Done.create({"res_model": record._name, "res_id": record.id, "step": "x", "due": "2099-12-31 00:00:00"})
        with self.assertRaises(AccessError):
            Done.search([])

    def assertRefusedCreate(self, model, user, vals):
        count = self.env[model].sudo().search_count([])
        with self.assertRaises(REFUSED, msg=f"{model} created by {user.login} with {list(vals)}"):
            self.env[model].with_user(user).create(vals)
        self.assertEqual(self.env[model].sudo().search_count([]), count, f"a {model} was half-saved")

    def _flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit

    def _trail_messages(self, record):
        """The messages that record what happened: tracking, notifications, logged steps."""
        self._flush_tracking()
        return self.env["mail.message"].sudo().search(
            [("model", "=", record._name), ("res_id", "=", record.id), ("message_type", "!=", "comment")]
        )

    def assertChatterFrozen(self, record, user):
        """The audit trail of ``record`` (tracking, notifications) can be neither rewritten nor deleted by ``user``."""
        messages = self._trail_messages(record)
        self.assertTrue(messages, f"{record._name} has an audit trail")
        for message in messages:
            body = message.body
            with self.assertRaises(REFUSED):
                message.with_user(user).write({"body": "<p>rewritten</p>"})
            with self.assertRaises(REFUSED):
                message.with_user(user).unlink()
            self.assertTrue(message.exists())
            self.assertEqual(message.body, body)


@tagged("post_install", "-at_install")
class TestCanteenWorkflowIntegrityReceipts(WorkflowSideDoorMixin, CanteenAcceptanceCommon):
    """Incidents, acceptance of receipts, residue tests, meal fees, committee meetings, suppliers."""

    def _incident(self, user=None, **vals):
        return self.env["school.canteen.incident"].with_user(user or self.cook).with_context(**TRACKING).create({
            "description": "二年级午餐后8名学生腹痛", "affected_count": 8,
            "date_discovered": datetime(2026, 10, 12, 5, 0), "company_id": self.school.id, **vals,
        })

    # ------------------------------------------------------------------
    # food-safety incident
    # ------------------------------------------------------------------
    def test_incident_cannot_be_closed_unreported(self):
        """The issue's example: canteen staff cannot close an incident never reported to the bureau."""
        incident = self._incident()
        side_doors = [
            {"state": "closed"},
            {"state": "reported"},
            {"date_reported": "2026-10-12 06:00:00"},
            {"reported_by_user_id": self.principal.id},
            {"date_closed": "2026-10-12 09:00:00"},
            {"date_escalated": "2026-10-12 09:00:00"},
            {"date_discovered": "2027-10-12 05:00:00"},  # would push the report deadline a year ahead
        ]
        for vals in side_doors:
            self.assertRefusedWrite(incident, self.cook, vals)
        self.assertEqual(incident.report_deadline, datetime(2026, 10, 12, 7, 0))
        for vals in ({"state": "closed"}, {"state": "reported"}, {"reported_by_user_id": self.principal.id}):
            self.assertRefusedCreate("school.canteen.incident", self.cook, {"description": "伪造", **vals})
        made = self.env["school.canteen.incident"].with_user(self.cook).with_context(
            default_state="closed", default_date_closed="2026-10-12 09:00:00").create({"description": "上下文"})
        self.assertEqual((made.state, made.date_closed), ("open", False), "context defaults reach no workflow field")
        with self.assertRaisesRegex(UserError, "Report the incident"):
            incident.with_user(self.canteen_manager).action_close()
        # the discovery time may move earlier (a stricter deadline), never later
        incident.with_user(self.cook).date_discovered = datetime(2026, 10, 12, 4, 30)
        self.assertEqual(incident.report_deadline, datetime(2026, 10, 12, 6, 30))
        # staff record; only the canteen manager closes
        incident.with_user(self.cook).action_report()
        self.assertRefusedWrite(incident, self.cook, {"date_discovered": "2026-10-12 04:00:00"})
        incident.with_user(self.cook).conclusion = "凉拌菜交叉污染"
        with self.assertRaises(UserError):
            incident.with_user(self.cook).action_close()
        self.assertEqual(incident.state, "reported")
        self.assertEqual(incident.reported_by_user_id, self.cook)
        incident.with_user(self.canteen_manager).action_close()
        self.assertEqual(incident.state, "closed")

    def test_incident_timeline_and_chatter_frozen(self):
        """The timeline steps of the actions, and a closed incident, cannot be rewritten or extended."""
        incident = self._incident()
        incident.with_user(self.cook).action_report()
        Action = self.env["school.canteen.incident.action"]
        reported = incident.action_ids.filtered(lambda a: "Reported" in a.name)
        self.assertTrue(reported.is_automatic)
        self.assertRefusedWrite(reported, self.cook, {"name": "未上报"})
        self.assertRefusedWrite(reported, self.canteen_manager, {"date": "2026-10-12 05:01:00"})
        with self.assertRaises(REFUSED):
            reported.with_user(self.canteen_manager).unlink()
        self.assertTrue(reported.exists())
        # nobody writes an entry in someone else's name
        self.assertRefusedCreate("school.canteen.incident.action", self.cook, {
            "incident_id": incident.id, "name": "校长已到场", "user_id": self.principal.id,
        })
        self.assertRefusedCreate("school.canteen.incident.action", self.cook, {
            "incident_id": incident.id, "name": "系统", "is_automatic": True,
        })
        own = Action.with_user(self.cook).create({"incident_id": incident.id, "name": "封存留样"})
        self.assertEqual(own.user_id, self.cook)
        self.assertRefusedWrite(own, self.cook2, {"name": "改写"})
        own.with_user(self.cook).name = "封存当餐留样"
        incident.with_user(self.canteen_manager).write({"conclusion": "原因已查明"})
        incident.with_user(self.canteen_manager).action_close()
        # closed: locked, its timeline too, and its chatter trail
        self.assertRefusedWrite(incident, self.canteen_manager, {"conclusion": "改写"})
        self.assertRefusedWrite(own, self.cook, {"name": "再改"})
        self.assertRefusedCreate("school.canteen.incident.action", self.cook, {"incident_id": incident.id, "name": "补"})
        other = self._incident(description="另一事件")
        self.assertRefusedWrite(own, self.cook, {"incident_id": other.id})
        self.assertChatterFrozen(incident, self.canteen_manager)
        with self.assertRaises(REFUSED):
            incident.with_user(self.canteen_manager).unlink()
        self.assertTrue(incident.exists())
        # nor is an unreported one made to disappear
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            other.with_user(self.canteen_manager).unlink()
        self.assertTrue(other.exists())

    def test_incident_escalation_flag_only_from_cron(self):
        """The "escalated" marker is set by the cron only; staff cannot pre-set it to dodge the escalation."""
        incident = self._incident()
        self.assertRefusedWrite(incident, self.cook, {"date_escalated": "2026-10-12 06:00:00"})
        with freeze_time("2026-10-12 08:00:00"):
            self.assertEqual(self.env["school.canteen.incident"]._cron_run_escalations(), incident)
        self.assertTrue(incident.date_escalated)

    # ------------------------------------------------------------------
    # acceptance of receipt lines
    # ------------------------------------------------------------------
    def test_acceptance_only_through_the_checks(self):
        """A line is accepted only by the action that checks it; a decision stands until the manager reopens it."""
        picking = self._receipt([(self.pork, 10), (self.rice, 20)])
        pork = picking.move_ids.filtered(lambda m: m.product_id == self.pork)
        rice = picking.move_ids.filtered(lambda m: m.product_id == self.rice)
        # warm pork, no certificate: writing "accepted" skips every check
        self.assertRefusedWrite(pork, self.cook, {"canteen_acceptance": "accepted"})
        self.assertRefusedWrite(picking, self.cook, {"move_ids": [(1, pork.id, {"canteen_acceptance": "accepted"})]})
        with self.assertRaises(REFUSED):
            self.env["stock.move"].with_user(self.cook).create({
                "name": "冒充", "product_id": self.rice.id, "product_uom_qty": 1, "product_uom": self.rice.uom_id.id,
                "location_id": picking.location_id.id, "location_dest_id": picking.location_dest_id.id,
                "picking_id": picking.id, "canteen_acceptance": "accepted",
            })
        with self.assertRaisesRegex(UserError, "why"):
            pork.with_user(self.cook).action_canteen_reject()
        pork.with_user(self.cook).write({"canteen_reject_reason": "到货温度 2 ℃"})
        pork.with_user(self.cook).action_canteen_reject()
        self.assertEqual(pork.canteen_acceptance, "rejected")
        pork.with_user(self.cook).write(self._good(pork))
        with self.assertRaisesRegex(UserError, "already accepted or rejected"):
            pork.with_user(self.cook).action_canteen_accept()
        with self.assertRaises(UserError):
            pork.with_user(self.cook).action_canteen_reset()
        pork.with_user(self.canteen_manager).action_canteen_reset()
        pork.with_user(self.cook).action_canteen_accept()
        self.assertEqual(pork.canteen_acceptance, "accepted")
        rice.with_user(self.cook).write(self._good(rice))
        rice.with_user(self.cook).action_canteen_accept()
        self._witnessed(picking)
        picking.with_user(self.cook).button_validate()
        self.assertEqual(picking.state, "done")
        # validated: what was checked at the door is a record
        self.assertRefusedWrite(rice, self.cook, {"canteen_sensory_result": "fail"})
        self.assertRefusedWrite(rice, self.canteen_manager, {"canteen_temperature": 30})
        with self.assertRaises(UserError):
            rice.with_user(self.canteen_manager).action_canteen_reset()
        self.assertEqual(rice.canteen_acceptance, "accepted")

    def test_acceptor_and_witness_sign_themselves(self):
        """Acceptor and witness are two people, each signing on their own login; nobody writes them in."""
        picking = self._receipt([(self.rice, 20)])
        for vals in (
            {"canteen_acceptor_user_id": self.cook.id},
            {"canteen_witness_user_id": self.cook2.id},
            {"canteen_acceptor_user_id": self.cook.id, "canteen_witness_user_id": self.cook2.id},
        ):
            self.assertRefusedWrite(picking, self.cook, vals)
        with self.assertRaises(REFUSED):
            self._receipt([(self.rice, 1)], canteen_acceptor_user_id=self.cook.id, canteen_witness_user_id=self.cook2.id)
        defaults = self.env["stock.picking"].with_user(self.cook).with_context(
            canteen_receipt=True, default_canteen_acceptor_user_id=self.cook.id,
            default_canteen_witness_user_id=self.cook2.id,
        ).default_get(["canteen_acceptor_user_id", "canteen_witness_user_id", "picking_type_id"])
        self.assertFalse(defaults.get("canteen_acceptor_user_id") or defaults.get("canteen_witness_user_id"))
        with self.assertRaisesRegex(UserError, "signs first"):
            picking.with_user(self.cook2).action_canteen_sign_witness()
        picking.with_user(self.cook).action_canteen_sign_acceptor()
        with self.assertRaisesRegex(UserError, "someone else"):
            picking.with_user(self.cook).action_canteen_sign_witness()
        with self.assertRaisesRegex(UserError, "already signed"):
            picking.with_user(self.cook2).action_canteen_sign_acceptor()
        picking.with_user(self.cook2).action_canteen_sign_witness()
        self.assertEqual((picking.canteen_acceptor_user_id, picking.canteen_witness_user_id), (self.cook, self.cook2))
        self.assertRefusedWrite(picking, self.canteen_manager, {"canteen_witness_user_id": self.canteen_manager.id})
        with self.assertRaises(UserError):
            picking.with_user(self.cook).action_canteen_reset_signatures()
        picking.with_user(self.canteen_manager).action_canteen_reset_signatures()
        self.assertFalse(picking.canteen_acceptor_user_id | picking.canteen_witness_user_id)

    # ------------------------------------------------------------------
    # residue tests
    # ------------------------------------------------------------------
    def test_residue_test_threshold_and_result_frozen(self):
        """A tester neither chooses the failing rate nor rewrites a result; the canteen manager corrects."""
        move = self._receipt([(self.cabbage, 30)]).move_ids
        self.assertRefusedCreate("school.canteen.residue.test", self.cook, {
            "move_id": move.id, "method": "enzyme", "inhibition_rate": 62, "threshold": 90,
            "company_id": self.school.id,
        })
        test = self._residue(move, 62)
        self.assertEqual((test.threshold, test.result, move.canteen_acceptance), (50, "fail", "rejected"))
        self.assertRefusedWrite(test, self.cook, {"inhibition_rate": 12})
        self.assertRefusedWrite(test, self.cook, {"threshold": 90})
        self.assertRefusedWrite(test, self.canteen_manager, {"threshold": 90})
        test.with_user(self.cook).note = "复检样品已留存"
        test.with_user(self.canteen_manager).inhibition_rate = 55
        self.assertEqual(test.result, "fail")
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            test.with_user(self.canteen_manager).unlink()
        self.assertTrue(test.exists())

    # ------------------------------------------------------------------
    # meal fees and committee meetings
    # ------------------------------------------------------------------
    def _fee(self, user=None, **vals):
        return self.env["school.canteen.meal.fee"].with_user(user or self.canteen_manager).create({
            "meal_type": "lunch", "amount": 12, "date_from": "2026-09-01", "company_id": self.school.id, **vals,
        })

    def test_meal_fee_approved_by_the_principal_only(self):
        """The canteen manager cannot write in the principal's approval, nor approve their own standard."""
        self.assertRefusedCreate("school.canteen.meal.fee", self.canteen_manager, {
            "meal_type": "lunch", "amount": 12, "date_from": "2026-09-01", "approved_by_user_id": self.principal.id,
        })
        fee = self._fee()
        self.assertRefusedWrite(fee, self.canteen_manager, {"approved_by_user_id": self.principal.id})
        self.assertRefusedWrite(fee, self.canteen_manager, {"date_to": "2026-12-31"})
        with self.assertRaises(UserError):
            fee.with_user(self.canteen_manager).action_approve()
        own = self._fee(user=self.principal, meal_type="dinner")
        with self.assertRaisesRegex(UserError, "someone else"):
            own.with_user(self.principal).action_approve()
        self.assertFalse(own.approved_by_user_id)
        fee.with_user(self.principal).action_approve()
        self.assertEqual(fee.approved_by_user_id, self.principal)
        self.assertRefusedWrite(fee, self.canteen_manager, {"amount": 20})
        with self.assertRaises(REFUSED):
            fee.with_user(self.canteen_manager).unlink()
        # a newer standard ends the approved one once approved itself, not before
        newer = self._fee(amount=13.5, date_from="2027-02-20")
        self.assertFalse(fee.date_to)
        newer.with_user(self.principal).action_approve()
        self.assertEqual(str(fee.date_to), "2027-02-19")

    def test_meeting_minutes_frozen(self):
        """A held meeting with its minutes is locked; the minutes file is not swapped through ir.attachment."""
        Meeting = self.env["school.canteen.committee.meeting"].with_user(self.canteen_manager)
        self.assertRefusedCreate("school.canteen.committee.meeting", self.canteen_manager,
                                 {"name": "期末会议", "state": "held"})
        meeting = Meeting.create({"name": "期初食堂管理委员会会议", "company_id": self.school.id})
        self.assertRefusedWrite(meeting, self.canteen_manager, {"state": "held"})
        minutes = base64.b64encode(b"%PDF-1.4 minutes signed by the committee")
        meeting.write({"minutes": minutes, "minutes_filename": "纪要.pdf", "decisions": "<p>午餐13.5元</p>"})
        with self.assertRaises(UserError):
            meeting.with_user(self.cook).action_held()
        meeting.action_held()
        self.assertEqual(meeting.state, "held")
        self.assertRefusedWrite(meeting, self.canteen_manager, {"minutes": base64.b64encode(b"forged")})
        self.assertRefusedWrite(meeting, self.canteen_manager, {"decisions": "<p>改写</p>"})
        Attachment = self.env["ir.attachment"].with_user(self.canteen_manager)
        attachment = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", meeting._name), ("res_id", "=", meeting.id), ("res_field", "=", "minutes"),
        ])
        self.assertEqual(len(attachment), 1)
        with self.assertRaises(AccessError):
            attachment.with_user(self.canteen_manager).write({"datas": base64.b64encode(b"forged")})
        with self.assertRaises(AccessError):
            attachment.with_user(self.canteen_manager).unlink()
        with self.assertRaises(AccessError):
            Attachment.create({
                "name": "纪要.pdf", "res_model": meeting._name, "res_id": meeting.id, "res_field": "minutes",
                "datas": base64.b64encode(b"forged"),
            })
        self.assertEqual(meeting.minutes, minutes)
        with self.assertRaises(REFUSED):
            meeting.with_user(self.canteen_manager).unlink()

    def test_supplier_warning_markers_only_from_cron(self):
        """The "already warned" markers of the licence cron are not written by hand to silence it."""
        self.assertTrue(self.canteen_manager.has_group("base.group_partner_manager"))
        self.assertRefusedWrite(self.supplier, self.canteen_manager, {"food_licence_warn_date": "2099-12-31"})
        self.assertRefusedWrite(self.supplier, self.canteen_manager, {"business_licence_warn_date": "2099-12-31"})
        self.assertEscalationMarkersClosed(self.supplier, self.canteen_manager)
        self.supplier.with_user(self.canteen_manager).food_licence_number = "JY13204120099999"


class TestCanteenWorkflowIntegrityDaily(WorkflowSideDoorMixin, CanteenDailyCommon):
    """Samples, health data, accompaniment logs and problems, monthly assessments."""

    def test_sample_discard_only_after_48_hours(self):
        """Staff cannot write a discard, nor shorten the keeping; a discarded sample is locked."""
        sample = self._sample()
        for vals in (
            {"discard_datetime": "2026-11-12 04:00:00"},
            {"discarder_employee_id": self.helper.id},
            {"state": "discarded"},
            {"keep_hours": 24},
            {"sample_datetime": "2026-11-10 00:00:00"},  # earlier sampling: discarded sooner
        ):
            self.assertRefusedWrite(sample, self.cook_user, vals)
        self.assertRefusedCreate("school.canteen.sample", self.cook_user, {
            "menu_line_id": self.line_greens.id, "weight": 150, "fridge_id": self.fridge.id,
            "sample_datetime": "2026-11-10 03:30:00", "discard_datetime": "2026-11-12 04:00:00",
        })
        # a longer keeping is fine
        sample.with_user(self.cook_user).keep_hours = 72
        with freeze_time("2026-11-12 04:00:00"), self.assertRaises(UserError):
            sample.with_user(self.cook_user).action_discard()
        with freeze_time("2026-11-13 04:00:00"):
            sample.with_user(self.cook_user).action_discard()
        self.assertEqual((sample.state, sample.discarder_employee_id), ("discarded", self.cook))
        self.assertRefusedWrite(sample, self.cook_user, {"weight": 200})
        self.assertRefusedWrite(sample, self.canteen_manager, {"discard_datetime": False})
        with self.assertRaises(REFUSED):
            sample.with_user(self.canteen_manager).unlink()
        self.assertTrue(sample.exists())

    def test_health_data_stays_with_the_canteen_manager(self):
        """Morning checks are read by the managers, their checker and the employee; nobody forges the checker."""
        Check = self.env["school.canteen.morning.check"]
        today = fields.Date.context_today(Check.with_user(self.cook_user))
        self.assertRefusedCreate("school.canteen.morning.check", self.cook_user, {
            "date": today, "employee_id": self.helper.id, "temperature": 36.5,
            "checker_user_id": self.canteen_manager.id,
        })
        check = Check.with_user(self.cook_user).with_context(**TRACKING).create({
            "date": today, "employee_id": self.helper.id, "temperature": 36.5,
        })
        self.assertEqual(check.checker_user_id, self.cook_user)
        check.with_user(self.cook_user).with_context(**TRACKING).write({"diarrhoea": True})
        self.assertEqual(check.result, "fail")
        # a failed check cannot be turned into a passed one by the staff (it keeps the worker off the shift)
        self.assertRefusedWrite(check, self.cook_user, {"diarrhoea": False})
        self.assertRefusedWrite(check, self.cook_user, {"checker_user_id": self.canteen_manager.id})
        check.with_user(self.cook_user).note = "已安排回家休息"
        # another canteen worker sees neither the check nor its tracked symptoms
        colleague = self.env["res.users"].create({
            "name": "赵师傅", "login": "t_canteen_colleague", "company_id": self.school.id,
            "company_ids": [(6, 0, self.school.ids)],
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id,
                                  self.env.ref("school_canteen.group_canteen_staff").id])],
        })
        self.assertFalse(Check.with_user(colleague).search([("id", "=", check.id)]))
        with self.assertRaises(AccessError):
            check.with_user(colleague).read(["diarrhoea", "result"])
        tracked = self._trail_messages(check)
        self.assertTrue(tracked)
        self.assertFalse(self.env["mail.message"].with_user(colleague).search([("id", "in", tracked.ids)]))
        with self.assertRaises(AccessError):
            tracked.with_user(colleague).read(["body"])
        self.assertChatterFrozen(check, self.cook_user)
        # the canteen manager reads and corrects it
        self.assertIn(check, Check.with_user(self.canteen_manager).search([]))
        check.with_user(self.canteen_manager).diarrhoea = False
        self.assertEqual(check.result, "pass")

    def test_certificate_reminder_marker_only_from_cron(self):
        """The cron's reminder marker is not written by hand; the scan is changed on the certificate only."""
        self.assertRefusedWrite(self.helper_cert, self.canteen_manager, {"date_remind": "2026-11-30"})
        self.assertEscalationMarkersClosed(self.helper_cert, self.canteen_manager)
        scan = base64.b64encode(b"%PDF-1.4 health certificate")
        self.helper_cert.with_user(self.canteen_manager).write({"scan": scan, "scan_filename": "jk.pdf"})
        with self.assertRaises(AccessError):
            self.env["ir.attachment"].with_user(self.canteen_manager).create({
                "name": "jk.pdf", "res_model": self.helper_cert._name, "res_id": self.helper_cert.id,
                "res_field": "scan", "datas": base64.b64encode(b"forged"),
            })
        attachment = self.env["ir.attachment"].sudo().search([
            ("res_model", "=", self.helper_cert._name), ("res_id", "=", self.helper_cert.id), ("res_field", "=", "scan"),
        ])
        with self.assertRaises(AccessError):
            attachment.with_user(self.canteen_manager).write({"datas": base64.b64encode(b"forged")})
        self.assertEqual(self.helper_cert.scan, scan)
        self.assertRefusedCreate("school.canteen.health.certificate", self.canteen_manager, {
            "name": "JK-9", "employee_id": self.washer.id, "issue_date": "2026-01-01", "expiry_date": "2026-12-31",
            "date_remind": "2026-12-31",
        })

    def test_accompaniment_problem_resolved_by_the_canteen(self):
        """The leader who found a problem cannot close it, nor pick who follows it up."""
        rota = self.env["school.canteen.accompaniment.rota"].with_user(self.canteen_manager).create(
            {"date": "2026-11-10", "leader_employee_id": self.leader_employee.id}
        )
        self.assertEscalationMarkersClosed(rota, self.canteen_manager)
        log = self.env["school.canteen.accompaniment"].with_user(self.leader).create({
            "rota_id": rota.id,
            "problem_ids": [(0, 0, {"category": "hygiene", "description": "餐桌未擦", "responsible_user_id": self.leader.id})],
        })
        problem = log.problem_ids
        self.assertEqual(problem.responsible_user_id, self.canteen_manager, "a leader does not pick the follow-up")
        problem.with_user(self.leader).resolution = "已擦"
        for vals in (
            {"state": "resolved"},
            {"resolved_date": "2026-11-10"},
            {"resolved_user_id": self.leader.id},
            {"responsible_user_id": self.leader.id},
        ):
            self.assertRefusedWrite(problem, self.leader, vals)
        with self.assertRaises(UserError):
            problem.with_user(self.leader).action_resolve()
        self.assertEqual(problem.state, "open")
        problem.with_user(self.canteen_manager).action_resolve()
        self.assertEqual((problem.state, problem.resolved_user_id), ("resolved", self.canteen_manager))
        self.assertRefusedWrite(problem, self.leader, {"description": "改写"})
        with self.assertRaises(UserError):
            problem.with_user(self.leader).action_reopen()
        problem.with_user(self.canteen_manager).action_reopen()
        self.assertEqual(problem.state, "open")
