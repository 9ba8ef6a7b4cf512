from odoo import http
from odoo.http import request


class SchoolFeeNotice(http.Controller):
    @http.route("/school/fee/notice/<int:plan_id>", type="http", auth="public", methods=["GET"], sitemap=False)
    def fee_notice(self, plan_id, **kwargs):
        """The public notice of a filed fee plan (收费公示), for parents, without a login.

        Public by law and posted on the notice board anyway: a filed (or settled) plan only, and
        only what the paper shows: the standards per grade, their legal basis, the filing number
        and the supervision phone. No student, no collection, no user is read.
        """
        # sudo: the visitor has no login; the plan is checked to be filed before anything is shown
        plan = request.env["school.fee.plan"].sudo().browse(plan_id).exists()
        if not plan or plan.state not in ("filed", "settled"):
            raise request.not_found()
        lang = plan.company_id.partner_id.lang or request.env.lang
        html, _kind = (
            request.env["ir.actions.report"].sudo().with_context(lang=lang)
            ._render_qweb_html("school_fee.action_report_fee_notice", plan.ids)
        )
        return request.make_response(html, headers=[("Content-Type", "text/html; charset=utf-8")])
