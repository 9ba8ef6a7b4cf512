from .test_hazard import HazardCommon


class TestHazardRepairPlace(HazardCommon):
    def test_repair_request_carries_place_and_team(self):
        """A hazard's repair request is at the hazard's place and worked by that place's team."""
        place_team = self.env["maintenance.team"].create({"name": "校区物业", "company_id": self.school.id})
        self.campus.maintenance_team_id = place_team
        hazard = self._report(assigned_user_id=self.repairer.id)
        action = hazard.with_user(self.safety_manager).action_create_repair()
        request = self.env["maintenance.request"].browse(action["res_id"])
        self.assertRecordValues(
            request, [{"school_place_id": self.gate.id, "maintenance_team_id": place_team.id}]
        )

    def test_repair_request_without_place_team(self):
        """With no team on the place or above it, the school's first team works the repair."""
        hazard = self._report(assigned_user_id=self.repairer.id)
        action = hazard.with_user(self.safety_manager).action_create_repair()
        request = self.env["maintenance.request"].browse(action["res_id"])
        self.assertEqual(request.school_place_id, self.gate)
        self.assertEqual(
            request.maintenance_team_id,
            self.env["maintenance.team"].search([("company_id", "=", self.school.id)], limit=1),
        )
