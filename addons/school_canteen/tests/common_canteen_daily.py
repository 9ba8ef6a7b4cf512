from datetime import date

from odoo.addons.school_base.tests.common import SchoolBaseCommon


class CanteenDailyCommon(SchoolBaseCommon):
    """Canteen workers with certificates, a canteen manager, a leader, dishes, a fridge and a menu."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.cook_user = cls._new_user("t_canteen_cook", "school_canteen.group_canteen_staff")
        cls.canteen_manager = cls._new_user("t_canteen_mgr", "school_canteen.group_canteen_manager")
        cls.other_canteen_manager = cls._new_user(
            "t_other_canteen_mgr", "school_canteen.group_canteen_manager", cls.other_school
        )
        cls.leader = cls._new_user("t_leader", "school_base.group_school_staff")
        cls.school.canteen_manager_user_id = cls.canteen_manager

        Employee = cls.env["hr.employee"]
        cls.cook = Employee.create(
            {"name": "王师傅", "is_canteen_staff": True, "user_id": cls.cook_user.id, "company_id": cls.school.id}
        )
        cls.helper = Employee.create({"name": "李阿姨", "is_canteen_staff": True, "company_id": cls.school.id})
        cls.washer = Employee.create({"name": "张阿姨", "is_canteen_staff": True, "company_id": cls.school.id})
        cls.manager_employee = Employee.create(
            {"name": "陈秀英", "is_canteen_staff": True, "user_id": cls.canteen_manager.id, "company_id": cls.school.id}
        )
        cls.leader_employee = Employee.create(
            {"name": "钱立新", "user_id": cls.leader.id, "company_id": cls.school.id}
        )
        cls.other_leader_employee = Employee.create({"name": "沈建平", "company_id": cls.school.id})
        cls.other_cook = Employee.create(
            {"name": "二小厨师", "is_canteen_staff": True, "company_id": cls.other_school.id}
        )
        Certificate = cls.env["school.canteen.health.certificate"]
        cls.cook_cert = Certificate.create({
            "name": "JK-2026-001", "employee_id": cls.cook.id, "issue_date": date(2026, 3, 1),
            "expiry_date": date(2027, 2, 28), "company_id": cls.school.id,
        })
        cls.helper_cert = Certificate.create({
            "name": "JK-2026-002", "employee_id": cls.helper.id, "issue_date": date(2025, 12, 1),
            "expiry_date": date(2026, 11, 30), "company_id": cls.school.id,
        })

        Dish = cls.env["school.canteen.dish"]
        cls.dish_pork = Dish.create({"name": "红烧肉", "category": "meat", "company_id": cls.school.id})
        cls.dish_greens = Dish.create({"name": "清炒青菜", "category": "vegetable", "company_id": cls.school.id})
        cls.dish_soup = Dish.create({"name": "番茄蛋汤", "category": "soup", "company_id": cls.school.id})
        cls.fridge = cls.env["school.canteen.fridge"].create({"name": "留样冰箱 1 号", "company_id": cls.school.id})
        cls.other_fridge = cls.env["school.canteen.fridge"].create(
            {"name": "二小留样冰箱", "company_id": cls.other_school.id}
        )
        cls.menu = cls.env["school.canteen.menu"].create({
            "date": date(2026, 11, 10), "meal": "lunch", "company_id": cls.school.id,
            "line_ids": [
                (0, 0, {"dish_id": cls.dish_pork.id}),
                (0, 0, {"dish_id": cls.dish_greens.id}),
                (0, 0, {"dish_id": cls.dish_soup.id}),
            ],
        })
        cls.line_pork, cls.line_greens, cls.line_soup = cls.menu.line_ids

    @classmethod
    def _sample(cls, line=None, user=None, **vals):
        return cls.env["school.canteen.sample"].with_user(user or cls.cook_user).create({
            "menu_line_id": (line or cls.line_pork).id,
            "weight": 150,
            "fridge_id": cls.fridge.id,
            "fridge_temperature": 4,
            "sample_datetime": "2026-11-10 03:30:00",  # 11:30 in Changzhou
            **vals,
        })
