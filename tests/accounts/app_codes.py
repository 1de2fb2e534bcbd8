"""The code an authenticator app would show, as the device will take it."""

from django_otp.oath import TOTP, totp
from django_otp.plugins.otp_totp.models import TOTPDevice


def next_code(device: TOTPDevice) -> str:
    """The code of the current step, or of the step after the one last taken.

    The device refuses a step it already took and keeps the drift it learnt (a
    code typed across a 30-second boundary teaches it -1); this step is inside
    its window of one step either side whichever way the clock moves meanwhile.
    """
    device.refresh_from_db()
    now = TOTP(device.bin_key, drift=device.drift).t()
    step = max(device.last_t + 1, now)
    return f"{totp(device.bin_key, drift=step - TOTP(device.bin_key).t()):06d}"
