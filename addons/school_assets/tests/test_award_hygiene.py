from freezegun import freeze_time

from .common_asset_register import SchoolAssetCommon


@freeze_time("2026-11-12 04:00:00")
class TestAwardHygiene(SchoolAssetCommon):
    """The term-end class award shows each class's hygiene score and rank next to its custody rank."""

    def test_award_shows_hygiene(self):
        template = self.env["school.inspection.template"].create({
            "name": "班级卫生日常检查", "category": "hygiene", "company_id": self.school.id,
            "item_ids": [(0, 0, {"name": name, "item_type": "check", "photo_required_on_fail": False})
                         for name in ("地面清洁", "桌椅整齐")],
        })

        def check(room, failing=()):
            inspection = self.env["school.inspection"].with_user(self.staff).create({
                "template_id": template.id, "place_id": room.id, "company_id": self.school.id,
            })
            for line in inspection.line_ids:
                line.check_result = "fail" if line.name in failing else "pass"
            inspection.action_done()
            return inspection

        check(self.room)
        check(self.room_b, failing=["地面清洁"])
        award = self.env["school.asset.award"].with_user(self.head_teacher).create({"term_id": self.term.id})
        award.action_compute()
        lines = {line.class_id: line for line in award.line_ids}
        self.assertEqual((lines[self.school_class].hygiene_score, lines[self.school_class].hygiene_rank), (100.0, 1))
        self.assertEqual((lines[self.class_b].hygiene_score, lines[self.class_b].hygiene_rank), (50.0, 2))
        self.assertEqual(lines[self.class_c].hygiene_rank, 0)
        # a lower score moves the class down in the award's hygiene column
        check(self.room, failing=["地面清洁", "桌椅整齐"])
        award = self.env["school.asset.award"].with_user(self.head_teacher).create({"term_id": self.term.id})
        award.action_compute()
        lines = {line.class_id: line for line in award.line_ids}
        self.assertEqual((lines[self.school_class].hygiene_score, lines[self.school_class].hygiene_rank), (50.0, 1))
        self.assertEqual(lines[self.class_b].hygiene_rank, 1)
