from . import school_asset_class
from . import school_asset_register
from . import school_asset_handover
from . import school_asset_damage
from . import school_asset_loan
from . import school_asset_disposal
