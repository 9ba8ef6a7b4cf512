{
    "name": "School Assets",
    "summary": "Asset register, class custody, repairs, requisitions, purchases "
    "and disposal for schools",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "maintenance", "stock", "purchase", "purchase_stock", "purchase_requisition", "purchase_request", "hr", "report_xlsx"],
    "data": [
        "security/school_assets_groups.xml",
        "security/ir.model.access.csv",
        "security/school_assets_repair_security.xml",
        "security/school_assets_meter_security.xml",
        "data/school_assets_repair_data.xml",
        "data/school_assets_meter_data.xml",
        "views/school_assets_menus.xml",
        "views/school_assets_repair_views.xml",
        "views/school_assets_meter_views.xml",
    ],
    "demo": [
        "demo/school_assets_repair_demo.xml",
        "demo/school_assets_meter_demo.xml",
    ],
    "installable": True,
    "application": False,
}
