from odoo.exceptions import ValidationError
from odoo.tests import Form, new_test_user, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon


# post_install: the rules of the addons built on this bridge (school_assets) need their fields loaded
@tagged("post_install", "-at_install")
class SchoolMaintenanceCommon(SchoolBaseCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Team = cls.env["maintenance.team"]
        cls.first_team = Team.create({"name": "后勤维修组", "company_id": cls.school.id})
        cls.campus_team = Team.create({"name": "校区物业", "company_id": cls.school.id})
        cls.building_team = Team.create({"name": "明德楼电工组", "company_id": cls.school.id})
        cls.fire_team = Team.create({"name": "消防维保", "company_id": cls.school.id})
        cls.other_team = Team.create({"name": "二小维修组", "company_id": cls.other_school.id})
        # the repair desk: what staff may see of requests depends on the addons built on the bridge
        cls.repair_desk = new_test_user(
            cls.env, login="t_repair_desk",
            groups="base.group_user,school_base.group_school_staff,maintenance.group_equipment_manager",
            company_id=cls.school.id, company_ids=[(6, 0, cls.school.ids)],
        )
        cls.fire_category = cls.env["maintenance.equipment.category"].create(
            {"name": "灭火器", "company_id": cls.school.id, "maintenance_team_id": cls.fire_team.id}
        )
        cls.extinguisher = cls.env["maintenance.equipment"].create(
            {
                "name": "干粉灭火器 4kg",
                "category_id": cls.fire_category.id,
                "school_place_id": cls.stairs.id,
                "company_id": cls.school.id,
            }
        )


@tagged("post_install", "-at_install")
class TestMaintenanceTeamChoice(SchoolMaintenanceCommon):
    def test_team_order(self):
        """The place's own team, then its parents', then the category's, then the school's first."""
        self.assertEqual(self.stairs._get_maintenance_team(), self.first_team)
        self.assertEqual(self.stairs._get_maintenance_team(self.fire_category), self.fire_team)
        self.campus.maintenance_team_id = self.campus_team
        self.assertEqual(self.stairs._get_maintenance_team(self.fire_category), self.campus_team)
        self.assertEqual(self.gate._get_maintenance_team(), self.campus_team)
        self.building.maintenance_team_id = self.building_team
        self.assertEqual(self.stairs._get_maintenance_team(self.fire_category), self.building_team)
        self.assertEqual(self.gate._get_maintenance_team(), self.campus_team, "the building is not above the gate")
        self.stairs.maintenance_team_id = self.first_team
        self.assertEqual(self.stairs._get_maintenance_team(self.fire_category), self.first_team)
        # no place: the category's team, else the first team of the place's (or current) school
        Place = self.env["school.place"]
        self.assertEqual(Place._get_maintenance_team(self.fire_category), self.fire_team)
        self.assertEqual(Place._get_maintenance_team(), self.first_team)
        self.assertEqual(Place.with_company(self.other_school)._get_maintenance_team(), self.other_team)
        self.assertEqual(self.other_gate._get_maintenance_team(), self.other_team)

    def test_team_of_another_school_refused(self):
        """A place cannot be given another school's team, not even by the logistics director."""
        with self.assertRaises(ValidationError):
            self.gate.with_user(self.manager).maintenance_team_id = self.other_team
        self.gate.with_user(self.manager).maintenance_team_id = self.campus_team
        self.assertEqual(self.gate.maintenance_team_id, self.campus_team)


@tagged("post_install", "-at_install")
class TestMaintenancePlace(SchoolMaintenanceCommon):
    def test_request_at_place_takes_its_team(self):
        """A repair reported at a place: the request is worked by the place's team."""
        self.building.maintenance_team_id = self.building_team
        request = self.env["maintenance.request"].with_user(self.repair_desk).create(
            {"name": "楼梯灯不亮", "school_place_id": self.stairs.id, "company_id": self.school.id}
        )
        self.assertEqual(request.school_place_id, self.stairs)
        self.assertEqual(request.maintenance_team_id, self.building_team)
        chosen = self.env["maintenance.request"].with_user(self.repair_desk).create(
            {"name": "门禁故障", "school_place_id": self.stairs.id, "company_id": self.school.id,
             "maintenance_team_id": self.first_team.id}
        )
        self.assertEqual(chosen.maintenance_team_id, self.first_team, "a team given by the caller is kept")

    def test_request_from_place_qr_takes_its_team(self):
        """A repair reported from a place's QR code (the place comes as a default) goes to its team."""
        self.campus.maintenance_team_id = self.campus_team
        request = (
            self.env["maintenance.request"]
            .with_user(self.repair_desk)
            .with_context(default_school_place_id=self.gate.id, default_company_id=self.school.id)
            .create({"name": "伸缩门卡住"})
        )
        self.assertRecordValues(
            request, [{"school_place_id": self.gate.id, "maintenance_team_id": self.campus_team.id}]
        )

    def test_request_on_equipment_takes_its_place(self):
        """A request on an equipment is at the equipment's place, worked by the category's team."""
        request = self.env["maintenance.request"].with_user(self.repair_desk).create(
            {"name": "压力表指针归零", "equipment_id": self.extinguisher.id, "company_id": self.school.id}
        )
        self.assertRecordValues(
            request, [{"school_place_id": self.stairs.id, "maintenance_team_id": self.fire_team.id}]
        )

    def test_team_told_in_its_language(self):
        """Issue 15: the desk (English) reports; the team's member (Chinese) is told in Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.staff.lang = "zh_CN"
        self.repair_desk.lang = "en_US"
        self.fire_team.member_ids = self.staff
        request = self.env["maintenance.request"].with_user(self.repair_desk).with_context(lang="en_US").create(
            {"name": "压力表指针归零", "equipment_id": self.extinguisher.id, "company_id": self.school.id}
        )
        message = self.env["mail.message"].search([
            ("model", "=", "maintenance.request"), ("res_id", "=", request.id),
            ("partner_ids", "in", self.staff.partner_id.ids),
        ])
        self.assertIn("有新的报修：压力表指针归零", message.body)

    def test_place_on_equipment_fills_location(self):
        """Choosing the place of an equipment writes its full name as the location."""
        with Form(self.env["maintenance.equipment"]) as form:
            form.name = "应急照明灯"
            form.school_place_id = self.gate
            self.assertEqual(form.location, self.gate.complete_name)

    def test_request_onchanges_place_and_team(self):
        """On a new request, the equipment brings its place and the place brings its team."""
        self.campus.maintenance_team_id = self.campus_team
        request = self.env["maintenance.request"].with_user(self.repair_desk).new(
            {"name": "灭火器过期", "company_id": self.school.id, "maintenance_team_id": self.first_team.id}
        )
        request.equipment_id = self.extinguisher
        request._onchange_equipment_id_school_place()
        self.assertEqual(request.school_place_id, self.stairs)
        request._onchange_school_place_id_team()
        self.assertEqual(request.maintenance_team_id, self.campus_team)
