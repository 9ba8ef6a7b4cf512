"""The README's screenshots: each role's first screen, on a desktop and on a phone.

Not part of ``bin/test`` (tagged ``-standard``): ``tools/readme_screenshots.sh`` runs it on a
demo database and copies the pictures to ``docs/screenshots/``.
"""

import werkzeug

from odoo.tests import HttpCase, tagged
from odoo.tests.common import ChromeBrowser

from .phone import PhoneHttpCase

READY = "document.querySelector('.o_action_manager .o_view_controller') && !document.querySelector('.o_loading_indicator')"


class ScreenshotCase(HttpCase):
    def _shoot(self, name, login, url="/odoo"):
        """Open ``url`` as ``login``, wait for the view to settle, keep the screen as ``<name>_``."""
        browser = ChromeBrowser(self)
        try:
            self.authenticate(login, login, browser=browser)
            self.cr.flush()
            self.cr.clear()
            browser.navigate_to(werkzeug.urls.url_join(self.base_url(), url))
            self.assertTrue(browser._wait_ready(READY), f"{name}: the screen never showed")
            width = int(self.browser_size.replace(",", "x").split("x")[0])
            self.assertEqual(browser._websocket_request("Runtime.evaluate", params={"expression": "window.innerWidth"})
                             ["result"]["value"], width, f"{name}: not {width} px wide")
            browser._wait_code_ok("setTimeout(() => console.log('test successful'), 2000)", 30)
            browser.take_screenshot(prefix=f"{name}_").result(timeout=30)
        finally:
            browser.stop()
            self._wait_remaining_requests()


@tagged("-standard", "-at_install", "post_install", "school_screenshots")
class TestReadmeScreenshotsDesktop(ScreenshotCase):
    browser_size = "1366x768"

    def test_desktop(self):
        self._shoot("desktop_director_today", "manager")
        self._shoot("desktop_principal_today", "principal")
        self._shoot("desktop_bureau_schools", "bureau", "/odoo/action-school_base.school_district_figure_action")


@tagged("-standard", "-at_install", "post_install", "school_screenshots")
class TestReadmeScreenshotsPhone(ScreenshotCase, PhoneHttpCase):
    browser_size = "390x844"

    def test_phone(self):
        for login in ("guard", "headteacher", "canteen", "repairer", "busdriver", "unionchair"):
            self._shoot(f"phone_{login}_today", login)
        self._shoot("phone_headteacher_repair_report", "headteacher",
                    "/odoo/action-school_assets.maintenance_request_action_report_new")
        self._shoot("phone_guard_hazard_report", "guard", "/odoo/action-school_safety.school_safety_hazard_action_report")
