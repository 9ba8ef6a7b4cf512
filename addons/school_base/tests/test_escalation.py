from datetime import datetime
from unittest.mock import patch

from freezegun import freeze_time
from odoo_test_helper import FakeModelLoader

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SchoolBaseCommon
from .escalation_checks import ChineseTextChecks, english_sentences


class TestEscalationMixin(SchoolBaseCommon):
    """Issue 12: one escalation mechanism: due dates in the database, batched, each step once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.loader = FakeModelLoader(cls.env, cls.__module__)
        cls.loader.backup_registry()
        from .fake_escalation_models import SchoolTestEscalation

        cls.loader.update_registry((SchoolTestEscalation,))
        cls.school.partner_id.tz = "Asia/Shanghai"
        cls.school.write({"principal_user_id": cls.principal.id, "logistics_director_user_id": cls.manager.id})
        cls.Model = cls.env["school.test.escalation"]

    @classmethod
    def tearDownClass(cls):
        cls.loader.restore_registry()
        super().tearDownClass()

    def _run(self, batch_size=3):
        progress = []
        with patch.object(
            self.registry["ir.cron"], "_notify_progress",
            lambda self, done, remaining, deactivate=False: progress.append((done, remaining)),
        ):
            handled = self.Model._cron_run_escalations(batch_size=batch_size)
        return handled, progress[0]

    def test_more_records_than_one_batch(self):
        """7 records, batches of 3: each record is handled once, oldest due first, and the
        scheduler is told what remains; a further run does nothing."""
        records = self.Model.create([
            {"name": f"R{i}", "date_due": datetime(2026, 11, 1, i), "company_id": self.school.id} for i in range(7)
        ])
        with freeze_time("2026-11-01 12:00:00"):  # the directors' step is due, not the principal's
            runs = [self._run() for _i in range(4)]
        self.assertEqual([progress for _handled, progress in runs], [(3, 4), (3, 1), (1, 0), (0, 0)])
        self.assertEqual(runs[0][0], records[:3], "oldest due first")
        self.assertEqual(runs[0][0] | runs[1][0] | runs[2][0], records)
        self.assertEqual(records.mapped("told_count"), [1] * 7, "each record once")
        self.assertEqual(records.mapped("principal_count"), [0] * 7, "the principal's step is not due yet")
        self.assertEqual(records.told_user_id, self.manager, "the person in charge of the school")
        with freeze_time("2026-11-01 12:00:00"):
            self.assertFalse(self._run(batch_size=100)[0], "a second run does nothing")
        with freeze_time("2026-11-02 06:00:00"):  # the principal's step for the first 7 hours' records
            handled, progress = self._run(batch_size=100)
        self.assertEqual(handled, records)
        self.assertEqual(progress, (7, 0))
        self.assertEqual(records.mapped("told_count"), [1] * 7)
        self.assertEqual(records.mapped("principal_count"), [1] * 7)

    def test_due_date_not_before_and_moved(self):
        """A step is not done before its due date; done once per due date; due again when moved;
        closed records are left alone; markers go with the record."""
        record, closed = self.Model.create([
            {"name": "A", "date_due": datetime(2026, 11, 1, 8), "company_id": self.school.id},
            {"name": "B", "date_due": datetime(2026, 11, 1, 8), "company_id": self.school.id, "state": "done"},
        ])
        with freeze_time("2026-11-01 07:59:00"):
            self.assertFalse(self._run()[0])
        with freeze_time("2026-11-01 08:00:00"):
            self.assertEqual(self._run()[0], record)
            self.assertTrue(record._escalation_is_done("director"))
            self.assertFalse(self._run()[0])
        record.date_due = datetime(2026, 11, 5, 8)
        self.assertFalse(record._escalation_is_done("director"))
        with freeze_time("2026-11-05 08:00:00"):
            self.assertEqual(self._run()[0], record)
        self.assertEqual(record.told_count, 2)
        self.assertEqual(closed.told_count, 0)
        Done = self.env["school.escalation.done"]
        self.assertTrue(Done.search([("res_model", "=", record._name), ("res_id", "=", record.id)]))
        record.unlink()
        self.assertFalse(Done.search([("res_model", "=", record._name), ("res_id", "=", record.id)]))

    def test_recipient_language_and_school_time(self):
        """The step's action runs in the recipient's language, times in the school's time zone."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.manager.lang = "zh_CN"
        record = self.Model.with_context(lang="en_US").create(
            {"name": "A", "date_due": datetime(2026, 11, 1, 1, 30), "company_id": self.school.id}
        )
        with freeze_time("2026-11-01 02:00:00"):
            self.Model.with_context(lang="en_US")._cron_run_escalations()
        lang, when = record.told_text.split("|")
        self.assertEqual(lang, "zh_CN")
        self.assertIn("09:30", when, "01:30 UTC is 09:30 in Changzhou")

    def test_markers_and_computed_due_dates_closed_to_users(self):
        """Nobody silences a reminder: the markers are not readable or writable by school roles,
        and a computed due date cannot be set by hand."""
        record = self.Model.create({"name": "A", "date_due": datetime(2026, 11, 1), "company_id": self.school.id})
        for user in (self.staff, self.manager, self.principal):
            with self.assertRaises(AccessError):
                self.env["school.escalation.done"].with_user(user).create(
                    {"res_model": record._name, "res_id": record.id, "step": "director", "due": datetime(2026, 11, 1)}
                )
        with self.assertRaisesRegex(UserError, "computed for the reminders"):
            record.with_user(self.manager).sudo(False).write({"date_principal": datetime(2099, 1, 1)})


@tagged("post_install", "-at_install")
class TestChineseForTheRecipient(ChineseTextChecks, SchoolBaseCommon):
    """Issue 15: the activity types and model names our addons define read in Chinese."""

    def test_checker(self):
        self.assertEqual(english_sentences("<p>Overdue hazard YH/2026/0001</p>"), ["Overdue hazard YH/2026/0001"])
        self.assertFalse(english_sentences("<p>隐患 YH/2026/0001 已逾期：已上报给后勤主任 (t_manager)。</p>"))
        self.assertFalse(english_sentences("2026/11/03 09:30"))

    def test_activity_types_and_models_in_chinese(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        data = self.env["ir.model.data"].search([
            ("module", "=like", "school_%"), ("model", "=", "mail.activity.type"),
        ])
        types = self.env["mail.activity.type"].browse(data.mapped("res_id")).with_context(lang="zh_CN")
        self.assertTrue(types)
        self.assertChinese(types.mapped("name"), "activity type names")
        self.assertChinese([t.summary for t in types if t.summary], "activity type summaries")
        self.assertChinese([t.default_note for t in types if t.default_note], "activity type notes")
        mixin = self.registry["school.escalation.mixin"]
        names = [name for name, model in self.registry.items() if not model._abstract and issubclass(model, mixin)]
        models = self.env["ir.model"].with_context(lang="zh_CN").search([("model", "in", names)])
        self.assertChinese(models.mapped("name"), "model names in notifications")
