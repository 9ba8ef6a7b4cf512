from . import test_install
from . import test_repair
from . import test_meter
from . import test_asset_register
from . import test_asset_custody
from . import test_asset_loan
from . import test_asset_disposal
