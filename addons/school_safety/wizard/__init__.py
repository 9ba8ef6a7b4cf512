from . import school_safety_hazard_cancel
from . import school_safety_month_report
from . import school_safety_health_ledger
from . import school_safety_duty_generate
