"""Issue 11 at the gate: leave slips, dismissal checks, bus trips, visitors and duties.

Every rule below is tried through the same ORM calls the JSON-RPC API makes, as the lowest
role that has write (or create) access on the model. Each side door must be refused AND
leave the record as it was; the honest path through the buttons must still work.
"""

from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_bus import TODAY, BusCommon
from .test_duty import DutyCommon
from .test_visitor import ID_MASKED, ID_NUMBER

REFUSED = UserError  # AccessError and ValidationError are UserErrors too
NOW = "2026-10-14 00:00:00"  # 08:00 in the school's time zone, a Wednesday (as BusCommon)

# (model, the record in a given state (builder name), field, value, who: the lowest role that
# writes the model). Writing the field outside the model's actions must be refused.
WORKFLOW_WRITES = [
    ("school.safety.leave.slip", "_issued_slip", "state", "draft", "head_teacher"),
    ("school.safety.leave.slip", "_issued_slip", "state", "returned", "head_teacher"),
    ("school.safety.leave.slip", "_issued_slip", "issued_user_id", "safety_manager", "head_teacher"),
    ("school.safety.leave.slip", "_draft_slip", "issued_user_id", "head_teacher", "head_teacher"),
    ("school.safety.leave.slip", "_draft_slip", "gate_out_user_id", "guard", "head_teacher"),
    ("school.safety.dismissal", "_pending_check", "state", "cleared", "head_teacher"),
    ("school.safety.dismissal", "_pending_check", "clear_user_id", "head_teacher", "head_teacher"),
    ("school.safety.dismissal", "_late_check", "alert_sent", False, "head_teacher"),
    ("school.safety.dismissal", "_pending_check", "class_id", "class_2", "head_teacher"),
    ("school.safety.dismissal", "_pending_check", "date", "2026-10-21", "head_teacher"),
    ("school.safety.dismissal", "_escorted_check", "count_parents", 1, "head_teacher"),
    ("school.safety.bus.trip", "_draft_trip", "state", "done", "driver_user"),
    ("school.safety.bus.trip", "_running_trip", "departure_datetime", "2026-10-14 06:00:00", "driver_user"),
    ("school.safety.bus.trip", "_running_trip", "driver_id", "driver_2", "driver_user"),
    ("school.safety.bus.trip.line", "_alert_line", "alert_state", "resolved", "driver_user"),
    ("school.safety.bus.trip.line", "_alert_line", "status", "handed_school", "driver_user"),
    ("school.safety.bus.trip.line", "_alert_line", "status_user_id", "escort_user", "driver_user"),
    ("school.safety.bus.trip.line", "_running_line", "status", "on_board", "driver_user"),
    ("school.safety.visitor", "_visit", "state", "left", "guard"),
    ("school.safety.visitor", "_visit", "check_out", "2026-10-14 01:00:00", "guard"),
    ("school.safety.visitor", "_visit", "guard_user_id", "safety_manager", "guard"),
    ("school.safety.visitor", "_visit", "id_number_erased", True, "guard"),
    ("school.safety.visitor", "_visit", "check_in", "2026-10-14 01:00:00", "guard"),
    ("school.safety.visitor", "_left_visit", "purpose", "改成别的", "guard"),
]

# (model, values of a record created directly in a later state, who)
FINAL_STATE_CREATES = [
    ("school.safety.leave.slip", {"state": "issued"}, "head_teacher"),
    ("school.safety.leave.slip", {"state": "returned"}, "head_teacher"),
    ("school.safety.dismissal", {"state": "cleared"}, "guard"),
    ("school.safety.dismissal", {"state": "escorted", "escort_user_id": "head_teacher"}, "guard"),
    ("school.safety.dismissal", {"alert_sent": True}, "guard"),
    ("school.safety.bus.trip", {"state": "done"}, "driver_user"),
    ("school.safety.bus.trip", {"arrival_datetime": "2026-10-14 01:00:00"}, "driver_user"),
    ("school.safety.visitor", {"state": "left"}, "guard"),
    ("school.safety.visitor", {"guard_user_id": "safety_manager"}, "guard"),
]


