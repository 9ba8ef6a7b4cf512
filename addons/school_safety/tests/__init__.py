from . import test_install
from . import test_hazard
from . import test_visitor
from . import test_drill
from . import test_agreement
from . import test_equipment
from . import test_duty
from . import test_ui
