"""The portal's forms for the form-field walk (tests/form_walk.py): the activation form's code
and CCCD are the invitation's own proof, compared with that invitation's person only — they
find no one (tests/portal/test_activation.py: one answer whatever is wrong)."""

from congdoan.portal.forms import ActivationForm

REFERENCE = {
    (ActivationForm, "code"): "the invitation's activation code, compared with it only",
    (ActivationForm, "citizen_id"): "compared with the invitation's person only, finds no one",
}


def cases(world, foreign) -> list:
    return []
