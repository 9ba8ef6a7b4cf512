from odoo import http
from odoo.http import request


class SchoolPlaceQr(http.Controller):
    @http.route("/school/place/<int:place_id>", type="http", auth="user", methods=["GET"])
    def open_place(self, place_id, **kwargs):
        """Target of a place's QR code: after login, open the place's form.

        Access is checked by the form itself; an unknown or foreign place lands on the list.
        """
        place = request.env["school.place"].browse(place_id).exists()
        if not place or not place.has_access("read"):
            return request.redirect("/odoo/action-school_base.school_place_action")
        return request.redirect(place._get_qr_redirect_url())
