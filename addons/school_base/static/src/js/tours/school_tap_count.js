/** @odoo-module **/

const TAP_RUNS = /^(click|edit|select|check|uncheck|fill)\b/;

/**
 * A phone flow's steps, followed by a step that counts its taps (a click, a typed field,
 * a chosen option, or a step marked ``tap: true``) and fails if the count is not the one
 * the README announces.
 */
export function tapCounted(name, steps, expected) {
    const taps = steps.filter(
        (step) => step.tap || (typeof step.run === "string" && TAP_RUNS.test(step.run))
    ).length;
    return [
        ...steps,
        {
            content: `${name}: ${taps} taps`,
            trigger: "body",
            run() {
                console.info(`school tour ${name}: ${taps} taps`);
                if (taps !== expected) {
                    throw new Error(`${name} takes ${taps} taps; the README says ${expected}`);
                }
            },
        },
    ];
}
