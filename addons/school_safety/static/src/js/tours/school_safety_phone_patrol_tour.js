/** @odoo-module **/

import { registry } from "@web/core/registry";

// 1x1 red PNG: the "photo" the guard takes of the failed item.
const PHOTO_PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";

function passItem(name) {
    return [
        {
            content: `Open the item ${name}`,
            trigger: `.o_field_widget[name=line_ids] .o_kanban_record:contains(${name})`,
            run: "click",
        },
        {
            content: `${name}: passed`,
            trigger: ".modal .o_field_widget[name=check_result] input[data-value=pass]",
            run: "click",
        },
        {
            content: "Back to the checklist",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: `${name} shows as answered`,
            trigger: `body:not(:has(.modal)) .o_field_widget[name=line_ids] .o_kanban_record:contains(${name}):not(:contains(Tap to check))`,
        },
    ];
}

registry.category("web_tour.tours").add("school_safety_phone_patrol_tour", {
    steps: () => [
        {
            content: "The QR code opened the gate; tap the big Inspect button",
            trigger: ".o_form_view .o_school_place_inspect_mobile",
            run: "click",
        },
        {
            content: "The checklist of the gate is loaded as cards",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(大门关闭上锁)",
        },
        ...passItem("大门关闭上锁"),
        ...passItem("监控画面正常"),
        {
            content: "Open the barrier item",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常)",
            run: "click",
        },
        {
            content: "The barrier is stuck: failed",
            trigger: ".modal .o_field_widget[name=check_result] input[data-value=fail]",
            run: "click",
        },
        {
            content: "Take a photo of it",
            trigger: ".modal .o_field_widget[name=photo] input[type=file]:not(:visible)",
            async run() {
                const bytes = Uint8Array.from(atob(PHOTO_PNG), (c) => c.charCodeAt(0));
                const file = new File([bytes], "barrier.png", { type: "image/png" });
                const transfer = new DataTransfer();
                transfer.items.add(file);
                const input = this.anchor;
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The photo is shown",
            trigger: ".modal .o_field_widget[name=photo] img[src^='data:image/png']",
        },
        {
            content: "Say what is wrong",
            trigger: ".modal .o_field_widget[name=note] input",
            run: "edit 卡在半开位置",
        },
        {
            content: "Back to the checklist",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The failed item shows its photo",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常) .o_field_widget[name=photo] img",
        },
        ...passItem("门岗值班登记完整"),
        {
            content: "Open the item counting the guards on duty",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(门岗在岗人数)",
            run: "click",
        },
        {
            content: "Two guards at the gate",
            trigger: ".modal .o_field_widget[name=value_number] input",
            run: "edit 2",
        },
        {
            content: "Back to the checklist",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The reading is answered",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=line_ids] .o_kanban_record:contains(门岗在岗人数):not(:contains(Tap to check))",
        },
        {
            content: "Finish the round",
            trigger: ".o_school_inspection_finish_mobile",
            run: "click",
        },
        {
            content: "The inspection is finished with a failed item",
            trigger: ".o_form_view .ribbon:contains(Failed)",
        },
        {
            content: "The failed item links to its hazard",
            trigger: ".o_field_widget[name=line_ids] .o_kanban_record:contains(电动伸缩门运行正常) .o_school_inspection_line_follow_up",
        },
    ],
});
