from . import school_canteen_ledger_xlsx
from . import school_canteen_acceptance_xlsx
