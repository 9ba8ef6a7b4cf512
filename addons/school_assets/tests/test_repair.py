from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common_repair import PNG_B64, SchoolAssetsRepairCommon

T0 = datetime(2026, 3, 2, 1, 0, 0)  # 09:00 in the school


@tagged("post_install", "-at_install")
class TestRepairFlow(SchoolAssetsRepairCommon):
    def test_flow_teacher_phone_to_contractor_settlement(self):
        """Flow 2: teacher reports from a phone → contractor → sheet signed by the room's head → settled."""
        Request = self.env["maintenance.request"].with_user(self.staff)
        with Form(Request, view="school_assets.maintenance_request_view_form_report") as form:
            form.name = "投影仪不亮"
            form.school_place_id = self.classroom
            form.equipment_id = self.projector
            form.urgency = "urgent"
            form.photo = PNG_B64
        request = form.record
        self.assertEqual(request.reporter_user_id, self.staff)
        self.assertEqual(request.maintenance_team_id, self.team, "the projector's team works it")
        self.assertTrue(request.photo)
        self.assertTrue(request.response_deadline and request.fix_deadline)
        # the teacher sees their own request
        self.assertIn(request, Request.search([]))

        as_repairer = request.with_user(self.repairer)
        as_repairer.action_accept_repair()
        self.assertTrue(request.date_responded)
        self.assertEqual(request.user_id, self.repairer)
        with Form(as_repairer) as form:
            form.repair_by = "contractor"
            form.contractor_id = self.contractor
            with form.cost_line_ids.new() as line:
                line.cost_type = "labour"
                line.name = "上门检修"
                line.quantity = 1
                line.price_unit = 80
            with form.cost_line_ids.new() as line:
                line.cost_type = "material"
                line.name = "投影仪灯泡"
                line.quantity = 1
                line.price_unit = 420
        self.assertEqual(request.cost_total, 500)
        as_repairer.stage_id = self.stage_done
        self.assertTrue(request.date_fixed)

        # no settlement without the signature of the room's head
        with self.assertRaises(UserError):
            request.with_user(self.assets_manager).action_settle()
        with self.assertRaises(UserError):
            request.with_user(self.assets_manager).stage_id = self.stage_settled
        self.assertFalse(request.is_settled)
        # nobody but the room's head signs
        with self.assertRaises(UserError):
            as_repairer.sheet_signature = PNG_B64
        request.with_user(self.head_teacher).sheet_signature = PNG_B64
        self.assertEqual(request.sheet_signed_by_id, self.head_teacher)
        self.assertTrue(request.sheet_signed_date)
        # a signed sheet keeps its costs
        with self.assertRaises(UserError):
            request.cost_line_ids[0].with_user(self.repairer).price_unit = 800

        with self.assertRaises(UserError):
            as_repairer.sheet_signature = False
        request.with_user(self.assets_manager).action_settle()
        self.assertTrue(request.is_settled)
        self.assertEqual(request.stage_id, self.stage_settled)

    def test_internal_repair_settles_without_sheet(self):
        """The signature rule is the contractor's: an internal repair needs none."""
        request = self._report()
        request.with_user(self.repairer).stage_id = self.stage_done
        request.with_user(self.assets_manager).stage_id = self.stage_settled
        self.assertTrue(request.is_settled)

    def test_contractor_required(self):
        """A contractor repair names its contractor."""
        with self.assertRaises(ValidationError):
            self._report(repair_by="contractor")

    def test_place_from_qr(self):
        """The place's QR opens the place; its button reports a repair there."""
        action = self.classroom.with_user(self.staff).action_report_repair()
        self.assertEqual(action["context"]["default_school_place_id"], self.classroom.id)


