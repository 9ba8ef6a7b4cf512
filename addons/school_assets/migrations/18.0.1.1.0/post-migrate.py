from odoo.tools.sql import column_exists


def migrate(cr, version):
    """The place of a repair request moved from school_assets' place_id to school_maintenance's
    school_place_id: carry the places of existing requests over."""
    if not version or not column_exists(cr, "maintenance_request", "place_id"):
        return
    cr.execute(
        """
        UPDATE maintenance_request
           SET school_place_id = place_id
         WHERE place_id IS NOT NULL AND school_place_id IS NULL
        """
    )
