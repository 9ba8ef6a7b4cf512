import base64
import io

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..models.res_company import SCHOOL_PERSON_ROLES
from ..models.school_class import GRADES
from ..models.school_place import PLACE_LEVELS

#: the workbook a school fills in on its first day; each sheet's columns, by the header a
#: user may write (the template's Chinese header, or the English one)
SHEETS = {
    "staff": {
        "titles": ("教职工", "Staff"),
        "columns": {
            "name": ("姓名", "Name"),
            "department": ("部门", "Department"),
            "job": ("岗位", "Post"),
            "mobile": ("手机", "Mobile"),
            "email": ("工作邮箱", "Work Email"),
        },
    },
    "places": {
        "titles": ("场所", "Places"),
        "columns": {
            "name": ("名称", "Name"),
            "parent": ("上级场所", "Parent Place"),
            "level": ("层级", "Level"),
            "code": ("编号", "Code"),
            "responsible": ("负责人", "Person In Charge"),
        },
    },
    "classes": {
        "titles": ("班级", "Classes"),
        "columns": {
            "name": ("班级名称", "Class"),
            "grade": ("年级", "Grade"),
            "number": ("班号", "Class Number"),
            "head_teacher": ("班主任", "Head Teacher"),
            "home_place": ("教室", "Home Room"),
            "headcount": ("人数", "Students"),
        },
    },
}
#: what a user may write for a place's level, besides the code
LEVEL_WORDS = {
    "校区": "campus", "楼宇": "building", "楼": "building", "楼层": "floor", "层": "floor",
    "房间": "area", "区域": "area", "房间/区域": "area",
}
MAX_ROWS = 5000
TEMPLATE_URL = "/school_base/static/xls/school_first_day_template.xlsx"


