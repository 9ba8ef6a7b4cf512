from odoo import http
from odoo.http import request


class SchoolAssetQr(http.Controller):
    @http.route("/school/asset/<int:equipment_id>", type="http", auth="user", methods=["GET"])
    def open_asset(self, equipment_id, **kwargs):
        """Target of an asset's QR label: after login, open the asset's form; during the user's
        asset count, record the asset as found and go back to the count.

        An unknown asset or one the user may not read lands on the register.
        """
        equipment = request.env["maintenance.equipment"].browse(equipment_id).exists()
        if not equipment or not equipment.has_access("read"):
            return request.redirect("/odoo/action-school_assets.school_asset_register_action")
        # during the user's own asset count (帐物相符), a scanned label is counted as found there
        Stocktake = request.env["school.stocktake"]
        stocktake = Stocktake.has_access("read") and Stocktake._find_counting_for(equipment)
        if stocktake and not stocktake.resolution_approved_by_id:
            stocktake.action_scan_asset(equipment)
            return request.redirect(f"/odoo/action-school_assets.school_stocktake_asset_action/{stocktake.id}")
        return request.redirect(f"/odoo/action-school_assets.school_asset_register_action/{equipment.id}")
