import pytest

from coopnet.procurement.models import RegimeRules
from coopnet.procurement.regimes import load_regime_rules


@pytest.fixture(autouse=True)
def _regime_rules(db) -> None:
    """Transactional tests flush the data migration's rules; put them back."""
    if not RegimeRules.objects.exists():
        load_regime_rules(RegimeRules)
