from . import school_canteen_acceptance_xlsx
