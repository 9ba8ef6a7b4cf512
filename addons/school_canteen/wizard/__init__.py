from . import school_canteen_ledger_report
