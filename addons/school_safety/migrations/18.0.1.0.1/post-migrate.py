from odoo import SUPERUSER_ID, api

SHIPPED = (
    "school_inspection_template_fire_weekly",
    "school_inspection_template_electricity_weekly",
    "school_inspection_template_sports_weekly",
    "school_inspection_template_building_weekly",
    "school_inspection_template_term_start",
    "school_inspection_template_winter_fire",
    "school_inspection_template_holiday",
)


def migrate(cr, version):
    """A safety checklist that named no follow-up gets the hazard, as new ones do; the shipped
    special and seasonal checks open their hazards when the inspection is finished."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["school.inspection.template"]._fill_default_follow_up()
    shipped = env["school.inspection.template"].browse(
        [record.id for xmlid in SHIPPED if (record := env.ref(f"school_safety.{xmlid}", raise_if_not_found=False))]
    )
    shipped.filtered(lambda template: template.follow_up_model == "school.safety.hazard").write(
        {"auto_follow_up": True}
    )
