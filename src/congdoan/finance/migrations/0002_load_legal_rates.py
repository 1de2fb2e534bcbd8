"""The rates as the law sets them (congdoan.finance.rates.LEGAL_RATES) into the table."""

from django.db import migrations


def load(apps, schema_editor):
    from congdoan.finance.rates import LEGAL_RATES

    Rate = apps.get_model("finance", "Rate")
    for rate in LEGAL_RATES:
        Rate.objects.update_or_create(
            kind=rate.kind,
            valid_from=rate.valid_from,
            defaults={
                "valid_to": rate.valid_to,
                "rate": rate.rate,
                "grassroots_share": rate.grassroots_share,
                "remit_working_days": rate.remit_working_days,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("finance", "0001_rates_employers_returns_remittances_closures")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
