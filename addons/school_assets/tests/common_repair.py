import base64

from odoo.addons.school_base.tests.common import SchoolBaseCommon

PNG = base64.b64decode(
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
PNG_B64 = base64.b64encode(PNG)


class SchoolAssetsRepairCommon(SchoolBaseCommon):
    """Repair team, a contractor, a classroom with its head, asset roles."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

        cls.repairer = cls._new_user("t_repairer", "school_assets.group_assets_repairer")
        cls.leader = cls._new_user("t_repair_leader", "school_assets.group_assets_repairer")
        cls.outsider_repairer = cls._new_user("t_repairer_other_team", "school_assets.group_assets_repairer")
        cls.assets_manager = cls._new_user("t_assets_manager", "school_assets.group_assets_manager")
        cls.staff2 = cls._new_user("t_staff2", "school_base.group_school_staff")
        cls.team = cls.env["maintenance.team"].create(
            {
                "name": "后勤维修组",
                "company_id": cls.school.id,
                "leader_user_id": cls.leader.id,
                "member_ids": [(6, 0, (cls.repairer | cls.leader).ids)],
            }
        )
        cls.other_team = cls.env["maintenance.team"].create(
            {"name": "电工组", "company_id": cls.school.id, "member_ids": [(6, 0, cls.outsider_repairer.ids)]}
        )
        cls.head_employee = cls.env["hr.employee"].create(
            {"name": "王老师", "user_id": cls.head_teacher.id, "company_id": cls.school.id}
        )
        cls.classroom = cls.env["school.place"].create(
            {
                "name": "三(2)班教室",
                "level": "area",
                "kind": "classroom",
                "parent_id": cls.building.id,
                "responsible_employee_id": cls.head_employee.id,
                "company_id": cls.school.id,
            }
        )
        cls.projector = cls.env["maintenance.equipment"].create(
            {"name": "三(2)班投影仪", "company_id": cls.school.id, "maintenance_team_id": cls.team.id}
        )
        cls.contractor = cls.env["res.partner"].create(
            {"name": "常州市新北区宏达电器维修部", "is_company": True, "is_school_contractor": True}
        )
        cls.stage_new = cls.env.ref("maintenance.stage_0")
        cls.stage_progress = cls.env.ref("maintenance.stage_1")
        cls.stage_done = cls.env.ref("maintenance.stage_3")
        cls.stage_settled = cls.env.ref("school_assets.maintenance_stage_settled")

    @classmethod
    def _report(cls, user=None, **vals):
        return cls.env["maintenance.request"].with_user(user or cls.staff).create(
            {
                "name": "投影仪不亮",
                "school_place_id": cls.classroom.id,
                "maintenance_team_id": cls.team.id,
                "company_id": cls.school.id,
                **vals,
            }
        )