@tagged("post_install", "-at_install")
@freeze_time(NOW)
class TestGateSideDoors(BusCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Dismissal = cls.env["school.safety.dismissal"]

    @contextmanager
    def _rolled_back(self):
        """Whatever happens inside is undone: each row of a table starts afresh."""
        savepoint = self.cr.savepoint()
        try:
            yield
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()

    # ------------------------------------------------------------------
    # Records in a given state, built through the honest path
    # ------------------------------------------------------------------
    def _draft_slip(self):
        return self._slip()

    def _issued_slip(self):
        slip = self._slip()
        slip.with_user(self.head_teacher).action_issue()
        return slip

    def _checks(self):
        self._as(self.Dismissal, self.guard).action_start_today()
        return self.Dismissal.search([("date", "=", TODAY), ("company_id", "=", self.school.id)])

    def _pending_check(self):
        return self._checks().filtered(lambda c: c.class_id == self.class_1)

    def _escorted_check(self):
        check = self._pending_check()
        as_teacher = self._as(check, self.head_teacher)
        as_teacher.write({"count_parents": 30})
        as_teacher.action_escort()
        return check

    def _cleared_check(self):
        check = self._escorted_check()
        as_teacher = self._as(check, self.head_teacher)
        as_teacher.write({"lights_off": True, "windows_closed": True, "doors_locked": True})
        as_teacher.action_clear()
        return check

    def _late_check(self):
        check = self._pending_check()
        with freeze_time("2026-10-14 11:00:00"):
            self.Dismissal._cron_run_escalations()
        self.assertTrue(check.alert_sent)
        return check

    def _draft_trip(self):
        return self._trip()

    def _running_trip(self):
        trip = self._trip()
        self._as(trip, self.driver_user).action_start()
        return trip

    def _running_line(self):
        return self._line(self._running_trip(), self.rider_1)

    def _done_trip(self):
        trip = self._running_trip()
        as_driver = self._as(trip.line_ids, self.driver_user)
        as_driver.action_board()
        as_driver.filtered(lambda line: line.rider_id != self.rider_2).action_hand_over_school()
        self._as(trip, self.driver_user).action_finish()
        return trip

    def _alert_line(self):
        line = self._line(self._done_trip(), self.rider_2)
        self.assertEqual(line.alert_state, "open")
        return line

    def _visit(self):
        return self._check_in()

    def _left_visit(self):
        visit = self._check_in()
        visit.with_user(self.guard).action_check_out()
        return visit

    def _tracking_message(self, record, fname, old, new):
        """A tracking message as the chatter logs it (tests run with tracking disabled)."""
        field = self.env["ir.model.fields"]._get(record._name, fname)
        return self.env["mail.message"].sudo().create(
            {
                "model": record._name,
                "res_id": record.id,
                "message_type": "notification",
                "body": "",
                "tracking_value_ids": [
                    Command.create({"field_id": field.id, "old_value_char": old, "new_value_char": new})
                ],
            }
        ).sudo(False)

    def _value(self, value, field):
        if isinstance(value, str) and field.type == "many2one":
            return getattr(self, value).id
        return value

    def _snapshot(self, record):
        fnames = [
            name for name, field in record._fields.items()
            if field.store and field.type not in ("one2many", "many2many", "binary")
            and not field.groups and name not in ("write_date", "__last_update")
        ]
        record.invalidate_recordset()
        return record.sudo().read(fnames)[0]

    # ------------------------------------------------------------------
    # Workflow fields written directly
    # ------------------------------------------------------------------
    def test_workflow_fields_refused_outside_actions(self):
        for model, builder, fname, value, who in WORKFLOW_WRITES:
            with self.subTest(model=model, field=fname, who=who), self._rolled_back():
                record = getattr(self, builder)()
                self.assertEqual(record._name, model)
                before = self._snapshot(record)
                user = getattr(self, who)
                with self.assertRaises(REFUSED):
                    self._as(record, user).write({fname: self._value(value, record._fields[fname])})
                self.assertEqual(self._snapshot(record), before, f"{model}.{fname} changed")

    def test_final_state_create_refused(self):
        builders = {
            "school.safety.leave.slip": lambda: {
                "student_name": "李小明", "class_id": self.class_1.id, "reason": "发烧",
            },
            "school.safety.dismissal": lambda: {"class_id": self.class_1.id, "date": "2026-10-20"},
            "school.safety.bus.trip": lambda: {"route_id": self.route.id, "date": "2026-10-20"},
            "school.safety.visitor": lambda: {"visitor_name": "张明", "purpose": "送货"},
        }
        for model, vals, who in FINAL_STATE_CREATES:
            with self.subTest(model=model, vals=vals, who=who), self._rolled_back():
                Model = self.env[model]
                vals = {
                    key: self._value(value, Model._fields[key]) for key, value in vals.items()
                }
                count = Model.sudo().search_count([])
                with self.assertRaises(REFUSED):
                    self._as(Model, getattr(self, who)).create({**builders[model](), **vals})
                self.assertEqual(Model.sudo().search_count([]), count)

    def test_default_state_context_ignored(self):
        """``default_state`` and friends in the context never reach a workflow field."""
        slip = self._as(self.Slip, self.head_teacher).with_context(
            default_state="issued", default_issued_user_id=self.head_teacher.id
        ).create({"student_name": "李小明", "class_id": self.class_1.id, "reason": "发烧"})
        self.assertRecordValues(slip, [{"state": "draft", "issued_user_id": False}])
        visit = self._as(self.Visitor, self.guard).with_context(
            default_state="left", default_guard_user_id=self.safety_manager.id
        ).create({"visitor_name": "张明", "purpose": "送货"})
        self.assertRecordValues(visit, [{"state": "on_campus", "guard_user_id": self.guard.id}])
        checks = self._as(self.Dismissal, self.guard).with_context(
            default_state="cleared"
        ).action_start_today()
        self.assertTrue(checks)
        self.assertEqual(
            set(self.Dismissal.search([("date", "=", TODAY)]).mapped("state")), {"pending"}
        )
        trip = self._as(self.Trip, self.driver_user).with_context(
            default_state="done", default_arrival_datetime=NOW
        ).create({"route_id": self.route.id, "date": TODAY})
        self.assertRecordValues(trip, [{"state": "draft", "arrival_datetime": False}])

    # ------------------------------------------------------------------
    # Leave slips
    # ------------------------------------------------------------------
    def test_issued_slip_not_reopened_edited_deleted(self):
        """A head teacher can neither send a signed slip back to draft, edit nor delete it."""
        slip = self._issued_slip()
        as_teacher = slip.with_user(self.head_teacher)
        for vals in ({"state": "draft"}, {"state": "draft", "issued_user_id": False}, {"reason": "改"}):
            with self.assertRaises(REFUSED):
                as_teacher.write(vals)
        with self.assertRaises(REFUSED):
            as_teacher.unlink()
        as_teacher.action_cancel()
        with self.assertRaises(REFUSED):
            as_teacher.action_reset_draft()
        with self.assertRaises(REFUSED):
            as_teacher.unlink()
        with self.assertRaises(REFUSED):
            as_teacher.copy({"state": "issued"})
        self.assertRecordValues(
            slip, [{"state": "cancelled", "issued_user_id": self.head_teacher.id, "reason": "发烧，家长接回就医"}]
        )
        # the honest way: a new slip, signed again
        new = as_teacher.copy()
        self.assertRecordValues(new, [{"state": "draft", "issued_user_id": False}])
        new.action_issue()
        self.assertEqual(new.state, "issued")

    def test_used_slip_is_locked(self):
        """A slip used at the gate is part of the register: its chatter and files stay."""
        slip = self._issued_slip()
        slip.with_user(self.guard).action_gate_check_out()
        slip.with_user(self.guard).action_gate_return()
        tracking = self._tracking_message(slip, "state", "checked_out", "returned")
        note = slip.with_user(self.head_teacher).message_post(body="已返校", message_type="comment")
        self.assertTrue(tracking)
        for user in (self.head_teacher, self.safety_manager):
            with self.assertRaises(REFUSED):
                tracking[:1].with_user(user).write({"body": "nothing happened"})
            with self.assertRaises(REFUSED):
                tracking[:1].with_user(user).unlink()
            with self.assertRaises(REFUSED):
                tracking.tracking_value_ids.with_user(user).unlink()
        with self.assertRaises(REFUSED):
            note.with_user(self.head_teacher).write({"body": "没回来"})
        with self.assertRaises(REFUSED):
            note.with_user(self.head_teacher).unlink()
        attachment = self.env["ir.attachment"].create(
            {"name": "slip.jpg", "raw": b"x", "res_model": slip._name, "res_id": slip.id}
        )
        with self.assertRaises(REFUSED):
            attachment.with_user(self.safety_manager).unlink()
        with self.assertRaises(REFUSED):
            attachment.with_user(self.safety_manager).write({"raw": b"y"})
        with self.assertRaises(REFUSED):
            self.env["ir.attachment"].with_user(self.safety_manager).create(
                {"name": "sig.png", "raw": b"x", "res_model": slip._name, "res_id": slip.id,
                 "res_field": "reason"}
            )
        self.assertTrue(tracking.exists() and note.exists() and attachment.exists())
        with self.assertRaises(REFUSED):
            slip.with_user(self.safety_manager).write({"pickup_person": "别人"})
        self.assertEqual(slip.state, "returned")

    # ------------------------------------------------------------------
    # Dismissal checks
    # ------------------------------------------------------------------
    def test_cleared_check_is_locked(self):
        """A cleared room stays cleared for the head teacher; the safety manager takes it back."""
        check = self._cleared_check()
        as_teacher = self._as(check, self.head_teacher)
        for vals in ({"lights_off": False}, {"note": "改"}, {"state": "pending"}):
            with self.assertRaises(REFUSED):
                as_teacher.write(vals)
        with self.assertRaises(REFUSED):
            self._as(check, self.safety_manager).unlink()
        self.assertRecordValues(check, [{"state": "cleared", "lights_off": True}])
        self._as(check, self.safety_manager).action_reset()
        self.assertRecordValues(check, [{"state": "pending", "clear_user_id": False}])

    # ------------------------------------------------------------------
    # Bus trips and roll call
    # ------------------------------------------------------------------
    def test_driver_cannot_resolve_alert_by_writing(self):
        """The "not handed over" alert closes only by handing the student over."""
        line = self._alert_line()
        as_driver = self._as(line, self.driver_user)
        for vals in (
            {"alert_state": "resolved"},
            {"alert_state": "none"},
            {"status": "handed_stop", "alert_state": "resolved"},
        ):
            with self.assertRaises(REFUSED):
                as_driver.write(vals)
        self.assertRecordValues(line, [{"alert_state": "open", "status": "on_board"}])
        # the honest path on the finished trip still works
        as_driver.write({"alert_note": "在车上睡着了，已送回家"})
        as_driver.action_hand_over_stop()
        self.assertRecordValues(
            line,
            [{"alert_state": "resolved", "status": "handed_stop", "status_user_id": self.driver_user.id}],
        )
        with self.assertRaises(REFUSED):
            as_driver.write({"alert_note": "改"})

    def test_done_trip_is_locked(self):
        """A finished trip and its roll call are frozen; no line gets in or out."""
        trip = self._done_trip()
        as_driver = self._as(trip, self.driver_user)
        with self.assertRaises(REFUSED):
            as_driver.write({"note": "改"})
        with self.assertRaises(REFUSED):
            as_driver.write({"state": "draft"})
        handed = self._line(as_driver, self.rider_1)
        with self.assertRaises(REFUSED):
            handed.write({"handed_to": "别人"})
        Line = self._as(self.env["school.safety.bus.trip.line"], self.driver_user)
        with self.assertRaises(REFUSED):
            Line.create({"trip_id": trip.id, "rider_id": self.rider_3.id})
        # a line of an open trip moved into the finished one
        other = self._trip(period="afternoon")
        other_line = self._as(self._line(other, self.rider_1), self.driver_user)
        with self.assertRaises(REFUSED):
            other_line.write({"trip_id": trip.id})
        with self.assertRaises(REFUSED):
            as_driver.write({"line_ids": [Command.create({"rider_id": self.rider_1.id})]})
        with self.assertRaises(REFUSED):
            self._as(trip, self.safety_manager).unlink()
        self.assertEqual(len(trip.line_ids), 3)
        self.assertEqual(other_line.trip_id, other)
        self.assertEqual(trip.state, "done")

    def test_running_trip_keeps_crew(self):
        """Once the bus has left, its bus and crew are what they were."""
        trip = self._running_trip()
        with self.assertRaises(REFUSED):
            self._as(trip, self.driver_user).write({"escort_id": False})
        with self.assertRaises(REFUSED):
            self._as(trip, self.safety_manager).write({"driver_id": self.driver_2.id})
        self.assertEqual(trip.driver_id, self.driver)
        self.assertEqual(trip.escort_id, self.escort)

    # ------------------------------------------------------------------
    # Visitors
    # ------------------------------------------------------------------
    def test_check_in_not_moved_later(self):
        """Whoever registered the visit cannot push its date (and the ID erasure) later."""
        visit = self._visit()
        as_guard = visit.with_user(self.guard)
        check_in = visit.check_in
        for later in ("2026-10-14 00:01:00", "2027-10-14 00:00:00"):
            with self.assertRaises(REFUSED):
                as_guard.write({"check_in": later})
        self.assertEqual(visit.check_in, check_in)
        with self.assertRaises(REFUSED):
            self._check_in(check_in="2027-01-01 00:00:00")
        # an honest correction to an earlier time is fine
        as_guard.write({"check_in": "2026-10-13 23:30:00"})
        self.assertEqual(str(visit.check_in), "2026-10-13 23:30:00")

    def test_erase_reaches_tracking_values(self):
        """The erase job also removes tracked values of the ID number from the chatter."""
        self.env["ir.config_parameter"].sudo().set_param(
            "school_safety.visitor_id_retention_days", "30"
        )
        with freeze_time("2026-08-01 02:00:00"):
            visit = self._visit()
        # a tracked change of the number, as an older version or a customisation would log it
        field = self.env["ir.model.fields"]._get("school.safety.visitor", "id_number")
        message = self.env["mail.message"].sudo().create(
            {
                "model": visit._name,
                "res_id": visit.id,
                "message_type": "notification",
                "body": "",
                "tracking_value_ids": [
                    Command.create(
                        {"field_id": field.id, "old_value_char": "320411198503121238",
                         "new_value_char": ID_NUMBER}
                    )
                ],
            }
        )
        self.assertTrue(message.tracking_value_ids)
        self.env["school.safety.visitor"]._cron_erase_id_numbers()
        self.assertTrue(visit.id_number_erased)
        self.assertFalse(message.sudo().tracking_value_ids)
        self.assertFalse(
            self.env["mail.tracking.value"].sudo().search(
                [("mail_message_id.res_id", "=", visit.id),
                 ("mail_message_id.model", "=", "school.safety.visitor")]
            ).filtered(lambda t: ID_NUMBER in (t.new_value_char or "") + (t.old_value_char or ""))
        )

    def test_full_id_number_only_safety_manager_and_guard_on_duty(self):
        """The principal and the director get the masked number; the guard on gate duty the full one."""
        visit = self._visit()
        for user in (self.principal, self.manager, self.guard):
            with self.subTest(user=user.login):
                as_user = self._as(visit, user)
                self.assertEqual(as_user.id_number_masked, ID_MASKED)
                with self.assertRaises(AccessError):
                    as_user.read(["id_number"])
                with self.assertRaises(AccessError):
                    self._as(self.Visitor, user).search([("id_number", "=", ID_NUMBER)])
                with self.assertRaises(AccessError):
                    self._as(self.Visitor, user).search([("id_number_full", "=", ID_NUMBER)])
                self.assertFalse(as_user.id_number_full)
                self.assertNotIn(ID_NUMBER, repr(as_user.read()))
        # the safety manager reads and searches it
        self.assertEqual(self._as(visit, self.safety_manager).id_number, ID_NUMBER)
        self.assertEqual(self._as(visit, self.safety_manager).id_number_full, ID_NUMBER)
        self.assertEqual(
            self._as(self.Visitor, self.safety_manager).search([("id_number_full", "=", ID_NUMBER)]),
            visit,
        )
        # the guard on gate duty now reads and searches the full number, not the stored field
        self.env["school.safety.duty"].create(
            {
                "duty_type": "gate",
                "user_ids": [Command.set(self.guard.ids)],
                "start_datetime": "2026-10-13 23:00:00",
                "end_datetime": "2026-10-14 01:00:00",
                "company_id": self.school.id,
            }
        )
        as_guard = self._as(visit, self.guard)
        as_guard.invalidate_recordset()
        self.assertEqual(as_guard.id_number_full, ID_NUMBER)
        self.assertEqual(
            self._as(self.Visitor, self.guard).search([("id_number_full", "=", ID_NUMBER.lower())]),
            visit,
        )
        with self.assertRaises(AccessError):
            as_guard.read(["id_number"])
        # once the duty is over, the masked number again
        with freeze_time("2026-10-14 02:00:00"):
            as_guard.invalidate_recordset()
            self.assertFalse(as_guard.id_number_full)
            with self.assertRaises(AccessError):
                self._as(self.Visitor, self.guard).search([("id_number_full", "=", ID_NUMBER)])

    def test_guardian_phone_not_copied(self):
        """The guardian's phone reaches nobody else through the roll call or the chatter."""
        line = self._line(self._trip(), self.rider_1)
        for user in (self.head_teacher, self.guard):
            self.assertNotIn("guardian_phone", line.with_user(user).fields_get())
            with self.assertRaises(AccessError):
                line.with_user(user).read(["guardian_phone"])
        rider = self.rider_1
        tracking = self._tracking_message(
            rider, "guardian_phone", "13812345678", "13800000000"
        ).sudo().tracking_value_ids
        self.assertTrue(tracking, "the change is tracked for the bus staff")
        # the chatter shows a tracked value only to who may read the field
        for user, shown in ((self.head_teacher, False), (self.guard, False), (self.driver_user, True)):
            self.assertEqual(
                bool(tracking._filter_has_field_access(rider.with_user(user).env)), shown, user.login
            )


@tagged("post_install", "-at_install")
class TestDutySideDoors(DutyCommon):
    """The person on duty (plain staff) writes the log only through Submit Log."""

    def _done_duty(self):
        duty = self.duty.with_user(self.staff)
        with freeze_time("2025-09-02 00:10:00"):
            duty.log = "学生上下楼有序。"
            duty.action_submit_log()
        return self.duty

    def test_log_stamps_only_through_submit(self):
        duty = self.duty.with_user(self.staff)
        for vals in (
            {"state": "done"},
            {"log": "代写", "log_done": True},
            {"log_user_id": self.guard.id},
            {"log_date": "2025-09-02 00:00:00"},
            {"reminded_user_ids": [Command.set(self.staff.ids)]},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                duty.write(vals)
        self.assertRecordValues(
            self.duty, [{"state": "planned", "log_done": False, "log_user_id": False, "log": False}]
        )
        self.assertFalse(self.duty.reminded_user_ids)
        # nor through create, copy or a context default, even for the planner
        Duty = self.Duty.with_context(default_state="done", default_log_done=True)
        vals = {
            "duty_type": "gate",
            "user_ids": [Command.set(self.guard.ids)],
            "start_datetime": "2025-09-03 23:00:00",
            "end_datetime": "2025-09-04 00:00:00",
        }
        created = Duty.create(vals)
        self.assertRecordValues(created, [{"state": "planned", "log_done": False}])
        for forged in ({"state": "done"}, {"log_user_id": self.guard.id}):
            with self.assertRaises(UserError):
                self.Duty.create(dict(vals, **forged))
        with self.assertRaises(UserError):
            created.copy({"log_done": True})

    def test_done_duty_is_kept(self):
        duty = self._done_duty()
        with self.assertRaises(UserError):
            duty.with_user(self.staff).write({"log": "改写"})
        with self.assertRaises(UserError):
            duty.with_user(self.staff).action_reset()
        with self.assertRaises(UserError):
            duty.with_user(self.safety_manager).unlink()
        with self.assertRaises(UserError):
            duty.with_user(self.safety_manager).write({"log": "改写"})
        self.assertRecordValues(
            duty, [{"state": "done", "log": "学生上下楼有序。", "log_user_id": self.staff.id}]
        )
        # the planner reopens it; the person on duty writes the log again
        duty.with_user(self.safety_manager).action_reset()
        self.assertRecordValues(duty, [{"state": "planned", "log_done": False}])
        with freeze_time("2025-09-02 01:00:00"):
            duty.with_user(self.staff).write({"log": "补充：一名学生摔倒，已送医务室。"})
            duty.with_user(self.staff).action_submit_log()
        self.assertEqual(duty.state, "done")
