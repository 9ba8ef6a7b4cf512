from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from odoo.addons.school_base.tests.common import SchoolBaseCommon

PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


class HazardCommon(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.guard = cls._new_user("t_guard", "school_safety.group_safety_guard")
        cls.safety_manager = cls._new_user("t_safety_mgr", "school_safety.group_safety_manager")
        cls.repairer = cls._new_user("t_repairer", "school_base.group_school_staff")
        cls.school.write({"logistics_director_user_id": cls.manager.id, "principal_user_id": cls.principal.id})
        cls.general = cls.env.ref("school_safety.hazard_severity_general")
        cls.major = cls.env.ref("school_safety.hazard_severity_major")
        cls.Hazard = cls.env["school.safety.hazard"]
        cls.team = cls.env["maintenance.team"].create({"name": "后勤维修组", "company_id": cls.school.id})

    @classmethod
    def _report(cls, user=None, **vals):
        return cls.Hazard.with_user(user or cls.staff).create(
            {"description": "南大门伸缩门电机异响", "place_id": cls.gate.id, "category": "equipment", **vals}
        )

    def _activities(self, hazard, xmlid):
        return hazard.activity_ids.filtered(lambda a: a.activity_type_id == self.env.ref(xmlid))


class TestHazard(HazardCommon):
    def test_report_defaults(self):
        """Any staff member reports a hazard; it is due 24 h later by default, per severity."""
        with freeze_time("2026-11-10 02:00:00"):
            hazard = self._report()
            self.assertTrue(hazard.name.startswith("YH/"))
            self.assertEqual(hazard.state, "reported")
            self.assertEqual(hazard.reporter_user_id, self.staff)
            self.assertEqual(hazard.severity_id, self.general)
            self.assertEqual(hazard.date_deadline, datetime(2026, 11, 11, 2, 0))
            major = self._report(severity_id=self.major.id)
            self.assertEqual(major.date_deadline, datetime(2026, 11, 10, 6, 0))
            with Form(self.Hazard.with_user(self.staff)) as form:
                form.description = "楼梯扶手松动"
                form.place_id = self.stairs
                form.severity_id = self.major
                self.assertEqual(form.date_deadline, datetime(2026, 11, 10, 6, 0))
        with self.assertRaises(ValidationError):
            hazard.with_user(self.safety_manager).date_deadline = datetime(2026, 11, 9)

    def test_closed_loop(self):
        """Reported → assigned → rectifying → re-check by someone else with a photo → closed."""
        hazard = self._report().with_context(tracking_disable=False, mail_notrack=False)
        with self.assertRaises(UserError):
            hazard.with_user(self.safety_manager).action_assign()  # nobody chosen
        hazard.with_user(self.safety_manager).assigned_user_id = self.repairer
        hazard.with_user(self.safety_manager).action_assign()
        self.assertEqual(hazard.state, "assigned")
        self.assertEqual(
            self._activities(hazard, "school_safety.mail_activity_type_hazard_rectify").user_id, self.repairer
        )
        with self.assertRaises(UserError):
            hazard.with_user(self.guard).action_start()  # not the assignee
        as_repairer = hazard.with_user(self.repairer)
        as_repairer.action_start()
        self.assertEqual(hazard.state, "rectifying")
        with self.assertRaises(UserError):
            as_repairer.action_submit_recheck()  # says nothing of what was done
        as_repairer.rectification_note = "更换伸缩门电机轴承"
        as_repairer.photo_after = PNG
        as_repairer.action_submit_recheck()
        self.assertEqual(hazard.state, "recheck")
        self.assertEqual(hazard.rectified_user_id, self.repairer)
        self.assertFalse(self._activities(hazard, "school_safety.mail_activity_type_hazard_rectify"))
        recheck = self._activities(hazard, "school_safety.mail_activity_type_hazard_recheck")
        self.assertEqual(recheck.user_id, self.staff, "the reporter is asked to re-check")
        with self.assertRaises(UserError):
            as_repairer.action_recheck_pass()  # the person who fixed it cannot re-check it
        hazard.with_user(self.staff).action_recheck_pass()
        self.assertEqual(hazard.state, "closed")
        self.assertEqual(hazard.recheck_user_id, self.staff)
        self.assertTrue(self.Hazard._fields["state"].tracking)
        self.env.flush_all()
        tracked = self.Hazard.browse(hazard.id).message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertTrue(tracked, "state changes are tracked in the chatter")
        with self.assertRaises(UserError):
            hazard.with_user(self.staff).description = "改写"
        with self.assertRaises(UserError):
            hazard.with_user(self.safety_manager).description = "改写"
        hazard.with_user(self.manager).action_reopen()
        self.assertEqual(hazard.state, "rectifying")

    def test_recheck_needs_after_photo_and_can_fail(self):
        """Closing needs an after-photo; a failed re-check sends the hazard back with remarks."""
        hazard = self._report(assigned_user_id=self.repairer.id)
        hazard.with_user(self.repairer).write({"rectification_note": "加固"})
        hazard.with_user(self.repairer).action_submit_recheck()
        with self.assertRaises(UserError):
            hazard.with_user(self.staff).action_recheck_pass()
        with self.assertRaises(UserError):
            hazard.with_user(self.staff).action_recheck_fail()  # no remarks
        hazard.with_user(self.staff).recheck_note = "仍有异响"
        hazard.with_user(self.staff).action_recheck_fail()
        self.assertEqual(hazard.state, "rectifying")
        self.assertTrue(self._activities(hazard, "school_safety.mail_activity_type_hazard_rectify"))

    def test_reporter_who_fixes_is_rechecked_by_director(self):
        """When the reporter fixes it, the director is asked to re-check."""
        hazard = self._report(user=self.safety_manager, assigned_user_id=self.safety_manager.id)
        hazard.with_user(self.safety_manager).write({"rectification_note": "已处理"})
        hazard.with_user(self.safety_manager).action_submit_recheck()
        recheck = self._activities(hazard, "school_safety.mail_activity_type_hazard_recheck")
        self.assertEqual(recheck.user_id, self.manager)

    def test_cancel_needs_reason(self):
        """Only the safety manager cancels, always with a reason; nothing is half-saved."""
        hazard = self._report()
        wizard = self.env["school.safety.hazard.cancel"].with_user(self.safety_manager).create(
            {"hazard_ids": [(6, 0, hazard.ids)], "reason": "  "}
        )
        with self.assertRaises(UserError):
            wizard.action_cancel()
        self.assertEqual(hazard.state, "reported")
        with self.assertRaises(UserError):
            hazard.with_user(self.staff)._cancel("重复上报")
        wizard.reason = "与 YH 重复上报"
        wizard.action_cancel()
        self.assertEqual(hazard.state, "cancel")
        self.assertEqual(hazard.cancel_reason, "与 YH 重复上报")

    def test_repair_request_moves_hazard(self):
        """A repair request raised from the hazard sends it to re-check when the repair is done."""
        hazard = self._report(assigned_user_id=self.repairer.id)
        action = hazard.with_user(self.safety_manager).action_create_repair()
        request = self.env["maintenance.request"].browse(action["res_id"])
        self.assertEqual(hazard.maintenance_request_id, request)
        self.assertEqual(hazard.state, "rectifying")
        self.assertIn(hazard.name, request.name)
        self.assertEqual(request.school_hazard_ids, hazard)
        with self.assertRaises(UserError):
            hazard.action_create_repair()
        request.user_id = self.repairer
        done_stage = self.env["maintenance.stage"].search([("done", "=", True)], limit=1)
        request.stage_id = done_stage
        self.assertEqual(hazard.state, "recheck")
        self.assertEqual(hazard.rectified_user_id, self.repairer)
        self.assertTrue(hazard.rectification_note)

    def test_escalation_once_per_step(self):
        """Overdue: the director is told at once, the principal after the severity's delay, each once."""
        cron = self.env.ref("school_safety.ir_cron_school_safety_hazard_escalate")
        with freeze_time("2026-11-10 02:00:00"):
            hazard = self._report(assigned_user_id=self.repairer.id)
            done = self._report(assigned_user_id=self.repairer.id)
            done.with_user(self.repairer).rectification_note = "已修"
            done.with_user(self.repairer).action_submit_recheck()
        escalation = "school_safety.mail_activity_type_hazard_escalation"
        with freeze_time("2026-11-11 01:59:00"):
            cron.method_direct_trigger()
            self.assertEqual(hazard.escalation_level, "0", "not yet overdue")
        with freeze_time("2026-11-11 03:00:00"):
            self.assertTrue(hazard.is_overdue)
            self.assertIn(hazard, self.Hazard.search([("is_overdue", "=", True)]))
            cron.method_direct_trigger()
            self.assertEqual(hazard.escalation_level, "1")
            self.assertEqual(self._activities(hazard, escalation).user_id, self.manager)
            self.assertEqual(done.escalation_level, "0", "a fixed hazard waiting for re-check is not overdue")
            cron.method_direct_trigger()
            self.assertEqual(len(self._activities(hazard, escalation)), 1, "never duplicated")
        with freeze_time("2026-11-12 01:00:00"):
            cron.method_direct_trigger()
            self.assertEqual(hazard.escalation_level, "1", "the principal waits 24 h more")
        with freeze_time("2026-11-12 03:00:00"):
            cron.method_direct_trigger()
            cron.method_direct_trigger()
            self.assertEqual(hazard.escalation_level, "2")
            activities = self._activities(hazard, escalation)
            self.assertEqual(activities.user_id, self.manager | self.principal)
            self.assertEqual(len(activities), 2)
            # the notes name the person told (and are in that person's language)
            messages = hazard.message_ids.filtered(lambda m: m.partner_ids & (self.manager | self.principal).partner_id)
            self.assertEqual(len(messages), 2)

    def test_escalation_without_configuration(self):
        """Without a configured director, the first logistics manager of the school is told."""
        self.school.write({"logistics_director_user_id": False, "principal_user_id": False})
        self.assertEqual(self.school._get_safety_director(), self.manager)
        self.assertEqual(self.school._get_principal(), self.principal)

    def test_ledger_xlsx(self):
        """The hazard ledger exports every selected hazard as one row with its figures."""
        import io

        import openpyxl

        hazards = self._report() | self._report(description="A栋应急灯不亮", category="fire")
        report = self.env.ref("school_safety.action_report_school_safety_hazard_ledger_xlsx")
        content, report_type = report.with_user(self.safety_manager)._render(report.report_name, hazards.ids, {})
        self.assertEqual(report_type, "xlsx")
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = list(sheet.iter_rows(min_row=4, values_only=True))
        self.assertEqual(len(rows), 2)
        self.assertEqual({row[1] for row in rows}, set(hazards.mapped("name")))
        self.assertIn("A栋应急灯不亮", [row[6] for row in rows])


class TestHazardFollowUp(HazardCommon):
    def test_failed_patrol_item_opens_hazard(self):
        """A failed patrol item opens a hazard at the place, with the photo and a 24 h deadline."""
        self.template.write({"follow_up_model": "school.safety.hazard", "hazard_category": "fire", "auto_follow_up": False})
        inspection = self._new_inspection(user=self.guard)
        self._answer(inspection, failing=["报警装置正常"])
        inspection.with_user(self.guard).action_done()
        line = inspection.line_ids.filtered("is_failed")
        action = line.with_user(self.guard).action_create_follow_up()
        hazard = self.Hazard.browse(action["res_id"])
        self.assertRecordValues(
            hazard,
            [{"place_id": self.gate.id, "category": "fire", "source": "patrol", "state": "reported",
              "reporter_user_id": self.guard.id, "inspection_id": inspection.id}],
        )
        self.assertTrue(hazard.photo)
        self.assertIn("报警装置正常", hazard.description)
        self.assertEqual(line.follow_up_ref, hazard)
        self.assertEqual(hazard.date_deadline - hazard.date_reported, timedelta(hours=24))
        with self.assertRaises(UserError):
            hazard.unlink()


class TestHazardAccess(HazardCommon):
    def test_roles(self):
        """Staff report and see hazards; only their own are theirs to change; managers run them."""
        hazard = self._report(user=self.staff)
        other = self._report(user=self.guard)
        self.assertIn(other, self.Hazard.with_user(self.staff).search([]))
        with self.assertRaises(AccessError):
            other.with_user(self.staff).description = "改别人的"
        hazard.with_user(self.staff).description = "补充: 异响在开门时"
        with self.assertRaises(UserError):
            hazard.with_user(self.staff).action_assign()
        other.with_user(self.safety_manager).write({"assigned_user_id": self.staff.id})
        other.with_user(self.staff).action_start()  # now assigned to them
        with self.assertRaises(AccessError):
            self.env["school.safety.hazard.severity"].with_user(self.staff).create({"name": "x"})
        with self.assertRaises(AccessError):
            hazard.with_user(self.staff).unlink()

    def test_two_schools_kept_apart(self):
        """A user of another school sees none of this school's hazards."""
        hazard = self._report()
        other = self.Hazard.with_user(self.other_officer).with_context(allowed_company_ids=self.other_school.ids)
        self.assertFalse(other.search([]))
        with self.assertRaises(AccessError):
            hazard.with_user(self.other_officer).with_context(allowed_company_ids=self.other_school.ids).read(["name"])
        with self.assertRaises(UserError):
            self.Hazard.create({"description": "x", "place_id": self.other_gate.id, "company_id": self.school.id})

    def test_shipped_special_and_seasonal_checks(self):
        """The weekly special and seasonal checklists ship ready to open hazards of their category."""
        fire = self.env.ref("school_safety.school_inspection_template_fire_weekly")
        self.assertEqual(fire.category, "special")
        self.assertEqual(fire.follow_up_model, "school.safety.hazard")
        self.assertEqual(len(fire.item_ids), 5)
        seasonal = self.env["school.inspection.template"].search(
            [("category", "=", "seasonal"), ("follow_up_model", "=", "school.safety.hazard")]
        )
        self.assertGreaterEqual(len(seasonal), 3)
        fire.auto_follow_up = True
        inspection = self.env["school.inspection"].create(
            {"template_id": fire.id, "place_id": self.env["school.place"].create(
                {"name": "检查点", "level": "area", "kind": "fire_point", "company_id": fire.company_id.id}).id,
             "company_id": fire.company_id.id}
        )
        self._answer(inspection, failing=["安全出口、疏散通道畅通无堆物"])
        inspection.action_done()
        hazard = inspection.line_ids.filtered("is_failed").follow_up_ref
        self.assertEqual(hazard.category, "fire")
        self.assertEqual(hazard.date_reported, inspection.date_done)


class TestMonthReport(HazardCommon):
    def test_month_report_figures(self):
        """The monthly report counts the month's hazards by category and the patrols done and missed."""
        import io

        import openpyxl

        with freeze_time("2026-10-12 02:00:00"):
            self._report(category="fire")
            closed = self._report(category="fire", assigned_user_id=self.repairer.id)
            closed.with_user(self.repairer).write({"rectification_note": "已修", "photo_after": PNG})
            closed.with_user(self.repairer).action_submit_recheck()
            closed.with_user(self.staff).action_recheck_pass()
            self._report(category="traffic")
            done = self._new_inspection(user=self.guard)
            self._answer(done)
            done.action_done()
            self._new_inspection(user=self.guard, date_deadline="2026-10-12 01:00:00")
            self.env["school.inspection"]._mark_missed()
        with freeze_time("2026-11-02 02:00:00"):
            self._report(category="fire")  # next month: not counted
            wizard = self.env["school.safety.month.report"].with_user(self.safety_manager).create(
                {"date": "2026-10-20", "company_id": self.school.id}
            )
            action = wizard.action_print()
            self.assertEqual(action["report_name"], "school_safety.safety_month_xlsx")
            report = self.env.ref("school_safety.action_report_school_safety_month_xlsx")
            content, _type = report.with_user(self.safety_manager)._render(report.report_name, wizard.ids, {})
        book = openpyxl.load_workbook(io.BytesIO(content))
        summary = {row[0]: row[1:] for row in book.worksheets[0].iter_rows(values_only=True) if row[0]}
        self.assertEqual(summary["Fire"][:3], (2, 1, 1))
        self.assertEqual(summary["Traffic"][:3], (1, 0, 1))
        self.assertEqual(summary["Total"][:3], (3, 1, 2))
        self.assertEqual(summary[self.template.name][:3], (2, 1, 1))
        self.assertEqual(book.worksheets[1].max_row, 3 + 3, "title, blank, header and three hazards")


class TestHazardKanban(HazardCommon):
    def test_columns_in_workflow_order(self):
        """Grouped by status, hazards read as the workflow goes, not alphabetically."""
        hazard = self._report()
        groups = self.Hazard.read_group([("id", "in", hazard.ids)], ["state"], ["state"])
        self.assertEqual(
            [group["state"] for group in groups], ["reported", "assigned", "rectifying", "recheck", "closed"]
        )
