from . import test_install
from . import test_member
from . import test_event
from . import test_welfare
from . import test_talk
from . import test_election
from . import test_access
from . import test_flow
