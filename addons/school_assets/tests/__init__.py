from . import test_install
from . import test_purchase_flow
from . import test_purchase_rules
from . import test_store
