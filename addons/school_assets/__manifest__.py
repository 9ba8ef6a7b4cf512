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
        "views/school_assets_menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": False,
}
