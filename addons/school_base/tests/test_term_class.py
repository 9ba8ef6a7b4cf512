from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import SchoolBaseCommon


class TestTermAndClass(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Term = cls.env["school.term"]
        cls.autumn = Term.create({"name": "2026秋", "date_start": "2026-09-01", "date_end": "2027-01-25"})
        cls.spring = Term.create({"name": "2027春", "date_start": "2027-02-20", "date_end": "2027-07-05"})

    def test_current_term_by_date(self):
        """The current term is the one whose dates contain the day."""
        Term = self.env["school.term"]
        self.assertEqual(Term._get_current(date(2026, 11, 3)), self.autumn)
        self.assertEqual(Term._get_current(date(2027, 3, 1)), self.spring)
        self.assertFalse(Term._get_current(date(2027, 2, 5)))
        self.assertFalse(Term._get_current(date(2026, 11, 3), company=self.other_school))
        current = Term.search([("is_current", "=", True)])
        today = date.today()
        self.assertEqual(
            bool(current), bool(self.autumn.date_start <= today <= self.autumn.date_end
                                or self.spring.date_start <= today <= self.spring.date_end)
        )

    def test_term_dates(self):
        """A term ends after it starts and does not overlap another of the same school."""
        with self.assertRaises(ValidationError):
            self.env["school.term"].create({"name": "重叠", "date_start": "2027-01-01", "date_end": "2027-03-01"})
        other = self.env["school.term"].create(
            {"name": "二小秋", "date_start": "2026-09-01", "date_end": "2027-01-25", "company_id": self.other_school.id}
        )
        self.assertTrue(other)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.env["school.term"].create({"name": "倒置", "date_start": "2028-03-01", "date_end": "2028-01-01"})

    def test_class(self):
        """A class has a grade, head teacher, home room and a non-negative headcount."""
        teacher = self.env["hr.employee"].create({"name": "王丽", "user_id": self.head_teacher.id})
        room = self.env["school.place"].create({"name": "301", "level": "area", "kind": "classroom"})
        with Form(self.env["school.class"]) as form:
            form.name = "三年级(2)班"
            form.grade = "3"
            form.class_number = 2
            form.term_id = self.autumn
            form.head_teacher_id = teacher
            form.home_place_id = room
            form.headcount = 42
        school_class = form.record
        self.assertEqual(school_class.head_teacher_user_id, self.head_teacher)
        self.assertEqual(school_class.grade_sequence, 3)
        self.assertEqual(self.autumn.class_count, 1)
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            school_class.headcount = -1
            school_class.flush_recordset()
        with self.assertRaises(ValidationError):
            school_class.class_number = 0
