from odoo import _, api, models
from odoo.exceptions import UserError


class SchoolUnionAwardCertificate(models.AbstractModel):
    """荣誉证书 for the awarded candidates of a closed election."""

    _name = "report.school_union.report_award_certificate"
    _description = "Award Certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        candidates = self.env["school.union.election.candidate"].browse(docids)
        not_awarded = candidates.filtered(lambda c: not c.is_winner)
        if not_awarded:
            raise UserError(
                _("%(candidate)s was not awarded: certificates are printed for the winners of a closed election.",
                  candidate=not_awarded[0].name)
            )
        return {
            "doc_ids": candidates.ids,
            "doc_model": "school.union.election.candidate",
            "docs": candidates,
        }
