from . import product_template
from . import stock_location
from . import school_chemical_cabinet
from . import school_chemical_request
from . import school_chemical_entry
from . import stock_move
from . import school_inspection
