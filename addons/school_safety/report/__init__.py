from . import school_safety_hazard_xlsx
