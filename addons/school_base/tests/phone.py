"""Browser tests at a phone's true width.

Headless Chromium's window is never narrower than 500 px, whatever ``--window-size`` says, so a
class that asks for ``browser_size = "390x844"`` used to run at 500 px. ``PhoneHttpCase`` asks
the page itself, through the DevTools protocol, to be the phone: the viewport is
``browser_size`` (CSS pixels), the device is mobile and touch events are on. It applies to every
browser a test opens (``start_tour``, ``browser_js`` or a ``ChromeBrowser`` of the test's own),
as each of them authenticates before it navigates.
"""

from odoo.tests import HttpCase

# what Chromium's window can show at least; a narrower browser_size is emulated
CHROMIUM_MIN_WIDTH = 500


def emulate_phone(browser, width, height, scale=1):
    """Make ``browser``'s page a ``width`` × ``height`` touch phone (CSS pixels, ``scale`` device pixels each)."""
    browser._websocket_request("Emulation.setDeviceMetricsOverride", params={
        "width": width, "height": height, "deviceScaleFactor": scale, "mobile": True,
        "screenWidth": width, "screenHeight": height,
    })
    browser._websocket_request("Emulation.setTouchEmulationEnabled", params={"enabled": True, "maxTouchPoints": 5})


class PhoneHttpCase(HttpCase):
    """An ``HttpCase`` whose browsers render at ``browser_size`` even below Chromium's 500 px."""

    browser_size = "390x844"
    touch_enabled = True
    phone_scale = 1

    def phone_size(self):
        width, height = self.browser_size.replace(",", "x").split("x")
        return int(width), int(height)

    def authenticate(self, user, password, browser=None):
        if browser is not None:
            emulate_phone(browser, *self.phone_size(), scale=self.phone_scale)
        return super().authenticate(user, password, browser=browser)
