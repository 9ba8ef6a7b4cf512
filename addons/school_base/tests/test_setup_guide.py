import base64
import io

import openpyxl

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import file_open

from ..wizard.school_setup_guide import TEMPLATE_URL
from .common import SchoolBaseCommon


def workbook(staff=(), places=(), classes=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "教职工"
    sheet.append(["姓名", "部门", "岗位", "手机"])
    for row in staff:
        sheet.append(list(row))
    sheet = book.create_sheet("场所")
    sheet.append(["名称", "上级场所", "层级", "编号", "负责人"])
    for row in places:
        sheet.append(list(row))
    sheet = book.create_sheet("班级")
    sheet.append(["班级名称", "年级", "班号", "班主任", "教室", "人数"])
    for row in classes:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return base64.b64encode(out.getvalue())


STAFF = [("赵新", "总务处", "后勤主任", "13900000011"), ("钱芳", "一年级组", "班主任", "13900000012")]
PLACES = [
    ("新城校区", "", "校区", "XC", "赵新"),
    ("博学楼", "新城校区", "楼宇", "BX", ""),
    ("一年级(1)班教室", "新城校区 / 博学楼", "房间", "BX101", "钱芳"),
]
CLASSES = [("一年级(1)班", "一年级", 1, "钱芳", "新城校区 / 博学楼 / 一年级(1)班教室", 42)]


@tagged("post_install", "-at_install")
class TestSetupGuide(SchoolBaseCommon):
    """开学向导: a new school's places, staff, classes and people in charge on its first day."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_school = cls.env["res.company"].create({"name": "新城实验小学"})
        cls.director = cls._new_user("g_director", "school_base.group_school_logistics_manager", cls.new_school)
        cls.head = cls._new_user("g_principal", "school_base.group_school_principal", cls.new_school)
        cls.teacher = cls._new_user("g_teacher", "school_base.group_school_head_teacher", cls.new_school)
        today = fields.Date.context_today(cls.env["school.term"])
        cls.env["school.term"].create({
            "name": "新城 本学期", "company_id": cls.new_school.id,
            "date_start": today.replace(day=1, month=1) if today.month < 8 else today.replace(day=1, month=8),
            "date_end": today.replace(day=31, month=7) if today.month < 8 else today.replace(day=31, month=12),
        })

    def _guide(self, user, **values):
        env = self.env(user=user, context=dict(self.env.context, allowed_company_ids=[self.new_school.id]))
        return env["school.setup.guide"].create(values)

    def _card_count(self, user):
        card = self.env.ref("school_base.today_card_director_setup_guide")
        env = self.env(user=user, context=dict(self.env.context, allowed_company_ids=[self.new_school.id]))
        return card.with_env(env).count

    def test_template_shipped(self):
        with file_open(TEMPLATE_URL.lstrip("/"), "rb") as handle:
            book = openpyxl.load_workbook(handle, read_only=True)
        self.assertEqual(book.sheetnames[:3], ["教职工", "场所", "班级"])

    def test_first_day(self):
        """The director imports one workbook; the principal names the people in charge; the card goes."""
        self.assertEqual(self._card_count(self.director), 1)
        guide = self._guide(self.director)
        self.assertEqual((guide.place_count, guide.class_count), (0, 0))
        self.assertFalse(guide.can_choose_people)
        guide.file = workbook(STAFF, PLACES, CLASSES)
        guide.action_import()
        self.assertEqual(guide.result, "2 staff, 3 places and 1 classes imported.")
        room = self.env["school.place"].search([("company_id", "=", self.new_school.id), ("code", "=", "BX101")])
        self.assertEqual(room.complete_name, "新城校区 / 博学楼 / 一年级(1)班教室")
        self.assertEqual(room.level, "area")
        self.assertEqual(room.responsible_employee_id.name, "钱芳")
        school_class = self.env["school.class"].search([("company_id", "=", self.new_school.id)])
        self.assertEqual(school_class.grade, "1")
        self.assertEqual(school_class.head_teacher_id.name, "钱芳")
        self.assertEqual(school_class.home_place_id, room)
        self.assertEqual(school_class.headcount, 42)
        employee = self.env["hr.employee"].search([("name", "=", "赵新")])
        self.assertEqual(employee.company_id, self.new_school)
        self.assertEqual(employee.department_id.name, "总务处")
        # the same workbook again adds nothing
        guide.file = workbook(STAFF, PLACES, CLASSES)
        guide.action_import()
        self.assertEqual(guide.result, "0 staff, 0 places and 0 classes imported.")
        # still no principal nor director chosen: the card stays
        self.assertEqual(self._card_count(self.director), 1)
        with self.assertRaises(AccessError):
            guide.write({"principal_user_id": self.director.id})
            guide.action_save_people()
        with Form(self._guide(self.head)) as form:
            self.assertTrue(form.can_choose_people)
            form.principal_user_id = self.head
            form.logistics_director_user_id = self.director
            guide = form.save()
        guide.action_save_people()
        self.assertEqual(self.new_school.principal_user_id, self.head)
        self.assertEqual(self.new_school.logistics_director_user_id, self.director)
        self.assertEqual(self._card_count(self.director), 0)

    def test_bad_rows_refused_whole(self):
        """A head teacher who is not on the staff sheet stops the import, and nothing is half-saved."""
        guide = self._guide(self.director, file=workbook(STAFF, PLACES, [("一年级(2)班", 1, 2, "孙无名", "", 40)]))
        with self.assertRaisesRegex(ValidationError, "孙无名"), self.cr.savepoint():
            guide.action_import()
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "赵新")]))
        self.assertFalse(self.env["school.place"].search([("company_id", "=", self.new_school.id)]))
        guide.file = workbook(classes=[("一年级(3)班", "十三", 3, "", "", 40)])
        with self.assertRaisesRegex(ValidationError, "十三"), self.cr.savepoint():
            guide.action_import()
        guide.file = base64.b64encode(b"not a workbook")
        with self.assertRaises(UserError), self.cr.savepoint():
            guide.action_import()

    def test_only_the_school_director(self):
        """A teacher has no guide; another school's director cannot import into this one."""
        with self.assertRaises(AccessError):
            self._guide(self.teacher)
        other_director = self._new_user("g_other_director", "school_base.group_school_logistics_manager", self.school)
        guide = self.env["school.setup.guide"].with_user(other_director).with_context(
            allowed_company_ids=[self.school.id]
        ).create({})
        self.assertEqual(guide.company_id, self.school)
        guide.sudo().company_id = self.new_school
        guide.file = workbook(STAFF)
        with self.assertRaises(AccessError):
            guide.action_import()
        self.assertFalse(self.env["hr.employee"].search([("name", "=", "赵新")]))
