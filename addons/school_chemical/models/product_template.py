from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

HAZARD_CLASSES = [
    ("flammable", "Flammable (易燃)"),
    ("explosive", "Explosive (易爆)"),
    ("toxic", "Highly Toxic (剧毒)"),
    ("corrosive", "Corrosive (腐蚀)"),
    ("oxidizing", "Oxidizing (氧化)"),
    ("other", "Other Hazard"),
]


class ProductTemplate(models.Model):
    _inherit = "product.template"

    school_chemical = fields.Boolean(
        string="Hazardous Chemical",
        help="Kept in a hazardous chemical cabinet: issued only on a confirmed request.",
    )
    school_chemical_hazard_class = fields.Selection(HAZARD_CLASSES, string="Hazard Class")
    school_chemical_cas = fields.Char(string="CAS Number")
    school_chemical_msds = fields.Binary(string="MSDS", attachment=True, help="The safety data sheet (化学品安全技术说明书).")
    school_chemical_msds_name = fields.Char(string="MSDS File Name")
    school_chemical_cabinet_id = fields.Many2one(
        "school.chemical.cabinet", string="Cabinet", check_company=True,
        help="The cabinet that keeps this chemical.",
    )

    @api.constrains("school_chemical", "school_chemical_hazard_class", "school_chemical_cabinet_id", "is_storable")
    def _check_school_chemical(self):
        for template in self.filtered("school_chemical"):
            if not template.school_chemical_hazard_class:
                raise ValidationError(_("Chemical %(name)s needs its hazard class.", name=template.name))
            if not template.school_chemical_cabinet_id:
                raise ValidationError(_("Chemical %(name)s needs the cabinet that keeps it.", name=template.name))
            if not template.is_storable:
                raise ValidationError(_("Chemical %(name)s must be tracked in stock.", name=template.name))
