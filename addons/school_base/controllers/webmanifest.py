from odoo.http import request

from odoo.addons.web.controllers.webmanifest import WebManifest

DEFAULT_APP_NAME = "后勤管理"


class SchoolWebManifest(WebManifest):
    """The suite installs on a phone's home screen as 后勤管理 with the school icon.

    The name is the system parameter ``web.web_app_name`` (set by school_base's data), so a
    school can still rename it in Settings › Technical › System Parameters.
    """

    def _get_webmanifest(self):
        manifest = super()._get_webmanifest()
        name = request.env["ir.config_parameter"].sudo().get_param("web.web_app_name") or DEFAULT_APP_NAME
        manifest.update({
            "name": name,
            "short_name": name,
            "icons": [
                {"src": f"/school_base/static/img/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
                for size in (192, 512)
            ],
        })
        return manifest
