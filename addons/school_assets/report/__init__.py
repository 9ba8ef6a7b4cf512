from . import school_assets_meter_month_xlsx
