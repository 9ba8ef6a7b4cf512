import base64
from datetime import timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.school_base.tests.escalation_checks import ChineseTextChecks

from .common_asset_register import SchoolAssetCommon

CONTRACT = base64.b64encode(b"%PDF-1.4 greening contract")


@tagged("post_install", "-at_install")
class TestGreening(SchoolAssetCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.school.write({"asset_manager_user_id": cls.asset_manager.id})
        cls.green = cls.env["school.place"].create(
            {"name": "明德楼东侧绿化带", "level": "area", "kind": "other", "parent_id": cls.campus.id,
             "company_id": cls.school.id}
        )
        cls.contractor = cls.env["res.partner"].create({"name": "常州市绿茵园林绿化工程有限公司"})
        cls.pest_company = cls.env["res.partner"].create({"name": "常州市新北区白蚁防治所"})

    def _contract(self, **vals):
        return self.env["school.greening.contract"].with_user(self.asset_manager).create({
            "contractor_id": self.contractor.id, "date_start": "2026-01-01", "date_end": "2026-12-31",
            "amount": 48000, "place_ids": [(6, 0, self.green.ids)], "company_id": self.school.id, **vals,
        })

    def _plant(self, **vals):
        return self.env["school.plant"].with_user(self.asset_manager).create({
            "name": "香樟", "species": "Cinnamomum camphora 樟科", "label_no": "ZW-001",
            "place_id": self.green.id, "company_id": self.school.id, **vals,
        })

    def _treatment(self, **vals):
        return self.env["school.pest.control"].with_user(self.asset_manager).create({
            "pest": "termite", "date": "2026-04-15", "contractor_id": self.pest_company.id,
            "area": "图书室一楼及东围墙香樟", "chemical": "氟虫腈诱杀饵剂", "next_date": "2026-10-15",
            "company_id": self.school.id, **vals,
        })

    def test_contract_plans_upkeep_checks(self):
        """A signed greening contract plans the 绿化养护检查 of its areas; a failed item lowers the score only."""
        today = fields.Date.context_today(self.env["school.greening.contract"])
        contract = self._contract(date_start=today - timedelta(days=30), date_end=today + timedelta(days=300))
        with self.assertRaises(UserError):
            contract.action_activate()  # the signed contract first
        contract.contract_file = CONTRACT
        contract.action_activate()
        schedule = contract.schedule_id
        self.assertEqual(schedule.template_id.premises_kind, "greening")
        self.assertEqual(schedule.place_ids, self.green)
        self.assertFalse(schedule.template_id._get_follow_up_model())
        first_of_next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
        inspections = schedule._generate_inspections(first_of_next_month + timedelta(days=1))
        self.assertTrue(inspections)
        self.assertEqual(contract.check_count, len(inspections))
        contract.action_end()
        self.assertEqual(contract.state, "ended")
        self.assertFalse(schedule.active)
        with self.assertRaises(UserError):
            contract.write({"scope": "<p>changed</p>"})

    def test_state_written_directly_refused(self):
        """A contract's state and a treatment's superseded flag move only through their actions."""
        contract = self._contract(contract_file=CONTRACT)
        with self.assertRaises(UserError):
            contract.write({"state": "active"})
        treatment = self._treatment()
        with self.assertRaises(UserError):
            treatment.write({"superseded": True})
        self.assertEqual(contract.state, "draft")

    def test_bad_input_refused(self):
        """End before start, adoption backwards or without a class, a duplicate label: refused."""
        with self.assertRaises(ValidationError):
            self._contract(date_start="2026-12-31", date_end="2026-01-01")
        with self.assertRaises(ValidationError):
            self._plant(class_id=self.school_class.id, adoption_start="2026-09-01", adoption_end="2026-08-01")
        with self.assertRaises(ValidationError):
            self._plant(adoption_start="2026-09-01")
        with self.assertRaises(ValidationError):
            self._treatment(next_date="2026-04-01")
        self._plant()
        with self.assertRaises(ValidationError):
            self._plant(name="桂花")  # label ZW-001 is taken in this school

    def test_adoption_by_class(self):
        """A class adopts a labelled plant; its head teacher keeps the care log and nothing else."""
        plant = self._plant(class_id=self.school_class.id, adoption_start="2026-09-01", adoption_end="2027-07-10")
        self.assertTrue(plant.qr_image)
        other = self._plant(name="桂花", label_no="ZW-002", class_id=self.class_b.id)
        free = self._plant(name="广玉兰", label_no="ZW-003")
        Plant = self.env["school.plant"].with_user(self.head_teacher)
        self.assertEqual(Plant.search([("head_teacher_user_id", "=", self.head_teacher.id)]), plant)
        with freeze_time("2026-10-10 04:00:00"):
            self.assertEqual(plant.adoption_state, "current")
            self.assertEqual(free.adoption_state, "none")
            self.assertIn(plant, Plant.search([("adoption_state", "=", "current")]))
            self.assertIn(free, Plant.search([("adoption_state", "=", "none")]))
        with freeze_time("2027-08-01 04:00:00"):
            plant.invalidate_recordset(["adoption_state"])
            self.assertEqual(plant.adoption_state, "expired")
            self.assertEqual(Plant.search([("adoption_state", "=", "expired")]), plant)
        plant.with_user(self.head_teacher).write({"care_note": "9月：分组浇水松土"})
        self.assertEqual(plant.care_note, "9月：分组浇水松土")
        with self.assertRaises(UserError):
            plant.with_user(self.head_teacher).write({"class_id": self.class_c.id})
        with self.assertRaises(UserError):
            other.with_user(self.head_teacher).write({"care_note": "not my class"})
        with self.assertRaises(AccessError):
            plant.with_user(self.staff).write({"care_note": "x"})
        with self.assertRaises(UserError):
            # a class of another school
            other_class = self.env["school.class"].create(
                {"name": "二小三(1)班", "grade": "3", "term_id": self.other_term.id,
                 "company_id": self.other_school.id}
            )
            self._plant(label_no="ZW-009", class_id=other_class.id)

    def test_pest_control_reminder_once(self):
        """The asset manager is reminded once, a week before the next treatment; a new treatment
        replaces the old one's reminder."""
        treatment = self._treatment()
        Pest = self.env["school.pest.control"]
        with freeze_time("2026-10-01 04:00:00"):
            Pest._cron_run_escalations()
            self.assertFalse(treatment.activity_ids)
        with freeze_time("2026-10-10 04:00:00"):
            Pest._cron_run_escalations()
            self.assertEqual(treatment.activity_ids.user_id, self.asset_manager)
            Pest._cron_run_escalations()
            self.assertEqual(len(treatment.activity_ids), 1)
        later = self._treatment(date="2026-10-16", next_date="2027-04-16")
        self.assertTrue(treatment.superseded)
        self.assertFalse(later.superseded)
        with freeze_time("2027-04-12 04:00:00"):
            Pest._cron_run_escalations()
            self.assertEqual(len(later.activity_ids), 1)
            self.assertEqual(len(treatment.activity_ids), 1)

    def test_roles_and_two_schools(self):
        """The asset manager records; officers read; staff read plants only; schools stay apart."""
        contract = self._contract()
        treatment = self._treatment()
        plant = self._plant()
        self.assertEqual(contract.with_user(self.officer).amount, 48000)
        self.assertEqual(treatment.with_user(self.principal).chemical, "氟虫腈诱杀饵剂")
        self.assertEqual(plant.with_user(self.staff).name, "香樟")
        with self.assertRaises(AccessError):
            contract.with_user(self.staff).read(["amount"])
        with self.assertRaises(AccessError):
            self.env["school.pest.control"].with_user(self.officer).create(
                {"area": "x", "chemical": "y", "company_id": self.school.id}
            )
        with self.assertRaises(AccessError):
            self.env["school.plant"].with_user(self.head_teacher).create({"name": "x", "label_no": "x"})
        for model in ("school.greening.contract", "school.plant", "school.pest.control"):
            other = self.env[model].with_user(self.other_manager).with_context(
                allowed_company_ids=self.other_school.ids
            )
            self.assertFalse(other.search([]), model)
        # the same label number in another school is that school's own
        self.env["school.plant"].with_user(self.other_manager).with_context(
            allowed_company_ids=self.other_school.ids
        ).create({"name": "香樟", "label_no": "ZW-001", "company_id": self.other_school.id})


@tagged("post_install", "-at_install")
class TestPestControlReminderChinese(ChineseTextChecks, SchoolAssetCommon):
    def test_pest_reminder_in_chinese(self):
        """The pest control reminder reads in Chinese for a Chinese-speaking asset manager."""
        self.school.write({"asset_manager_user_id": self.asset_manager.id})
        self._speak_chinese(self.asset_manager)
        self.env["ir.module.module"]._load_module_terms(["school_assets"], ["zh_CN"])
        treatment = self.env["school.pest.control"].with_user(self.asset_manager).create({
            "pest": "termite", "date": "2026-04-15", "area": "图书室一楼", "chemical": "氟虫腈诱杀饵剂",
            "next_date": "2026-10-15", "company_id": self.school.id,
        })
        before = self._last_ids()
        with freeze_time("2026-10-10 04:00:00"):
            self.assertIn(treatment, self.env["school.pest.control"].with_context(lang="en_US")._cron_run_escalations())
        self.assertPostedInChinese(*before)
