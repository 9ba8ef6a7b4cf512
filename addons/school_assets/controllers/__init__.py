from . import school_asset_register
