/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("school_base_place_tour", {
    steps: () => [
        {
            content: "Name the new place",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit 实验楼东门",
        },
        {
            content: "Choose its kind",
            trigger: ".o_form_view .o_field_widget[name=kind] select",
            run: 'select "gate"',
        },
        {
            content: "Save the place",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "The saved place shows its QR link",
            trigger: ".o_form_view .o_field_widget[name=qr_url] a:contains(/school/place/)",
        },
    ],
});

registry.category("web_tour.tours").add("school_base_inspection_tour", {
    steps: () => [
        {
            content: "The checklist lists the items to check",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row:contains(报警装置正常)",
        },
        {
            content: "Finish the inspection",
            trigger: ".o_form_view .o_form_statusbar button[name=action_done]",
            run: "click",
        },
        {
            content: "The inspection is done and locked",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        {
            content: "The finish button is gone",
            trigger: ".o_form_view .o_form_statusbar:not(:has(button[name=action_done]))",
        },
    ],
});
