from . import school_assets_repair_postpone
from . import school_assets_meter_month_report
from . import school_asset_award
from . import school_assets_ledger_report
from . import purchase_requisition_create_alternative
from . import school_print_done
