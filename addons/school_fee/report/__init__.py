from . import school_fee_settlement_xlsx
