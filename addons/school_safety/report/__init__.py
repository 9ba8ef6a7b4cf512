from . import school_safety_hazard_xlsx
from . import school_safety_health_ledger_xlsx
