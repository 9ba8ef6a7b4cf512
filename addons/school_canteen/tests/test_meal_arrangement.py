from odoo.exceptions import AccessError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from odoo.addons.school_base.tests.common import SchoolBaseCommon


@tagged("post_install", "-at_install")
class TestMealArrangement(SchoolBaseCommon):
    """学生用餐安排: slots and tables per class and term; no two classes at one table at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.canteen_manager = cls._new_user("t_meal_mgr", "school_canteen.group_canteen_manager")
        cls.cook = cls._new_user("t_meal_cook", "school_canteen.group_canteen_staff")
        cls.other_manager = cls._new_user("t_meal_other_mgr", "school_canteen.group_canteen_manager", cls.other_school)
        cls.other_head = cls._new_user("t_meal_other_head", "school_base.group_school_head_teacher")
        cls.duty_user = cls._new_user("t_meal_duty", "school_base.group_school_staff")
        Employee = cls.env["hr.employee"]
        head_employee = Employee.create({"name": "陆静", "user_id": cls.head_teacher.id, "company_id": cls.school.id})
        other_head_employee = Employee.create(
            {"name": "周敏", "user_id": cls.other_head.id, "company_id": cls.school.id}
        )
        cls.duty_employee = Employee.create({"name": "孙浩", "user_id": cls.duty_user.id, "company_id": cls.school.id})
        Term = cls.env["school.term"]
        cls.term = Term.create({"name": "2026秋", "date_start": "2026-08-01", "date_end": "2027-01-31",
                                "company_id": cls.school.id})
        cls.other_term = Term.create({"name": "二小2026秋", "date_start": "2026-08-01", "date_end": "2027-01-31",
                                      "company_id": cls.other_school.id})
        Class = cls.env["school.class"]
        cls.class_1 = Class.create({"name": "一年级(1)班", "grade": "1", "class_number": 1, "headcount": 40,
                                    "term_id": cls.term.id, "head_teacher_id": head_employee.id,
                                    "company_id": cls.school.id})
        cls.class_2 = Class.create({"name": "一年级(2)班", "grade": "1", "class_number": 2, "headcount": 42,
                                    "term_id": cls.term.id, "head_teacher_id": other_head_employee.id,
                                    "company_id": cls.school.id})
        cls.other_class = Class.create({"name": "二小一年级(1)班", "grade": "1", "term_id": cls.other_term.id,
                                        "company_id": cls.other_school.id})
        Place = cls.env["school.place"]
        cls.hall = Place.create({"name": "师生餐厅", "level": "area", "kind": "canteen", "company_id": cls.school.id})
        cls.other_hall = Place.create({"name": "二小餐厅", "level": "area", "kind": "canteen",
                                       "company_id": cls.other_school.id})
        cls.Arrangement = cls.env["school.canteen.meal.arrangement"]

    def _arrange(self, user=None, **vals):
        Arrangement = self.Arrangement.with_user(user or self.canteen_manager)
        return Arrangement.create({
            "term_id": self.term.id, "class_id": self.class_1.id, "meal": "lunch",
            "time_start": 11.0, "time_end": 11.5, "place_id": self.hall.id,
            "table_from": 1, "table_to": 5, "seats": 40, "duty_employee_id": self.duty_employee.id,
            "company_id": self.school.id, **vals,
        })

    def test_form_and_slot(self):
        """The canteen manager fills the form; the seats default to the class's headcount; the slot reads HH:MM."""
        with Form(self.Arrangement.with_user(self.canteen_manager)) as form:
            form.term_id = self.term
            form.class_id = self.class_2
            self.assertEqual(form.seats, 42)
            form.time_start = 11.5833
            form.time_end = 12.0833
            form.place_id = self.hall
            form.table_from = 6
            form.table_to = 11
        arrangement = form.record
        self.assertEqual(arrangement.slot, "11:35-12:05")
        self.assertEqual(arrangement.tables, "6-11")
        self.assertEqual(arrangement.head_teacher_user_id, self.other_head)

    def test_overlapping_tables_refused(self):
        """The same tables at an overlapping time are refused; other tables, the next slot, another
        area or the other school are free."""
        self._arrange()
        count = self.Arrangement.search_count([])
        with self.assertRaisesRegex(ValidationError, "already taken by 一年级\\(1\\)班"):
            self._arrange(class_id=self.class_2.id, time_start=11.25, time_end=11.75, table_from=5, table_to=8)
        self.assertEqual(self.Arrangement.search_count([]), count)
        self._arrange(class_id=self.class_2.id, table_from=6, table_to=10)
        self._arrange(class_id=self.class_2.id, meal="dinner", time_start=11.5, time_end=12.0)
        annex = self.env["school.place"].create(
            {"name": "食堂二楼", "level": "area", "kind": "canteen", "company_id": self.school.id}
        )
        self._arrange(class_id=self.class_2.id, meal="breakfast", place_id=annex.id)
        other = self.env["school.canteen.meal.arrangement"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        ).create({
            "term_id": self.other_term.id, "class_id": self.other_class.id, "time_start": 11.0, "time_end": 11.5,
            "place_id": self.other_hall.id, "table_from": 1, "table_to": 5, "seats": 30,
        })
        self.assertEqual(other.company_id, self.other_school)

    def test_bad_input(self):
        """A reversed slot, wrong tables, no seats, a class of another term or a second lunch of a class are refused."""
        wrong = [
            {"time_start": 12.0, "time_end": 11.0},
            {"time_end": 25.0},
            {"table_from": 0},
            {"table_from": 5, "table_to": 3},
            {"seats": 0},
        ]
        for vals in wrong:
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self._arrange(**vals)
        self.assertFalse(self.Arrangement.search([("company_id", "=", self.school.id)]))
        spring = self.env["school.term"].create(
            {"name": "2027春", "date_start": "2027-02-01", "date_end": "2027-07-31", "company_id": self.school.id}
        )
        with self.assertRaises(ValidationError):
            self._arrange(term_id=spring.id)
        self._arrange()
        with mute_logger("odoo.sql_db"), self.assertRaises(ValidationError):
            self._arrange(table_from=20, table_to=22)

    def test_roles(self):
        """The head teacher and the teacher on duty read their class's arrangement only, and change nothing;
        the canteen staff read every class; the other school sees none."""
        mine = self._arrange()
        theirs = self._arrange(class_id=self.class_2.id, table_from=6, table_to=10, duty_employee_id=False)
        for user in (self.head_teacher, self.duty_user):
            with self.subTest(user=user.login):
                self.assertEqual(self.Arrangement.with_user(user).search([]), mine)
                with self.assertRaises(AccessError):
                    theirs.with_user(user).read(["slot"])
                with self.assertRaises(AccessError):
                    mine.with_user(user).write({"seats": 30})
        self.assertEqual(self.Arrangement.with_user(self.other_head).search([]), theirs)
        self.assertEqual(self.Arrangement.with_user(self.cook).search([]), mine | theirs)
        with self.assertRaises(AccessError):
            self._arrange(user=self.cook, class_id=self.class_2.id, meal="dinner")
        self.assertEqual(self.Arrangement.with_user(self.manager).search([]), mine | theirs)
        self._arrange(user=self.manager, meal="dinner", time_start=17.0, time_end=17.5)
        other_env = self.env(user=self.other_manager, context=dict(self.env.context, allowed_company_ids=self.other_school.ids))
        self.assertFalse(other_env["school.canteen.meal.arrangement"].search([]))
        with self.assertRaises(AccessError):
            mine.with_env(other_env).read(["slot"])
