{
    "name": "School Canteen",
    "summary": "Canteen food safety: acceptance, samples, disinfection, morning checks "
    "and meal accompaniment",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "stock", "purchase", "purchase_stock", "hr", "report_xlsx"],
    "data": [
        "security/school_canteen_groups.xml",
        "security/ir.model.access.csv",
        "security/school_canteen_acceptance_security.xml",
        "data/school_canteen_acceptance_data.xml",
        "report/school_canteen_acceptance_reports.xml",
        "views/school_canteen_menus.xml",
        "views/school_canteen_supplier_views.xml",
        "views/school_canteen_acceptance_views.xml",
        "views/school_canteen_incident_views.xml",
        "views/school_canteen_committee_views.xml",
    ],
    "demo": [
        "demo/school_canteen_acceptance_demo.xml",
    ],
    "installable": True,
    "application": False,
}
