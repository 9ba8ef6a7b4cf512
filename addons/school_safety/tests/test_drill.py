from contextlib import contextmanager

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class SafetyDrillCommon(SchoolBaseCommon):
    """School base fixtures plus the safety roles and a term in each school."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.guard = cls._new_user("t_guard", "school_safety.group_safety_guard")
        cls.safety = cls._new_user("t_safety", "school_safety.group_safety_manager")
        cls.other_safety = cls._new_user("t_other_safety", "school_safety.group_safety_manager", cls.other_school)
        Term = cls.env["school.term"]
        cls.term = Term.create(
            {"name": "2030–2031学年第一学期", "date_start": "2030-08-01", "date_end": "2031-01-31",
             "company_id": cls.school.id}
        )
        cls.next_term = Term.create(
            {"name": "2030–2031学年第二学期", "date_start": "2031-02-01", "date_end": "2031-07-31",
             "company_id": cls.school.id}
        )
        cls.other_term = Term.create(
            {"name": "二小2030秋", "date_start": "2030-08-01", "date_end": "2031-01-31",
             "company_id": cls.other_school.id}
        )
        Class = cls.env["school.class"]
        cls.class_1, cls.class_2 = Class.create(
            [
                {"name": "一年级(1)班", "grade": "1", "term_id": cls.term.id, "headcount": 40},
                {"name": "一年级(2)班", "grade": "1", "class_number": 2, "term_id": cls.term.id, "headcount": 42},
            ]
        )
        cls.playground = cls.env["school.place"].create(
            {"name": "操场", "level": "area", "kind": "playground", "parent_id": cls.campus.id,
             "company_id": cls.school.id}
        )
        Severity = cls.env["school.safety.hazard.severity"]
        if not Severity.search([], limit=1):
            Severity.create({"name": "一般隐患", "deadline_hours": 24})

    @contextmanager
    def _raises(self, exception, text):
        """assertRaises (rolled back to a savepoint, so nothing is half-saved) with the message."""
        with self.assertRaises(exception) as catcher:
            yield catcher
        self.assertIn(text, str(catcher.exception))

    @classmethod
    def _new_drill(cls, **vals):
        return cls.env["school.safety.drill"].with_user(cls.safety).create(
            {
                "name": "消防疏散演练",
                "drill_type": "fire",
                "date_planned": "2030-09-20",
                "place_id": cls.playground.id,
                **vals,
            }
        )


class TestDrill(SafetyDrillCommon):
    def test_workflow_and_problems_become_hazards(self):
        """A drill is planned, held with participants and an evacuation time, evaluated;
        its problems become hazards from the drill, at the drill's place."""
        drill = self._new_drill()
        self.assertEqual(drill.term_id, self.term, "the term is the one containing the planned date")
        self.assertEqual(drill.state, "planned")
        with self._raises(UserError, "classes"):
            drill.action_hold()
        drill.write({"class_ids": [(6, 0, (self.class_1 | self.class_2).ids)], "staff_count": 5})
        self.assertEqual(drill.student_count, 82)
        self.assertEqual(drill.participant_count, 87)
        with self._raises(UserError, "evacuation time"):
            drill.action_hold()
        drill.evacuation_duration = 3.5
        drill.with_user(self.safety).action_hold()
        self.assertEqual(drill.state, "held")
        self.assertTrue(drill.date_held)
        with self.assertRaises(UserError):
            drill.action_hold()

        drill.write(
            {
                "problem_ids": [
                    (0, 0, {"description": "东楼梯口拥堵", "place_id": self.stairs.id, "category": "building"}),
                    (0, 0, {"description": "警报声音偏小", "category": "equipment"}),
                ]
            }
        )
        with self._raises(UserError, "evaluation"):
            drill.action_evaluate()
        drill.write({"evaluation": "疏散有序，个别楼梯口拥堵。", "rating": "good"})
        drill.with_user(self.safety).action_evaluate()
        self.assertEqual(drill.state, "evaluated")
        self.assertEqual(len(drill.hazard_ids), 2)
        self.assertEqual(drill.hazard_count, 2)
        self.assertRecordValues(
            drill.hazard_ids.sorted("id"),
            [
                {"source": "drill", "drill_id": drill.id, "place_id": self.stairs.id, "category": "building"},
                {"source": "drill", "drill_id": drill.id, "place_id": self.playground.id, "category": "equipment"},
            ],
        )
        self.assertEqual(drill.problem_ids.hazard_id, drill.hazard_ids)
        # raising again does not duplicate
        drill.action_create_hazards()
        self.assertEqual(len(drill.hazard_ids), 2)
        with self._raises(UserError, "already followed up"):
            drill.problem_ids[0].description = "改写"
        with self.assertRaises(UserError):
            drill.unlink()

    def test_problem_hazard_button_needs_held_and_place(self):
        """A problem becomes a hazard only once the drill is held and only with a place;
        a failed attempt creates no hazard."""
        drill = self._new_drill(place_id=False, class_ids=[(6, 0, self.class_1.ids)], evacuation_duration=2.5)
        problem = self.env["school.safety.drill.problem"].create({"drill_id": drill.id, "description": "出口堵塞"})
        with self.assertRaises(UserError):
            problem.action_create_hazard()
        drill.action_hold()
        Hazard = self.env["school.safety.hazard"]
        with self._raises(UserError, "where"):
            problem.action_create_hazard()
        self.assertFalse(Hazard.search([("drill_id", "=", drill.id)]))
        problem.place_id = self.gate
        problem.action_create_hazard()
        self.assertEqual(problem.hazard_id.drill_id, drill)
        self.assertEqual(problem.hazard_id.source, "drill")

    def test_evacuation_time_positive(self):
        """The evacuation time cannot be negative; nothing is saved."""
        with self._raises(ValidationError, "positive"):
            self._new_drill(evacuation_duration=-1)
        self.assertFalse(self.env["school.safety.drill"].search([("term_id", "=", self.term.id)]))
        drill = self._new_drill()
        with self.assertRaises(ValidationError):
            drill.evacuation_duration = -0.5
        # an anti-terror drill needs no evacuation time
        lockdown = self._new_drill(drill_type="anti_terror", staff_count=12)
        lockdown.action_hold()
        self.assertEqual(lockdown.state, "held")

    def test_date_and_term(self):
        """A drill is planned within its term; a date with no term is refused clearly."""
        with self._raises(ValidationError, "outside term"):
            self._new_drill(term_id=self.term.id, date_planned="2031-03-01")
        with self._raises(UserError, "No term"):
            self._new_drill(date_planned="2035-03-01")
        self.assertEqual(self._new_drill(date_planned="2031-03-01").term_id, self.next_term)

    def test_cancel_and_delete(self):
        """Only a planned drill is cancelled; a cancelled one can be planned again or deleted."""
        drill = self._new_drill()
        drill.action_cancel()
        self.assertEqual(drill.state, "cancel")
        with self.assertRaises(UserError):
            drill.action_hold()
        drill.action_reset_planned()
        self.assertEqual(drill.state, "planned")
        drill.unlink()
        self.assertFalse(drill.exists())

    def test_planned_vs_held_for_the_term(self):
        """The term summary counts planned and held drills, the fire/emergency ones against
        the four a term, and names the months without any drill; the pivot groups them by month."""
        held = self._new_drill(date_planned="2030-09-10", staff_count=10, evacuation_duration=3)
        held.action_hold()
        self._new_drill(date_planned="2030-10-15", drill_type="earthquake")
        self._new_drill(date_planned="2030-11-12", drill_type="other", name="交通安全演练")
        cancelled = self._new_drill(date_planned="2030-12-01")
        cancelled.action_cancel()
        summary = self.env["school.safety.drill"]._get_term_summary(self.term)[self.term.id]
        self.assertEqual(summary["planned"], 3)
        self.assertEqual(summary["held"], 1)
        self.assertEqual(summary["emergency"], 2)
        self.assertEqual(summary["months_without"], ["2030-08", "2030-12", "2031-01"])
        self.assertIn("2 of 4", summary["warning"])
        self.assertIn("2030-12", summary["warning"])
        self.assertEqual(held.term_warning, summary["warning"])

        groups = self.env["school.safety.drill"]._read_group(
            [("term_id", "=", self.term.id)], ["date_planned:month", "state"], ["__count"]
        )
        counts = {(month.month, state): count for month, state, count in groups}
        self.assertEqual(
            counts, {(9, "held"): 1, (10, "planned"): 1, (11, "planned"): 1, (12, "cancel"): 1}
        )
        # a full term clears the warning
        for date in ("2030-08-28", "2030-12-10", "2031-01-08"):
            self._new_drill(date_planned=date, drill_type="evacuation")
        summary = self.env["school.safety.drill"]._get_term_summary(self.term)[self.term.id]
        self.assertEqual(summary["emergency"], 5)
        self.assertFalse(summary["months_without"])
        self.assertFalse(summary["warning"])

    def test_form_onchanges(self):
        """In the form, the planned date picks the term and the classes give the headcount."""
        with Form(self.env["school.safety.drill"].with_user(self.safety)) as form:
            form.name = "防震演练"
            form.drill_type = "earthquake"
            form.date_planned = "2031-03-10"
            self.assertEqual(form.term_id, self.next_term)
            form.date_planned = "2030-10-10"
            self.assertEqual(form.term_id, self.term)
            form.class_ids.add(self.class_1)
            form.class_ids.add(self.class_2)
            form.staff_count = 4
            self.assertEqual(form.student_count, 82)
            self.assertEqual(form.participant_count, 86)
            self.assertIn("0 of 4", form.term_warning, "the term has no drill saved yet")
            form.date_planned = "2031-03-10"
            self.assertEqual(form.term_id, self.next_term)
            self.assertFalse(form.class_ids, "classes of another term are dropped")
        self.assertEqual(form.record.term_id, self.next_term)
        self.assertIn("1 of 4", form.record.term_warning)

    def test_access_per_role(self):
        """Staff, guards and head teachers read drills; only the safety manager plans and runs them."""
        drill = self._new_drill()
        for user in (self.staff, self.guard, self.head_teacher, self.officer):
            self.assertEqual(drill.with_user(user).read(["name"])[0]["name"], "消防疏散演练")
            with self.assertRaises(AccessError):
                drill.with_user(user).write({"staff_count": 3})
            with self.assertRaises(AccessError):
                self.env["school.safety.drill"].with_user(user).create(
                    {"name": "演练", "date_planned": "2030-09-01"}
                )
            with self.assertRaises(AccessError):
                drill.with_user(user).action_cancel()
        drill.with_user(self.manager).write({"staff_count": 3})
        drill.with_user(self.principal).action_cancel()
        drill.with_user(self.safety).unlink()

    def test_two_schools_kept_apart(self):
        """A school sees none of another school's drills, nor plans one at its places."""
        drill = self._new_drill()
        other_env = self.env(user=self.other_safety, context={"allowed_company_ids": self.other_school.ids})
        self.assertFalse(other_env["school.safety.drill"].search([]))
        with self.assertRaises(AccessError):
            drill.with_env(other_env).read(["name"])
        with self.assertRaises(UserError):
            self._new_drill(place_id=self.other_gate.id)
        own = other_env["school.safety.drill"].create({"name": "二小演练", "date_planned": "2030-09-05"})
        self.assertEqual(own.term_id, self.other_term)
        self.assertEqual(
            self.env["school.safety.drill"]._get_term_summary(self.term)[self.term.id]["planned"], 1
        )


@tagged("post_install", "-at_install")
class TestDrillViews(SafetyDrillCommon):
    def test_menus(self):
        """Every staff member finds the drills; the plan by term is in the safety ledgers."""
        Menu = self.env["ir.ui.menu"]
        drills = self.env.ref("school_safety.menu_school_safety_drill")
        plan = self.env.ref("school_safety.menu_school_safety_drill_plan")
        self.assertIn(drills.id, Menu.with_user(self.staff)._visible_menu_ids())
        self.assertNotIn(plan.id, Menu.with_user(self.staff)._visible_menu_ids())
        self.assertIn(plan.id, Menu.with_user(self.safety)._visible_menu_ids())
