{
    "name": "School Hazardous Chemicals",
    "summary": "Hazardous chemical cabinets (危化品专柜): one custodian each, requests, "
    "confirmed issues and returns on stock, monthly checks and the bureau's ledger",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "stock", "report_xlsx"],
    "data": [
        "security/school_chemical_groups.xml",
        "security/ir.model.access.csv",
        "security/school_chemical_security.xml",
        "data/school_chemical_data.xml",
        "views/school_chemical_cabinet_views.xml",
        "views/school_chemical_request_views.xml",
        "views/school_chemical_entry_views.xml",
        "views/product_template_views.xml",
        "views/stock_views.xml",
        "wizard/school_chemical_ledger_views.xml",
        "views/school_chemical_menus.xml",
    ],
    "demo": [
        "demo/school_chemical_demo.xml",
    ],
    "installable": True,
    "application": False,
}
