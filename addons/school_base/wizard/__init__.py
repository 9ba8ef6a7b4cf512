from . import school_term_plan_copy
