from . import school_canteen_ledger
from . import school_canteen_accompaniment_rota_generate
from . import school_canteen_worker_set
from . import school_canteen_ledger_report
from . import school_canteen_morning_check_batch
from . import school_canteen_sample_batch
