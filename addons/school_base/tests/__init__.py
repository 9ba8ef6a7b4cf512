from . import test_place
from . import test_term_class
from . import test_inspection
from . import test_schedule
from . import test_follow_up
from . import test_term_plan
from . import test_access
from . import test_ui
