from odoo.addons.school_base.tests.common import SchoolBaseCommon


class SchoolAssetCommon(SchoolBaseCommon):
    """The first school's class 三年级(2)班 in room 302 with a projector and desks; an asset keeper."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.asset_manager = cls._new_user("t_asset_manager", "school_assets.group_assets_manager")
        cls.repairer = cls._new_user("t_repairer", "school_assets.group_assets_repairer")
        cls.other_manager = cls._new_user("t_other_asset_manager", "school_assets.group_assets_manager", cls.other_school)
        Employee = cls.env["hr.employee"]
        cls.head_employee = Employee.create(
            {"name": "陈丽", "user_id": cls.head_teacher.id, "company_id": cls.school.id}
        )
        cls.staff_employee = Employee.create(
            {"name": "王芳", "user_id": cls.staff.id, "company_id": cls.school.id}
        )
        cls.term = cls.env["school.term"].create(
            {"name": "2026–2027学年第一学期", "date_start": "2026-09-01", "date_end": "2027-01-31",
             "company_id": cls.school.id}
        )
        cls.other_term = cls.env["school.term"].create(
            {"name": "二小 2026 秋", "date_start": "2026-09-01", "date_end": "2027-01-31",
             "company_id": cls.other_school.id}
        )
        Place = cls.env["school.place"]
        cls.room = Place.create(
            {"name": "三年级(2)班教室", "code": "A-302", "level": "area", "kind": "classroom",
             "parent_id": cls.building.id, "responsible_employee_id": cls.head_employee.id,
             "company_id": cls.school.id}
        )
        cls.room_b = Place.create(
            {"name": "三年级(3)班教室", "code": "A-303", "level": "area", "kind": "classroom",
             "parent_id": cls.building.id, "company_id": cls.school.id}
        )
        Class = cls.env["school.class"]
        cls.school_class = Class.create(
            {"name": "三年级(2)班", "grade": "3", "class_number": 2, "term_id": cls.term.id,
             "head_teacher_id": cls.head_employee.id, "home_place_id": cls.room.id,
             "headcount": 45, "company_id": cls.school.id}
        )
        cls.class_b = Class.create(
            {"name": "三年级(3)班", "grade": "3", "class_number": 3, "term_id": cls.term.id,
             "head_teacher_id": cls.staff_employee.id,
             "home_place_id": cls.room_b.id, "company_id": cls.school.id}
        )
        cls.class_c = Class.create(
            {"name": "三年级(4)班", "grade": "3", "class_number": 4, "term_id": cls.term.id,
             "company_id": cls.school.id}
        )
        cls.team = cls.env["maintenance.team"].create({"name": "总务维修组", "company_id": cls.school.id})
        Equipment = cls.env["maintenance.equipment"]
        cls.projector = Equipment.create(
            {"name": "投影仪", "asset_class_id": cls.env.ref("school_assets.asset_class_equipment_general").id,
             "asset_value": 4200, "acquisition_date": "2023-08-20", "school_place_id": cls.room.id,
             "custodian_type": "class", "custodian_class_id": cls.school_class.id,
             "company_id": cls.school.id}
        )
        cls.desks = Equipment.create(
            {"name": "学生课桌椅", "asset_class_id": cls.env.ref("school_assets.asset_class_furniture").id,
             "asset_quantity": 45, "asset_value": 13500, "school_place_id": cls.room.id,
             "company_id": cls.school.id}
        )
        cls.other_asset = Equipment.create(
            {"name": "二小电脑", "asset_value": 5000, "company_id": cls.other_school.id}
        )
        cls.signature = (
            b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        )

    @classmethod
    def _new_handover(cls, place=None, school_class=None, user=None):
        handover = cls.env["school.asset.handover"].with_user(user or cls.asset_manager).create(
            {"term_id": cls.term.id, "place_id": (place or cls.room).id,
             "class_id": (school_class or cls.school_class).id, "company_id": cls.school.id}
        )
        handover.action_load_items()
        return handover
