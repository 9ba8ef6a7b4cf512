/** @odoo-module **/

import { registry } from "@web/core/registry";
import { tapCounted } from "@school_base/js/tours/school_tap_count";

// A guard's round on a phone: one tap per item, "all OK" for the rest, the failed item in red
// and its follow-up on the phone.
registry.category("web_tour.tours").add("school_safety_one_tap_patrol_tour", {
    steps: () =>
        tapCounted(
            "patrol",
            [
                {
                    content: "Nothing is answered yet: 0 answered",
                    trigger: ".o_form_view .o_field_widget[name=answered_count]:contains(0)",
                },
                {
                    content: "and no score nor result (no 100 %, no passed)",
                    trigger: ".o_form_view:not(:has(.o_field_widget[name=score])):not(:has(.o_field_widget[name=result]))",
                },
                {
                    content: "The gate is locked: one tap",
                    trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(大门关闭上锁) .o_school_line_pass",
                    run: "click",
                },
                {
                    content: "The barrier is stuck: one tap",
                    trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常) .o_school_line_fail",
                    run: "click",
                },
                {
                    content: "The failed item shows in red",
                    trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常) .o_school_inspection_line_failed",
                },
                {
                    content: "Everything else is fine",
                    trigger: ".o_school_inspection_all_ok",
                    run: "click",
                },
                {
                    content: "The other items passed",
                    trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(门岗值班登记完整):not(:has(.o_school_line_pass))",
                },
                {
                    content: "Finish the round",
                    trigger: ".o_school_inspection_finish_mobile",
                    run: "click",
                },
                {
                    content: "Report the failed item as a hazard, from the phone",
                    trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常) .o_school_line_follow_up_create",
                    run: "click",
                },
                {
                    content: "The hazard is open",
                    trigger: ".o_form_view .o_field_widget[name=place_id] input:value(东大门)",
                },
            ],
            5
        ),
});
