/** @odoo-module **/

import { registry } from "@web/core/registry";
import { tapCounted } from "@school_base/js/tours/school_tap_count";

// A teacher reports a repair from a phone: the place is their room already; say what is
// broken, submit, and read who will come.
registry.category("web_tour.tours").add("school_assets_repair_report_tour", {
    steps: () =>
        tapCounted(
            "repair report",
            [
                {
                    content: "The place is the teacher's room",
                    trigger: ".o_form_view .o_field_widget[name=school_place_id] input:value(三(2)班教室)",
                },
                {
                    content: "Say what is broken",
                    trigger: ".o_form_view .o_field_widget[name=name] input",
                    run: "edit 窗帘轨道掉了",
                },
                {
                    content: "Submit",
                    trigger: ".o_form_view .o_school_repair_submit",
                    run: "click",
                },
                {
                    content: "The confirmation says who will come",
                    trigger: ".o_notification:contains(后勤维修组)",
                },
                {
                    content: "The report shows the team that comes",
                    trigger: ".o_form_view .o_field_widget[name=maintenance_team_id]:contains(后勤维修组)",
                },
            ],
            2
        ),
});
