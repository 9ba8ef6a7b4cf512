from datetime import timedelta

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestDismissalUi(HttpCase):
    def test_head_teacher_ticks_on_the_board(self):
        """A head teacher puts up the class board, then the room empty board, from the board."""
        teacher = new_test_user(
            self.env,
            login="tour_head_teacher",
            groups="base.group_user,school_base.group_school_head_teacher",
        )
        company = self.env.company
        Dismissal = self.env["school.safety.dismissal"]
        today = Dismissal._local_now(company).date()
        term = self.env["school.term"]._get_current(
            date=today, company=company
        ) or self.env["school.term"].create(
            {
                "name": "本学期",
                "date_start": today - timedelta(days=30),
                "date_end": today + timedelta(days=30),
            }
        )
        employee = self.env["hr.employee"].create(
            {"name": "巡视老师", "user_id": teacher.id, "company_id": company.id}
        )
        school_class = self.env["school.class"].create(
            {
                "name": "九年级(9)班",
                "grade": "9",
                "class_number": 9,
                "term_id": term.id,
                "head_teacher_id": employee.id,
            }
        )
        check = Dismissal.create({"class_id": school_class.id, "date": today})
        self.start_tour(
            "/odoo/action-school_safety.school_safety_dismissal_action_board",
            "school_safety_dismissal_board_tour",
            login="tour_head_teacher",
        )
        self.assertRecordValues(
            check,
            [
                {
                    "state": "cleared",
                    "count_parents": 30,
                    "count_alone": 5,
                    "escort_user_id": teacher.id,
                }
            ],
        )
