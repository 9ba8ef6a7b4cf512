from . import school_asset_award