@tagged("post_install", "-at_install")
class TestRepairTargets(SchoolAssetsRepairCommon):
    def test_targets_by_urgency(self):
        """Answer and fix targets follow the school's settings per urgency."""
        self.school.write({"repair_response_hours_urgent": 1, "repair_fix_hours_urgent": 24})
        with freeze_time(T0):
            urgent = self._report(urgency="urgent")
            normal = self._report()
        self.assertEqual(urgent.response_deadline, T0 + timedelta(hours=1))
        self.assertEqual(urgent.fix_deadline, T0 + timedelta(hours=24))
        self.assertEqual(normal.response_deadline, T0 + timedelta(hours=2))
        self.assertEqual(normal.fix_deadline, T0 + timedelta(hours=72))

    def test_late_flags_and_times(self):
        """Time to answer / fix are stored; answering or fixing after the target flags it late."""
        with freeze_time(T0):
            request = self._report(urgency="urgent")
        with freeze_time(T0 + timedelta(hours=2)):
            request.with_user(self.repairer).action_accept_repair()
        self.assertAlmostEqual(request.response_hours, 2.0)
        self.assertTrue(request.is_response_late)
        with freeze_time(T0 + timedelta(hours=10)):
            request.with_user(self.repairer).stage_id = self.stage_done
        self.assertAlmostEqual(request.fix_hours, 10.0)
        self.assertFalse(request.is_fix_late)

        with freeze_time(T0):
            on_time = self._report()
        with freeze_time(T0 + timedelta(minutes=30)):
            on_time.with_user(self.repairer).user_id = self.repairer
        self.assertFalse(on_time.is_response_late)
        self.assertAlmostEqual(on_time.response_hours, 0.5)

    def test_escalation_once_to_team_leader(self):
        """A request past its answer target gets one activity for the team leader."""
        with freeze_time(T0):
            request = self._report()
        activity_type = self.env.ref("school_assets.mail_activity_type_repair_unanswered")
        cron = self.env.ref("school_assets.ir_cron_school_assets_repair_escalate")
        with freeze_time(T0 + timedelta(hours=1)):
            cron.method_direct_trigger()
        self.assertFalse(request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type))
        with freeze_time(T0 + timedelta(hours=3)):
            self.env["maintenance.request"]._cron_run_escalations()
            self.env["maintenance.request"]._cron_run_escalations()
        escalations = request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(len(escalations), 1)
        self.assertEqual(escalations.user_id, self.leader)
        self.assertTrue(request.response_escalated)
        self.assertTrue(request.is_response_late)

    def test_postpone_needs_reason_and_is_tracked(self):
        """A repair that cannot be fixed at once says why; the reason is tracked."""
        request = self._report().with_context(tracking_disable=False, mail_notrack=False)
        Wizard = self.env["school.assets.repair.postpone"].with_user(self.repairer).with_context(
            tracking_disable=False, mail_notrack=False
        )
        with self.assertRaises(UserError):
            request.with_user(self.repairer)._postpone("  ")
        # the reason is required on the form
        with self.assertRaises(AssertionError), Form(Wizard.with_context(default_request_id=request.id)) as form:
            form.postponed_until = T0
        with self.assertRaises(ValidationError):
            request.sudo().write({"is_postponed": True, "postpone_reason": False})
        with Form(Wizard.with_context(default_request_id=request.id)) as form:
            form.reason = "配件需要订购，预计三天到货"
        form.record.action_confirm()
        self.assertTrue(request.is_postponed)
        self.assertEqual(request.postpone_reason, "配件需要订购，预计三天到货")
        self.assertTrue(request.date_responded, "telling the reporter why is an answer")
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = request.sudo().message_ids.sudo().tracking_value_ids.field_id.mapped("name")
        self.assertIn("postpone_reason", tracked)


@tagged("post_install", "-at_install")
class TestRepairRating(SchoolAssetsRepairCommon):
    def test_only_reporter_rates_once_done(self):
        """Only the reporter rates, and only once the repair is done."""
        request = self._report()
        with self.assertRaises(UserError):
            request.with_user(self.staff).repair_rating = "5"
        request.with_user(self.repairer).stage_id = self.stage_done
        with self.assertRaises(UserError):
            request.with_user(self.repairer).repair_rating = "5"
        with self.assertRaises(UserError):
            request.with_user(self.assets_manager).repair_rating_comment = "很好"
        request.with_user(self.staff).write({"repair_rating": "4", "repair_rating_comment": "修得很快"})
        self.assertEqual(request.repair_rating, "4")
        self.assertTrue(request.date_rated)


