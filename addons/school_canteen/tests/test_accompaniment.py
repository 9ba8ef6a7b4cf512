from datetime import date

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form

from odoo.addons.school_base.tests.escalation_checks import english_sentences

from .common_canteen_daily import CanteenDailyCommon


class TestAccompaniment(CanteenDailyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Rota = cls.env["school.canteen.accompaniment.rota"]
        cls.Log = cls.env["school.canteen.accompaniment"]
        cls.problem_type = cls.env.ref("school_canteen.mail_activity_type_canteen_accompaniment_problem")
        cls.reminder_type = cls.env.ref("school_canteen.mail_activity_type_canteen_accompaniment_log")

    def _generate(self, month="2026-12-01"):
        wizard = self.env["school.canteen.accompaniment.rota.generate"].with_user(self.canteen_manager).create({
            "month_date": month, "leader_ids": [(6, 0, (self.leader_employee | self.other_leader_employee).ids)],
        })
        action = wizard.action_generate()
        return self.Rota.browse(action["domain"][0][2])

    def test_generate_month_rota(self):
        """A month of school days is shared in turn between the leaders, and never planned twice."""
        rotas = self._generate()
        self.assertEqual(len(rotas), 23)  # December 2026 has 23 weekdays
        self.assertFalse(any(rota.date.weekday() >= 5 for rota in rotas))
        by_leader = {leader: len(rotas.filtered(lambda r, lead=leader: r.leader_employee_id == lead))
                     for leader in rotas.leader_employee_id}
        self.assertEqual(sorted(by_leader.values()), [11, 12])
        self.assertEqual(rotas.sorted("date")[0].date, date(2026, 12, 1))
        self.assertFalse(self._generate(), "days already planned are kept")

    def _rota(self, day="2026-11-10", leader=None):
        return self.Rota.with_user(self.canteen_manager).create(
            {"date": day, "leader_employee_id": (leader or self.leader_employee).id}
        )

    def test_leader_records_log_with_problems(self):
        """The day's leader scores the meal; each problem becomes a follow-up for the canteen manager."""
        rota = self._rota()
        action = rota.with_user(self.leader).action_open_log()
        with Form(self.Log.with_user(self.leader).with_context(**action["context"])) as form:
            self.assertEqual(form.leader_employee_id, self.leader_employee)
            self.assertEqual(form.date, date(2026, 11, 10))
            form.diners_count = 420
            form.score_taste = "5"
            form.score_temperature = "2"
            with form.problem_ids.new() as problem:
                problem.category = "temperature"
                problem.description = "汤偏凉，三年级打饭时已不烫"
        log = form.save()
        self.assertTrue(rota.has_log)
        self.assertAlmostEqual(log.score_average, (5 + 4 + 2 + 4 + 4) / 5)
        problem = log.problem_ids
        self.assertEqual(problem.responsible_user_id, self.canteen_manager)
        activity = problem.activity_ids
        self.assertEqual(activity.activity_type_id, self.problem_type)
        self.assertEqual(activity.user_id, self.canteen_manager)
        self.assertEqual(log.open_problem_count, 1)

        as_manager = problem.with_user(self.canteen_manager)
        with self.assertRaises(UserError):
            as_manager.action_resolve()
        as_manager.resolution = "保温桶分装，出餐前测温不低于 60 ℃"
        as_manager.action_resolve()
        self.assertEqual(problem.state, "resolved")
        self.assertFalse(problem.activity_ids)
        self.assertEqual(log.open_problem_count, 0)

    def test_problem_told_in_the_managers_language(self):
        """Issue 15: the leader (English) records a problem; the canteen manager (Chinese) reads Chinese."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.canteen_manager.lang = "zh_CN"
        self.leader.lang = "en_US"
        rota = self._rota()
        action = rota.with_user(self.leader).with_context(lang="en_US").action_open_log()
        Log = self.Log.with_user(self.leader).with_context(**action["context"], lang="en_US")
        with Form(Log) as form:
            form.diners_count = 420
            with form.problem_ids.new() as problem:
                problem.category = "temperature"
                problem.description = "汤偏凉"
        activity = form.save().problem_ids.activity_ids
        self.assertEqual(activity.user_id, self.canteen_manager)
        self.assertIn("陪餐发现：汤偏凉", activity.note)
        self.assertFalse(english_sentences(activity.note), activity.note)

    def test_only_the_leader_writes_the_log(self):
        """Other staff read the logs but cannot write a leader's log; the canteen manager can."""
        log = self.Log.with_user(self.leader).create({"rota_id": self._rota().id, "diners_count": 400})
        self.assertEqual(log.with_user(self.staff).diners_count, 400)
        with self.assertRaises(AccessError):
            log.with_user(self.staff).write({"diners_count": 1})
        with self.assertRaises(AccessError):
            self.Log.with_user(self.staff).create({"rota_id": self._rota(day="2026-11-11").id})
        log.with_user(self.canteen_manager).diners_count = 410
        self.assertEqual(log.diners_count, 410)

    def test_days_without_log_listed_and_reminded(self):
        """Rota days without a log are listed and their leader is reminded once by the cron."""
        logged, missed, future = self._rota("2026-11-09"), self._rota("2026-11-10"), self._rota("2026-11-20")
        self.Log.with_user(self.leader).create({"rota_id": logged.id})
        cron = self.env.ref("school_canteen.ir_cron_school_canteen_accompaniment_reminder")
        with freeze_time("2026-11-10 10:00:00"):
            without = self.Rota.search(
                self.Rota._get_missing_log_domain(date(2026, 11, 10)) + [("id", "in", (logged | missed | future).ids)]
            )
            self.assertEqual(without, missed)
            cron.method_direct_trigger()
            self.assertEqual(missed.activity_ids.user_id, self.leader)
            self.assertEqual(missed.activity_ids.activity_type_id, self.reminder_type)
            self.assertFalse(future.activity_ids | logged.activity_ids)
            cron.method_direct_trigger()
            self.assertEqual(len(missed.activity_ids), 1, "reminded once")
        self.Log.with_user(self.leader).create({"rota_id": missed.id})
        self.assertFalse(missed.activity_ids, "the log done, the reminder goes")

    def test_log_keeps_rota_day(self):
        """A log of a rota day cannot move to another day."""
        log = self.Log.with_user(self.leader).create({"rota_id": self._rota().id})
        with self.assertRaises(UserError):
            log.with_user(self.canteen_manager).date = "2026-11-12"

    def test_generate_rota_follows_school_calendar(self):
        """The rota skips the school's holidays and takes in its make-up Saturday (调休上班)."""
        self.env["resource.calendar.leaves"].create({
            "name": "国庆节", "company_id": self.school.id,
            "school_date_from": "2026-10-01", "school_date_to": "2026-10-07",
        })
        self.env["school.calendar.makeup.day"].create({
            "name": "国庆节调休上班", "date": "2026-10-10", "timetable_weekday": "2", "company_id": self.school.id,
        })
        days = self._generate(month="2026-10-01").mapped("date")
        self.assertEqual(len(days), 18)  # 22 weekdays, 5 of them in the holiday, one make-up Saturday
        self.assertNotIn(date(2026, 10, 1), days)
        self.assertIn(date(2026, 10, 10), days)
        self.assertNotIn(date(2026, 10, 11), days)
