"""The education bureau's comparison of the schools (school.district.figure): hazards and drills."""

from datetime import datetime, timedelta

import xlrd
from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.school_base.tests.common import SchoolBaseCommon, form_spec, list_spec

HAZARD_KEYS = ("hazard_reported", "hazard_open", "hazard_overdue", "hazard_close_days")


@tagged("post_install", "-at_install")
class TestDistrictFigureSafety(SchoolBaseCommon):
    """Two schools, hand-made hazards and drills in one past month, read by the bureau."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.both = cls.school | cls.other_school
        cls.bureau = new_test_user(
            cls.env, login="t_bureau_fig", groups="base.group_user,school_base.group_school_bureau",
            company_id=cls.school.id, company_ids=[(6, 0, cls.both.ids)], tz="Asia/Shanghai",
        )
        cls.other_principal = cls._new_user("t_other_principal", "school_base.group_school_principal", cls.other_school)
        cls.safety = cls._new_user("t_fig_safety", "school_safety.group_safety_manager")
        # a month well in the past: nothing of it is "now"
        cls.month = (fields.Date.today() - relativedelta(months=3)).replace(day=1)
        cls.end = cls.month + relativedelta(months=1)  # local midnight = 16:00 UTC the day before
        Term = cls.env["school.term"]
        for school in cls.both:
            Term.create({"name": f"{school.name}测试学期", "date_start": cls.month - relativedelta(months=1),
                         "date_end": cls.end + relativedelta(months=1), "company_id": school.id})
        other_place = cls.other_gate
        severity = cls.env["school.safety.hazard.severity"].search([], limit=1)

        def at(day, hour=2):
            return datetime.combine(cls.month, datetime.min.time()) + timedelta(days=day - 1, hours=hour)

        end_utc = datetime.combine(cls.end, datetime.min.time()) - timedelta(hours=8)
        Hazard = cls.env["school.safety.hazard"]
        common = {"description": "测试隐患", "severity_id": severity.id}
        cls.h_overdue, cls.h_closed_2, cls.h_closed_4, cls.h_closed_after, cls.h_cancel = Hazard.create([
            # open all month, its deadline long past: open and overdue
            {**common, "place_id": cls.gate.id, "company_id": cls.school.id,
             "date_reported": at(3), "date_deadline": at(4)},
            # closed after 2 and 4 days: median 3
            {**common, "place_id": cls.gate.id, "company_id": cls.school.id, "state": "closed",
             "date_reported": at(5), "date_deadline": at(6), "date_rectified": at(6),
             "date_rechecked": at(7)},
            {**common, "place_id": cls.stairs.id, "company_id": cls.school.id, "state": "closed",
             "date_reported": at(10), "date_deadline": at(20), "date_rectified": at(13),
             "date_rechecked": at(14)},
            # reported late in the month, closed after it: open at the month's end, not overdue then
            {**common, "place_id": cls.stairs.id, "company_id": cls.school.id, "state": "closed",
             "date_reported": at(28), "date_deadline": end_utc + timedelta(days=2),
             "date_rectified": end_utc + timedelta(days=1), "date_rechecked": end_utc + timedelta(days=1)},
            # cancelled: counted as reported, never as open
            {**common, "place_id": cls.gate.id, "company_id": cls.school.id, "state": "cancel",
             "date_reported": at(15), "date_deadline": at(16)},
        ])
        # reported the month before and still open: open and overdue at this month's end too
        cls.h_older = Hazard.create({**common, "place_id": cls.gate.id, "company_id": cls.school.id,
                                     "date_reported": at(1) - timedelta(days=20), "date_deadline": at(1)})
        cls.h_other = Hazard.create({**common, "place_id": other_place.id, "company_id": cls.other_school.id,
                                     "date_reported": at(8), "date_deadline": at(8) + timedelta(days=60)})
        Drill = cls.env["school.safety.drill"]
        day = cls.month + timedelta(days=14)
        cls.d_held, cls.d_planned, cls.d_other = Drill.create([
            {"name": "消防疏散演练", "drill_type": "fire", "date_planned": day, "company_id": cls.school.id,
             "state": "held", "date_held": at(15), "staff_count": 5},
            {"name": "防震演练", "drill_type": "earthquake", "date_planned": day, "company_id": cls.school.id},
            {"name": "二小消防演练", "drill_type": "fire", "date_planned": day, "company_id": cls.other_school.id,
             "state": "held", "date_held": at(15), "staff_count": 5},
        ])
        cls.Figure = cls.env["school.district.figure"]
        cls.Figure._compute_months([cls.month], cls.both)

    def _values(self, school):
        rows = self.Figure.search([("company_id", "=", school.id), ("month", "=", self.month)])
        return {row.key: row.value for row in rows}

    def test_figures_of_two_schools(self):
        """One query per figure over all schools gives each school its own numbers."""
        mine, other = self._values(self.school), self._values(self.other_school)
        self.assertEqual(
            {key: mine[key] for key in (*HAZARD_KEYS, "drill_planned", "drill_held")},
            {"hazard_reported": 5, "hazard_open": 3, "hazard_overdue": 2, "hazard_close_days": 3.0,
             "drill_planned": 2, "drill_held": 1},
        )
        self.assertEqual(
            {key: other[key] for key in (*HAZARD_KEYS, "drill_planned", "drill_held")},
            {"hazard_reported": 1, "hazard_open": 1, "hazard_overdue": 0, "hazard_close_days": 0.0,
             "drill_planned": 1, "drill_held": 1},
        )
        # computing again replaces the month's rows, it does not add to them
        count = self.Figure.search_count([("month", "=", self.month)])
        self.Figure._compute_months([self.month], self.both)
        self.assertEqual(self.Figure.search_count([("month", "=", self.month)]), count)

    def test_queries_do_not_grow_with_the_schools(self):
        """At 100 schools as at 2: the same number of queries (one per figure), none per school."""
        more = self.both | self.env["res.company"].create([{"name": f"第{n}测试小学"} for n in range(3, 7)])
        self.Figure._compute_months([self.month], self.both)  # warm the caches
        queries = []
        for schools in (self.both, more):
            self.env.invalidate_all()
            self.env.flush_all()
            before = self.cr.sql_log_count
            self.Figure._compute_months([self.month], schools)
            self.env.flush_all()
            queries.append(self.cr.sql_log_count - before)
        self.assertEqual(queries[0], queries[1], "the figures are computed for every school at once")

    def test_bureau_sees_every_school_schools_see_none_of_the_others(self):
        """The bureau reads both schools whatever the switcher shows; a principal their own; other roles nothing."""
        bureau_rows = self.Figure.with_user(self.bureau).with_context(allowed_company_ids=self.school.ids).search(
            [("month", "=", self.month)]
        )
        self.assertEqual(bureau_rows.company_id, self.both)
        own = self.Figure.with_user(self.principal).with_context(allowed_company_ids=self.school.ids).search([])
        self.assertEqual(own.company_id, self.school)
        theirs = self.Figure.with_user(self.other_principal).with_context(
            allowed_company_ids=self.other_school.ids).search([])
        self.assertEqual(theirs.company_id, self.other_school)
        # a principal cannot read the other school's row even by its id
        row = bureau_rows.filtered(lambda r: r.company_id == self.other_school)[:1]
        with self.assertRaises(AccessError):
            row.with_user(self.principal).with_context(allowed_company_ids=self.school.ids).read(["value"])
        for user in (self.staff, self.manager, self.safety, self.other_officer):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.Figure.with_user(user).with_context(allowed_company_ids=user.company_ids.ids).search([])
        # nobody writes a figure by hand, not even the bureau
        with self.assertRaises(AccessError):
            row.with_user(self.bureau).write({"value": 0})
        with self.assertRaises(AccessError):
            self.Figure.with_user(self.principal).action_compute_current()

    def test_drill_down_opens_the_records_behind_each_figure(self):
        """Each figure opens its school's records: the domain finds exactly what was counted."""
        expected = {
            "hazard_reported": self.h_overdue | self.h_closed_2 | self.h_closed_4 | self.h_closed_after | self.h_cancel,
            "hazard_open": self.h_overdue | self.h_closed_after | self.h_older,
            "hazard_overdue": self.h_overdue | self.h_older,
            "hazard_close_days": self.h_closed_2 | self.h_closed_4,
            "drill_planned": self.d_held | self.d_planned,
            "drill_held": self.d_held,
        }
        env = self.env(user=self.bureau, context={"allowed_company_ids": self.both.ids})
        rows = env["school.district.figure"].search([("month", "=", self.month), ("company_id", "=", self.school.id)])
        for key, records in expected.items():
            with self.subTest(key=key):
                row = rows.filtered(lambda r, key=key: r.key == key)
                action = row.action_open_records()
                self.assertEqual(action["res_model"], records._name)
                found = env[records._name].search(action["domain"])
                self.assertEqual(found, records)
                if not row.key.endswith("_days"):
                    self.assertEqual(row.value, len(found))
                # the bureau opens the list the web client shows
                view = next((view_id for view_id, kind in action["views"] if kind == "list"), False)
                result = env[records._name].web_search_read(action["domain"], list_spec(env, records._name, view))
                self.assertEqual(result["length"], len(records))
                # and a record's form
                self.assertTrue(records[:1].with_env(env).web_read(form_spec(env, records._name)))
        # a school not selected in the switcher: told to select it, not an empty list
        row = rows.with_context(allowed_company_ids=self.other_school.ids)[:1]
        with self.assertRaises(UserError):
            row.action_open_records()

    def test_district_report_xlsx(self):
        """区级月报: a sheet for the month, a row per school, the figures in columns, district totals."""
        wizard = self.env["school.district.report"].with_user(self.bureau).with_context(
            allowed_company_ids=self.school.ids).create({"period": "month", "date": self.month})
        report = self.env.ref("school_base.action_report_school_district_xlsx")
        content, kind = report.with_user(self.bureau).with_context(
            allowed_company_ids=self.school.ids)._render(report.report_name, wizard.ids, {})
        self.assertEqual(kind, "xlsx")
        book = xlrd.open_workbook(file_contents=content)
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.name, self.month.strftime("%Y-%m"))
        header = sheet.row_values(2)
        self.assertEqual(header[:2], ["No.", "School"])
        rows = {sheet.cell_value(row, 1): sheet.row_values(row) for row in range(3, 5)}
        self.assertEqual(set(rows), {self.school.name, self.other_school.name})
        col = {label: index for index, label in enumerate(header)}
        mine, other = rows[self.school.name], rows[self.other_school.name]
        self.assertEqual(
            [mine[col[label]] for label in ("Hazards Reported", "Hazards Open At Month End", "Hazards Overdue",
                                            "Median Days To Close A Hazard", "Drills Planned", "Drills Held")],
            [5, 3, 2, 3, 2, 1],
        )
        self.assertEqual(
            [other[col[label]] for label in ("Hazards Reported", "Hazards Open At Month End", "Drills Held")],
            [1, 1, 1],
        )
        total = sheet.row_values(6)
        self.assertEqual(total[1], "District Total")
        self.assertEqual(total[col["Hazards Reported"]], 6)
        self.assertEqual(total[col["Median Days To Close A Hazard"]], "", "a median is not added up")
        # a principal does not print the district's report
        with self.assertRaises(AccessError):
            self.env["school.district.report"].with_user(self.principal).create({"period": "month"}).action_print()
