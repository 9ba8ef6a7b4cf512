from contextlib import contextmanager
from datetime import datetime, timedelta

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class SchoolUnionCommon(SchoolBaseCommon):
    """SchoolBaseCommon plus union users (members, an officer, the chair) and their memberships."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.member_user = cls._new_user("t_member", "school_base.group_school_staff,school_union.group_union_member")
        cls.member2_user = cls._new_user("t_member2", "school_base.group_school_staff,school_union.group_union_member")
        cls.member3_user = cls._new_user("t_member3", "school_base.group_school_staff,school_union.group_union_member")
        cls.union_officer = cls._new_user("t_union_officer", "school_base.group_school_staff,school_union.group_union_officer")
        cls.chair = cls._new_user("t_union_chair", "school_base.group_school_staff,school_union.group_union_chair")
        cls.other_chair = cls._new_user("t_other_chair", "school_base.group_school_staff,school_union.group_union_chair", cls.other_school)

        Employee = cls.env["hr.employee"]
        Member = cls.env["school.union.member"]

        def member(user, name, company=None):
            company = company or cls.school
            employee = Employee.create({"name": name, "user_id": user.id, "company_id": company.id})
            return Member.create({"employee_id": employee.id, "company_id": company.id})

        cls.member = member(cls.member_user, "王老师")
        cls.member2 = member(cls.member2_user, "李老师")
        cls.member3 = member(cls.member3_user, "张老师")
        cls.officer_member = member(cls.union_officer, "赵干事")
        cls.chair_member = member(cls.chair, "钱主席")
        cls.other_member = member(cls.other_chair, "二小孙主席", cls.other_school)

    def _give(self, welfare):
        """Submit (officer), approve (chair), give (officer): the welfare's whole approval."""
        welfare.with_user(self.union_officer).action_submit()
        welfare.with_user(self.chair).action_approve()
        welfare.with_user(self.union_officer).action_done()
        return welfare

    def _approve(self, distribution):
        """Submit (officer) and approve (chair) a festival distribution."""
        distribution.with_user(self.union_officer).action_submit()
        distribution.with_user(self.chair).action_approve()
        return distribution

    @classmethod
    def _dt(cls, days=0, hours=0):
        """A naive UTC datetime relative to now (fields.Datetime values)."""
        return (datetime.now() + timedelta(days=days, hours=hours)).replace(microsecond=0)

    @contextmanager
    def assertRaisesText(self, exception, text):
        """assertRaises (which rolls back to a savepoint, unlike assertRaisesRegex) plus the message."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertIn(text, str(caught.exception))

    @classmethod
    def _other(cls, records):
        """``records`` as the other school's chair, in the other school."""
        return records.with_user(cls.other_chair).with_context(allowed_company_ids=[cls.other_school.id])
