from . import res_company_canteen_daily
from . import res_config_settings_canteen_daily
from . import school_canteen_sample
from . import school_canteen_disinfection
from . import school_canteen_health
from . import school_canteen_accompaniment
from . import school_canteen_assessment
