/** @odoo-module **/

import { registry } from "@web/core/registry";
import { tapCounted } from "@school_base/js/tours/school_tap_count";

// The cook logs in on a phone: the today screen, then the morning check of every worker on one
// screen; one worker has a fever.
registry.category("web_tour.tours").add("school_canteen_morning_check_tour", {
    steps: () =>
        tapCounted(
            "morning check",
            [
                {
                    content: "The today screen is the home: tap the morning check card",
                    trigger: ".o_school_today .o_kanban_record:has([data-model='hr.employee.public'])",
                    run: "click",
                },
                {
                    content: "Every worker is listed as well; tap the one who is not",
                    trigger: ".modal .o_school_morning_check_lines .o_kanban_record:contains(李阿姨)",
                    run: "click",
                },
                {
                    content: "37.8 °C",
                    trigger: ".modal .o_field_widget[name=temperature] input",
                    run: "edit 37.8",
                },
                {
                    content: "Back to the list of workers",
                    trigger: ".modal:not(:has(.o_school_morning_check_lines)) .modal-footer .o_form_button_save",
                    run: "click",
                },
                {
                    content: "She shows as not well",
                    trigger: ".modal .o_school_morning_check_lines .o_kanban_record:contains(李阿姨) .text-bg-danger",
                },
                {
                    content: "Save the whole shift at once",
                    trigger: ".modal .o_school_morning_check_save",
                    run: "click",
                },
                {
                    content: "Today's checks are saved",
                    trigger: "body:not(:has(.modal)) .o_kanban_record:contains(李阿姨)",
                },
            ],
            5
        ),
});

// The samples of a meal on one screen, with the dishes' names.
registry.category("web_tour.tours").add("school_canteen_sample_tour", {
    steps: () =>
        tapCounted(
            "food samples",
            [
                {
                    content: "Take the samples of the meal",
                    trigger: ".o_form_view .o_school_menu_take_samples",
                    run: "click",
                },
                {
                    content: "Each dish is listed by name",
                    trigger: ".modal .o_school_sample_batch_lines:contains(红烧肉):contains(清炒青菜)",
                },
                {
                    content: "Read the fridge's thermometer",
                    trigger: ".modal .o_field_widget[name=fridge_temperature] input",
                    run: "edit 3.5",
                },
                {
                    content: "Save the samples",
                    trigger: ".modal .o_school_sample_batch_save",
                    run: "click",
                },
                {
                    content: "The samples are listed with their dishes",
                    trigger: "body:not(:has(.modal)) .o_view_controller:contains(红烧肉):contains(清炒青菜)",
                },
            ],
            3
        ),
});
