{
    "name": "School Maintenance",
    "summary": "Bridge: the place of equipment and repair requests, and the team "
    "that works a place's repairs",
    "version": "18.0.1.0.0",
    "category": "School Logistics",
    "author": "School Logistics Team",
    "website": "https://github.com/school-logistics/school-logistics",
    "license": "LGPL-3",
    "depends": ["school_base", "maintenance"],
    "data": [
        "views/school_place_views.xml",
        "views/maintenance_equipment_views.xml",
        "views/maintenance_request_views.xml",
        "views/res_config_settings_views.xml",
        "views/school_staff_feedback_views.xml",
    ],
    "demo": [],
    "installable": True,
    "auto_install": True,
    "application": False,
}
