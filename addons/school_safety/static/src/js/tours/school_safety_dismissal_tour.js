/** @odoo-module **/

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("school_safety_dismissal_board_tour", {
    steps: () => [
        {
            content: "Show every day of the class, whatever the browser's date",
            trigger: ".o_searchview_facet .o_facet_remove",
            run: "click",
        },
        {
            content: "The class is out: open the class board",
            trigger: ".o_kanban_record:contains(九年级(9)班) button[name=action_open_escort]",
            run: "click",
        },
        {
            content: "Students handed to their parents",
            trigger: ".modal .o_field_widget[name=count_parents] input",
            run: "edit 30",
        },
        {
            content: "Students going home alone",
            trigger: ".modal .o_field_widget[name=count_alone] input",
            run: "edit 5",
        },
        {
            content: "Put up the class board",
            trigger: ".modal-footer button[name=action_escort]",
            run: "click",
        },
        {
            content: "Later: the room is empty",
            trigger: ".o_kanban_record:contains(九年级(9)班) button[name=action_open_clear]",
            run: "click",
        },
        {
            content: "Lights off",
            trigger: ".modal .o_field_widget[name=lights_off] input",
            run: "click",
        },
        {
            content: "Windows closed",
            trigger: ".modal .o_field_widget[name=windows_closed] input",
            run: "click",
        },
        {
            content: "Door locked",
            trigger: ".modal .o_field_widget[name=doors_locked] input",
            run: "click",
        },
        {
            content: "Put up the room empty board",
            trigger: ".modal-footer button[name=action_clear]",
            run: "click",
        },
        {
            content: "The class is in the cleared column",
            trigger: ".o_kanban_group:has(.o_column_title:contains(Room Cleared)) .o_kanban_record:contains(九年级(9)班)",
        },
    ],
});
