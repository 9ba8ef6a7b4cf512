from . import school_fee_item
from . import school_fee_plan
from . import school_fee_collection
from . import school_fee_material
from . import school_fee_settlement
