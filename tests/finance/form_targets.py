"""The money forms for the form-field walk: the only field that looks like a code is the
employer's tax code, a value kept on the union (it finds nothing)."""

from congdoan.finance.forms import EmployerForm

REFERENCE = {
    (EmployerForm, "tax_code"): "the employer's tax code: a value kept, it looks nothing up",
}


def cases(world, foreign) -> list:
    return []
