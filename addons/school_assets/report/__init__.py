from . import school_assets_meter_month_xlsx
from . import school_asset_register_xlsx
from . import school_assets_ledgers_xlsx
from . import school_asset_close_xlsx
