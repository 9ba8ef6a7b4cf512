from odoo.exceptions import ValidationError

from .common_canteen_daily import CanteenDailyCommon


class TestDisinfection(CanteenDailyCommon):
    def _record(self, **vals):
        return self.env["school.canteen.disinfection"].with_user(self.cook_user).create({
            "date": "2026-11-10", "meal": "lunch", "operator_employee_id": self.cook.id, "quantity": 320, **vals,
        })

    def test_steam_minimums(self):
        """Steam disinfection needs 100 °C for 10 minutes."""
        with self.assertRaises(ValidationError):
            self._record(method="steam", temperature=95, duration_minutes=15)
        with self.assertRaises(ValidationError):
            self._record(method="steam", temperature=100, duration_minutes=9)
        self.assertTrue(self._record(method="steam", temperature=100, duration_minutes=10))

    def test_cabinet_minimums(self):
        """A heat/infrared cabinet needs 120 °C for 10 minutes."""
        with self.assertRaises(ValidationError):
            self._record(method="cabinet", temperature=110, duration_minutes=20)
        self.assertTrue(self._record(method="cabinet", temperature=125, duration_minutes=15))

    def test_chemical_minimums(self):
        """Chemical disinfection needs a concentration (250 mg/L) and 5 minutes, whatever the temperature."""
        with self.assertRaises(ValidationError):
            self._record(method="chemical", temperature=20, duration_minutes=10)
        with self.assertRaises(ValidationError):
            self._record(method="chemical", concentration=250, duration_minutes=4)
        record = self._record(method="chemical", concentration=250, duration_minutes=5)
        self.assertEqual(record.temperature, 0)

    def test_minimums_configurable(self):
        """The school may set stricter minimums in the settings."""
        self.school.canteen_cabinet_min_minutes = 20
        with self.assertRaises(ValidationError):
            self._record(method="cabinet", temperature=125, duration_minutes=15)
        record = self._record(method="cabinet", temperature=125, duration_minutes=20)
        with self.assertRaises(ValidationError):
            record.temperature = 100

    def test_settings_validated(self):
        """Settings that would switch the checks off are refused."""
        for vals in ({"canteen_sample_min_weight": 0}, {"canteen_sample_keep_hours": -1},
                     {"canteen_steam_min_minutes": -5}, {"canteen_fever_temperature": 20}):
            with self.subTest(vals=vals), self.assertRaises(ValidationError):
                self.school.write(vals)
