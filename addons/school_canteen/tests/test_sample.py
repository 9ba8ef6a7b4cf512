from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form

from .common_canteen_daily import CanteenDailyCommon


class TestSample(CanteenDailyCommon):
    def test_weight_at_least_125_g(self):
        """A sample under 125 g is refused; the minimum comes from the school's settings."""
        with self.assertRaises(ValidationError):
            self._sample(weight=124.9)
        sample = self._sample(weight=125)
        self.assertEqual(sample.weight, 125)
        self.school.canteen_sample_min_weight = 150
        with self.assertRaises(ValidationError):
            self._sample(line=self.line_greens, weight=140)

    def test_kept_48_hours(self):
        """Discarding a sample before 48 h is refused; after, it records who and when."""
        sample = self._sample()
        self.assertEqual(sample.discard_due_datetime, datetime(2026, 11, 12, 3, 30))
        self.assertEqual(sample.sampler_employee_id, self.cook)
        with freeze_time("2026-11-12 03:29:00"):
            self.assertFalse(sample.is_discard_due)
            with self.assertRaises(UserError):
                sample.with_user(self.cook_user).action_discard()
            self.assertEqual(sample.state, "kept")
        with self.assertRaises(UserError):  # only the discard action sets it
            sample.discard_datetime = datetime(2026, 11, 11, 3, 30)
        with self.assertRaises(ValidationError):  # and not even the system before 48 h
            sample.sudo().discard_datetime = datetime(2026, 11, 11, 3, 30)
        with freeze_time("2026-11-12 03:30:00"):
            sample.invalidate_recordset(["is_discard_due"])
            self.assertTrue(sample.is_discard_due)
            sample.with_user(self.cook_user).action_discard()
        self.assertRecordValues(sample, [{
            "state": "discarded", "discard_datetime": datetime(2026, 11, 12, 3, 30),
            "discarder_employee_id": self.cook.id,
        }])
        with self.assertRaises(UserError):
            sample.with_user(self.cook_user).action_discard()

    def test_keeping_time_configurable(self):
        """A school keeping samples 72 h can discard them only after 72 h, and nobody keeps one shorter."""
        self.school.canteen_sample_keep_hours = 72
        sample = self._sample()
        self.assertEqual(sample.keep_hours, 72)
        self.assertEqual(sample.discard_due_datetime, datetime(2026, 11, 13, 3, 30))
        with self.assertRaises(ValidationError):
            self._sample(line=self.line_greens, keep_hours=48)

    def test_due_for_discard_search(self):
        """The canteen sees the samples due for discard, not those still within 48 h nor the discarded."""
        old = self._sample()
        recent = self._sample(line=self.line_greens, sample_datetime="2026-11-11 03:30:00")
        Sample = self.env["school.canteen.sample"].with_user(self.cook_user)
        with freeze_time("2026-11-12 12:00:00"):
            self.assertEqual(Sample.search([("id", "in", (old | recent).ids), ("is_discard_due", "=", True)]), old)
            self.assertEqual(Sample.search([("id", "in", (old | recent).ids), ("is_discard_due", "=", False)]), recent)
            old.with_user(self.cook_user).action_discard()
            self.assertFalse(Sample.search([("id", "in", (old | recent).ids), ("is_discard_due", "=", True)]))

    def test_dishes_missing_sample(self):
        """Menu lines without a sample are listed; the menu counts them."""
        self.assertEqual(self.menu.missing_sample_count, 3)
        self._sample()
        self.assertEqual(self.menu.missing_sample_count, 2)
        missing = self.env["school.canteen.menu.line"].with_user(self.cook_user).search(
            [("menu_id", "=", self.menu.id), ("has_sample", "=", False)]
        )
        self.assertEqual(missing.dish_id, self.dish_greens | self.dish_soup)
        self.assertTrue(self.line_pork.has_sample)

    def test_take_sample_from_phone_form(self):
        """From a dish missing its sample, the cook fills weight and fridge in a quick form."""
        action = self.line_soup.with_user(self.cook_user).action_take_sample()
        with freeze_time("2026-11-10 03:40:00"):
            with Form(self.env["school.canteen.sample"].with_user(self.cook_user).with_context(**action["context"])) as form:
                self.assertEqual(form.fridge_id, self.fridge, "the school's fridge is proposed")
                form.weight = 130
                form.fridge_temperature = 3.5
            sample = form.save()
        self.assertEqual(sample.dish_id, self.dish_soup)
        self.assertEqual(sample.sampler_employee_id, self.cook)
        self.assertTrue(sample.temperature_ok)
        self.assertEqual(self.menu.missing_sample_count, 2)

    def test_fridge_temperature_flag(self):
        """A fridge reading outside 0–8 °C is flagged on the sample."""
        sample = self._sample(fridge_temperature=11)
        self.assertFalse(sample.temperature_ok)

    def test_sample_not_before_menu_day(self):
        """A dish cannot be sampled before the day of its menu."""
        with self.assertRaises(ValidationError):
            self._sample(sample_datetime="2026-11-09 03:30:00")

    def test_menu_found_by_date(self):
        """A menu is named after its day and meal, and found by its date."""
        self.assertEqual(self.menu.display_name, "2026-11-10 Lunch")
        found = self.env["school.canteen.menu"].name_search("2026-11-10")
        self.assertIn(self.menu.id, [menu_id for menu_id, _name in found])
