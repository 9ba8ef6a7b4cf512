from datetime import timedelta

from odoo import fields

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class SchoolFeeCommon(SchoolBaseCommon):
    """A term, two grade-3 classes with their head teachers, the bureau's items and a plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        user = cls._new_user
        cls.fee_manager = user("f_fees", "school_fee.group_fee_manager")
        cls.fee_manager2 = user("f_fees2", "school_fee.group_fee_manager")
        cls.bureau = user("f_bureau", "school_base.group_school_bureau")
        cls.other_head = user("f_head2", "school_base.group_school_head_teacher")
        cls.other_fee_manager = user("f_other_fees", "school_fee.group_fee_manager", cls.other_school)

        today = fields.Date.context_today(cls.env.user)
        Term = cls.env["school.term"]
        cls.term = Term.create({
            "name": "本学期", "date_start": today - timedelta(days=60), "date_end": today + timedelta(days=120),
            "company_id": cls.school.id,
        })
        cls.other_term = Term.create({
            "name": "二小本学期", "date_start": today - timedelta(days=60), "date_end": today + timedelta(days=120),
            "company_id": cls.other_school.id,
        })
        Employee = cls.env["hr.employee"]
        cls.head_employee = Employee.create({"name": "顾丽娟", "user_id": cls.head_teacher.id, "company_id": cls.school.id})
        cls.other_head_employee = Employee.create({"name": "杨雪", "user_id": cls.other_head.id, "company_id": cls.school.id})
        Class = cls.env["school.class"]
        cls.class_a = Class.create({
            "name": "三年级(1)班", "grade": "3", "class_number": 1, "term_id": cls.term.id,
            "head_teacher_id": cls.head_employee.id, "headcount": 3, "company_id": cls.school.id,
        })
        cls.class_b = Class.create({
            "name": "三年级(2)班", "grade": "3", "class_number": 2, "term_id": cls.term.id,
            "head_teacher_id": cls.other_head_employee.id, "headcount": 2, "company_id": cls.school.id,
        })
        cls.other_class = Class.create({
            "name": "二小三年级(1)班", "grade": "3", "class_number": 1, "term_id": cls.other_term.id,
            "company_id": cls.other_school.id,
        })

        Item = cls.env["school.fee.item"].with_user(cls.bureau)
        cls.books = Item.create({"name": "作业本费", "amount": 40, "legal_basis": "常发改价费〔2020〕18号", "sequence": 1})
        cls.insurance = Item.create({"name": "学生意外伤害保险", "amount": 100, "legal_basis": "常教安〔2022〕3号", "sequence": 2})

        cls.plan = cls.env["school.fee.plan"].with_user(cls.fee_manager).create({
            "name": "本学期收费标准", "term_id": cls.term.id, "company_id": cls.school.id,
            "line_ids": [
                (0, 0, {"item_id": cls.books.id, "grade": "3", "amount": 40}),
                (0, 0, {"item_id": cls.insurance.id, "grade": "3", "amount": 100}),
            ],
        })

    @classmethod
    def _file(cls, plan=None, user=None):
        plan = (plan or cls.plan).with_user(user or cls.principal)
        plan.write({"filing_number": "新教财备〔2026〕31号", "filing_date": fields.Date.context_today(plan)})
        plan.action_file()
        return plan

    @classmethod
    def _collection(cls, school_class, user, payments):
        """A collection of ``school_class`` made by ``user`` with students paying ``payments``."""
        return cls.env["school.fee.collection"].with_user(user).create({
            "plan_id": cls.plan.id, "class_id": school_class.id, "company_id": cls.school.id,
            "student_ids": [
                (0, 0, {"name": f"学生{index}", "student_number": f"{school_class.class_number}{index:02d}",
                        "amount_paid": paid})
                for index, paid in enumerate(payments, start=1)
            ],
        })
