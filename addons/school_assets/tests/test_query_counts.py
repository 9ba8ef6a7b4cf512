"""Query counts of the repair hot paths, pinned (see school_base/tests/test_query_counts.py).

Measured after a warm-up of the same path, the record cache emptied, the writes flushed; today's
count plus a small margin.
"""

from odoo.tests import tagged

from odoo.addons.school_base.tests.common import list_spec

from .common_repair import SchoolAssetsRepairCommon

#: as on a running server: the creation logged in the chatter, the reporter following it
MAIL_ON = {"tracking_disable": False, "mail_notrack": False, "mail_create_nolog": False,
           "mail_create_nosubscribe": False, "mail_notify_noemail": False}


@tagged("post_install", "-at_install")
class TestQueryCountsRepair(SchoolAssetsRepairCommon):
    def test_teacher_reports_a_repair(self):
        """A teacher reports a broken projector in their classroom."""
        Request = self.env["maintenance.request"].with_user(self.head_teacher).with_context(**MAIL_ON)
        vals = {"name": "投影仪不亮", "school_place_id": self.classroom.id, "company_id": self.school.id}
        Request.create(vals)
        self.env.invalidate_all()
        # the checks of the values, the request with its reference, deadlines, team and place,
        # the reporter as follower and the creation logged (75 today)
        with self.assertQueryCount(80):
            request = Request.create(dict(vals, name="窗户关不上"))
        self.assertEqual(request.reporter_user_id, self.head_teacher)

    def test_director_repair_list(self):
        """The logistics director opens the repair list: one page."""
        for index in range(20):
            self._report(name=f"报修 {index}")
        env = self.env(user=self.manager, context={"allowed_company_ids": self.school.ids})
        view = self.env.ref("school_assets.maintenance_request_view_list_repair").id
        spec = list_spec(env, "maintenance.request", view)
        domain = [("maintenance_type", "=", "corrective")]
        env["maintenance.request"].web_search_read(domain, spec, limit=80)
        self.env.invalidate_all()
        # the search with its count, the page's fields and the names of the linked records (8 today)
        with self.assertQueryCount(10):
            result = env["maintenance.request"].web_search_read(domain, spec, limit=80)
        self.assertGreaterEqual(result["length"], 20)
