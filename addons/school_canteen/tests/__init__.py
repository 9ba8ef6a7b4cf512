from . import test_install
from . import test_supplier_qualification
from . import test_acceptance
from . import test_residue_test
from . import test_incident
from . import test_meal_fee
from . import test_canteen_ledger
from . import test_acceptance_access
