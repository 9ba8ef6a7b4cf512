from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon

ID_NUMBER = "320411198503121237"
ID_MASKED = "3204**********1237"
OTHER_ID_NUMBER = "320402197906213450"


class GateCommon(SchoolBaseCommon):
    """Two schools with a guard, a safety manager and two head teachers each with a class."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.guard = cls._new_user("t_guard", "school_safety.group_safety_guard")
        # the safety manager holds the explicit right to the visitors' full ID numbers
        cls.safety_manager = cls._new_user(
            "t_safety_manager",
            "school_safety.group_safety_manager,school_safety.group_safety_visitor_id",
        )
        cls.head_teacher_2 = cls._new_user("t_head_2", "school_base.group_school_head_teacher")
        cls.other_guard = cls._new_user(
            "t_other_guard", "school_safety.group_safety_guard", cls.other_school
        )
        cls.other_head_teacher = cls._new_user(
            "t_other_head", "school_base.group_school_head_teacher", cls.other_school
        )

        Employee = cls.env["hr.employee"]
        cls.host = Employee.create(
            {"name": "吴老师", "user_id": cls.staff.id, "company_id": cls.school.id}
        )
        teacher_1 = Employee.create(
            {
                "name": "陈丽",
                "user_id": cls.head_teacher.id,
                "company_id": cls.school.id,
            }
        )
        teacher_2 = Employee.create(
            {
                "name": "杨雪",
                "user_id": cls.head_teacher_2.id,
                "company_id": cls.school.id,
            }
        )
        other_teacher = Employee.create(
            {
                "name": "二小班主任",
                "user_id": cls.other_head_teacher.id,
                "company_id": cls.other_school.id,
            }
        )

        Term = cls.env["school.term"]
        term = Term.create(
            {"name": "2026秋", "date_start": "2026-08-01", "date_end": "2027-01-31"}
        )
        other_term = Term.create(
            {
                "name": "二小2026秋",
                "date_start": "2026-08-01",
                "date_end": "2027-01-31",
                "company_id": cls.other_school.id,
            }
        )
        Class = cls.env["school.class"]
        cls.class_1 = Class.create(
            {
                "name": "三年级(2)班",
                "grade": "3",
                "class_number": 2,
                "term_id": term.id,
                "head_teacher_id": teacher_1.id,
            }
        )
        cls.class_2 = Class.create(
            {
                "name": "三年级(3)班",
                "grade": "3",
                "class_number": 3,
                "term_id": term.id,
                "head_teacher_id": teacher_2.id,
            }
        )
        cls.other_class = Class.create(
            {
                "name": "一年级(1)班",
                "grade": "1",
                "term_id": other_term.id,
                "head_teacher_id": other_teacher.id,
                "company_id": cls.other_school.id,
            }
        )
        cls.Visitor = cls.env["school.safety.visitor"]
        cls.Slip = cls.env["school.safety.leave.slip"]

    @staticmethod
    def _as(records, user):
        """``records`` as ``user``, working in that user's school."""
        return records.with_user(user).with_context(
            allowed_company_ids=user.company_ids.ids
        )

    @classmethod
    def _check_in(cls, user=None, **vals):
        return cls._as(cls.Visitor, user or cls.guard).create(
            {
                "visitor_name": "张明",
                "phone": "13915012345",
                "id_number_entry": ID_NUMBER,
                "organisation": "新北区教育局",
                "purpose": "检查校园安全工作",
                "host_employee_id": cls.host.id,
                "place_id": cls.gate.id,
                **vals,
            }
        )

    @classmethod
    def _slip(cls, user=None, school_class=None, **vals):
        return cls._as(cls.Slip, user or cls.head_teacher).create(
            {
                "student_name": "李小明",
                "class_id": (school_class or cls.class_1).id,
                "reason": "发烧，家长接回就医",
                "pickup_person": "李建军（父亲）",
                "leave_time": 10.5,
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestVisitor(GateCommon):
    def test_check_in_by_guard(self):
        """A guard registers a visitor: reference, time, guard and masked ID number are set."""
        visit = self._check_in(vehicle_plate="苏d 12345")
        self.assertTrue(visit.name.startswith("VIS/"))
        self.assertRecordValues(
            visit,
            [
                {
                    "state": "on_campus",
                    "guard_user_id": self.guard.id,
                    "id_number_masked": ID_MASKED,
                    "vehicle_plate": "苏D12345",
                    "company_id": self.school.id,
                    "check_out": False,
                }
            ],
        )
        self.assertTrue(visit.check_in)
        self.assertEqual(visit.sudo().id_number, ID_NUMBER)

    def test_school_safety_manager_reads_full_id_number(self):
        """The safety manager named in the school's settings reads full ID numbers; the principal does not."""
        visit = self._check_in()
        named = new_test_user(
            self.env, login="t_named_safety", groups="base.group_user,school_safety.group_safety_manager",
            company_id=self.school.id, company_ids=[(6, 0, self.school.ids)],
        )
        with self.assertRaises(AccessError):
            visit.with_user(named).read(["id_number"])
        self.school.safety_manager_user_id = named
        self.assertEqual(visit.with_user(named).read(["id_number"])[0]["id_number"], ID_NUMBER)
        with self.assertRaises(AccessError):
            visit.with_user(self.principal).read(["id_number"])

    def test_guard_cannot_read_full_id_number(self):
        """Only the safety manager reads the full ID number; a guard gets the masked one whatever the path."""
        visit = self._check_in()
        as_guard = visit.with_user(self.guard)
        with self.assertRaises(AccessError):
            as_guard.read(["id_number"])
        with self.assertRaises(AccessError):
            self.Visitor.with_user(self.guard).search_read(
                [("id", "=", visit.id)], ["id_number"]
            )
        with self.assertRaises(UserError):
            as_guard.export_data(["id_number"])  # guards have no export right at all
        self.guard.groups_id += self.env.ref("base.group_allow_export")
        with self.assertRaises(AccessError):
            as_guard.export_data(["id_number"])
        self.assertNotIn(
            ID_NUMBER, repr(as_guard.export_data(["id_number_masked", "visitor_name"]))
        )
        with self.assertRaises(AccessError):
            self.Visitor.with_user(self.guard).search([("id_number", "=", ID_NUMBER)])
        with self.assertRaises(AccessError):
            self.Visitor.with_user(self.guard).read_group(
                [], ["id_number"], ["id_number"]
            )
        with self.assertRaises(AccessError):
            as_guard.write({"id_number": OTHER_ID_NUMBER})
        as_guard.invalidate_recordset()
        with self.assertRaises(AccessError):
            _ = as_guard.id_number
        # every field a guard may read: the full number appears nowhere
        values = as_guard.read()[0]
        self.assertNotIn("id_number", values)
        self.assertNotIn(ID_NUMBER, repr(values))
        self.assertNotIn(
            ID_NUMBER,
            repr(as_guard.web_read({"id_number_entry": {}, "id_number_masked": {}})),
        )
        self.assertFalse(as_guard.id_number_entry, "the entry field is write-only")
        self.assertEqual(as_guard.id_number_masked, ID_MASKED)
        self.assertNotIn("id_number", self.Visitor.with_user(self.guard).fields_get())
        # nor in the chatter
        self.assertNotIn(ID_NUMBER, repr(visit.message_ids.mapped("body")))
        self.assertFalse(
            visit.message_ids.tracking_value_ids.filtered(
                lambda t: "id_number" in t.field_id.name
            )
        )
        # the safety manager reads it
        self.assertEqual(
            visit.with_user(self.safety_manager).read(["id_number"])[0]["id_number"],
            ID_NUMBER,
        )
        # the director and the principal are safety managers by their role, yet get the masked
        # number only: the full one is the safety manager's explicit right
        for boss in (self.manager, self.principal):
            with self.assertRaises(AccessError, msg=boss.login):
                visit.with_user(boss).read(["id_number"])
            with self.assertRaises(AccessError, msg=boss.login):
                self.Visitor.with_user(boss).search([("id_number", "=", ID_NUMBER)])
            self.assertEqual(visit.with_user(boss).id_number_masked, ID_MASKED)

    def test_guard_corrects_id_number(self):
        """A guard may re-enter a mistyped number without ever reading the stored one."""
        visit = self._check_in()
        visit.with_user(self.guard).write({"id_number_entry": OTHER_ID_NUMBER})
        self.assertEqual(visit.sudo().id_number, OTHER_ID_NUMBER)
        self.assertEqual(visit.id_number_masked, "3204**********3450")

    def test_id_number_checked(self):
        """A resident ID number with a wrong check digit is refused and nothing is saved; passports pass."""
        count = self.Visitor.search_count([])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._check_in(id_number_entry="320411198503121238")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._check_in(id_number_entry="32-04-11")
        self.assertEqual(self.Visitor.search_count([]), count, "nothing half-saved")
        visit = self._check_in(id_number_entry=" e1234 5678 ")
        self.assertEqual(visit.sudo().id_number, "E12345678")
        self.assertEqual(visit.id_number_masked, "E123*5678")
        lower_x = self._check_in(
            id_number_entry="11010519491231002x", badge_number=False
        )
        self.assertEqual(lower_x.sudo().id_number, "11010519491231002X")

    def test_erase_id_numbers_after_retention(self):
        """The daily cron erases ID numbers older than the configured retention; newer ones stay."""
        self.env["ir.config_parameter"].sudo().set_param(
            "school_safety.visitor_id_retention_days", "30"
        )
        with freeze_time("2026-09-01 02:00:00"):
            old = self._check_in()
            old.with_user(self.guard).action_check_out()
        with freeze_time("2026-09-25 02:00:00"):
            recent = self._check_in(
                visitor_name="王芳", id_number_entry=OTHER_ID_NUMBER
            )
        cron = self.env.ref("school_safety.ir_cron_school_safety_visitor_erase_ids")
        with freeze_time("2026-10-05 02:00:00"):
            cron.method_direct_trigger()
        self.assertRecordValues(
            old,
            [{"id_number_masked": False, "id_number_erased": True, "state": "left"}],
        )
        self.assertFalse(old.sudo().id_number)
        self.assertEqual(recent.sudo().id_number, OTHER_ID_NUMBER)
        self.assertFalse(recent.id_number_erased)
        # idempotent: a second run changes nothing and says nothing
        with freeze_time("2026-10-06 02:00:00"):
            self.assertEqual(self.Visitor._cron_erase_id_numbers(), 0)
        self.assertEqual(recent.sudo().id_number, OTHER_ID_NUMBER)
        for visit in old | recent:
            self.assertNotIn(ID_NUMBER, repr(visit.message_ids.mapped("body")))

    def test_erase_batched(self):
        """The erase job works in batches and reports what is left, so the scheduler runs it again."""
        with freeze_time("2026-01-05 02:00:00"):
            visits = self.Visitor.create(
                [
                    {
                        "visitor_name": f"访客{i}",
                        "purpose": "送货",
                        "id_number": ID_NUMBER,
                    }
                    for i in range(3)
                ]
            )
        with freeze_time("2026-10-05 02:00:00"):
            self.assertEqual(self.Visitor._cron_erase_id_numbers(batch_size=2), 2)
            self.assertEqual(len(visits.filtered("id_number_erased")), 2)
            self.assertEqual(self.Visitor._cron_erase_id_numbers(batch_size=2), 1)
        self.assertTrue(all(visits.mapped("id_number_erased")))

    def test_refuse_requires_reason(self):
        """Entry is refused only with a written reason."""
        visit = self._check_in()
        with self.assertRaises(UserError):
            visit.with_user(self.guard).action_refuse()
        self.assertEqual(visit.state, "on_campus")
        with self.assertRaises(UserError), self.cr.savepoint():
            self._check_in(state="refused", refuse_reason="  ")
        visit.with_user(self.guard).write({"refuse_reason": "无预约，推销商品"})
        visit.with_user(self.guard).action_refuse()
        self.assertEqual(visit.state, "refused")
        self.assertFalse(visit.check_out)
        with self.assertRaises(UserError):
            visit.with_user(self.guard).action_check_out()

    def test_on_campus_now(self):
        """The gate's default list shows who is on campus now: not those gone or refused."""
        here = self._check_in(badge_number="V-01")
        gone = self._check_in(visitor_name="王芳", badge_number="V-02")
        refused = self._check_in(visitor_name="孙强", refuse_reason="无正当理由")
        refused.action_refuse()
        gone.with_user(self.guard).action_check_out()
        action = self.env.ref("school_safety.school_safety_visitor_action_on_campus")
        self.assertIn("search_default_filter_on_campus", action.context)
        on_campus = self.Visitor.with_user(self.guard).search(
            [("state", "=", "on_campus")]
        )
        self.assertIn(here, on_campus)
        self.assertNotIn(gone, on_campus)
        self.assertNotIn(refused, on_campus)

    def test_check_out(self):
        """Check-out stamps the time; it cannot be before check-in, nor happen twice."""
        with freeze_time("2026-10-14 02:00:00"):
            visit = self._check_in()
        with freeze_time("2026-10-14 03:30:00"):
            visit.with_user(self.guard).action_check_out()
        self.assertRecordValues(
            visit,
            [{"state": "left", "check_out": visit.check_in.replace(hour=3, minute=30)}],
        )
        with self.assertRaises(UserError):
            visit.with_user(self.guard).action_check_out()
        with self.assertRaises(UserError):
            visit.with_user(self.guard).write({"check_out": "2026-10-14 01:00:00"})
        with self.assertRaises(ValidationError):
            visit.sudo().write({"check_out": "2026-10-14 01:00:00"})

    def test_badge_not_handed_out_twice(self):
        """A badge is worn by one visitor on campus at a time."""
        first = self._check_in(badge_number="V-01")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._check_in(visitor_name="王芳", badge_number="V-01")
        first.with_user(self.guard).action_check_out()
        self.assertTrue(self._check_in(visitor_name="王芳", badge_number="V-01"))

    def test_access_per_role(self):
        """Staff read only the visits they host; guards register but never delete; the manager does."""
        hosted = self._check_in()
        other = self._check_in(visitor_name="刘伟", host_employee_id=False)
        Visitor = self.Visitor.with_user(self.staff)
        self.assertEqual(Visitor.search([("id", "in", (hosted | other).ids)]), hosted)
        with self.assertRaises(AccessError):
            self._check_in(user=self.staff)
        with self.assertRaises(AccessError):
            hosted.with_user(self.staff).write({"purpose": "改"})
        with self.assertRaises(AccessError):
            hosted.with_user(self.staff).read(["id_number"])
        with self.assertRaises(AccessError):
            other.with_user(self.head_teacher).read(["visitor_name"])
        with self.assertRaises(AccessError):
            hosted.with_user(self.guard).unlink()
        other.with_user(self.safety_manager).unlink()
        self.assertFalse(other.exists())

    def test_two_schools_apart(self):
        """One school's register is invisible to another school's guard."""
        visit = self._check_in()
        other_visit = self._check_in(
            user=self.other_guard, place_id=self.other_gate.id, host_employee_id=False
        )
        self.assertEqual(other_visit.company_id, self.other_school)
        self.assertEqual(
            self._as(self.Visitor, self.other_guard).search(
                [("id", "in", (visit | other_visit).ids)]
            ),
            other_visit,
        )
        with self.assertRaises(AccessError):
            self._as(visit, self.other_guard).read(["visitor_name"])
        with self.assertRaises(UserError):
            self._check_in(place_id=self.other_gate.id)

    def test_check_in_form(self):
        """The guard's check-in form takes the ID number and shows it masked once saved."""
        with Form(self.Visitor.with_user(self.guard)) as form:
            form.visitor_name = "张明"
            form.id_number_entry = ID_NUMBER
            form.purpose = "送教辅资料"
            form.host_employee_id = self.host
            form.place_id = self.gate
        visit = form.record
        self.assertEqual(visit.id_number_masked, ID_MASKED)
        self.assertEqual(visit.sudo().id_number, ID_NUMBER)
        self.assertEqual(visit.state, "on_campus")


@tagged("post_install", "-at_install")
class TestLeaveSlip(GateCommon):
    @freeze_time("2026-10-14 02:00:00")
    def test_head_teacher_issues(self):
        """The class's head teacher writes and signs the slip."""
        slip = self._slip()
        self.assertTrue(slip.name.startswith("LS/"))
        self.assertEqual(slip.state, "draft")
        self.assertEqual(str(slip.leave_date), "2026-10-14")
        slip.with_user(self.head_teacher).action_issue()
        self.assertRecordValues(
            slip, [{"state": "issued", "issued_user_id": self.head_teacher.id}]
        )
        self.assertTrue(slip.issued_datetime)

    @freeze_time("2026-10-14 02:00:00")
    def test_only_class_head_teacher_issues(self):
        """Another class's head teacher cannot write or sign the slip; a safety manager can sign."""
        with self.assertRaises(AccessError):
            self._slip(user=self.head_teacher_2)
        slip = self._slip(user=self.safety_manager)
        with self.assertRaises(AccessError):
            slip.with_user(self.head_teacher_2).action_issue()
        with self.assertRaises(AccessError):
            slip.with_user(self.head_teacher_2).write(
                {"class_id": self.class_2.id, "state": "issued"}
            )
        slip.with_user(self.safety_manager).action_issue()
        self.assertEqual(slip.issued_user_id, self.safety_manager)

    def test_cannot_issue_for_another_class(self):
        """A head teacher who can see a slip of another class (e.g. also a guard) still cannot sign it."""
        self.head_teacher_2.groups_id += self.env.ref(
            "school_safety.group_safety_guard"
        )
        slip = self._slip()
        with self.assertRaises(AccessError):
            slip.with_user(self.head_teacher_2)._check_can_issue()

    def test_guard_cannot_create_or_edit_slips(self):
        """A guard neither writes nor edits slips and does not see drafts."""
        with self.assertRaises(AccessError):
            self._slip(user=self.guard)
        draft = self._slip()
        issued = self._slip(student_name="周子涵")
        issued.action_issue()
        self.assertEqual(
            self.Slip.with_user(self.guard).search(
                [("id", "in", (draft | issued).ids)]
            ),
            issued,
        )
        with self.assertRaises(UserError):  # AccessError, or the state's own refusal
            issued.with_user(self.guard).write({"state": "returned"})
        with self.assertRaises(AccessError):
            issued.with_user(self.guard).unlink()

    def test_gate_lets_student_out_and_back(self):
        """The guard checks a slip valid today: who let the student out and back, and when."""
        with freeze_time("2026-10-14 01:00:00"):
            slip = self._slip()
            slip.with_user(self.head_teacher).action_issue()
        with freeze_time("2026-10-14 02:30:00"):
            today = self.Slip.with_user(self.guard).search(
                [("leave_date", "=", "2026-10-14"), ("state", "=", "issued")]
            )
            self.assertEqual(today, slip)
            slip.with_user(self.guard).action_gate_check_out()
        self.assertRecordValues(
            slip, [{"state": "checked_out", "gate_out_user_id": self.guard.id}]
        )
        self.assertEqual(str(slip.gate_out_datetime), "2026-10-14 02:30:00")
        with self.assertRaises(UserError):
            slip.with_user(self.guard).action_gate_check_out()
        with freeze_time("2026-10-14 06:00:00"):
            slip.with_user(self.guard).action_gate_return()
        self.assertRecordValues(
            slip, [{"state": "returned", "gate_return_user_id": self.guard.id}]
        )
        with freeze_time("2026-10-14 07:00:00"):
            other = self._slip(student_name="吴悦")
            other.with_user(self.head_teacher).action_issue()
            with self.assertRaises(AccessError):
                other.with_user(self.head_teacher).action_gate_check_out()
        self.assertEqual(other.state, "issued", "only the gate lets a student out")

    def test_expired_slip_refused_at_gate(self):
        """A slip is valid on its day only: the next day the gate refuses it."""
        with freeze_time("2026-10-14 01:00:00"):
            slip = self._slip()
            slip.with_user(self.head_teacher).action_issue()
        with freeze_time("2026-10-15 01:00:00"):
            self.assertTrue(slip.with_user(self.guard).is_expired)
            with self.assertRaises(UserError):
                slip.with_user(self.guard).action_gate_check_out()
        self.assertEqual(slip.state, "issued")
        with freeze_time("2026-10-13 01:00:00"), self.assertRaises(UserError):
            slip.with_user(self.guard).action_gate_check_out()
        with freeze_time("2026-10-15 01:00:00"), self.assertRaises(UserError):
            self._slip(leave_date="2026-10-14").with_user(
                self.head_teacher
            ).action_issue()

    @freeze_time("2026-10-14 02:00:00")
    def test_signed_slip_is_frozen(self):
        """What the head teacher signed cannot be changed or deleted; it can be cancelled."""
        slip = self._slip()
        slip.with_user(self.head_teacher).action_issue()
        with self.assertRaises(UserError):
            slip.with_user(self.head_teacher).write({"reason": "改成别的理由"})
        with self.assertRaises(UserError):
            slip.with_user(self.head_teacher).unlink()
        slip.with_user(self.head_teacher).action_cancel()
        with self.assertRaises(UserError):
            slip.with_user(self.guard).action_gate_check_out()
        # a signed slip, even cancelled, stays in the gate register as it was signed
        with self.assertRaises(UserError):
            slip.with_user(self.head_teacher).action_reset_draft()
        with self.assertRaises(UserError):
            slip.with_user(self.head_teacher).write({"reason": "发烧"})
        with self.assertRaises(UserError):
            slip.with_user(self.head_teacher).unlink()
        self.assertRecordValues(
            slip, [{"state": "cancelled", "issued_user_id": self.head_teacher.id}]
        )
        # a slip cancelled before signing goes back to draft and may be deleted
        unsigned = self._slip(student_name="吴悦")
        unsigned.with_user(self.head_teacher).action_cancel()
        unsigned.with_user(self.head_teacher).action_reset_draft()
        unsigned.with_user(self.head_teacher).write({"reason": "发烧"})
        unsigned.with_user(self.head_teacher).unlink()
        self.assertFalse(unsigned.exists())

    def test_return_after_leave(self):
        """The expected return time is after the leave time."""
        with self.assertRaises(ValidationError):
            self._slip(leave_time=14.0, expected_return_time=13.0)

    def test_slip_access_per_role(self):
        """Plain staff see no slips; head teachers only their classes'."""
        slip = self._slip()
        with self.assertRaises(AccessError):
            slip.with_user(self.staff).read(["student_name"])
        with self.assertRaises(AccessError):
            slip.with_user(self.head_teacher_2).read(["student_name"])
        self.assertEqual(
            self.Slip.with_user(self.head_teacher).search([("id", "=", slip.id)]), slip
        )
        self.assertEqual(
            self.Slip.with_user(self.safety_manager).search([("id", "=", slip.id)]),
            slip,
        )

    @freeze_time("2026-10-14 02:00:00")
    def test_slip_two_schools_apart(self):
        """One school's slips are invisible to another school's gate and teachers."""
        slip = self._slip()
        slip.action_issue()
        other = self._slip(
            user=self.other_head_teacher,
            school_class=self.other_class,
            company_id=self.other_school.id,
        )
        self.assertEqual(other.company_id, self.other_school)
        self._as(other, self.other_head_teacher).action_issue()
        self.assertEqual(self._as(self.Slip, self.other_guard).search([]), other)
        with self.assertRaises(AccessError):
            self._as(slip, self.other_guard).action_gate_check_out()
        with self.assertRaises(UserError):
            self._slip(school_class=self.other_class, user=self.safety_manager)

    @freeze_time("2026-10-14 02:00:00")
    def test_slip_form(self):
        """The head teacher's form: today by default, the class's head teacher shown."""
        with Form(self.Slip.with_user(self.head_teacher)) as form:
            form.student_name = "李小明"
            form.class_id = self.class_1
            form.reason = "发烧"
            self.assertEqual(form.head_teacher_id.user_id, self.head_teacher)
            self.assertEqual(str(form.leave_date), "2026-10-14")
        self.assertEqual(form.record.company_id, self.school)


@tagged("post_install", "-at_install")
class TestGateViews(GateCommon):
    def test_views_load_per_role(self):
        """Every view of the gate opens for the people who use it, without the full ID number."""
        for model, users in (
            ("school.safety.visitor", (self.guard, self.safety_manager)),
            (
                "school.safety.leave.slip",
                (self.guard, self.head_teacher, self.safety_manager),
            ),
        ):
            for user in users:
                views = (
                    self.env[model]
                    .with_user(user)
                    .get_views(
                        [(False, kind) for kind in ("list", "kanban", "form", "search")]
                    )
                )
                self.assertEqual(
                    set(views["views"]), {"list", "kanban", "form", "search"}
                )
                if model == "school.safety.visitor":
                    form_arch = views["views"]["form"]["arch"]
                    self.assertEqual(
                        'name="id_number"' in form_arch,
                        user == self.safety_manager,
                        user.login,
                    )

    def test_gate_menus(self):
        """Guards find the visitors and today's slips; head teachers their slips."""
        Menu = self.env["ir.ui.menu"]
        on_campus = self.env.ref("school_safety.menu_school_safety_visitor_on_campus")
        slips_today = self.env.ref("school_safety.menu_school_safety_leave_slip_gate")
        slips = self.env.ref("school_safety.menu_school_safety_leave_slip")
        guard_menus = Menu.with_user(self.guard)._visible_menu_ids()
        self.assertIn(on_campus.id, guard_menus)
        self.assertIn(slips_today.id, guard_menus)
        head_menus = Menu.with_user(self.head_teacher)._visible_menu_ids()
        self.assertIn(slips.id, head_menus)
        self.assertNotIn(on_campus.id, head_menus)
