/** @odoo-module **/

import { registry } from "@web/core/registry";
import { tapCounted } from "@school_base/js/tours/school_tap_count";

// The guard at the gate on a phone: a visitor arrives (name, ID number, whom they visit and
// why), then leaves. Both start from the guard's today screen.
registry.category("web_tour.tours").add("school_safety_visitor_gate_tour", {
    steps: () => [
        ...tapCounted(
            "visitor check-in",
            [
                {
                    content: "The today screen is the home: tap the visitors on campus",
                    trigger: ".o_school_today .o_kanban_record:has([data-model='school.safety.visitor'])",
                    run: "click",
                },
                {
                    content: "Register a new visitor",
                    trigger: ".o_kanban_view .o-kanban-button-new",
                    run: "click",
                },
                {
                    content: "The visitor's name",
                    trigger: ".o_form_view .o_field_widget[name=visitor_name] input",
                    run: "edit 赵来访",
                },
                {
                    content: "The number of the identity card",
                    trigger: ".o_form_view .o_field_widget[name=id_number_entry] input",
                    run: "edit 320411198503121237",
                },
                {
                    content: "Whom they come to see: the phone opens the list of staff",
                    trigger: ".o_form_view .o_field_widget[name=host_employee_id] input",
                    run: "click",
                },
                {
                    content: "Open the search",
                    trigger: ".modal .o_control_panel button:has(.fa-search)",
                    run: "click",
                },
                {
                    content: "Search the teacher",
                    trigger: ".modal .o_searchview_input",
                    run: "edit 周接待 && press Enter",
                },
                {
                    content: "Pick the teacher",
                    trigger: ".modal .o_kanban_record:contains(周接待)",
                    run: "click",
                },
                {
                    content: "Why",
                    trigger: ".o_form_view .o_field_widget[name=purpose] textarea",
                    run: "edit 送教学资料",
                },
                {
                    content: "Save: the visitor is on campus",
                    trigger: ".o_form_view .o_form_button_save",
                    run: "click",
                },
                {
                    content: "Only the masked ID number shows once saved",
                    trigger: ".o_form_view .o_field_widget[name=id_number_masked]:contains(3204):contains(*)",
                },
            ],
            10
        ),
        ...tapCounted(
            "visitor check-out",
            [
                {
                    content: "Back to the visitors on campus",
                    trigger: ".o_back_button",
                    run: "click",
                },
                {
                    content: "The visitor leaves: check out",
                    trigger: ".o_kanban_record:contains(赵来访) button[name=action_check_out]",
                    run: "click",
                },
                {
                    content: "Nobody is left on campus",
                    trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains(赵来访)))",
                },
            ],
            2
        ),
    ],
});
