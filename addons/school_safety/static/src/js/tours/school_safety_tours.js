/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("school_safety_report_hazard_tour", {
    steps: () => [
        {
            content: "Describe the hazard",
            trigger: ".o_form_view .o_field_widget[name=description] textarea",
            run: "edit 三楼男厕所洗手池下水管漏水，地面积水",
        },
        {
            content: "Choose the place",
            trigger: ".o_form_view .o_field_widget[name=place_id] input",
            run: "edit 男厕",
        },
        {
            content: "Pick it in the list",
            trigger: ".ui-autocomplete .dropdown-item:contains(男厕)",
            run: "click",
        },
        {
            content: "Save the report",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The hazard got its reference",
            trigger: ".o_form_view .o_field_widget[name=name]:contains(YH/)",
        },
    ],
});
