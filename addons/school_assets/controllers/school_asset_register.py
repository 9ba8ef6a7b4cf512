from odoo import http
from odoo.http import request


class SchoolAssetQr(http.Controller):
    @http.route("/school/asset/<int:equipment_id>", type="http", auth="user", methods=["GET"])
    def open_asset(self, equipment_id, **kwargs):
        """Target of an asset's QR label: after login, open the asset's form.

        An unknown asset or one the user may not read lands on the register.
        """
        equipment = request.env["maintenance.equipment"].browse(equipment_id).exists()
        if not equipment or not equipment.has_access("read"):
            return request.redirect("/odoo/action-school_assets.school_asset_register_action")
        return request.redirect(f"/odoo/action-school_assets.school_asset_register_action/{equipment.id}")
