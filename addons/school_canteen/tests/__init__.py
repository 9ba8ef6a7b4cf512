from . import test_install
from . import test_sample
from . import test_disinfection
from . import test_staff_health
from . import test_accompaniment
from . import test_assessment
from . import test_canteen_ledger
from . import test_daily_access
