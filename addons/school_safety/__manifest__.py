{
    "name": "School Safety",
    "summary": "Safety patrols, hazards, drills, visitors and duty rosters for schools",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "maintenance", "hr"],
    "data": [
        "security/school_safety_groups.xml",
        "security/ir.model.access.csv",
        "views/school_safety_menus.xml",
    ],
    "demo": [
        "demo/res_users_demo.xml",
    ],
    "installable": True,
    "application": False,
}
