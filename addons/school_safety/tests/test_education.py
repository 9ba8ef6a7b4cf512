from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .test_drill import SafetyDrillCommon


class SafetyEducationCommon(SafetyDrillCommon):
    """Drill fixtures plus the head teacher of class 1 as an employee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_employee = cls.env["hr.employee"].create(
            {"name": "陈丽", "user_id": cls.head_teacher.id, "company_id": cls.school.id}
        )
        cls.class_1.head_teacher_id = cls.head_employee
        cls.other_class = cls.env["school.class"].create(
            {"name": "二小一年级(1)班", "grade": "1", "term_id": cls.other_term.id, "headcount": 35,
             "company_id": cls.other_school.id}
        )

    def _other(self, records):
        """``records`` as the other school's safety manager, working in the other school."""
        return records.with_user(self.other_safety).with_context(allowed_company_ids=self.other_school.ids)

    @classmethod
    def _new_meeting(cls, user=None, **vals):
        return cls.env["school.safety.education"].with_user(user or cls.safety).with_context(
            allowed_company_ids=(user or cls.safety).company_ids.ids
        ).create(
            {
                "name": "防溺水安全教育主题班会",
                "education_type": "class_meeting",
                "topic": "drowning",
                "date": "2030-09-15",
                "class_id": cls.class_1.id,
                **vals,
            }
        )

    @classmethod
    def _new_talk(cls, **vals):
        return cls.env["school.safety.education"].with_user(cls.safety).create(
            {
                "name": "消防安全知识讲座",
                "education_type": "talk",
                "topic": "fire",
                "date": "2030-11-09",
                "audience": "school",
                **vals,
            }
        )


@tagged("post_install", "-at_install")
class TestSafetyEducation(SafetyEducationCommon):
    def test_class_meeting_defaults_and_hold(self):
        """A class meeting takes its term, teacher and expected count from the class; it is held
        only with the number attending, and a held activity stays on record."""
        meeting = self._new_meeting()
        self.assertEqual(meeting.term_id, self.term)
        self.assertEqual(meeting.teacher_id, self.head_employee)
        self.assertEqual(meeting.audience, "classes")
        self.assertEqual(meeting.expected_count, 40)
        with self._raises(UserError, "number of people"):
            meeting.action_hold()
        meeting.attendee_count = 39
        meeting.action_hold()
        self.assertEqual(meeting.state, "held")
        with self.assertRaises(UserError):
            meeting.action_hold()
        with self._raises(UserError, "stays on record"):
            meeting.unlink()

    def test_class_meeting_needs_class(self):
        """A class meeting without a class is refused."""
        with self._raises(ValidationError, "choose the class"):
            self._new_meeting(class_id=False)

    def test_date_in_term(self):
        """The date must lie in the term; without a term the one containing the date is taken,
        and a new date takes the term that contains it (school.term.mixin)."""
        talk = self._new_talk()
        self.assertEqual(talk.term_id, self.term)
        self.assertEqual(talk.expected_count, 82, "the whole school: the headcount of the term's classes")
        with self._raises(ValidationError, "outside term"):
            self._new_talk(term_id=self.term.id, date="2031-03-01")
        with self._raises(UserError, "No term"):
            self._new_talk(date="2035-03-01")
        talk.date = "2031-03-01"
        self.assertEqual(talk.term_id, self.next_term, "the term follows the date")
        meeting = self._new_meeting()
        with self._raises(ValidationError, "another term"):
            meeting.date = "2031-03-01"
        self.assertEqual(meeting.term_id, self.term, "the class meeting stays in its class's term")

    def test_talk_needs_instructor_to_be_held(self):
        """A talk by an outside instructor is held only with the instructor and the organisation."""
        talk = self._new_talk(attendee_count=600)
        with self._raises(UserError, "instructor"):
            talk.action_hold()
        talk.write({"instructor": "张队长", "organisation_type": "fire_brigade", "organisation": "消防特勤中队"})
        talk.action_hold()
        self.assertEqual(talk.state, "held")

    def test_cancel_and_plan_again(self):
        meeting = self._new_meeting()
        meeting.action_cancel()
        self.assertEqual(meeting.state, "cancel")
        meeting.action_reset_planned()
        self.assertEqual(meeting.state, "planned")
        meeting.unlink()

    def test_audience_classes(self):
        """A talk to some classes expects the headcount of those classes."""
        talk = self._new_talk(audience="classes", class_ids=[(6, 0, self.class_2.ids)])
        self.assertEqual(talk.expected_count, 42)

    def test_form_education_day(self):
        """Choosing a safety education day fills the topic and the name in the form."""
        day = self.env.ref("school_safety.school_safety_education_day_fire")
        with Form(self.env["school.safety.education"].with_user(self.safety)) as form:
            form.education_type = "talk"
            form.date = "2030-11-09"
            form.education_day_id = day
        activity = form.record
        self.assertEqual(activity.topic, "fire")
        self.assertEqual(activity.name, day.name)
        self.assertEqual(activity.term_id, self.term)

    def test_term_summary(self):
        """Planned vs held per term and type; cancelled activities do not count."""
        self._new_meeting(attendee_count=40).action_hold()
        self._new_meeting(date="2030-10-15")
        self._new_talk().action_cancel()
        summary = self.env["school.safety.education"]._get_term_summary(self.term)
        self.assertEqual(summary[self.term.id], {"class_meeting": {"planned": 2, "held": 1}})

    def test_access_head_teacher_own_class(self):
        """A head teacher records the class meetings of their own class only; talks are for the safety office."""
        meeting = self._new_meeting(user=self.head_teacher)
        meeting.with_user(self.head_teacher).write({"attendee_count": 38})
        meeting.with_user(self.head_teacher).action_hold()
        with self.assertRaises(AccessError):
            self._new_meeting(user=self.head_teacher, class_id=self.class_2.id)
        with self.assertRaises(AccessError):
            self.env["school.safety.education"].with_user(self.head_teacher).create(
                {"name": "法制讲座", "education_type": "talk", "date": "2030-12-04"}
            )
        other = self._new_meeting(class_id=self.class_2.id)
        other.with_user(self.head_teacher).read(["name"])
        with self.assertRaises(AccessError):
            other.with_user(self.head_teacher).write({"attendee_count": 40})

    def test_access_staff_and_guard_read_only(self):
        """Staff and guards read the school's safety education but do not record it."""
        meeting = self._new_meeting()
        for user in (self.staff, self.guard, self.officer):
            meeting.with_user(user).read(["name", "state"])
            with self.assertRaises(AccessError):
                meeting.with_user(user).write({"attendee_count": 10})
            with self.assertRaises(AccessError):
                self._new_meeting(user=user)

    def test_two_schools_apart(self):
        """A school does not see another school's activities and cannot use its classes."""
        meeting = self._new_meeting()
        Education = self.env["school.safety.education"]
        self.assertNotIn(meeting, self._other(Education).search([]))
        with self.assertRaises(AccessError):
            self._other(meeting).read(["name"])
        with self.assertRaises(UserError):
            Education.with_user(self.safety).create(
                {"name": "跨校班会", "education_type": "class_meeting", "date": "2030-09-15",
                 "class_id": self.other_class.id, "term_id": self.term.id}
            )
        self._other(Education).create(
            {"name": "二小班会", "education_type": "class_meeting", "date": "2030-09-15",
             "class_id": self.other_class.id}
        )
        self.assertEqual(
            self._other(Education).search_count([]), 1
        )
