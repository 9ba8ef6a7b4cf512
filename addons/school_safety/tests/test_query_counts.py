"""Query counts of the safety office's hot paths, pinned (see school_base/tests/test_query_counts.py).

Measured after a warm-up of the same path, the record cache emptied, the writes flushed; today's
count plus a small margin.
"""

from odoo.tests import tagged

from odoo.addons.school_base.tests.common import list_spec

from .test_hazard import HazardCommon

#: as on a running server: changes are tracked in the chatter, followers notified
MAIL_ON = {"tracking_disable": False, "mail_notrack": False, "mail_create_nolog": False,
           "mail_create_nosubscribe": False, "mail_notify_noemail": False}


@tagged("post_install", "-at_install")
class TestQueryCountsHazard(HazardCommon):
    def test_hazard_assign_step(self):
        """The safety manager assigns a reported hazard: one workflow step and its activity."""
        warm, hazard = (self._report() | self._report()).with_context(**MAIL_ON)
        (warm | hazard).with_user(self.safety_manager).write({"assigned_user_id": self.repairer.id})
        warm.with_user(self.safety_manager).action_assign()
        self.env.invalidate_all()
        # role, state and assignee checks, the state written and tracked in the chatter (7 today)
        with self.assertQueryCount(9):
            hazard.with_user(self.safety_manager).action_assign()
        self.assertEqual(hazard.state, "assigned")

    def test_director_hazard_list(self):
        """The logistics director opens the hazard ledger: one page of the list."""
        for index in range(20):
            self._report(description=f"隐患 {index}")
        env = self.env(user=self.manager, context={"allowed_company_ids": self.school.ids})
        spec = list_spec(env, "school.safety.hazard")
        env["school.safety.hazard"].web_search_read([], spec, limit=80)
        self.env.invalidate_all()
        # the search with its count, the page's fields and the names of the linked places and people
        # (6 today)
        with self.assertQueryCount(8):
            result = env["school.safety.hazard"].web_search_read([], spec, limit=80)
        self.assertGreaterEqual(result["length"], 20)
