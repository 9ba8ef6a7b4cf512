{
    "name": "School Fees",
    "summary": "Term fee standards (收费标准) filed with the bureau, the parents' notice (收费公示), "
    "class collections, materials settled per class and the 一费制 term-end settlement (多退少不补)",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "report_xlsx"],
    "data": [
        "security/school_fee_groups.xml",
        "security/ir.model.access.csv",
        "security/school_fee_security.xml",
        "report/school_fee_reports.xml",
        "views/school_fee_item_views.xml",
        "views/school_fee_plan_views.xml",
        "views/school_fee_collection_views.xml",
        "views/school_fee_material_views.xml",
        "views/school_fee_settlement_views.xml",
        "views/school_fee_menus.xml",
        "data/school_today_card_data.xml",
    ],
    "demo": [
        "demo/school_fee_demo.xml",
    ],
    "installable": True,
    "application": False,
}
