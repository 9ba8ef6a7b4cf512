from odoo_test_helper import FakeModelLoader

from .common import SchoolBaseCommon


class TestTermMixin(SchoolBaseCommon):
    """A dated record gets the term of its school containing its date, computed in one batch."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_models import SchoolTestDated

        cls.loader.update_registry((SchoolTestDated,))
        Term = cls.env["school.term"]
        cls.autumn = Term.create(
            {"name": "2026秋", "date_start": "2026-09-01", "date_end": "2027-01-25", "company_id": cls.school.id}
        )
        cls.spring = Term.create(
            {"name": "2027春", "date_start": "2027-02-20", "date_end": "2027-07-05", "company_id": cls.school.id}
        )
        cls.other_autumn = Term.create(
            {"name": "二小2026秋", "date_start": "2026-09-01", "date_end": "2027-01-25",
             "company_id": cls.other_school.id}
        )

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def test_term_from_date_per_school_in_one_batch(self):
        Dated = self.env["school.test.dated"]
        vals = [
            {"date": "2026-11-03", "company_id": self.school.id},
            {"date": "2027-03-01", "company_id": self.school.id},
            {"date": "2027-02-05", "company_id": self.school.id},  # winter holiday: no term
            {"date": "2026-11-03", "company_id": self.other_school.id},
        ]
        Dated.create([{"date": "2026-10-01", "company_id": self.school.id}])  # warm the caches
        with self.assertQueryCount(__system__=4):
            records = Dated.create(vals)
        self.assertEqual(records.mapped("term_id"), self.autumn | self.spring | self.other_autumn)
        self.assertEqual(
            [record.term_id for record in records], [self.autumn, self.spring, Dated.term_id, self.other_autumn]
        )

    def test_date_change_moves_term_and_manual_term_kept_between_terms(self):
        record = self.env["school.test.dated"].create({"date": "2026-11-03", "company_id": self.school.id})
        record.date = "2027-03-01"
        self.assertEqual(record.term_id, self.spring)
        record.term_id = self.autumn
        record.date = "2027-02-05"  # no term contains it: the chosen term stays
        self.assertEqual(record.term_id, self.autumn)
