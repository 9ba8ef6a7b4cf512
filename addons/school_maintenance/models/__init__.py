from . import school_place
from . import maintenance_equipment_category
from . import maintenance_equipment
from . import maintenance_request
from . import res_company
from . import res_config_settings
from . import school_staff_feedback
