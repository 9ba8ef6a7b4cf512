/** @odoo-module **/

import { registry } from "@web/core/registry";
import { tapCounted } from "@school_base/js/tours/school_tap_count";

// The driver's morning on a phone: from the today screen to the roll call of the trip; one
// rider gets on and is handed over at school, the other is absent with a reason.
registry.category("web_tour.tours").add("school_safety_bus_roll_call_tour", {
    steps: () =>
        tapCounted(
            "bus roll call",
            [
                {
                    content: "The today screen is the home: tap today's trips",
                    trigger: ".o_school_today .o_kanban_record:has([data-model='school.safety.bus.trip'])",
                    run: "click",
                },
                {
                    content: "Open the roll call of the trip",
                    trigger: ".o_kanban_record:contains(9号线) button[name=action_open_roll_call]",
                    run: "click",
                },
                {
                    content: "王小雨 gets on the bus",
                    trigger: ".o_kanban_record:contains(王小雨) button[name=action_board]",
                    run: "click",
                },
                {
                    content: "李想 is absent today",
                    trigger: ".o_kanban_record:contains(李想) button[name=action_absent]",
                    run: "click",
                },
                {
                    content: "Say why",
                    trigger: ".modal .o_field_widget[name=absence_reason] input",
                    run: "edit 发烧请假",
                },
                {
                    content: "Confirm the absence",
                    trigger: ".modal-footer button[name=action_confirm_absent]",
                    run: "click",
                },
                {
                    content: "王小雨 arrives at school",
                    trigger: ".o_kanban_record:contains(王小雨) button[name=action_hand_over_school]",
                    run: "click",
                },
                {
                    content: "Every rider is called",
                    trigger: ".o_kanban_record:contains(李想):contains(发烧请假)",
                },
            ],
            7
        ),
});
