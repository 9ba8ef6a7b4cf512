"""Query counts of school_base's hot paths, pinned: a change that adds queries shows here.

Each count is measured after a warm-up of the same path (registry and ORM caches filled, as on a
running server), with the record cache emptied, and includes the final flush of the writes.
The numbers are today's measure plus a small margin.
"""

from odoo.tests import HttpCase, tagged

from .common import SchoolBaseCommon, form_spec


@tagged("post_install", "-at_install")
class TestQueryCountsPatrol(SchoolBaseCommon):
    def _ready_inspection(self):
        """A gate patrol with every item answered but the first yes/no one."""
        inspection = self._new_inspection()
        self._answer(inspection)
        first = inspection.line_ids.filtered(lambda line: line.item_type == "check")[:1]
        first.check_result = False
        return inspection, first

    def test_patrol_answer_and_finish(self):
        """The guard's patrol on a phone: one tap answers an item, one tap finishes the round."""
        warm, warm_line = self._ready_inspection()
        warm_line.with_user(self.staff).action_mark_pass()
        warm.with_user(self.staff).action_done()
        inspection, line = self._ready_inspection()
        self.env.invalidate_all()
        # the answer: access and lock checks, the line's write and its score recomputed (14 today)
        with self.assertQueryCount(16):
            line.with_user(self.staff).action_mark_pass()
        self.env.invalidate_all()
        # finishing: completeness check, the state written, no follow-up for a passed round (11 today)
        with self.assertQueryCount(13):
            inspection.with_user(self.staff).action_done()
        self.assertEqual(inspection.state, "done")


@tagged("post_install", "-at_install")
class TestQueryCountsPlaceQr(HttpCase, SchoolBaseCommon):
    def test_open_place_from_qr(self):
        """A teacher scans a place's QR code: the redirect, then the place's form read."""
        self.authenticate("t_staff", "t_staff")
        spec = form_spec(self.env(user=self.staff), "school.place")
        for place in (self.stairs, self.gate):  # the first one warms the route and the view
            self.env.invalidate_all()
            # the place looked up and its access checked, the redirect, the form's fields (7 today)
            with self.assertQueryCount(9 if place == self.gate else 10**6):
                response = self.url_open(f"/school/place/{place.id}", allow_redirects=False)
                self.env["school.place"].with_user(self.staff).browse(place.id).web_read(spec)
            self.assertTrue(response.headers["Location"].endswith(f"/{place.id}"))


@tagged("post_install", "-at_install")
class TestQueryCountsToday(SchoolBaseCommon):
    def test_today_screen_counts_in_one_query(self):
        """A role's home page counts all its cards together: more cards cost no more queries."""
        Card = self.env["school.today.card"]
        cards = Card.create([
            {"name": f"卡片 {i}", "role": "director", "model_name": "school.inspection",
             "domain": "[('state', '=', 'draft')]" if i % 2 else "[('inspector_user_id', '=', uid)]"}
            for i in range(4)
        ])
        more = cards | Card.create([
            {"name": f"更多卡片 {i}", "role": "director", "model_name": "school.place", "domain": "[]"}
            for i in range(8)
        ])
        self._new_inspection(user=self.manager)

        def counts(records):
            self.env.invalidate_all()
            return records.with_user(self.manager).with_context(allowed_company_ids=self.school.ids).mapped("count")

        counts(more)  # warm-up: rules and views cached, as on a running server
        # the user's employees, two rules, the counts (5 today), whatever the number of cards
        with self.assertQueryCount(5):
            few = counts(cards)
        with self.assertQueryCount(5):
            many = counts(more)
        self.assertEqual(many[:4], few)
        inspections = self.env["school.inspection"].with_user(self.manager).with_context(
            allowed_company_ids=self.school.ids)
        self.assertEqual(few[1], inspections.search_count([("state", "=", "draft")]))
        self.assertEqual(few[0], inspections.search_count([("inspector_user_id", "=", self.manager.id)]))
        places = self.env["school.place"].with_user(self.manager).with_context(allowed_company_ids=self.school.ids)
        self.assertEqual(many[4:], [places.search_count([])] * 8)
