from odoo import api, models

# Odoo apps that the school roles do not use: shown to the groups below only (when installed).
SCHOOL_HIDDEN_APPS = {
    "base.menu_management": ("base.group_system",),  # 应用: the app store
    "spreadsheet_dashboard.spreadsheet_dashboard_menu_root": (
        "base.group_system", "school_base.group_school_logistics_manager",
    ),
    "hr.menu_hr_root": ("hr.group_hr_user",),
    "maintenance.menu_maintenance_title": ("maintenance.group_equipment_manager",),
    # the school's purchases, stores and canteen receipts have their own menus under 后勤管理
    # (资产 › 采购 / 仓库, 食堂 › 采购验收): Odoo's back offices would list them a second time
    "purchase.menu_purchase_root": ("base.group_system",),
    "stock.menu_stock_root": ("base.group_system",),
    "purchase_request.parent_menu_purchase_request": ("base.group_system",),
}


class IrUiMenu(models.Model):
    _inherit = "ir.ui.menu"

    @api.model
    def _school_hide_unused_apps(self):
        """Guards, teachers, cooks and repairers see their today screen and the school apps, not
        the app store, Odoo's empty dashboards or the HR, maintenance, purchase and inventory back
        offices (run at every update of an addon that brings one of them)."""
        for menu_xmlid, group_xmlids in SCHOOL_HIDDEN_APPS.items():
            menu = self.env.ref(menu_xmlid, raise_if_not_found=False)
            groups = [self.env.ref(xmlid, raise_if_not_found=False) for xmlid in group_xmlids]
            groups = [group.id for group in groups if group]
            if menu and groups:
                menu.sudo().groups_id = [(6, 0, groups)]
        return True