class SchoolSetupGuide(models.TransientModel):
    """开学向导: what a new school fills in on its first day, in one screen.

    The places, the staff and the classes come from one workbook (the template the guide
    offers); the people in charge are chosen here by the principal. The steps still to do are
    counted on the school (``res.company.school_guide_pending``), which puts the guide on the
    director's today screen until they are done.
    """

    _name = "school.setup.guide"
    _description = "First-Day Setup Guide"

    company_id = fields.Many2one(
        "res.company", string="School", required=True, readonly=True, default=lambda self: self.env.company
    )
    place_count = fields.Integer(string="Places", compute="_compute_counts")
    class_count = fields.Integer(string="Classes This Term", compute="_compute_counts")
    employee_count = fields.Integer(string="Staff", compute="_compute_counts")
    people_missing = fields.Char(string="People In Charge Not Chosen", compute="_compute_counts")
    can_choose_people = fields.Boolean(compute="_compute_counts")
    file = fields.Binary(string="Filled-In Workbook", attachment=False)
    file_name = fields.Char()
    result = fields.Text(string="Imported", readonly=True)
    principal_user_id = fields.Many2one("res.users", string="Principal")
    logistics_director_user_id = fields.Many2one("res.users", string="Logistics Director")
    safety_manager_user_id = fields.Many2one("res.users", string="Safety Manager")
    asset_manager_user_id = fields.Many2one("res.users", string="Asset Manager")
    canteen_manager_user_id = fields.Many2one("res.users", string="Canteen Manager")
    union_chair_user_id = fields.Many2one("res.users", string="Union Chair")

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
        for role in SCHOOL_PERSON_ROLES:
            fname = f"{role}_user_id"
            if fname in fields_list:
                values[fname] = company.sudo()[fname].id
        return values

    @api.depends("company_id")
    def _compute_counts(self):
        for guide in self:
            company = guide.company_id
            term = self.env["school.term"]._get_current(company=company)
            guide.place_count = self.env["school.place"].search_count([("company_id", "=", company.id)])
            guide.class_count = self.env["school.class"].search_count(
                [("company_id", "=", company.id)] + ([("term_id", "=", term.id)] if term else [])
            )
            guide.employee_count = self.env["hr.employee"].sudo().search_count([("company_id", "=", company.id)])
            labels = [
                company._fields[f"{role}_user_id"]._description_string(self.env)
                for role in SCHOOL_PERSON_ROLES
                if not company.sudo()[f"{role}_user_id"]
            ]
            guide.people_missing = "、".join(labels)
            guide.can_choose_people = guide._is_principal()

    def _is_principal(self):
        self.ensure_one()
        return self.env.user.has_group("school_base.group_school_principal") and (
            self.company_id in self.env.user.company_ids
        )

    def _check_director(self):
        """The director and the principal run the guide, for a school of their own."""
        if not self.env.user.has_group("school_base.group_school_logistics_manager") or (
            self.company_id not in self.env.user.company_ids
        ):
            raise AccessError(_("Only the logistics director or the principal of %(school)s runs its first-day guide.",
                                school=self.company_id.name))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_download_template(self):
        return {"type": "ir.actions.act_url", "url": TEMPLATE_URL, "target": "download"}

    def action_save_people(self):
        """The principal chooses the people in charge; they get the school's escalations and approvals."""
        self.ensure_one()
        self._check_director()
        if not self._is_principal():
            raise AccessError(_("Only the principal chooses the people in charge of %(school)s.",
                                school=self.company_id.name))
        values = {f"{role}_user_id": self[f"{role}_user_id"].id for role in SCHOOL_PERSON_ROLES}
        # sudo: a principal is no settings administrator; what they may change is these six
        # fields of their own school, checked above and by the company's own constraints
        self.company_id.sudo().write(values)
        return self._reopen()

    def action_import(self):
        """Import the staff, places and classes of the workbook, all or nothing."""
        self.ensure_one()
        self._check_director()
        if not self.file:
            raise UserError(_("Choose the filled-in workbook first (download the template if you have none)."))
        sheets = self._read_workbook(base64.b64decode(self.file))
        counts = {}
        counts["staff"] = self._import_staff(sheets.get("staff", []))
        counts["places"] = self._import_places(sheets.get("places", []))
        counts["classes"] = self._import_classes(sheets.get("classes", []))
        self.write({
            "file": False,
            "result": _("%(staff)s staff, %(places)s places and %(classes)s classes imported.", **counts),
        })
        return self._reopen()

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_open_places(self):
        return self.env["ir.actions.act_window"]._for_xml_id("school_base.school_place_action")

    def action_open_classes(self):
        return self.env["ir.actions.act_window"]._for_xml_id("school_base.school_class_action")

    # ------------------------------------------------------------------
    # The workbook
    # ------------------------------------------------------------------
    @api.model
    def _read_workbook(self, content):
        """{sheet key: [(row number, {column key: value})]} of the sheets the workbook has."""
        import openpyxl  # noqa: PLC0415 - a dependency of Odoo's own import, loaded when used

        try:
            workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as error:
            raise UserError(_("This file is not an .xlsx workbook: %s", error)) from error
        result = {}
        for key, sheet_def in SHEETS.items():
            sheet = next((workbook[title] for title in sheet_def["titles"] if title in workbook.sheetnames), None)
            if sheet is None:
                continue
            rows = sheet.iter_rows(values_only=True)
            header = next(rows, None) or ()
            positions = {}
            for index, title in enumerate(header):
                title = str(title or "").strip()
                for column, names in sheet_def["columns"].items():
                    if title in names:
                        positions[column] = index
            if "name" not in positions:
                raise UserError(_("The sheet %(sheet)s has no column %(column)s.",
                                  sheet=sheet.title, column=sheet_def["columns"]["name"][0]))
            lines = []
            for number, row in enumerate(rows, start=2):
                values = {
                    column: (str(row[index]).strip() if index < len(row) and row[index] is not None else "")
                    for column, index in positions.items()
                }
                if not any(values.values()):
                    continue
                if not values["name"]:
                    raise UserError(_("Sheet %(sheet)s, row %(row)s: the name is missing.", sheet=sheet.title, row=number))
                lines.append((number, values))
                if len(lines) > MAX_ROWS:
                    raise UserError(_("The sheet %(sheet)s has more than %(max)s rows.", sheet=sheet.title, max=MAX_ROWS))
            result[key] = lines
        if not result:
            raise UserError(_("The workbook has none of the sheets 教职工, 场所 and 班级 of the template."))
        return result

    def _import_staff(self, lines):
        company = self.company_id
        # sudo: the director is no HR officer; the guide only adds the school's staff, in its own
        # school, and never changes an employee that exists
        Employee = self.env["hr.employee"].sudo().with_company(company)
        Department = self.env["hr.department"].sudo().with_company(company)
        Job = self.env["hr.job"].sudo().with_company(company)
        existing = set(Employee.search([("company_id", "=", company.id)]).mapped("name"))
        created = 0
        for _number, values in lines:
            if values["name"] in existing:
                continue
            vals = {"name": values["name"], "company_id": company.id}
            if values.get("department"):
                department = Department.search(
                    [("name", "=", values["department"]), ("company_id", "=", company.id)], limit=1
                ) or Department.create({"name": values["department"], "company_id": company.id})
                vals["department_id"] = department.id
            if values.get("job"):
                job = Job.search([("name", "=", values["job"]), ("company_id", "=", company.id)], limit=1) or Job.create(
                    {"name": values["job"], "company_id": company.id}
                )
                vals["job_id"] = job.id
            if values.get("mobile"):
                vals["mobile_phone"] = values["mobile"]
            if values.get("email"):
                vals["work_email"] = values["email"]
            Employee.create(vals)
            existing.add(values["name"])
            created += 1
        return created

    def _find_employee(self, name, sheet, number):
        employee = self.env["hr.employee"].sudo().search(
            [("name", "=", name), ("company_id", "=", self.company_id.id)], limit=1
        )
        if not employee:
            raise ValidationError(_("Sheet %(sheet)s, row %(row)s: no staff member named %(name)s (add them to the "
                                    "sheet 教职工).", sheet=sheet, row=number, name=name))
        return employee

    def _find_place(self, name, sheet, number):
        Place = self.env["school.place"]
        domain = [("company_id", "=", self.company_id.id)]
        place = Place.search(domain + [("complete_name", "=", name)], limit=1) or Place.search(
            domain + [("name", "=", name)], limit=2
        )
        if len(place) != 1:
            raise ValidationError(
                _("Sheet %(sheet)s, row %(row)s: no single place named %(name)s (write its full path, e.g. "
                  "本部校区 / 明德楼).", sheet=sheet, row=number, name=name)
                if place else
                _("Sheet %(sheet)s, row %(row)s: no place named %(name)s.", sheet=sheet, row=number, name=name)
            )
        return place

    def _import_places(self, lines):
        Place = self.env["school.place"].with_company(self.company_id)
        levels = dict(LEVEL_WORDS)
        for code, label in PLACE_LEVELS:
            levels[code] = code
            levels[label.lower()] = code
        created = 0
        for number, values in lines:
            vals = {"name": values["name"], "company_id": self.company_id.id}
            parent = self._find_place(values["parent"], "场所", number) if values.get("parent") else Place
            if parent:
                vals["parent_id"] = parent.id
            level = (values.get("level") or "").lower()
            if level:
                if level not in levels:
                    raise ValidationError(_("Sheet 场所, row %(row)s: the level is 校区, 楼宇, 楼层 or 房间, not %(level)s.",
                                            row=number, level=values["level"]))
                vals["level"] = levels[level]
            if values.get("code"):
                vals["code"] = values["code"]
            if values.get("responsible"):
                vals["responsible_employee_id"] = self._find_employee(values["responsible"], "场所", number).id
            exists = Place.search([("company_id", "=", self.company_id.id), ("name", "=", values["name"]),
                                   ("parent_id", "=", vals.get("parent_id", False))], limit=1)
            if not exists:
                Place.create(vals)
                created += 1
        return created

    def _import_classes(self, lines):
        term = self.env["school.term"]._get_current(company=self.company_id)
        if lines and not term:
            raise UserError(_("Create the current term first (Configuration → Terms): classes belong to a term."))
        grades = {code for code, _label in GRADES}
        Class = self.env["school.class"].with_company(self.company_id)
        created = 0
        for number, values in lines:
            grade = (values.get("grade") or "").removesuffix(".0").removesuffix("年级")
            grade = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
                     "九": "9"}.get(grade, grade)
            if grade not in grades:
                raise ValidationError(_("Sheet 班级, row %(row)s: the grade is a number from 1 to 12, not %(grade)s.",
                                        row=number, grade=values.get("grade") or ""))
            vals = {"name": values["name"], "grade": grade, "term_id": term.id, "company_id": self.company_id.id}
            for column, fname in (("number", "class_number"), ("headcount", "headcount")):
                if values.get(column):
                    try:
                        vals[fname] = int(float(values[column]))
                    except ValueError as error:
                        raise ValidationError(_("Sheet 班级, row %(row)s: %(value)s is not a number.",
                                                row=number, value=values[column])) from error
            if values.get("head_teacher"):
                vals["head_teacher_id"] = self._find_employee(values["head_teacher"], "班级", number).id
            if values.get("home_place"):
                vals["home_place_id"] = self._find_place(values["home_place"], "班级", number).id
            if not Class.search_count([("company_id", "=", self.company_id.id), ("term_id", "=", term.id),
                                       ("name", "=", values["name"])]):
                Class.create(vals)
                created += 1
        return created
