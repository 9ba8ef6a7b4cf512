from . import test_install
from . import test_repair
from . import test_meter
