{
    "name": "School Union",
    "summary": "Teachers' union: members, events, welfare, talk days, elections "
    "and retirees",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "hr", "report_xlsx"],
    "data": [
        "security/school_union_groups.xml",
        "security/ir.model.access.csv",
        "views/school_union_menus.xml",
    ],
    "demo": [],
    "installable": True,
    "application": False,
}