@tagged("post_install", "-at_install")
class TestRepairAccess(SchoolAssetsRepairCommon):
    def _visible(self, user, request, company=None):
        Request = self.env["maintenance.request"].with_user(user).with_context(
            allowed_company_ids=(company or self.school).ids
        )
        return request in Request.search([("id", "=", request.id)])

    def test_access_per_role(self):
        """Reporters see theirs, the room's head his room's, repairers their team's, officers all."""
        request = self._report()
        self.assertTrue(self._visible(self.staff, request))
        self.assertFalse(self._visible(self.staff2, request))
        with self.assertRaises(AccessError):
            request.with_user(self.staff2).read(["name"])
        self.assertTrue(self._visible(self.head_teacher, request), "head of the room")
        self.assertTrue(self._visible(self.repairer, request))
        self.assertTrue(self._visible(self.leader, request))
        self.assertFalse(self._visible(self.outsider_repairer, request))
        for user in (self.officer, self.manager, self.principal, self.assets_manager):
            self.assertTrue(self._visible(user, request), user.login)
        # staff read cost lines, only repairers write them
        with self.assertRaises(AccessError):
            self.env["school.assets.repair.cost.line"].with_user(self.staff).create(
                {"request_id": request.id, "name": "x", "price_unit": 1}
            )

    def test_hr_maintenance_owner_empty(self):
        """With hr_maintenance the owner stays empty for a plain user: the reporter still sees it."""
        request = self._report(equipment_id=self.projector.id)
        self.assertTrue(self._visible(self.staff, request))
        self.assertEqual(request.with_user(self.staff).equipment_id.name, "三(2)班投影仪")

    def test_two_schools_apart(self):
        """Requests of another school stay out of sight."""
        other_team = self.env["maintenance.team"].create({"name": "二小维修", "company_id": self.other_school.id})
        theirs = self.env["maintenance.request"].with_context(allowed_company_ids=[self.other_school.id]).create(
            {"name": "水龙头漏水", "school_place_id": self.other_gate.id, "maintenance_team_id": other_team.id,
             "company_id": self.other_school.id}
        )
        ours = self._report()
        self.assertFalse(self._visible(self.officer, theirs))
        self.assertFalse(self._visible(self.other_officer, ours, self.other_school))
        seen = self.env["maintenance.request"].with_user(self.other_officer).with_context(
            allowed_company_ids=[self.other_school.id]).search([])
        self.assertIn(theirs, seen)
        self.assertTrue(theirs.response_deadline)


@tagged("post_install", "-at_install")
class TestRepairViews(SchoolAssetsRepairCommon):
    def test_views_open_per_role(self):
        """The phone form, the request views and the meter views open for each role."""
        for user in (self.staff, self.head_teacher, self.repairer, self.officer, self.assets_manager):
            Request = self.env["maintenance.request"].with_user(user)
            Request.get_views([(self.env.ref("school_assets.maintenance_request_view_form_report").id, "form")])
            Request.get_views([(False, "kanban"), (False, "list"), (False, "form"), (False, "search")])
            Request.get_views(
                [(self.env.ref("school_assets.maintenance_request_view_pivot_repair").id, "pivot"),
                 (self.env.ref("school_assets.maintenance_request_view_graph_repair").id, "graph")]
            )
            self.env["school.assets.meter.reading"].with_user(user).get_views(
                [(False, "kanban"), (False, "list"), (False, "form"), (False, "pivot")]
            )
            self.env["school.assets.meter"].with_user(user).get_views([(False, "kanban"), (False, "form")])

    def test_escalation_without_leader_goes_to_a_member(self):
        """A team without a leader: the first member hears of the unanswered request."""
        with freeze_time(T0):
            request = self._report(maintenance_team_id=self.other_team.id)
        with freeze_time(T0 + timedelta(hours=3)):
            self.env["maintenance.request"]._cron_run_escalations()
        activity_type = self.env.ref("school_assets.mail_activity_type_repair_unanswered")
        escalation = request.activity_ids.filtered(lambda a: a.activity_type_id == activity_type)
        self.assertEqual(escalation.user_id, self.outsider_repairer)
